/**
 * Past one machine (issue 9, item 7), on the shards fixture site (support/sites.ts): two shards built on their own (`SITE_BASE=/1962/` and
 * `SITE_BASE=/1963/`, each into its folder of the hub with `ASTRO_OUT_DIR`), a hub assembled over them
 * with `npm run hub`, served as one folder on 127.0.0.1 and searched in real Chromium through Pagefind's
 * multisite search (`mergeIndex`).
 *
 * - Shard /1962/: the seed (1962-11-14-01181) and generated transcripts 0 and 1 (scripts/make-corpus.ts);
 *   shard /1963/: generated transcripts 2, 3 and 4.
 * - The word searched, `cabinet`, is in generated transcript 1 of shard /1962/ (notes 4 and 5) and 2 of
 *   /1963/ (note 1), and nowhere else (`grep -ci cabinet`); which transcripts hold it is read from the
 *   sources here, and every one of them, in both shards, must be among the results.
 * - A phrase from one generated transcript of shard /1963/ finds that transcript only.
 * - The hub counts exactly (issue 24): its total is the sum of its shards' own search pages' counts, and
 *   both equal a brute-force count over the shards' transcripts' JSON (a word, phrases, one across
 *   punctuation).
 * - The hub and a shard's own search page name and show a passage in the same words (one renderer,
 *   src/browser/search/result.ts). In the seed (read from content/transcripts/1962-11-14-01181.txt):
 *   `Castro` is in the introduction's first paragraph, Llewellyn Thompson's turn printed `[00:35]` and
 *   his next turn (no printed time: estimated); `Oval` in the heading (the title block) and the
 *   introduction; `stag` in the epilogue only; `cabinet` in notes of both shards (above).
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { HubManifest } from '../../src/contract/hub.ts'
import { transcriptRecord } from '../../src/build/search/records.ts'
import type { TranscriptJson } from '../../src/core/schema.ts'
import { holds, wordsOf } from '../../scripts/bench/brute-count.ts'
import { AxeBuilder } from './support/axe.ts'
import { SEED, shardCollections } from './support/collections.ts'
import { closeSite, openFixtureSite, type Site, withPage } from './support/site.ts'

const WORD = 'cabinet'

/** Each shard's transcripts by name, with their raw text (support/collections.ts). */
const shards = shardCollections()
let site: Partial<Site> = {}

// The shards fixture site: both shards and the hub over them, served as one folder.
beforeAll(async () => {
  site = await openFixtureSite('shards')
}, 900_000)

afterAll(() => closeSite(site))

/** Opens the hub for `q` and waits for its first page of results. */
function withHub<T>(q: string, use: (page: Page) => Promise<T>): Promise<T> {
  return withPage(site, `/?q=${encodeURIComponent(q)}`, async (page) => {
    await page.waitForFunction(
      (q) => {
        const main = document.querySelector<HTMLElement>('[data-hub]')
        return main?.dataset.state === 'done' && main.dataset.query === q
      },
      q,
      { timeout: 20_000 },
    )
    return use(page)
  })
}

/** Every result's link, pressing "More results" until all are shown. */
async function allResults(page: Page): Promise<string[]> {
  for (;;) {
    const more = page.locator('[data-more]')
    if (!(await more.isVisible())) break
    await more.click()
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-hub]')?.dataset.state === 'done')
  }
  return page.locator('.hub-result').evaluateAll((items) => items.map((item) => item.getAttribute('data-url') ?? ''))
}

/** A result as a reader sees it: where it leads (without the words to highlight) and its three lines. */
interface Shown {
  url: string
  title: string
  meta: string
  excerpt: string
}

/** The shown results of a page, by the classes of its items and of their lines. */
function shownResults(page: Page, item: string, meta: string, excerpt: string): Promise<Shown[]> {
  return page.locator(item).evaluateAll(
    (items, [meta, excerpt]) =>
      items.map((li) => {
        const url = new URL(li.querySelector('a')!.getAttribute('href')!, location.href)
        return {
          url: `${url.pathname}${url.hash}`,
          title: li.querySelector('a')!.textContent ?? '',
          meta: li.querySelector(`.${meta}`)!.textContent ?? '',
          excerpt: li.querySelector(`.${excerpt}`)!.textContent ?? '',
        }
      }),
    [meta, excerpt] as const,
  )
}

/** Every result of a shard's own search page for `q`, pressing "More results" until all are shown. */
function shardSearch(base: string, q: string): Promise<Shown[]> {
  return withPage(site, `${base}search/?q=${encodeURIComponent(q)}`, async (page) => {
    const settled = () =>
      page.waitForFunction(
        (q) => {
          const root = document.querySelector<HTMLElement>('[data-search]')
          return root?.dataset.state === 'done' && root.dataset.query === q
        },
        q,
        { timeout: 20_000 },
      )
    await settled()
    for (;;) {
      const more = page.locator('[data-more]')
      if (!(await more.isVisible())) break
      const before = await page.locator('.search-result').count()
      await more.click()
      await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, before)
    }
    return shownResults(page, '.search-result', 'search-result-meta', 'search-result-excerpt')
  })
}

/** The count a shard's own search page shows for `q` (`1,234 results.`, `No results.`). */
function shardCount(base: string, q: string): Promise<number> {
  return withPage(site, `${base}search/?q=${encodeURIComponent(q)}`, async (page) => {
    await page.waitForFunction(
      (q) => {
        const root = document.querySelector<HTMLElement>('[data-search]')
        return root?.dataset.state === 'done' && root.dataset.query === q
      },
      q,
      { timeout: 20_000 },
    )
    const status = (await page.locator('[data-status]').textContent()) ?? ''
    if (status.startsWith('No results')) return 0
    const found = /^([\d,]+) results?\.$/.exec(status)
    expect(found, `${base}search/?q=${q}: ${status}`).not.toBeNull()
    return Number(found![1]!.replaceAll(',', ''))
  })
}

/**
 * A brute-force count over a shard's transcripts' JSON, by the bench's brute force (scripts/bench/brute-count.ts):
 * each passage's words as docs/search.md says a phrase reads them (letters and digits with inner apostrophes,
 * lower case, accents folded), a phrase as words in a row, a free word by its start or its stem's start.
 */
async function bruteCount(base: string, phrases: string[][], terms: string[]): Promise<number> {
  let count = 0
  for (const name of shards[base]!.keys()) {
    const json = (await (await fetch(`${site.server!.url}${base}${name}/transcript.json`)).json()) as TranscriptJson
    for (const section of transcriptRecord(json).sections)
      if (holds(wordsOf(section.paragraphs.join(' ')), phrases, terms)) count += 1
  }
  return count
}

/** `/1963/<name>/?highlight=…#t-05-03` → [base, name]. */
const placeOf = (url: string) => /^(\/\d{4}\/)([^/]+)\//.exec(url)!.slice(1, 3) as [string, string]

describe('a hub over two shards', () => {
  test('a word finds its passages in every transcript of both shards holding it', async () => {
    const expected = Object.entries(shards).flatMap(([base, transcripts]) =>
      [...transcripts].filter(([, text]) => text.toLowerCase().includes(WORD)).map(([name]) => `${base}${name}`),
    )
    expect(new Set(expected.map((e) => placeOf(`${e}/`)[0]))).toEqual(new Set(['/1962/', '/1963/']))
    await withHub(WORD, async (page) => {
      const urls = await allResults(page)
      const found = new Set(urls.map((url) => placeOf(url).join('')))
      expect([...found].sort()).toEqual(expected.sort())
      // Each result names its passage: a turn, a note or a paragraph's id, with the word to mark there.
      for (const url of urls) expect(url).toMatch(/\?highlight=cabinet#(t|fn|intro|epilogue|excision|direction)-/)
      const marks = await page.locator('.hub-result mark').allTextContents()
      expect(marks.length).toBeGreaterThan(0)
      for (const mark of marks) expect(mark.toLowerCase()).toContain(WORD)
    })
  })

  test('following a result lands on the right shard’s transcript, at the passage holding the word', async () => {
    await withHub(WORD, async (page) => {
      for (const base of Object.keys(shards)) {
        const link = page.locator(`.hub-result[data-shard="${base}"] h2 a`).first()
        const href = (await link.getAttribute('href'))!
        const [, name] = placeOf(href)
        const id = decodeURIComponent(new URL(href, site.server!.url).hash.slice(1))
        await Promise.all([page.waitForURL((url) => url.pathname === `${base}${name}/`), link.click()])
        const target = page.locator(`[id="${id}"]`)
        await target.waitFor({ timeout: 15_000 })
        expect((await target.textContent())!.toLowerCase()).toContain(WORD)
        await expect.poll(() => page.locator(`[id="${id}"] mark`).count(), { timeout: 15_000 }).toBeGreaterThan(0)
        await page.goBack()
        await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-hub]')?.dataset.state === 'done')
      }
    })
  }, 120_000)

  test('nonsense finds nothing on the hub, and every passage shown marks a word asked for', async () => {
    // `Izzzz`: Pagefind's last resort took the longest indexed word it starts with, `i`, in every transcript.
    await withHub('Izzzz', async (page) => {
      expect(await allResults(page)).toEqual([])
      expect(await page.locator('[data-status]').textContent()).toBe('No passages found for “Izzzz”.')
    })
    await withHub('Kennedys', async (page) => {
      expect((await allResults(page)).length).toBeGreaterThan(0)
      const marks = await page.locator('.hub-result mark').allTextContents()
      expect(marks.length).toBeGreaterThan(0)
      for (const mark of marks) expect(mark).toMatch(/^\[?Kennedy/)
    })
  })

  test('a quoted phrase from one transcript of /1963/ finds that transcript only', async () => {
    const [name, text] = [...shards['/1963/']!][1]!
    // The first four words of a turn, when they are plain words (no editorial marks, no note numbers).
    const phrase = text
      .split('\n')
      .map((line) => /^[A-Z][\w .'-]{1,40}: ([A-Za-z']+ [A-Za-z']+ [A-Za-z']+ [A-Za-z']+)\b/.exec(line)?.[1])
      .find((words) => words !== undefined)!
    const holders = Object.values(shards).flatMap((t) => [...t].filter(([, raw]) => raw.includes(phrase)).map(([n]) => n))
    expect(holders, `"${phrase}" is in one transcript only`).toEqual([name])
    await withHub(`"${phrase}"`, async (page) => {
      const urls = await allResults(page)
      expect(urls.length).toBeGreaterThan(0)
      for (const url of urls) expect(placeOf(url)).toEqual(['/1963/', name])
    })
  })

  test('the hub counts exactly: its total is the sum of its shards’ own counts, each equal to a brute force over the JSON', async () => {
    for (const [q, phrases, terms] of [
      [WORD, [], [WORD]],
      ['"morning. Well,"', [['morning', 'well']], []],
      ['president "of the"', [['of', 'the']], ['president']],
    ] as Array<[string, string[][], string[]]>) {
      const hub = await withHub(q, (page) =>
        page.evaluate(() => {
          const root = document.querySelector<HTMLElement>('[data-hub]')!
          return {
            total: Number(root.dataset.total),
            counts: JSON.parse(root.dataset.counts ?? '{}') as Record<string, number>,
            status: root.querySelector('[data-status]')?.textContent ?? '',
          }
        }),
      )
      const own: Record<string, number> = {}
      for (const base of Object.keys(shards)) {
        own[base] = await shardCount(base, q)
        expect(own[base], `${base}: ${q}`).toBe(await bruteCount(base, phrases, terms))
      }
      expect(hub.counts, q).toEqual(own)
      expect(hub.total, q).toBe(Object.values(own).reduce((sum, n) => sum + n, 0))
      if (hub.total > 0) expect(hub.status, q).toContain(`${hub.total.toLocaleString('en')} passage`)
      expect(hub.status).not.toMatch(/at least|counting/i)
    }
  }, 180_000)

  test('the hub and a shard’s search page show the same words for the same passage: turns, notes, editorial text', async () => {
    const manifest = (await (await fetch(`${site.server!.url}/hub.json`)).json()) as HubManifest
    const collection = new Map(manifest.shards.map((shard) => [shard.base, shard.title]))
    const seedTitles: string[] = []
    const titles: string[] = []
    let compared = 0
    for (const q of ['Castro', 'Oval', 'stag', WORD]) {
      const onHub = await withHub(q, async (page) => {
        await allResults(page)
        return shownResults(page, '.hub-result', 'hub-meta', 'hub-excerpt')
      })
      expect(onHub.length, q).toBeGreaterThan(0)
      const bases = [...new Set(onHub.map((shown) => placeOf(shown.url)[0]))]
      const onShards = new Map<string, Shown>()
      for (const base of bases) for (const shown of await shardSearch(base, q)) onShards.set(shown.url, shown)
      for (const hub of onHub) {
        const [base, name] = placeOf(hub.url)
        const shard = onShards.get(hub.url)
        expect(shard, `${hub.url} (${hub.title}) among ${base}search/?q=${q}'s results`).toBeDefined()
        // The hub names the collection first; the rest of the line is the shard's.
        expect({ ...hub, meta: hub.meta.replace(`${collection.get(base)} · `, '') }, `${q}: ${hub.url}`).toEqual(shard)
        expect(hub.meta.startsWith(`${collection.get(base)} · `)).toBe(true)
        if (name === SEED) seedTitles.push(hub.title)
        titles.push(hub.title)
        compared++
      }
    }
    expect(compared).toBeGreaterThan(5)
    // Every kind of passage was compared, named as the transcript gives it.
    for (const title of ['Introduction', 'Llewellyn Thompson · at 00:35', 'About this transcript', 'Afterwards'])
      expect(seedTitles, title).toContain(title)
    expect(
      seedTitles.some((title) => /^Llewellyn Thompson · ≈00:\d\d$/.test(title)),
      seedTitles.join(', '),
    ).toBe(true)
    expect(
      titles.some((title) => /^Note \d+$/.test(title)),
      titles.join(', '),
    ).toBe(true)
  }, 180_000)

  test('the hub with results has no axe violations, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await site.browser!.newContext({ colorScheme })
      try {
        const page = await context.newPage()
        await page.goto(`${site.server!.url}/?q=${WORD}`)
        await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-hub]')?.dataset.state === 'done')
        expect(await page.locator('.hub-result').count()).toBeGreaterThan(0)
        const { violations } = await new AxeBuilder({ page }).analyze()
        expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
      } finally {
        await context.close()
      }
    }
  }, 180_000)
})
