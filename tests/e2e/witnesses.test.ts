/**
 * Witnesses on the combined fixture site (support/collections.ts): the two transcriptions of an imagined
 * meeting (tests/fixtures/witnesses/, paired by the committee's sidecar alone) and the House Judiciary
 * Committee's transcription of 15 September 1972 beside the White House's excerpt. The comparison page
 * renders both sides with the differences written in (expected values read in the fixtures), links land on
 * each side's turn, it reads the same without JavaScript, and axe-core finds nothing at 1280 and 390 px,
 * light and dark.
 */
import type { BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { AxeBuilder } from './support/axe.ts'
import { HARBOR_NAMES, HEADING_NAME, WITNESS_NAME } from './support/collections.ts'
import { closeSite, openFixtureSite, type Site, withDevicePage, withPage } from './support/site.ts'
import { resultUrls, searchSettled } from './support/search.ts'

const [COMMITTEE, EXCERPT] = HARBOR_NAMES as [string, string]
const HARBOR = `/${COMMITTEE}/compare/${EXCERPT}/`
const NIXON = `/${WITNESS_NAME}/compare/${HEADING_NAME}/`

let site: Partial<Site> = {}

beforeAll(async () => {
  site = await openFixtureSite('combined')
}, 900_000)

afterAll(() => closeSite(site))

/** What the rows hold: each side's passages as `label words`, and the runs marked as found on one side only. */
async function readRows(page: Page) {
  return page.$$eval('.compare-row', (rows) =>
    rows.map((row) => {
      const side = (which: string) => [...row.querySelectorAll(`.compare-${which} .compare-passage`)].length
      return { left: side('left'), right: side('right'), empty: row.querySelectorAll('.compare-empty').length }
    }),
  )
}

describe('comparing two transcriptions of one recording', () => {
  test('the page sets both sides row by row, and marks the differences put in the fixtures, named for screen readers', async () => {
    await withPage(site, HARBOR, async (page) => {
      expect(await page.locator('h1').textContent()).toBe('Two transcriptions compared: Committee staff and White House')
      // Eight rows: three before 00:40 (one only the committee heard), three from 00:40 (one turn facing two),
      // the 01:30 turn, and the rest of the meeting, which the excerpt does not give.
      expect(await readRows(page)).toEqual([
        { left: 1, right: 1, empty: 0 },
        { left: 1, right: 0, empty: 1 },
        { left: 1, right: 1, empty: 0 },
        { left: 1, right: 2, empty: 0 },
        { left: 1, right: 1, empty: 0 },
        { left: 1, right: 1, empty: 0 },
        { left: 1, right: 1, empty: 0 },
        { left: 4, right: 0, empty: 1 },
      ])
      // Only in the excerpt: its label `P` for the committee's PRESIDENT, Morrow's `And`, and `city.`.
      expect(await page.locator('.compare-rows ins').allTextContents()).toEqual(
        ['P', 'P', 'MORROW', 'And', 'P', 'city.', 'P'].map((words) => `[only in White House: ${words}]`),
      )
      const onlyLeft = await page.locator('.compare-rows del').allTextContents()
      expect(onlyLeft).toContain('[only in Committee staff: [unintelligible]]')
      expect(onlyLeft).toContain('[only in Committee staff: county.]')
      expect(onlyLeft).toContain('[only in Committee staff: [laughs]]')
      expect(await page.locator('.compare-summary dd').allTextContents()).toEqual(['52', '29', '2'])
      expect(await page.locator('.compare-anchor').allTextContents()).toEqual([
        'Both print 00:00 here',
        'Both print 00:40 here',
        'Both print 01:30 here',
      ])
    })
  })

  test('each side’s passage links to its own page and turn, and lands there', async () => {
    await withPage(site, HARBOR, async (page) => {
      const right = page.locator('.compare-row').nth(3).locator('.compare-right .compare-link')
      expect(await right.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([
        `/${EXCERPT}/#t-00-40`,
        `/${EXCERPT}/#t-00-40-1`,
      ])
      await page.locator('.compare-row').nth(1).locator('.compare-left .compare-link').click()
      await page.waitForURL(`**/${COMMITTEE}/#t-00-00-1`)
      expect(await page.locator('#t-00-00-1').textContent()).toContain('Thank you, Mr. President.')
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('t-00-00-1')
    })
  })

  test('each transcript offers the other, declared on one side only, called by its transcriber', async () => {
    const offered = (name: string) =>
      withPage(site, `/${name}/`, (page) =>
        page.$$eval('.witnesses-nav a', (links) => links.map((link) => [link.textContent, link.getAttribute('href')])),
      )
    expect(await offered(EXCERPT)).toEqual([
      ['Compare with the Committee staff transcription', `/${EXCERPT}/compare/${COMMITTEE}/`],
    ])
    expect(await offered(COMMITTEE)).toEqual([['Compare with the White House transcription', HARBOR]])
    expect(await offered(HEADING_NAME)).toEqual([
      [
        'Compare with the House Judiciary Committee impeachment inquiry staff transcription',
        `/${HEADING_NAME}/compare/${WITNESS_NAME}/`,
      ],
    ])
  })

  test('the search can be limited to one witness: both transcriptions hold “the union has agreed”', async () => {
    const href = await withPage(site, HARBOR, (page) =>
      page.getByRole('link', { name: 'Search only the White House transcription' }).getAttribute('href'),
    )
    const results = (url: string) =>
      withPage(site, url, async (page) => {
        await searchSettled(page, 'union')
        return resultUrls(page)
      })
    expect(await results(`${href}&q=union`)).toEqual([`/${EXCERPT}/#t-00-40-1`])
    // Unlimited, the word is found in both (and in other transcripts of the site).
    expect(await results('/search/?q=union')).toEqual(
      expect.arrayContaining([`/${COMMITTEE}/#t-00-40`, `/${EXCERPT}/#t-00-40-1`]),
    )
  })

  test('without JavaScript the comparison reads the same', async () => {
    const withScript = await withPage(site, NIXON, (page) => page.locator('.compare-rows').innerHTML())
    await withPage(
      site,
      NIXON,
      async (page) => {
        expect(await page.locator('.compare-rows').innerHTML()).toBe(withScript)
        // The White House's 21 turns all stand on the right; the House Judiciary Committee's 413 on the left.
        expect(await page.locator('.compare-right .compare-passage').count()).toBe(21)
        expect(await page.locator('.compare-left .compare-passage').count()).toBe(413)
      },
      { javaScriptEnabled: false },
    )
  })
})

describe('accessibility of the comparison pages', () => {
  const views: BrowserContextOptions[] = [
    { colorScheme: 'light', viewport: { width: 1280, height: 800 } },
    { colorScheme: 'dark', viewport: { width: 1280, height: 800 } },
    { colorScheme: 'light', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    { colorScheme: 'dark', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  ]
  const checks = [
    ...views.map((view) => [HARBOR, view] as const),
    // The long page (the whole meeting beside its excerpt) in two views: light wide, dark narrow.
    [NIXON, views[0]!] as const,
    [NIXON, views[3]!] as const,
  ]
  test.each(checks)(
    '%s: axe-core finds no violations, and nothing scrolls sideways (%o)',
    async (path, view) => {
      await withDevicePage(
        site,
        path,
        async (page) => {
          const results = await new AxeBuilder({ page }).analyze()
          expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
        },
        view,
      )
    },
    180_000,
  )
})
