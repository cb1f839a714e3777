/**
 * Quality gates of the built site (issue 3), in real headless Chromium against the site served on
 * 127.0.0.1. The pages are found by walking the built folder (every `index.html`, plus `404.html`), so
 * pages added later (search, speakers, …) are checked without editing this file.
 *
 * - axe-core: 0 violations (WCAG 2.0/2.1/2.2 A and AA, best practices) on every page, light and dark,
 *   1280 px and 320 px wide (all four on the first page of each kind, light 1280 and dark 320 on the
 *   rest); transcript pages also with a turn and a note as :target and with a note open in place; at
 *   320 px no page scrolls sideways (WCAG 1.4.10 reflow);
 * - html-validate (recommended rules, `.htmlvalidate.json`): no errors in any built HTML file;
 * - every internal href/src (and srcset, and url() in linked stylesheets) answers 200, and every
 *   `#fragment` names an element on its target page;
 * - every page loads with no console error, no failed request and no request off 127.0.0.1;
 * - with JavaScript disabled every transcript page holds every turn (by id) and every note (li#fn-N)
 *   of its transcript.json, with all their words in order;
 * - loading the scripts shifts no layout (CLS from Chromium's `layout-shift` entries < 0.01).
 *
 * Uses the site in `E2E_DIST_DIR`, else `<repo>/dist` (the e2e project's global setup runs `npm run build`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { FileSystemConfigLoader, HtmlValidate, type ConfigData } from 'html-validate'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { DistServer } from '../../scripts/lib/dist-server.ts'
import { AXE_TAGS, AxeBuilder } from './support/axe.ts'
import { closeSite, DIST, openSite } from './support/site.ts'

const REPO = fileURLToPath(new URL('../../', import.meta.url))
const VIEWS: { name: string; options: BrowserContextOptions }[] = [
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
const TIME_FRAGMENT = /^t=(\d+|\d{1,2}:\d{2}|\d+:\d{2}:\d{2})$/

/** The parts of `/<name>/transcript.json` read here (docs/data-format.md). */
interface TranscriptJson {
  blocks: { type: string; id?: string; paragraphs?: string[] }[]
  footnotes: { n: number; text: string }[]
}

interface SitePage {
  /** URL path, `/`, `/<name>/`, `/404.html`. */
  path: string
  /** The HTML file in the built folder. */
  file: string
  /** A transcript page (it has a `transcript.json` beside it). */
  transcript: boolean
}

/** Every page of the built site: each `index.html` (outside Pagefind's folder) and `404.html`. */
function findPages(dir: string): SitePage[] {
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

const pages = findPages(DIST)
const transcriptPages = pages.filter((p) => p.transcript)

/** Pages of one kind share a template: every transcript page; `/<folder>/<x>/` pages by their folder. */
function kindOf(page: SitePage): string {
  if (page.transcript) return 'transcript'
  const segments = page.path.split('/').filter(Boolean)
  return segments.length >= 2 ? `/${segments[0]}/*/` : page.path
}
const firstOfKind = new Set([...new Map([...pages].reverse().map((p) => [kindOf(p), p])).values()])

let server: DistServer | undefined
let browser: Browser | undefined
let origin = ''

beforeAll(async () => {
  ;({ server, browser } = await openSite('index.html'))
  origin = server.url
})

afterAll(() => closeSite({ server, browser }))

async function newContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
  if (!browser) throw new Error('the browser did not start')
  return browser.newContext(options)
}

/** Opens a page and waits until its scripts and requests have settled. */
async function open(context: BrowserContext, urlPath: string): Promise<Page> {
  const page = await context.newPage()
  const response = await page.goto(origin + urlPath, { waitUntil: 'load' })
  expect(response?.status(), `GET ${urlPath}`).toBe(200)
  await page.waitForLoadState('networkidle')
  return page
}

function formatAxe(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240)}`,
    ),
  )
}

test('the built site has an index page and at least one transcript page', () => {
  expect(
    pages.map((p) => p.path),
    `pages found in ${DIST}`,
  ).toContain('/')
  expect(transcriptPages.length, `transcript pages (folders with transcript.json) in ${DIST}`).toBeGreaterThan(0)
})

describe('html-validate', () => {
  test('no errors in any built HTML file', async () => {
    const configFile = path.join(REPO, '.htmlvalidate.json')
    const config: ConfigData = existsSync(configFile)
      ? (JSON.parse(readFileSync(configFile, 'utf8')) as ConfigData)
      : { extends: ['html-validate:recommended'] }
    // The built folder may lie outside the repository: use the repository's config for it, not a search.
    const validator = new HtmlValidate(new FileSystemConfigLoader({ ...config, root: true }))
    const errors: string[] = []
    const files = pages.map((p) => p.file)
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) {
      const report = await validator.validateFile(file)
      for (const result of report.results) {
        for (const m of result.messages) {
          if (m.severity === 2) errors.push(`${path.relative(DIST, file)}:${m.line}:${m.column}: ${m.message} [${m.ruleId}]`)
        }
      }
    }
    expect(errors, 'html-validate errors').toEqual([])
  })
})

describe.each(pages)('page $path', (sitePage) => {
  // Every view on the first page of each kind; the others of that kind (same template) light at
  // 1280 px and dark at 320 px, so each page still meets both schemes and the narrow width.
  const views = firstOfKind.has(sitePage) ? VIEWS : [VIEWS[0]!, VIEWS[3]!]
  test(`axe-core finds no violations (${views.map((v) => v.name).join('; ')}); no sideways scrolling at 320 px`, {
    timeout: 180_000,
  }, async () => {
    // A transcript page is also checked with its first turn and first note as :target (their
    // highlight colours), at 1280 px: the width does not change colours.
    const targets = ['']
    if (sitePage.transcript) {
      const json = (await (await fetch(`${origin}${sitePage.path}transcript.json`)).json()) as TranscriptJson
      const turn = json.blocks.find((b) => b.type === 'turn')
      if (turn) targets.push(`#${turn.id}`)
      if (json.footnotes[0]) targets.push(`#fn-${json.footnotes[0].n}`)
    }
    const problems: string[] = []
    // The views are independent (a context each), so they are checked side by side: axe-core on a long
    // transcript is CPU-bound in each page's renderer, and the machine has more than one core.
    await Promise.all(
      views.map(async (view) => {
        const context = await newContext(view.options)
        try {
          const page = await open(context, sitePage.path)
          const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)
          expect(dark, `prefers-color-scheme: dark in view "${view.name}"`).toBe(view.options.colorScheme === 'dark')
          for (const hash of view.options.viewport?.width === 320 ? [''] : targets) {
            if (hash) await page.goto(origin + sitePage.path + hash)
            const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()
            for (const line of formatAxe(results.violations)) problems.push(`[${view.name}${hash ? ` ${hash}` : ''}] ${line}`)
          }
          // A footnote's note opened in place (issue 3, item 4): focus the first reference and scan the
          // page with the note's dialog open. A dialog that does not open is a problem, not a skipped scan.
          // At 1280 px the notes stand in the margin (src/styles/notes.css, from 75rem) and open nowhere,
          // so this scan is made 1,000 px wide, where they open in place.
          if (
            sitePage.transcript &&
            view.options.viewport?.width !== 320 &&
            (await page.locator('a[data-footnote-ref]').count()) > 0
          ) {
            await page.setViewportSize({ width: 1000, height: 800 })
            await page.goto(origin + sitePage.path)
            await page.locator('a[data-footnote-ref]').first().focus()
            const dialog = page.locator('[role="dialog"]:visible')
            const opened = await dialog
              .first()
              .waitFor({ timeout: 10_000 })
              .then(
                () => true,
                () => false,
              )
            if (opened) {
              const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()
              for (const line of formatAxe(results.violations))
                problems.push(`[${view.name}, 1,000 px, a note open in place] ${line}`)
            } else {
              problems.push(
                `[${view.name}, 1,000 px] focusing the first note reference opened no dialog in 10 s: its note was not scanned`,
              )
            }
          }
          if (view.options.viewport?.width === 320) {
            const wide = await page.evaluate(() => ({
              scrollWidth: document.documentElement.scrollWidth,
              clientWidth: document.documentElement.clientWidth,
              culprits: [...document.querySelectorAll('body *')]
                .filter(
                  (el) =>
                    el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 ||
                    (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible'),
                )
                .slice(0, 5)
                .map(
                  (el) =>
                    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`,
                ),
            }))
            if (wide.scrollWidth > wide.clientWidth) {
              problems.push(
                `[${view.name}] the page is ${wide.scrollWidth} px wide in a ${wide.clientWidth} px viewport; too wide: ${wide.culprits.join(', ')}`,
              )
            }
          }
        } finally {
          await context.close()
        }
      }),
    )
    expect(problems.sort(), `accessibility problems on ${sitePage.path}`).toEqual([])
  })

  test('loads with no console error, no failed request and no request off 127.0.0.1', async () => {
    const context = await newContext()
    const problems: string[] = []
    // Nothing leaves the machine: requests elsewhere are recorded and refused.
    await context.route(
      (url) => url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin,
      async (route) => {
        problems.push(`third-party request: ${route.request().url()}`)
        await route.abort('blockedbyclient')
      },
    )
    try {
      const page = await context.newPage()
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()} (${m.location().url}:${m.location().lineNumber})`)
      })
      page.on('pageerror', (e) => problems.push(`uncaught exception: ${e.message}`))
      page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()} (${r.failure()?.errorText ?? 'unknown'})`))
      page.on('response', (r) => {
        if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`)
      })
      const response = await page.goto(origin + sitePage.path, { waitUntil: 'load' })
      expect(response?.status(), `GET ${sitePage.path}`).toBe(200)
      await page.waitForLoadState('networkidle')
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
      await page.waitForTimeout(300)
    } finally {
      await context.close()
    }
    expect(problems, `problems loading ${sitePage.path}`).toEqual([])
  })

  test('no layout shift when the scripts load (CLS < 0.01), at 1280 px and 320 px', async () => {
    const shifts: string[] = []
    for (const view of [VIEWS[0]!, VIEWS[2]!]) {
      const context = await newContext(view.options)
      try {
        // Every shift counts, also those Chromium marks `hadRecentInput`: the test gives no input, yet
        // mobile emulation marks shifts after load as following input.
        await context.addInitScript(() => {
          const w = window as unknown as { __shifts: { value: number; sources: string[] }[] }
          w.__shifts = []
          if (!PerformanceObserver.supportedEntryTypes.includes('layout-shift')) return
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources?: { node?: Node }[] })[]) {
              const sources = (entry.sources ?? []).map((s) => {
                const el = s.node instanceof Element ? s.node : s.node?.parentElement
                return el
                  ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`
                  : '?'
              })
              w.__shifts.push({ value: entry.value, sources })
            }
          }).observe({ type: 'layout-shift', buffered: true })
        })
        const page = await open(context, sitePage.path)
        await page.waitForTimeout(1000)
        const supported = await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('layout-shift'))
        expect(supported, "Chromium reports 'layout-shift' entries").toBe(true)
        const entries = await page.evaluate(
          () => (window as unknown as { __shifts: { value: number; sources: string[] }[] }).__shifts,
        )
        const cls = entries.reduce((sum, e) => sum + e.value, 0)
        if (cls >= 0.01)
          shifts.push(
            `[${view.name}] CLS ${cls.toFixed(4)}: ${entries.map((e) => `${e.value.toFixed(4)} ${e.sources.join(' ')}`).join('; ')}`,
          )
      } finally {
        await context.close()
      }
    }
    expect(shifts, `layout shifts on ${sitePage.path}`).toEqual([])
  })
})

describe('links', () => {
  test('every internal link, script, stylesheet and image answers 200, and every #fragment names an element', {
    timeout: 300_000,
  }, async () => {
    const idsByPath = new Map<string, Set<string>>()
    const refs: { from: string; url: string }[] = []
    const context = await newContext({ javaScriptEnabled: false })
    const scripted = await newContext()
    try {
      // Links and ids as served (no JavaScript) and after the scripts ran (links they add count too).
      for (const ctx of [context, scripted]) {
        for (const sitePage of pages) {
          const page = await open(ctx, sitePage.path)
          const found = await page.evaluate(() => {
            const urls: string[] = []
            const attr = (sel: string, name: string) =>
              document.querySelectorAll(sel).forEach((el) => {
                const v = el.getAttribute(name)
                if (v !== null) urls.push(new URL(v, document.baseURI).href)
              })
            attr('a[href], area[href], link[href], use[href], image[href]', 'href')
            attr('[*|href]:not([href])', 'xlink:href')
            attr(
              'script[src], img[src], iframe[src], source[src], audio[src], video[src], track[src], embed[src], input[src]',
              'src',
            )
            attr('video[poster]', 'poster')
            attr('object[data]', 'data')
            attr('form[action]', 'action')
            for (const el of document.querySelectorAll('[srcset]')) {
              for (const c of el.getAttribute('srcset')!.split(',')) {
                const u = c.trim().split(/\s+/)[0]
                if (u) urls.push(new URL(u, document.baseURI).href)
              }
            }
            const ids = [...document.querySelectorAll('[id]')].map((el) => el.id)
            const names = [...document.querySelectorAll('a[name]')].map((el) => el.getAttribute('name')!)
            const sheets = [...document.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"][href]')].map((l) => l.href)
            return { urls, ids: [...ids, ...names], sheets }
          })
          const ids = idsByPath.get(sitePage.path) ?? new Set<string>()
          for (const id of found.ids) ids.add(id)
          idsByPath.set(sitePage.path, ids)
          for (const url of found.urls) refs.push({ from: sitePage.path, url })
          for (const sheet of found.sheets) {
            const css = await (await fetch(sheet)).text()
            for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
              if (!m[2]!.startsWith('data:')) refs.push({ from: new URL(sheet).pathname, url: new URL(m[2]!, sheet).href })
            }
          }
          await page.close()
        }
      }
    } finally {
      await context.close()
      await scripted.close()
    }
    expect(refs.length, 'links found').toBeGreaterThan(0)

    const broken = new Set<string>()
    const status = new Map<string, number>()
    const targetIds = async (urlPath: string): Promise<Set<string> | null> => {
      if (idsByPath.has(urlPath)) return idsByPath.get(urlPath)!
      return null // not an HTML page of the site (JSON, an asset): no fragment can name anything in it
    }
    for (const { from, url } of refs) {
      const u = new URL(url)
      if (u.protocol === 'mailto:' || u.protocol === 'tel:') continue
      if (u.origin !== origin) continue // an external link (third-party requests are checked above)
      const key = u.pathname + u.search
      if (!status.has(key)) status.set(key, (await fetch(origin + key, { redirect: 'manual' })).status)
      const code = status.get(key)!
      if (code !== 200) {
        broken.add(
          `${from} → ${key}: HTTP ${code}${code >= 300 && code < 400 ? ' (a redirect: link to the canonical URL with its trailing slash)' : ''}`,
        )
        continue
      }
      const fragment = decodeURIComponent(u.hash.slice(1))
      if (!u.hash || fragment === '' || fragment === 'top') continue
      const ids = await targetIds(u.pathname)
      if (TIME_FRAGMENT.test(fragment) && transcriptPages.some((p) => p.path === u.pathname)) continue
      if (!ids?.has(fragment)) broken.add(`${from} → ${u.pathname}${u.hash}: no element with id="${fragment}" there`)
    }
    expect([...broken], 'broken internal links').toEqual([])
  })
})

/**
 * Whether every word of `text` is in `page`, in order (other words may come between: the page adds
 * controls, times and screen-reader announcements). Returns what is missing, or null.
 */
function firstMissingWord(text: string, page: string): string | null {
  const words = text.split(/\s+/).filter(Boolean)
  const pageWords = page.split(/\s+/).filter(Boolean)
  let at = 0
  for (const [i, word] of words.entries()) {
    while (at < pageWords.length && pageWords[at] !== word) at++
    if (at === pageWords.length)
      return `lacks (in order) word ${i + 1} "${word}" of "${words.slice(Math.max(0, i - 5), i + 5).join(' ')}"`
    at++
  }
  return null
}

describe.each(transcriptPages)('transcript page $path without JavaScript', (sitePage) => {
  test('holds every turn and every footnote of its transcript.json', async () => {
    const json = (await (await fetch(`${origin}${sitePage.path}transcript.json`)).json()) as TranscriptJson
    const turns = json.blocks.filter((b) => b.type === 'turn')
    expect(turns.length, `turns in ${sitePage.path}transcript.json`).toBeGreaterThan(0)
    const context = await newContext({ javaScriptEnabled: false })
    try {
      const page = await open(context, sitePage.path)
      const onPage = await page.evaluate(
        ({ turnIds, notes }) => {
          const text = (el: Element | null) => {
            if (!el) return null
            // The JSON's plain text has no footnote markers and no timestamps.
            const clone = el.cloneNode(true) as Element
            for (const a of clone.querySelectorAll('a[data-footnote-ref], a[id^="ts-"]')) a.remove()
            return clone.textContent ?? ''
          }
          return {
            turns: turnIds.map((id) => ({
              id,
              count: document.querySelectorAll(`[id="${CSS.escape(id)}"]`).length,
              text: text(document.getElementById(id)),
            })),
            notes: notes.map((n) => ({ n, text: text(document.querySelector(`li#fn-${n}`)) })),
          }
        },
        { turnIds: turns.map((t) => t.id!), notes: json.footnotes.map((f) => f.n) },
      )
      const missing: string[] = []
      turns.forEach((turn, i) => {
        const found = onPage.turns[i]!
        if (found.count !== 1) missing.push(`#${turn.id}: ${found.count} elements with this id`)
        else {
          const lost = firstMissingWord((turn.paragraphs ?? []).join(' '), found.text!)
          if (lost) missing.push(`#${turn.id}: ${lost}`)
        }
      })
      json.footnotes.forEach((note, i) => {
        const found = onPage.notes[i]!
        const lost = found.text === null ? 'missing' : firstMissingWord(note.text, found.text)
        if (lost) missing.push(`li#fn-${note.n}: ${lost}`)
      })
      expect(missing, `turns and notes of ${sitePage.path} missing without JavaScript`).toEqual([])
    } finally {
      await context.close()
    }
  })
})
