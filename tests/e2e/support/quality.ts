/**
 * What the quality gates (tests/e2e/quality-*.test.ts) share: every page of the seed site, found by walking
 * the built folder (every `index.html`, plus `404.html`), so that pages added later are checked without
 * editing a test; the views they are seen in; one served site and Chromium per test file (`useSeedSite`).
 * The gates are four files so that the e2e workers check them side by side.
 */
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import type { DistServer } from '../../../scripts/lib/dist-server.ts'
import type { AxeBuilder } from './axe.ts'
import { settle, trackRequests } from './settle.ts'
import { closeSite, DIST, openSite } from './site.ts'

export { DIST }

export const REPO = fileURLToPath(new URL('../../../', import.meta.url))
export const VIEWS: { name: string; options: BrowserContextOptions }[] = [
  { name: 'light, 1280 px', options: { colorScheme: 'light', viewport: { width: 1280, height: 800 } } },
  { name: 'dark, 1280 px', options: { colorScheme: 'dark', viewport: { width: 1280, height: 800 } } },
  {
    name: 'light, 320 px',
    options: { colorScheme: 'light', viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true },
  },
  {
    name: 'dark, 320 px',
    options: { colorScheme: 'dark', viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true },
  },
]
/** Time links (`#t=06:00`, `#t=360`, `#t=1:02:03`) are read by the page's script, not matched to ids (issue 3, item 2). */
export const TIME_FRAGMENT = /^t=(\d+|\d{1,2}:\d{2}|\d+:\d{2}:\d{2})$/

/** The parts of `/<name>/transcript.json` read here (docs/data-format.md). */
export interface TranscriptJson {
  blocks: { type: string; id?: string; paragraphs?: string[] }[]
  footnotes: { n: number; text: string }[]
}

export interface SitePage {
  /** URL path, `/`, `/<name>/`, `/404.html`. */
  path: string
  /** The HTML file in the built folder. */
  file: string
  /** A transcript page (it has a `transcript.json` beside it). */
  transcript: boolean
}

/** Every page of the built site: each `index.html` (outside Pagefind's folder) and `404.html`. */
export function findPages(dir: string): SitePage[] {
  if (!existsSync(dir)) return []
  const pages: SitePage[] = []
  const walk = (rel: string): void => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const relPath = path.posix.join(rel, entry.name)
      if (entry.isDirectory()) {
        if (rel === '' && ['pagefind', '_astro'].includes(entry.name)) continue
        walk(relPath)
      } else if (entry.name === 'index.html' || (rel === '' && entry.name === '404.html')) {
        const urlPath = entry.name === 'index.html' ? `/${rel}${rel ? '/' : ''}` : `/${entry.name}`
        pages.push({
          path: urlPath,
          file: path.join(dir, relPath),
          transcript: existsSync(path.join(dir, rel, 'transcript.json')) && rel !== '',
        })
      }
    }
  }
  walk('')
  return pages.sort((a, b) => a.path.localeCompare(b.path))
}

export const pages = findPages(DIST)
export const transcriptPages = pages.filter((p) => p.transcript)

/** Pages of one kind share a template: every transcript page; `/<folder>/<x>/` pages by their folder. */
export function kindOf(page: SitePage): string {
  if (page.transcript) return 'transcript'
  const segments = page.path.split('/').filter(Boolean)
  return segments.length >= 2 ? `/${segments[0]}/*/` : page.path
}
export const firstOfKind = new Set([...new Map([...pages].reverse().map((p) => [kindOf(p), p])).values()])

let server: DistServer | undefined
let browser: Browser | undefined
/** The served site's origin, once `useSeedSite`'s hook has run. */
export let origin = ''

/** Serves the seed site and starts Chromium before this file's tests; closes both after them. */
export function useSeedSite(): void {
  beforeAll(async () => {
    ;({ server, browser } = await openSite('index.html'))
    origin = server.url
  })
  afterAll(async () => {
    for (const opened of reused.values()) await (await opened).close()
    reused.clear()
    await closeSite({ server, browser })
  })
}

const reused = new Map<string, Promise<BrowserContext>>()
const pageOf = new WeakMap<BrowserContext, Page>()

/**
 * One page for each device (context options) and purpose, for the whole file, led from page to page by
 * `load`: a gate that checks every page of the site pays for a renderer's start-up and axe-core's first run
 * once, not once a page (measured on the seed site's nine speaker pages, each loaded and scanned: 23.0 s
 * with a fresh context each, 9.9 s with one page). Nothing is carried from one page to the next but the
 * warm renderer: each load is a new document. `prepare` runs once, when the page is made (listeners, init
 * scripts); `purpose` keeps pages with different preparations apart.
 */
export async function reusedPage(
  options: BrowserContextOptions = {},
  prepare?: (page: Page, context: BrowserContext) => Promise<unknown>,
  purpose = '',
): Promise<Page> {
  const key = JSON.stringify([purpose, options])
  let opened = reused.get(key)
  if (!opened) {
    opened = newContext(options).then(async (context) => {
      const page = await context.newPage()
      await prepare?.(page, context)
      pageOf.set(context, page)
      return context
    })
    reused.set(key, opened)
  }
  return pageOf.get(await opened)!
}

/** Loads `urlPath` in `page` as a new document and waits until its scripts and requests have settled. */
export async function load(page: Page, urlPath: string): Promise<void> {
  trackRequests(page)
  const response = await page.goto(origin + urlPath, { waitUntil: 'load' })
  expect(response?.status(), `GET ${urlPath}`).toBe(200)
  await settle(page)
}

export async function newContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
  if (!browser) throw new Error('the browser did not start')
  return browser.newContext(options)
}

export function formatAxe(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240)}`,
    ),
  )
}
