/**
 * Browsing a collection (issue 9, item 6) in real headless Chromium, without JavaScript, on the browse
 * fixture site (support/collections.ts), a small generated collection, so that months and speakers run to several pages:
 *
 * - 150 transcripts from scripts/make-corpus.ts, redated: numbers 0–104 to October 1962, 105–134 to
 *   November 1962, 135–149 to January 1963;
 * - three copies of the seed (McGeorge Bundy: 48 turns each, `grep -c` of `Bundy:` and `McGeorge Bundy:`),
 *   dated 5 and 20 October and 14 November 1962: Bundy has 144 turns, 100 on page 1 (48 + 48 + the first
 *   4 of the 14 November copy, which continues on page 2) and 44 on page 2.
 *
 * So October holds 107 transcripts (pages of 100 and 7), November 31, January 1963 15: 153 in all, more
 * than the front page lists in full. About 600 people speak, more than one index page (200) holds, so
 * the participants index is by letter.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate'
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { root } from '../support/paths.ts'
import { AxeBuilder } from './support/axe.ts'
import { browseCollection } from './support/collections.ts'
import { closeSite, openFixtureSite, type Site, withPage } from './support/site.ts'

const VIEWS: { name: string; options: BrowserContextOptions }[] = [
  { name: 'light, 1280 px', options: { colorScheme: 'light', viewport: { width: 1280, height: 800 } } },
  { name: 'dark, 1280 px', options: { colorScheme: 'dark', viewport: { width: 1280, height: 800 } } },
  { name: 'light, 320 px', options: { colorScheme: 'light', viewport: { width: 320, height: 640 }, isMobile: true } },
  { name: 'dark, 320 px', options: { colorScheme: 'dark', viewport: { width: 320, height: 640 }, isMobile: true } },
]

/** Every transcript of the browse fixture site, by page name (support/collections.ts). */
const written = browseCollection()
let opened: Partial<Site> = {}
let dist = ''
const site = () => opened

beforeAll(async () => {
  const built = await openFixtureSite('browse')
  opened = built
  dist = built.dist
}, 900_000)

afterAll(() => closeSite(opened))

const noScript = { javaScriptEnabled: false }

/** The path of the page open now. */
const here = (page: Page) => new URL(page.url()).pathname

/** Follows a link (by its rel, or a locator) and waits for the new page. */
async function follow(page: Page, selector: string): Promise<string> {
  const link = page.locator(selector).first()
  const href = await link.getAttribute('href')
  await Promise.all([page.waitForURL((url) => url.pathname === href), link.click()])
  return here(page)
}

/** The transcripts a browse page lists: their page names, in order. */
function listed(page: Page): Promise<string[]> {
  return page.$$eval('main .transcript-list > li article h2 a', (links) => links.map((a) => a.getAttribute('href')!.slice(1, -1)))
}

describe('the front page', () => {
  test('says how large the collection is and lists years and months with their counts, not every transcript', async () => {
    await withPage(
      site(),
      '/',
      async (page) => {
        expect(await page.locator('main').textContent()).toContain(
          '153 transcripts, recorded from Monday, October 1, 1962 to Saturday, January 26, 1963',
        )
        const years = await page.$$eval('main .br-year', (hs) => hs.map((h) => h.textContent!.replace(/\s+/g, ' ').trim()))
        expect(years).toEqual(['1962 138 transcripts', '1963 15 transcripts'])
        const months = await page.$$eval('main .br-months a', (as) =>
          as.map((a) => [
            a.getAttribute('href'),
            a.textContent!.replace(/\s+/g, ' ').trim(),
            a.parentElement!.querySelector('.meta')!.textContent!.trim(),
          ]),
        )
        expect(months).toEqual([
          ['/browse/1962/10/', 'October 1962', '107 transcripts'],
          ['/browse/1962/11/', 'November 1962', '31 transcripts'],
          ['/browse/1963/01/', 'January 1963', '15 transcripts'],
        ])
        // More than 100: the transcripts are reached through their months, and five are named, spread over
        // the dates: the first (1 October 1962) and the last (26 January 1963) among them (issue 21).
        const named = await page.$$eval('main .transcript-list time', (ts) => ts.map((t) => t.getAttribute('datetime')))
        expect(named).toHaveLength(5)
        expect(named[0]).toBe('1962-10-01')
        expect(named[4]).toBe('1963-01-26')
        for (const href of ['/speakers/', '/search/']) expect(await page.locator(`main a[href="${href}"]`).count()).toBe(1)
        // One link to browsing, the header's: the years and months below are the page's way in by date.
        expect(await page.locator('a[href="/browse/"]').count()).toBe(1)
        expect(await page.locator('.site-header a[href="/browse/"]').count()).toBe(1)
      },
      noScript,
    )
  })
})

describe('browsing by date, without JavaScript', () => {
  test('year → month → pages of 100 → the next month, each page with its breadcrumb, and on to a transcript', async () => {
    await withPage(
      site(),
      '/',
      async (page) => {
        expect(await follow(page, 'main .br-year a[href="/browse/1962/"]')).toBe('/browse/1962/')
        expect(await page.locator('h1').textContent()).toBe('1962')
        expect(await follow(page, 'main a[href="/browse/1962/10/"]')).toBe('/browse/1962/10/')

        // October, page 1 of 2: transcripts 1–100, in date order.
        expect(await page.locator('h1').textContent()).toBe('October 1962')
        expect(await page.locator('.br-summary').textContent()).toContain('107 transcripts; page 1 of 2 lists numbers 1–100')
        const first = await listed(page)
        expect(first).toHaveLength(100)
        const dates = first.map((name) => written.get(name)!.date)
        expect(dates).toEqual([...dates].sort())
        expect(await page.locator('[aria-label="Pages of October 1962"] [aria-current="page"]').textContent()).toContain('1')
        expect(await page.locator('a[rel="prev"]').count()).toBe(0)

        // Page 2: the other 7, its breadcrumb, and the way back.
        expect(await follow(page, 'a[rel="next"]')).toBe('/browse/1962/10/2/')
        const second = await listed(page)
        expect(second).toHaveLength(7)
        expect(await page.locator('main .transcript-list').getAttribute('start')).toBe('101')
        const crumbs = await page.$$eval('nav[aria-label="Breadcrumb"] li', (lis) =>
          lis.map((li) => [li.querySelector('a')?.getAttribute('href') ?? null, li.textContent!.trim()]),
        )
        expect(crumbs).toEqual([
          ['/', 'Transcripts'],
          ['/browse/', 'By date'],
          ['/browse/1962/', '1962'],
          [null, 'October 1962'],
        ])
        expect(await page.locator('nav[aria-label="Breadcrumb"] [aria-current="page"]').textContent()).toBe('October 1962')
        expect(await page.locator('a[rel="prev"]').first().getAttribute('href')).toBe('/browse/1962/10/')

        // From October's last page, next is November; from November, previous is October and next January 1963.
        expect(await follow(page, 'a[rel="next"]')).toBe('/browse/1962/11/')
        const november = await listed(page)
        expect(november).toHaveLength(31)
        expect(await page.locator('a[rel="prev"]').first().getAttribute('href')).toBe('/browse/1962/10/')
        expect(await follow(page, 'a[rel="next"]')).toBe('/browse/1963/01/')
        const january = await listed(page)
        expect(january).toHaveLength(15)
        expect(await page.locator('a[rel="next"]').count()).toBe(0)
        expect(await follow(page, 'a[rel="prev"]')).toBe('/browse/1962/11/')

        // Every transcript once, in one of the months.
        expect(new Set([...first, ...second, ...november, ...january])).toEqual(new Set(written.keys()))

        // On to a transcript: its page, with the title the list gave.
        const title = (await page.locator('main .transcript-list h2 a').first().textContent())!.trim()
        const target = await follow(page, 'main .transcript-list h2 a')
        expect(target).toBe(`/${november[0]}/`)
        expect(await page.title()).toBe(`${title} · Transcript Reader`)
      },
      noScript,
    )
  })

  test('each entry gives date, time, document id and participants, each participant linked to their page', async () => {
    await withPage(
      site(),
      '/browse/1962/11/',
      async (page) => {
        const entry = page.locator('main .transcript-list article', { has: page.locator('a[href="/1962-11-14-01181/"]') })
        const text = (await entry.textContent())!.replace(/\s+/g, ' ')
        expect(text).toContain('Off-the-Record Oval Office Conversation on Cuba')
        expect(text).toContain('Wednesday, November 14, 1962, 5:45 to 6:02 P.M. approx. · Document 01181')
        expect(await entry.locator('time').getAttribute('datetime')).toBe('1962-11-14')
        expect(await entry.locator('.participants a[href="/speakers/mcgeorge-bundy/"]').textContent()).toBe('McGeorge Bundy')
        // Four turns under a plain `Unidentified`: voices, but how many the transcript does not say.
        expect(await entry.locator('.participants a[href="/speakers/unidentified/"]').textContent()).toBe('unidentified voices')
        const response = await page.goto(new URL('/speakers/george-ball/', opened.server!.url).href)
        expect(response?.status()).toBe(200)
      },
      noScript,
    )
  })
})

describe('speaker pages and the participants index, without JavaScript', () => {
  test('a speaker with 144 turns: two pages, page n of m, previous and next, the continued transcript said on both', async () => {
    await withPage(
      site(),
      '/speakers/mcgeorge-bundy/',
      async (page) => {
        const turnLinks = () => page.$$eval('main .sp-turns a[href*="/#"]', (as) => as.map((a) => a.getAttribute('href')!))
        expect(await page.locator('.sp-summary').textContent()).toBe(
          '144 turns in 3 transcripts from Friday, October 5, 1962 to Wednesday, November 14, 1962. Page 1 of 2: turns 1–100.',
        )
        const one = await turnLinks()
        expect(one).toHaveLength(100)
        expect(one.filter((href) => href.startsWith('/1962-11-14-01181/'))).toHaveLength(4)
        // The last transcript on page 1 says it goes on; page 2 says it was begun before.
        const last = page.locator('main .sp-appearance').last()
        expect(await last.locator('h2 a').getAttribute('href')).toBe('/1962-11-14-01181/')
        expect(await last.locator('.sp-continues a').getAttribute('href')).toBe('/speakers/mcgeorge-bundy/2/')
        expect(await page.locator('[aria-label="Pages of turns"] [aria-current="page"]').textContent()).toContain('1')

        expect(await follow(page, 'a[rel="next"]')).toBe('/speakers/mcgeorge-bundy/2/')
        expect(await page.locator('.sp-summary').textContent()).toContain('Page 2 of 2: turns 101–144.')
        const two = await turnLinks()
        expect(two).toHaveLength(44)
        expect(two.every((href) => href.startsWith('/1962-11-14-01181/'))).toBe(true)
        expect((await page.locator('main .sp-appearance h2').first().textContent())?.replace(/\s+/g, ' ')).toContain(
          '(continued from page 1)',
        )
        expect(await page.locator('main .sp-continues').count()).toBe(0)
        expect(await page.locator('a[rel="next"]').count()).toBe(0)
        expect(new Set([...one, ...two]).size).toBe(144)
        expect(await follow(page, 'a[rel="prev"]')).toBe('/speakers/mcgeorge-bundy/')
      },
      noScript,
    )
  })

  test('/speakers/ goes by letter; a letter lists turns, transcripts, first and last dates, and leads to the speaker', async () => {
    await withPage(
      site(),
      '/speakers/',
      async (page) => {
        const letters = await page.$$eval('nav[aria-label="Speakers by surname or title"] a', (as) =>
          as.map((a) => a.getAttribute('href')!),
        )
        expect(letters).toContain('/speakers/index/b/')
        expect(letters.every((href) => /^\/speakers\/index\/([a-z]|other)\/$/.test(href))).toBe(true)
        expect(await page.locator('main a[href="/speakers/unidentified/"]').count()).toBe(1)
        expect(await follow(page, 'nav[aria-label="Speakers by surname or title"] a[href="/speakers/index/b/"]')).toBe(
          '/speakers/index/b/',
        )
        expect(await page.locator('nav[aria-label="Speakers by surname or title"] [aria-current="page"]').textContent()).toMatch(
          /^B/,
        )
        const row = page.locator('main .sp-index li', { has: page.locator('a[href="/speakers/mcgeorge-bundy/"]') })
        expect((await row.textContent())!.replace(/\s+/g, ' ')).toBe(
          'McGeorge Bundy · 144 turns in 3 transcripts · Friday, October 5, 1962 – Wednesday, November 14, 1962',
        )
        expect(await row.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')))).toEqual([
          '1962-10-05',
          '1962-11-14',
        ])
        // Every name under B has a surname in B.
        const names = await page.$$eval('main .sp-index a', (as) => as.map((a) => a.textContent!.trim()))
        expect(names.length).toBeGreaterThan(1)
        expect(names.every((name) => /^B/.test(name.split(/\s+/).at(-1)!))).toBe(true)
        expect(await follow(page, 'main a[href="/speakers/mcgeorge-bundy/"]')).toBe('/speakers/mcgeorge-bundy/')
        expect(await page.locator('nav[aria-label="Breadcrumb"] a[href="/speakers/index/b/"]').count()).toBe(1)
      },
      noScript,
    )
  })
})

/**
 * A speaker of several transcripts (McGeorge Bundy: 48 turns in each of the three copies of the seed, dated
 * 5 and 20 October and 14 November 1962) has contents by transcript, all without JavaScript, leading to
 * where their turns in each start on their own two pages; the copy of 14 November is the seed itself
 * (`Bundy:` opens 48 turns of the raw file), begun on page 1 (turns 97–100) and continued on page 2.
 */
describe('a speaker’s contents by transcript and date, without JavaScript', () => {
  const CONTENTS = 'nav[aria-label="Turns by transcript and date"]'
  const SEED_TURNS = '/speakers/mcgeorge-bundy/#in-1962-11-14-01181'

  test('a link per transcript, its date and turns, landing on exactly their turns in it', async () => {
    await withPage(
      site(),
      '/speakers/mcgeorge-bundy/2/',
      async (page) => {
        const contents = page.locator(CONTENTS)
        const entries = (await contents.locator('li').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim())
        expect(entries).toEqual([
          'Off-the-Record Oval Office Conversation on Cuba · Friday, October 5, 1962 · 48 turns',
          'Off-the-Record Oval Office Conversation on Cuba · Saturday, October 20, 1962 · 48 turns',
          'Off-the-Record Oval Office Conversation on Cuba · Wednesday, November 14, 1962 · 48 turns',
        ])
        expect(await contents.locator('li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
          '/speakers/mcgeorge-bundy/#in-1962-10-05-01181a',
          '/speakers/mcgeorge-bundy/#in-1962-10-20-01181b',
          SEED_TURNS,
        ])
        // One year: the year is said, not a link (the whole list is that year's).
        expect((await contents.locator('.sp-contents-year').allTextContents()).map((t) => t.trim())).toEqual(['1962'])
        expect(await contents.locator('.sp-contents-year a').count()).toBe(0)
        await contents.locator('li:has-text("November 14, 1962") a').click()
        await page.waitForURL((url) => `${url.pathname}${url.hash}` === SEED_TURNS)
        const target = page.locator('.sp-appearance:has(h2:target)')
        expect(await target.count()).toBe(1)
        const first = await target.locator('.sp-turns a[href*="/#"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
        expect(first).toHaveLength(4)
        // The rest of those turns are where the section says it goes on: the first section of page 2.
        expect(await follow(page, '.sp-appearance:has(h2:target) .sp-continues a')).toBe('/speakers/mcgeorge-bundy/2/')
        const rest = await page
          .locator('.sp-appearance')
          .first()
          .locator('.sp-turns a[href*="/#"]')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
        expect(rest).toHaveLength(44)
        const links = [...first, ...rest]
        expect(links.every((href) => href.startsWith('/1962-11-14-01181/#'))).toBe(true)
        await page.goto(new URL('/1962-11-14-01181/', opened.server!.url).href)
        const bundy = await page.$$eval('div.turn[data-speaker="mcgeorge-bundy"]', (turns) =>
          turns.map((turn) => `/1962-11-14-01181/#${turn.id}`),
        )
        expect(bundy).toHaveLength(48)
        expect(links).toEqual(bundy)
        // No page of its own per transcript or year: every turn is printed once, on the speaker's pages.
        expect(
          (await page.goto(new URL('/speakers/mcgeorge-bundy/in/1962-11-14-01181/', opened.server!.url).href))?.status(),
        ).toBe(404)
      },
      noScript,
    )
  })

  test('a speaker of many transcripts across years: years lead to where they start; every transcript on a page of its own', async () => {
    await withPage(
      site(),
      '/speakers/unidentified/',
      async (page) => {
        const summary = (await page.locator('.sp-summary').textContent()) ?? ''
        const count = Number(/in ([\d,]+) transcripts/.exec(summary)?.[1]?.replace(/,/g, ''))
        expect(count).toBeGreaterThan(24)
        const contents = page.locator(CONTENTS)
        // Too many to list on every page of theirs: the years here, the whole list one link away.
        expect(await contents.locator('li').count()).toBe(0)
        const years = await contents
          .locator('a:not(:text-matches("Every transcript"))')
          .evaluateAll((as) => as.map((a) => [a.textContent!.trim(), a.getAttribute('href')!]))
        expect(years.map(([year]) => year)).toEqual(['1962', '1963'])
        expect(await follow(page, `${CONTENTS} a:text-matches("Every transcript")`)).toBe('/speakers/unidentified/transcripts/')
        const listed = await page.$$eval('main .sp-contents li', (items) =>
          items.map((li) => ({ href: li.querySelector('a')!.getAttribute('href')!, text: li.textContent!.replace(/\s+/g, ' ') })),
        )
        expect(listed).toHaveLength(count)
        // Each year's link is its first transcript's; every link names a section of the speaker's turns that exists.
        const inYear = (year: string) => listed.filter((entry) => entry.text.includes(`, ${year} ·`))
        expect(years.map(([, href]) => href)).toEqual([inYear('1962')[0]!.href, inYear('1963')[0]!.href])
        expect(inYear('1962').length + inYear('1963').length).toBe(count)
        const pages = new Map<string, string[]>()
        for (const { href } of listed) {
          const [path, id] = href.split('#') as [string, string]
          pages.set(path, [...(pages.get(path) ?? []), id])
        }
        for (const [path, ids] of pages) {
          await page.goto(new URL(path, opened.server!.url).href)
          const present = await page.$$eval('.sp-appearance h2', (hs) => hs.map((h) => h.id))
          expect(ids.filter((id) => !present.includes(id))).toEqual([])
        }
      },
      noScript,
    )
  })
})

describe('quality', () => {
  // Every view on a page of each kind (a month's second page, a letter of the index, a speaker's page with
  // a transcript continued on the next); light at 1280 px and dark at 320 px on the others (a speaker's
  // every-transcript page among them).
  const everyView = ['/browse/1962/10/2/', '/speakers/index/b/', '/speakers/mcgeorge-bundy/']
  const twoViews = ['/', '/browse/1962/', '/speakers/', '/speakers/mcgeorge-bundy/2/', '/speakers/unidentified/transcripts/']
  const checked = [...everyView, ...twoViews]

  // One page per device (1280 px, 320 px) for every page checked, light and dark in one load
  // (`emulateMedia`): a context per view paid a renderer's start and axe-core's first run for each scan.
  const devices = new Map<boolean, Promise<{ context: BrowserContext; page: Page }>>()
  afterAll(async () => {
    for (const device of devices.values()) await (await device).context.close()
  })
  const deviceFor = (narrow: boolean) => {
    let device = devices.get(narrow)
    if (!device) {
      const { colorScheme: _, ...options } = VIEWS[narrow ? 2 : 0]!.options
      device = opened.browser!.newContext(options).then(async (context) => ({ context, page: await context.newPage() }))
      devices.set(narrow, device)
    }
    return device.then((d) => d.page)
  }

  test.each(checked)(
    '%s: no axe-core violations (light and dark, 1280 and 320 px), no sideways scrolling',
    { timeout: 180_000 },
    async (path) => {
      const problems: string[] = []
      const views = everyView.includes(path) ? VIEWS : [VIEWS[0]!, VIEWS[3]!]
      for (const narrow of [false, true]) {
        const page = await deviceFor(narrow)
        const response = await page.goto(new URL(path, opened.server!.url).href)
        expect(response?.status(), `GET ${path}`).toBe(200)
        for (const view of views.filter((v) => (v.options.viewport?.width === 320) === narrow)) {
          await page.emulateMedia({ colorScheme: view.options.colorScheme! })
          const results = await new AxeBuilder({ page }).analyze()
          for (const v of results.violations)
            problems.push(`[${view.name}] ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
          const wide = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)
          if (wide) problems.push(`[${view.name}] scrolls sideways`)
        }
      }
      expect(problems).toEqual([])
    },
  )

  test('html-validate: no errors on these pages', async () => {
    const config = JSON.parse(readFileSync(join(root, '.htmlvalidate.json'), 'utf8'))
    const validator = new HtmlValidate(new FileSystemConfigLoader({ ...config, root: true }))
    const errors: string[] = []
    for (const path of [...checked, '/browse/', '/browse/1962/10/', '/browse/1962/11/']) {
      const report = await validator.validateFile(join(dist, path, 'index.html'))
      for (const result of report.results)
        for (const m of result.messages) errors.push(`${path}:${m.line}:${m.column}: ${m.message} [${m.ruleId}]`)
    }
    expect(errors).toEqual([])
  })
})
