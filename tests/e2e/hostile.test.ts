/**
 * Nothing a transcript says can run in a reader's browser. The combined fixture site holds the
 * hostile-content transcripts in tests/fixtures/hostile/content/ (script and markup in every field: label, text,
 * footnote, heading, header id), then every page is opened in Chromium: no dialog may open, no element the
 * content tried to inject may exist, no Content-Security-Policy violation may be logged, and the payloads
 * must be on the page as text.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { HOSTILE_CONTENT as content, hostileNames as names } from './support/collections.ts'
import { closeSite, openFixtureSite, type Site } from './support/site.ts'

let site: Partial<Site> = {}

// The combined fixture site (support/collections.ts): every hostile-content transcript among others.
beforeAll(async () => {
  site = await openFixtureSite('combined')
}, 900_000)

afterAll(() => closeSite(site))

/** A page that records every dialog it opens and every Content-Security-Policy violation it logs. */
async function watchedPage() {
  const context = await site.browser!.newContext()
  const page = await context.newPage()
  const dialogs: string[] = []
  const violations: string[] = []
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message())
    await dialog.dismiss()
  })
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text())
  })
  return { context, page, dialogs, violations }
}

describe('hostile transcripts', () => {
  test('there are hostile-content transcripts', () => {
    expect(names.length).toBeGreaterThanOrEqual(5)
  })

  test.each(['', ...names.map((name) => `${name}/`)])('/%s renders every payload as text and runs none of it', async (path) => {
    const { context, page, dialogs, violations } = await watchedPage()
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`Content-Security-Policy violation: ${event.violatedDirective} ${event.blockedURI}`)
      })
    })
    const response = await page.goto(`${site.server!.url}/${path}`)
    expect(response?.status()).toBe(200)
    await page.waitForLoadState('load')
    // Give any injected handler (onerror, onload) its chance to fire.
    await page.waitForTimeout(200)

    const injected = await page.evaluate(() => {
      const found: string[] = []
      for (const element of document.querySelectorAll('*')) {
        for (const attribute of element.getAttributeNames()) {
          if (/^on/i.test(attribute)) found.push(`${element.localName}[${attribute}]`)
        }
        // The site makes no img, iframe or object, and no svg or b inside a transcript's text.
        if (['img', 'iframe', 'object', 'embed'].includes(element.localName)) found.push(element.localName)
        if (['svg', 'b'].includes(element.localName) && element.closest('article.transcript, .transcript-list')) {
          found.push(`${element.localName} in the text`)
        }
        const href = element.getAttribute('href') ?? ''
        if (/^\s*javascript:/i.test(href)) found.push(`${element.localName}[href=${href}]`)
      }
      for (const script of document.querySelectorAll('script')) {
        if (script.src && !new URL(script.src).pathname.startsWith('/_astro/')) found.push(`script[src=${script.src}]`)
        if (!script.src && /alert/.test(script.textContent ?? '')) found.push('inline script')
      }
      return found
    })
    expect(injected).toEqual([])
    expect(dialogs).toEqual([])
    expect(violations).toEqual([])

    if (path) {
      const raw = readFileSync(join(content, `${path.slice(0, -1)}.txt`), 'utf8')
      const text = (await page.locator('main').textContent()) ?? ''
      for (const payload of ['<script>', 'onerror=', 'onload=', 'javascript:']) {
        const count = raw.split(payload).length - 1
        if (count > 0) expect(text.split(payload).length - 1, `"${payload}" shown as text`).toBeGreaterThanOrEqual(1)
      }
    }
    await context.close()
  })

  test.each(['script', 'onerror', 'javascript', 'svg onload', 'img'])(
    'searching for "%s" shows the payloads as text and runs none',
    async (query) => {
      const { context, page, dialogs, violations } = await watchedPage()
      await page.goto(`${site.server!.url}/search/?q=${encodeURIComponent(query)}`)
      await page.locator('.search-result').first().waitFor({ timeout: 15_000 })
      await page.waitForTimeout(200)
      const injected = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((element) => !(element.localName === 'script' && (element.getAttribute('src') ?? '').startsWith('/_astro/')))
          .filter(
            (element) =>
              ['img', 'svg', 'script', 'iframe', 'b'].includes(element.localName) ||
              element.getAttributeNames().some((a) => /^on/i.test(a)),
          )
          .map((element) => element.outerHTML.slice(0, 80)),
      )
      expect(injected).toEqual([])
      expect(dialogs).toEqual([])
      expect(violations).toEqual([])
      await context.close()
    },
  )
})
