/**
 * `npm run screenshots`: pictures of every kind of page of the built site, so that the site can be seen
 * without building it, and checked by eye after a change (issue 21).
 *
 *   npm run screenshots                    every kind of page at 1440, 1024 and 390 px, light and dark,
 *                                          into tmp/screenshots/ (outside git)
 *   npm run screenshots -- --docs          only the README's handful (seed page, search, browse, a speaker;
 *                                          1280 px light and 390 px dark, WebP) into docs/screenshots/
 *   --dist DIR   the built site to show (default ./dist, built with `npm run build` when it is missing)
 *   --build      build ./dist first even when it exists
 *   --out DIR    where the pictures go
 *
 * The site is served on 127.0.0.1 on a port the OS assigns, and shown in Debian's Chromium through
 * playwright-core (scripts/lib/browser.ts); the colour scheme is the browser's `prefers-color-scheme`.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser } from './lib/browser.ts'
import { serveDist } from './lib/dist-server.ts'

const REPO = fileURLToPath(new URL('..', import.meta.url))
const SEED = '1962-11-14-01181'

interface Shot {
  /** The file's name, without width, scheme and extension. */
  kind: string
  /** The path on the site. */
  path: string
  /** Waits until the page shows what it is for (the search page's results). */
  ready?: (page: Page) => Promise<void>
}

interface View {
  width: number
  height: number
  scheme: 'light' | 'dark'
}

const ALL_VIEWS: View[] = [1440, 1024, 390].flatMap((width) =>
  (['light', 'dark'] as const).map((scheme) => ({ width, height: width === 390 ? 844 : 900, scheme })),
)
const DOCS_VIEWS: View[] = [
  { width: 1280, height: 800, scheme: 'light' },
  { width: 390, height: 844, scheme: 'dark' },
]
/** A full page is cut at this height: a long transcript would make a picture of tens of megabytes. */
const MAX_HEIGHT = 6000

const { values: options } = parseArgs({
  options: {
    docs: { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    dist: { type: 'string' },
    out: { type: 'string' },
  },
})

function siteFolder(): string {
  if (options.dist) {
    const dir = path.resolve(options.dist)
    if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`--dist ${options.dist}: no index.html there`)
    return dir
  }
  const dir = path.join(REPO, 'dist')
  if (options.build || !existsSync(path.join(dir, 'index.html'))) {
    process.stderr.write('Building the site into ./dist (npm run build) …\n')
    const result = spawnSync(process.execPath, [path.join(REPO, 'scripts/build.ts')], { cwd: REPO, stdio: 'inherit' })
    if (result.status !== 0) throw new Error(`the build failed (exit status ${result.status ?? result.signal})`)
  }
  return dir
}

/** The first link on `page` of the site that matches `selector`, as a path; undefined when there is none. */
async function firstLink(browser: Browser, origin: string, page: string, selector: string): Promise<string | undefined> {
  const tab = await browser.newPage()
  try {
    await tab.goto(origin + page)
    const href = await tab.locator(selector).first().getAttribute('href', { timeout: 2000 })
    return href ? new URL(href, origin + page).pathname : undefined
  } catch {
    return undefined
  } finally {
    await tab.close()
  }
}

/** The pages to show: one of each kind the site has; with `--docs`, the README's four. */
async function shots(browser: Browser, origin: string, dist: string): Promise<Shot[]> {
  const seed = existsSync(path.join(dist, SEED, 'index.html'))
  const transcript = seed ? `/${SEED}/` : await firstLink(browser, origin, '/', '.transcript-list h3 a')
  const speaker = existsSync(path.join(dist, 'speakers/dean-rusk/index.html'))
    ? '/speakers/dean-rusk/'
    : await firstLink(browser, origin, '/speakers/', 'main a[href*="/speakers/"]:not([href$="/speakers/"])')
  const search: Shot = {
    kind: 'search',
    path: `/search/?q=${encodeURIComponent(seed ? 'missiles' : 'the')}`,
    ready: (page) => page.locator('[data-results] li').first().waitFor({ timeout: 15_000 }),
  }
  const docs: Shot[] = [
    ...(transcript ? [{ kind: 'transcript', path: transcript }] : []),
    search,
    { kind: 'browse', path: '/browse/' },
    ...(speaker ? [{ kind: 'speaker', path: speaker }] : []),
  ]
  if (options.docs) return docs
  const month = await firstLink(browser, origin, '/', '.br-months a')
  const about = existsSync(path.join(dist, 'about/index.html'))
  const all: Shot[] = [
    { kind: 'front', path: '/' },
    ...docs,
    ...(month ? [{ kind: 'month', path: month }] : []),
    { kind: 'speakers', path: '/speakers/' },
    ...(about ? [{ kind: 'about', path: '/about/' }] : []),
    { kind: 'not-found', path: '/404.html' },
  ]
  return all
}

async function main(): Promise<void> {
  const dist = siteFolder()
  const out = path.resolve(options.out ?? path.join(REPO, options.docs ? 'docs/screenshots' : 'tmp/screenshots'))
  mkdirSync(out, { recursive: true })
  const server = await serveDist(dist)
  const browser = await launchBrowser()
  try {
    const list = await shots(browser, server.url, dist)
    for (const view of options.docs ? DOCS_VIEWS : ALL_VIEWS) {
      const context = await browser.newContext({
        viewport: { width: view.width, height: view.height },
        colorScheme: view.scheme,
        ...(view.width < 600 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 1 } : {}),
      })
      try {
        for (const shot of list) {
          const page = await context.newPage()
          const response = await page.goto(server.url + shot.path, { waitUntil: 'load' })
          if (!response || (response.status() !== 200 && shot.kind !== 'not-found'))
            throw new Error(`GET ${shot.path}: ${response?.status() ?? 'no answer'}`)
          await page.waitForLoadState('networkidle')
          await shot.ready?.(page).catch(() => process.stderr.write(`${shot.path}: not ready in time, taken as it is\n`))
          const file = path.join(out, `${shot.kind}-${view.width}-${view.scheme}.${options.docs ? 'webp' : 'png'}`)
          if (options.docs) {
            // The first screen, as WebP: small enough to keep in git (Chromium's own encoder, through CDP).
            const cdp = await context.newCDPSession(page)
            const { data } = await cdp.send('Page.captureScreenshot', { format: 'webp', quality: 70 })
            writeFileSync(file, Buffer.from(data, 'base64'))
          } else {
            const height = await page.evaluate(() => document.documentElement.scrollHeight)
            await page.screenshot({
              path: file,
              fullPage: true,
              clip: { x: 0, y: 0, width: view.width, height: Math.min(height, MAX_HEIGHT) },
            })
          }
          process.stdout.write(`${path.relative(REPO, file)}\n`)
          await page.close()
        }
      } finally {
        await context.close()
      }
    }
  } finally {
    await browser.close()
    await server.close()
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
