/**
 * What a page costs to open, measured in Chromium: every response the page receives while it opens
 * (until the network is idle and a second more), by resource type, each body gzipped at level 9 as the
 * bench server sends it. Inline <script> elements count as JavaScript too (they are also in the HTML).
 */
import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'

export interface Resource {
  url: string
  type: string
  bytes: number
  gzip: number
}

export interface PageBytes {
  /** The HTML document and every stylesheet. */
  htmlCss: Resource[]
  /** Every script file, plus one entry for the inline scripts when there are any. */
  js: Resource[]
  /** Everything else the page fetched (images, fonts, …). */
  other: Resource[]
}

const gzip = (body: Buffer | string): number => gzipSync(body, { level: 9 }).length

export async function measurePage(browser: Browser, url: string): Promise<PageBytes> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    const page = await context.newPage()
    const pending: Promise<Resource | null>[] = []
    context.on('response', (response) => {
      pending.push(
        response.body().then(
          (body) => ({ url: response.url(), type: response.request().resourceType(), bytes: body.length, gzip: gzip(body) }),
          () => null, // a redirect or an aborted request has no body
        ),
      )
    })
    const response = await page.goto(url, { waitUntil: 'load' })
    if (response?.status() !== 200) throw new Error(`GET ${url}: HTTP ${response?.status()}`)
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(1000)
    const inline = await page.evaluate(() =>
      [...document.querySelectorAll('script:not([src])')]
        .filter((s) => !s.getAttribute('type') || /module|javascript/.test(s.getAttribute('type')!))
        .map((s) => s.textContent ?? '')
        .join('\n'),
    )
    const resources = (await Promise.all(pending)).filter((r): r is Resource => r !== null)
    const result: PageBytes = {
      htmlCss: resources.filter((r) => r.type === 'document' || r.type === 'stylesheet'),
      js: resources.filter((r) => r.type === 'script'),
      other: resources.filter((r) => !['document', 'stylesheet', 'script'].includes(r.type)),
    }
    if (inline.trim())
      result.js.push({ url: '(inline <script> elements)', type: 'inline', bytes: Buffer.byteLength(inline), gzip: gzip(inline) })
    return result
  } finally {
    await context.close()
  }
}

export const sum = (resources: Resource[]): number => resources.reduce((total, r) => total + r.gzip, 0)
