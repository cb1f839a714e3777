/**
 * The built sites the browser tests read, served on 127.0.0.1 with Chromium started: one way to wait for a
 * fixture site (built by the global setup, support/sites.ts), open it and close it for all test files, and
 * the one place a test starts Chromium (with scripts/lib/browser.ts's flags, which the benchmarks share).
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { expect, inject } from 'vitest'
import { launchBrowser } from '../../../scripts/lib/browser.ts'
import { serveDist, type DistServer } from '../../../scripts/lib/dist-server.ts'
import { placeOf, type SiteName } from './sites.ts'

/** The seed site: ./dist as `npm run build` writes it, or E2E_DIST_DIR (a site built elsewhere). */
export const DIST = placeOf('seed').dist

export interface Site {
  server: DistServer
  browser: Browser
}

export interface BuiltSite {
  /** The folder served. */
  dist: string
  /** The build's output (stdout and stderr); empty for a site built elsewhere (E2E_DIST_DIR). */
  output: string
}

/** How long a test file waits for its site: the largest (browse) takes a minute or two on a loaded machine. */
const WAIT_MS = 15 * 60_000

/**
 * Waits until the global setup has built `name` and returns it; fails with the build's last output when
 * the build failed, and says so when the site is not built in this run at all.
 */
export async function fixtureSite(name: SiteName): Promise<BuiltSite> {
  const place = inject('sites')?.[name]
  if (!place) {
    throw new Error(
      `The fixture site "${name}" is not built in this run: tests/e2e/global-setup.ts builds it for the files listed as its readers in tests/e2e/support/sites.ts.`,
    )
  }
  const deadline = Date.now() + WAIT_MS
  while (!existsSync(place.result)) {
    if (Date.now() > deadline) throw new Error(`The fixture site "${name}" was not built within ${WAIT_MS / 60_000} minutes.`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  const result = JSON.parse(readFileSync(place.result, 'utf8')) as { ok: boolean; output: string }
  if (!result.ok) throw new Error(`The fixture site "${name}" did not build:\n${result.output}`)
  return { dist: place.dist, output: result.output }
}

/** Starts Chromium's headless shell for a test (scripts/lib/browser.ts); `args` adds flags (the audio tests' autoplay policy). */
export function startChromium(args: string[] = []): Promise<Browser> {
  return launchBrowser({ args }, { shell: true })
}

export interface OpenOptions {
  /** The path the site is deployed under (`/tapes/`): it is served there only. */
  base?: string
  /** More Chromium flags. */
  args?: string[]
}

/** Waits for a fixture site, serves it and starts Chromium. */
export async function openFixtureSite(name: SiteName, options: OpenOptions = {}): Promise<Site & BuiltSite> {
  const built = await fixtureSite(name)
  const server = await serveDist(built.dist, options.base)
  try {
    return { ...built, server, browser: await startChromium(options.args) }
  } catch (error) {
    await server.close()
    throw error
  }
}

/** Serves the seed site and starts Chromium; fails clearly when a file the tests need was not built. */
export async function openSite(...required: string[]): Promise<Site> {
  const { dist } = await fixtureSite('seed')
  for (const file of required) {
    const full = path.join(dist, file)
    if (!existsSync(full)) {
      throw new Error(`The built site is missing ${full}: the seed site's build (npm run build) did not write it.`)
    }
  }
  const server = await serveDist(dist)
  return { server, browser: await startChromium() }
}

export async function closeSite(site: Partial<Site> | undefined): Promise<void> {
  await site?.browser?.close()
  await site?.server?.close()
}

/**
 * Opens `path` of the built site in a new browser context, checks it answered 200, hands the page to
 * `use` and closes the context afterwards: every browser test opens a page on the built site, and its
 * context must be closed even when a check fails.
 */
export async function withPage<T>(
  site: Partial<Site>,
  path: string,
  use: (page: Page) => Promise<T>,
  options: BrowserContextOptions = {},
): Promise<T> {
  if (!site.browser || !site.server) throw new Error('the browser did not start')
  const context = await site.browser.newContext(options)
  try {
    const page = await context.newPage()
    const response = await page.goto(new URL(path, site.server.url).href)
    expect(response?.status(), `GET ${path}`).toBe(200)
    return await use(page)
  } finally {
    await context.close()
  }
}

const devices = new WeakMap<Browser, Map<string, Promise<Page>>>()

/**
 * `withPage` for the scans that look at one page in several views (axe-core, light and dark, wide and
 * narrow): one page per device (the options less the colour scheme, which is emulated) for the whole file,
 * closed with the browser, and led to `path` as a new document each time. A fresh context for each view paid a
 * renderer's start and axe-core's first run before every scan, about as much as a scan of a small page.
 */
export async function withDevicePage<T>(
  site: Partial<Site>,
  path: string,
  use: (page: Page) => Promise<T>,
  options: BrowserContextOptions = {},
): Promise<T> {
  const { browser, server } = site
  if (!browser || !server) throw new Error('the browser did not start')
  const { colorScheme = 'light', ...device } = options
  let pages = devices.get(browser)
  if (!pages) {
    pages = new Map()
    devices.set(browser, pages)
  }
  const key = JSON.stringify(device)
  let page = pages.get(key)
  if (!page) {
    page = browser.newContext(device).then((context) => context.newPage())
    pages.set(key, page)
  }
  const ready = await page
  await ready.emulateMedia({ colorScheme })
  const response = await ready.goto(new URL(path, server.url).href)
  expect(response?.status(), `GET ${path}`).toBe(200)
  return use(ready)
}
