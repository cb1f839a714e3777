/**
 * Quality gates of the built site (issue 3), in real headless Chromium against the site served on
 * 127.0.0.1: html-validate (recommended rules, `.htmlvalidate.json`) finds no error in any built HTML file;
 * every page loads with no console error, no failed request and no request off 127.0.0.1; loading the
 * scripts shifts no layout (CLS < 0.01); with JavaScript disabled every transcript page holds every turn
 * (by id) and every note (li#fn-N) of its transcript.json, with all their words in order.
 * The shared pages, views and site: support/quality.ts. Uses the site in `E2E_DIST_DIR`, else `<repo>/dist`
 * (the e2e project's global setup builds it).
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { FileSystemConfigLoader, HtmlValidate, type ConfigData } from 'html-validate'
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import {
  DIST,
  firstOfKind,
  load,
  origin,
  pages,
  REPO,
  reusedPage,
  transcriptPages,
  useSeedSite,
  VIEWS,
  type TranscriptJson,
} from './support/quality.ts'
import { settle } from './support/settle.ts'

useSeedSite()

/** Where the page that loads each site page in turn reports its problems: the running test's list. */
let sink: string[] | undefined

/** Records the problems of every page loaded in this context: console errors, uncaught exceptions, failed
 * requests, HTTP errors; a request elsewhere than 127.0.0.1 is recorded and refused (nothing leaves the machine). */
async function watch(page: Page, context: BrowserContext): Promise<void> {
  const report = (problem: string) => sink?.push(problem)
  await context.route(
    (url) => url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin,
    async (route) => {
      report(`third-party request: ${route.request().url()}`)
      await route.abort('blockedbyclient')
    },
  )
  page.on('console', (m) => {
    if (m.type() === 'error') report(`console error: ${m.text()} (${m.location().url}:${m.location().lineNumber})`)
  })
  page.on('pageerror', (e) => report(`uncaught exception: ${e.message}`))
  page.on('requestfailed', (r) => report(`failed request: ${r.url()} (${r.failure()?.errorText ?? 'unknown'})`))
  page.on('response', (r) => {
    if (r.status() >= 400) report(`HTTP ${r.status()}: ${r.url()}`)
  })
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

/** In every document of the layout-shift page, before its scripts: records each layout shift with its sources. */
function observeShifts(): void {
  const w = window as unknown as {
    __shifts: { value: number; sources: string[] }[]
    __record: (entries: PerformanceEntryList) => void
    __shiftObserver?: PerformanceObserver
  }
  w.__shifts = []
  if (!PerformanceObserver.supportedEntryTypes.includes('layout-shift')) return
  w.__record = (list) => {
    for (const entry of list as (PerformanceEntry & { value: number; sources?: { node?: Node }[] })[]) {
      const sources = (entry.sources ?? []).map((s) => {
        const el = s.node instanceof Element ? s.node : s.node?.parentElement
        return el
          ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`
          : '?'
      })
      w.__shifts.push({ value: entry.value, sources })
    }
  }
  w.__shiftObserver = new PerformanceObserver((list) => w.__record(list.getEntries()))
  w.__shiftObserver.observe({ type: 'layout-shift', buffered: true })
}

describe.each(pages)('page $path', (sitePage) => {
  test('loads with no console error, no failed request and no request off 127.0.0.1', async () => {
    const problems: string[] = []
    sink = problems
    const page = await reusedPage({}, watch, 'requests')
    try {
      await load(page, sitePage.path)
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
      await page.waitForTimeout(300)
      await settle(page)
    } finally {
      // Off the page before the sink is closed, also when a check failed: anything it still logs or
      // fetches is this page's, never the next test's.
      await page.goto('about:blank').catch(() => undefined)
      sink = undefined
    }
    expect(problems, `problems loading ${sitePage.path}`).toEqual([])
  })

  test('no layout shift when the scripts load (CLS < 0.01), at 1280 px and 320 px', async () => {
    const shifts: string[] = []
    for (const view of [VIEWS[0]!, VIEWS[2]!]) {
      // Every shift counts, also those Chromium marks `hadRecentInput`: the test gives no input but a hover, yet
      // mobile emulation marks shifts after load as following input.
      const page = await reusedPage(view.options, (_, context) => context.addInitScript(observeShifts), 'layout-shift')
      await load(page, sitePage.path)
      // Not a fixed wait: a pointer reaches the participants panel, which fetches its filter (it swaps
      // each name's link for a button, src/components/Participants.astro); once the swap is done, one
      // idle period and two frames, so that any shift it caused is laid out and reported. The pointer's
      // arrival is dispatched, not moved there: a real hover would first scroll the page.
      if (await page.locator('[data-speaker-panel]').count()) await page.dispatchEvent('[data-speaker-panel] h2', 'pointerover')
      await page.waitForFunction(() => {
        const panel = document.querySelector('[data-speaker-panel]')
        return !panel || (panel.querySelector('a[data-speaker]') === null && panel.querySelector('button[data-speaker]') !== null)
      })
      await page.evaluate(
        () =>
          new Promise<void>((resolve) =>
            requestIdleCallback(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
          ),
      )
      const supported = await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('layout-shift'))
      expect(supported, "Chromium reports 'layout-shift' entries").toBe(true)
      // The entries delivered so far, and those queued for the observer but not yet delivered.
      const entries = await page.evaluate(() => {
        const w = window as unknown as {
          __shifts: { value: number; sources: string[] }[]
          __record: (entries: PerformanceEntryList) => void
          __shiftObserver?: PerformanceObserver
        }
        if (w.__shiftObserver) w.__record(w.__shiftObserver.takeRecords())
        return w.__shifts
      })
      const cls = entries.reduce((sum, e) => sum + e.value, 0)
      if (cls >= 0.01)
        shifts.push(
          `[${view.name}] CLS ${cls.toFixed(4)}: ${entries.map((e) => `${e.value.toFixed(4)} ${e.sources.join(' ')}`).join('; ')}`,
        )
    }
    expect(shifts, `layout shifts on ${sitePage.path}`).toEqual([])
  })
})

/** The header's search form, measured: the field's and the button's boxes, and the baselines of the button's
 * text and of the menu's first link, and how many search fields the page shows. */
function measureHeaderSearch(page: Page) {
  return page.evaluate(() => {
    const form = document.querySelector('.site-header form[role="search"]')
    if (!form) return null
    const input = form.querySelector('input')!
    const button = form.querySelector('button')!
    const box = (el: Element) => {
      const r = el.getBoundingClientRect()
      return { top: r.top, height: r.height }
    }
    // A text's baseline: an empty inline-block put at the end of its line sits on it.
    const baselineOf = (el: Element) => {
      const probe = document.createElement('span')
      probe.style.display = 'inline-block'
      el.append(probe)
      const y = probe.getBoundingClientRect().bottom
      probe.remove()
      return y
    }
    const link = document.querySelector('.site-nav > a')!
    const style = (el: Element) => getComputedStyle(el)
    return {
      input: box(input),
      button: box(button),
      // A field's text cannot hold a probe: it is centred in the field as the button's is, so the same
      // font size in boxes of the same height and top puts both on one baseline.
      fontSizes: [style(input).fontSize, style(button).fontSize],
      buttonBaseline: baselineOf(button),
      menuBaseline: baselineOf(link),
      fields: [...document.querySelectorAll('input[type="search"]')].filter((el) => (el as HTMLElement).checkVisibility()).length,
    }
  })
}

describe("the header's search field (issue 21, item 10)", () => {
  test.each([
    ['1440 px', { viewport: { width: 1440, height: 900 } }],
    ['390 px', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
  ])(
    'at %s the field and its button share a height and a baseline with the menu, on every kind of page; /search/ shows one search field',
    async (_name, view) => {
      const problems: string[] = []
      const page = await reusedPage(view)
      for (const sitePage of firstOfKind) {
        await load(page, sitePage.path)
        if (sitePage.path === '/search/') {
          // The page's own field, shown once its script runs; the header has none.
          const fields = () =>
            page.evaluate(
              () =>
                [...document.querySelectorAll('input[type="search"]')].filter((el) => (el as HTMLElement).checkVisibility())
                  .length,
            )
          await expect.poll(fields, { message: '/search/: search fields shown' }).toBe(1)
          continue
        }
        const m = await measureHeaderSearch(page)
        if (!m) {
          problems.push(`${sitePage.path}: no search form in the header`)
          continue
        }
        if (Math.abs(m.input.height - m.button.height) > 0.5)
          problems.push(`${sitePage.path}: field ${m.input.height} px tall, button ${m.button.height} px`)
        if (Math.abs(m.input.top - m.button.top) > 0.5)
          problems.push(`${sitePage.path}: field top ${m.input.top}, button top ${m.button.top}`)
        if (m.fontSizes[0] !== m.fontSizes[1])
          problems.push(`${sitePage.path}: field text ${m.fontSizes[0]}, button text ${m.fontSizes[1]}`)
        if (m.input.height < 24) problems.push(`${sitePage.path}: field ${m.input.height} px tall, under the 24 px of a target`)
        // On a wide screen the form stands in the menu's line; on a phone the menu takes its own line, which may wrap.
        if (view.viewport.width > 1000 && Math.abs(m.buttonBaseline - m.menuBaseline) > 1)
          problems.push(`${sitePage.path}: button baseline ${m.buttonBaseline}, menu baseline ${m.menuBaseline}`)
        if (m.fields !== 1) problems.push(`${sitePage.path}: ${m.fields} search fields shown`)
      }
      expect(problems).toEqual([])
    },
  )
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
    const page = await reusedPage({ javaScriptEnabled: false })
    await load(page, sitePage.path)
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
  })
})
