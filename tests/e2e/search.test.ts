/**
 * Search in a real browser (Debian's Chromium via playwright-core) against the built site served on
 * 127.0.0.1, with the real Pagefind index built from the seed transcript. Expected turns come from reading
 * the seed: `Ball:` labels five turns (George Ball, resolved from the introduction); the words
 * "Castro, with the" stand together only in Llewellyn Thompson's first turn ([00:35]), while "castro",
 * "with" and "the" all occur in other turns too (Thompson's second turn, Rusk's) and in the introduction.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { DistServer } from '../../scripts/lib/dist-server.ts'
import { closeSite, openSite, withPage } from './support/site.ts'
import { transcriptRecord } from '../../src/build/search/records.ts'
import type { TranscriptJson } from '../../src/core/schema.ts'
import { searchSettled as settled } from './support/search.ts'

const NAME = '1962-11-14-01181'

interface Turn {
  type: 'turn'
  id: string
  speaker: { id: string; name: string; label: string }
  paragraphs: string[]
}

let server: DistServer
let browser: Browser
let turns: Turn[] = []
let footnoteCount = 0

beforeAll(async () => {
  ;({ server, browser } = await openSite('search/index.html', 'search/manifest.json', 'pagefind'))
  const json = (await (await fetch(`${server.url}/${NAME}/transcript.json`)).json()) as {
    blocks: Array<{ type: string }>
    footnotes: unknown[]
  }
  turns = json.blocks.filter((block): block is Turn => block.type === 'turn')
  footnoteCount = json.footnotes.length
})

afterAll(() => closeSite({ server, browser }))

/** Opens the search page for `q` (no query when empty) and waits for its results before `use`. */
function withSearch<T>(q: string, use: (page: Page) => Promise<T>): Promise<T> {
  return withPage({ server, browser }, q === '' ? '/search/' : `/search/?q=${encodeURIComponent(q)}`, async (page) => {
    await settled(page, q)
    return use(page)
  })
}

/** Facets load when asked for (they are costly at scale): press the button that offers them. */
async function showFacets(page: Page, q: string): Promise<void> {
  await page.getByRole('button', { name: 'Filter by speaker, transcript or kind of text' }).click()
  await page.waitForSelector('fieldset[data-facet="speaker"]')
  await settled(page, q)
}

/** Every result's URL, pressing "More results" until all are shown. */
async function allResults(page: Page): Promise<string[]> {
  for (;;) {
    const more = page.locator('[data-more]')
    if (!(await more.isVisible())) break
    const before = await page.locator('.search-result').count()
    await more.click()
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, before)
  }
  return page.locator('.search-result').evaluateAll((items) => items.map((item) => item.getAttribute('data-url') ?? ''))
}

const turnUrl = (id: string) => `/${NAME}/#${id}`

describe('search', () => {
  test("a speaker filter with an empty query returns all of that speaker's turns and nothing else", async () => {
    const ball = turns.filter((turn) => turn.speaker.label === 'Ball')
    expect(ball.length, 'turns labelled Ball in the seed').toBe(5)
    await withSearch('', async (page) => {
      expect(await page.locator('fieldset[data-facet]').count(), 'facets before they are asked for').toBe(0)
      await showFacets(page, '')
      const facet = page.locator('fieldset[data-facet="speaker"] label', { hasText: 'George Ball' })
      await expect.poll(() => facet.textContent()).toContain('(5)')
      await facet.locator('input').check()
      await settled(page, '')
      // The URL names the speaker by key, as a transcript's page and the speaker pages do.
      expect(new URL(page.url()).searchParams.getAll('speaker')).toEqual(['george-ball'])
      const urls = await allResults(page)
      expect(urls.sort()).toEqual(ball.map((turn) => turnUrl(turn.id)).sort())
      const titles = await page.locator('.search-result-title a').allTextContents()
      for (const title of titles) expect(title).toMatch(/^George Ball/)
      await expect.poll(() => page.locator('[data-status]').textContent()).toBe('5 results.')

      // A speaker with more turns than one page of results: all of them, through "More results". With no
      // words no word index is read (Pagefind's search by filters alone fetches all of it).
      const requested: string[] = []
      page.on('request', (request) => requested.push(new URL(request.url()).pathname))
      await page.goto(`${server.url}/search/?speaker=Dean+Rusk`)
      await settled(page, '')
      expect(requested.filter((path) => /^\/pagefind\/[^/]+\/index\//.test(path))).toEqual([])
      const rusk = turns.filter((turn) => turn.speaker.name === 'Dean Rusk')
      expect(rusk.length).toBeGreaterThan(0)
      expect((await allResults(page)).sort()).toEqual(rusk.map((turn) => turnUrl(turn.id)).sort())
    })
  })

  test('the kind facet counts one record per turn and per note', async () => {
    await withSearch('', async (page) => {
      await showFacets(page, '')
      const count = async (kind: string) =>
        Number(
          (
            await page
              .locator(
                `fieldset[data-facet="kind"] input[value="${kind}"] + .facet-count, fieldset[data-facet="kind"] label:has(input[value="${kind}"]) .facet-count`,
              )
              .first()
              .textContent()
          )?.replace(/\D/g, ''),
        )
      expect(await count('turn')).toBe(turns.length)
      expect(await count('footnote')).toBe(footnoteCount)
    })
  })

  test('a quoted phrase returns exactly the turn that holds it; unquoted, the words return it among others', async () => {
    await withSearch('"castro with the"', async (page) => {
      expect(await allResults(page)).toEqual([turnUrl('t-00-35')])
      expect(await page.locator('[data-status]').textContent()).toBe('1 result.')
      await expect.poll(() => page.locator('.search-result-excerpt mark').allTextContents()).toEqual(['Castro, with the'])

      await page.fill('#search-q', 'castro with the')
      await settled(page, 'castro with the')
      const unquoted = await allResults(page)
      expect(unquoted).toContain(turnUrl('t-00-35'))
      expect(unquoted).toContain(turnUrl('t-00-35-2'))
      expect(unquoted).toContain(turnUrl('t-00-35-10'))
      expect(unquoted.length).toBeGreaterThan(3)
      // Every turn listed holds all three words (Pagefind matches a word by its start: "with" in "without").
      for (const url of unquoted) {
        const turn = turns.find((t) => turnUrl(t.id) === url)
        if (turn)
          for (const word of ['castro', 'with', 'the'])
            expect(turn.paragraphs.join(' '), url).toMatch(new RegExp(`\\b${word}`, 'i'))
      }

      // Two words that stand together in some turns, one of them also in the transcript's title: the turns
      // holding both, every one of them (the title is not searched).
      const both = turns.filter((t) => /\bcuba/i.test(t.paragraphs.join(' ')) && /\bsoviet/i.test(t.paragraphs.join(' ')))
      expect(both.length).toBeGreaterThan(0)
      await page.fill('#search-q', 'cuba soviet')
      await settled(page, 'cuba soviet')
      const found = await allResults(page)
      for (const turn of both) expect(found).toContain(turnUrl(turn.id))

      // A word found nowhere: Pagefind would match the others alone; the search returns nothing.
      await page.fill('#search-q', 'castro zqxjv')
      await settled(page, 'castro zqxjv')
      expect(await allResults(page)).toEqual([])
      expect(await page.locator('[data-status]').textContent()).toBe('No results.')
    })
  })

  /** Types `q` into the search page's field and waits for its results. */
  async function typed(page: Page, q: string): Promise<void> {
    await page.fill('#search-q', q)
    await settled(page, q)
  }

  // "Kennedy" in the seed's passages (grep -n -i kennedy, less the speaker labels): the header's
  // "John F. Kennedy", intro-2, "Bobby [Kennedy]" (t-00-35-8), epilogue-3 and notes 4, 11, 17 and 18.
  const kennedy = () =>
    [
      `/${NAME}/`,
      turnUrl('intro-2'),
      turnUrl('t-00-35-8'),
      turnUrl('epilogue-3'),
      turnUrl('fn-4'),
      turnUrl('fn-11'),
      turnUrl('fn-17'),
      turnUrl('fn-18'),
    ].sort()

  test('a phrase is counted exactly: "Counting…" with progress until it comes, never "At least"; typing on says the count stopped', async () => {
    // The brute force: every passage of the seed's JSON, its words as docs/search.md reads a phrase.
    const json = (await (await fetch(`${server.url}/${NAME}/transcript.json`)).json()) as TranscriptJson
    const split = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? []
    const expected = transcriptRecord(json).sections.filter((section) => {
      const words = split(section.paragraphs.join(' '))
      return words.some((word, i) => word === 'of' && words[i + 1] === 'the')
    }).length
    expect(expected, 'more passages than a page shows: the page must count them').toBeGreaterThan(20)
    await withSearch('', async (page) => {
      // Every status the page shows, in order.
      await page.evaluate(() => {
        const status = document.querySelector('[data-status]')!
        const seen: string[] = []
        ;(window as unknown as { statuses: string[] }).statuses = seen
        new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, {
          childList: true,
          characterData: true,
          subtree: true,
        })
      })
      const statuses = () => page.evaluate(() => (window as unknown as { statuses: string[] }).statuses)
      // The postings held back: the count waits for them, and says so.
      let release = () => {}
      const held = new Promise<void>((resolve) => {
        release = resolve
      })
      await page.route('**/search/postings/**', async (route) => {
        await held
        await route.continue()
      })
      await page.fill('#search-q', '"of the"')
      await page.waitForFunction(() =>
        /^Counting results… \(\d+ of 2 words read\)$/.test(document.querySelector('[data-status]')?.textContent ?? ''),
      )
      await page.fill('#search-q', 'quarantine')
      await settled(page, 'quarantine')
      expect(await statuses()).toContain('Count stopped: the search changed.')
      // Let the postings through (the route stays: a request held until now goes on from its handler).
      release()
      await page.fill('#search-q', '"of the"')
      await settled(page, '"of the"')
      expect(await page.locator('[data-status]').textContent()).toBe(`${expected} results.`)
      expect((await statuses()).filter((text) => /at least|or more/i.test(text))).toEqual([])
    })
  })

  test('nonsense finds nothing', async () => {
    // Single letters are words of the index (`a`, `I`); Pagefind's last resort, the longest indexed word a
    // query word starts with, answered `Azzzz` and `Izzzz` with every passage holding them, nothing marked.
    await withSearch('xyzzyq', async (page) => {
      for (const q of ['xyzzyq', 'Yzzzz', 'Azzzz', 'Izzzz']) {
        if (q !== 'xyzzyq') await typed(page, q)
        expect(await allResults(page), q).toEqual([])
        await expect.poll(() => page.locator('[data-status]').textContent()).toBe('No results.')
      }
    })
  })

  test('a plural finds the name: "Kennedys" finds every passage that says "Kennedy"', async () => {
    await withSearch('Kennedys', async (page) => {
      for (const q of ['Kennedys', 'Kennedy']) {
        if (q !== 'Kennedys') await typed(page, q)
        expect((await allResults(page)).sort(), q).toEqual(kennedy())
        await expect.poll(() => page.locator('[data-status]').textContent()).toBe('8 results.')
      }
    })
  })

  test('a misspelt name finds nothing and is offered the speaker’s name', async () => {
    await withSearch('Kenedy', async (page) => {
      expect(await allResults(page)).toEqual([])
      expect(await page.locator('[data-status]').textContent()).toBe('No results. Did you mean Kennedy?')
      await page.locator('[data-status] a[data-suggestion]').click()
      await settled(page, 'Kennedy')
      expect((await allResults(page)).sort()).toEqual(kennedy())
    })
  })

  test('every result shows a marked match in its excerpt: stems, word starts, phrases', async () => {
    await withSearch('Kennedys', async (page) => {
      for (const q of ['Kennedys', 'quarantines', 'missile', 'soviets cuba', '"castro with the"']) {
        if (q !== 'Kennedys') await typed(page, q)
        await allResults(page)
        const items = page.locator('.search-result')
        expect(await items.count(), q).toBeGreaterThan(0)
        const marked = await items.evaluateAll((list) =>
          list.map((item) => item.querySelectorAll('.search-result-excerpt mark').length),
        )
        expect(
          marked.filter((n) => n === 0),
          q,
        ).toEqual([])
      }
    })
  })

  test('a range of dates keeps the transcripts dated within it; the dates read as on the transcript page', async () => {
    await withSearch('quarantine', async (page) => {
      const all = await allResults(page)
      expect(all.length).toBeGreaterThan(0)
      // The form's own fields, as a reader fills them: the URL holds ISO days.
      await page.fill('#search-from', '1962-11-01')
      await page.fill('#search-to', '1962-11-30')
      await page.locator('#search-to').dispatchEvent('change')
      await settled(page, 'quarantine')
      expect(new URL(page.url()).search).toBe('?q=quarantine&from=1962-11-01&to=1962-11-30')
      expect(await allResults(page)).toEqual(all)
      // The seed is of 14 November 1962: a range after it holds nothing.
      await page.goto(`${server.url}/search/?q=quarantine&from=1962-11-15`)
      await settled(page, 'quarantine')
      expect(await allResults(page)).toEqual([])
      expect(await page.locator('[data-status]').textContent()).toBe('No results.')
      expect(await page.inputValue('#search-from')).toBe('1962-11-15')
      await page.goto(`${server.url}/search/?q=quarantine&to=1962-11-14`)
      await settled(page, 'quarantine')
      expect(await allResults(page)).toEqual(all)

      // One way of writing a date: the result's, the transcript filter's and the transcript page's.
      const shown = await page.locator('.search-result-meta time').first().textContent()
      expect(shown).toBe('Wednesday, November 14, 1962')
      await showFacets(page, 'quarantine')
      expect(await page.locator('fieldset[data-facet="transcript"] label').first().textContent()).toContain(`${shown} · `)
      await page.locator('.search-result-title a').first().click()
      await page.waitForURL((url) => url.pathname === `/${NAME}/`)
      expect(await page.locator('.title-facts time[datetime="1962-11-14"]').textContent()).toBe(shown)
    })
  })

  test('choosing a result opens the transcript at that turn with the searched words marked', async () => {
    await withSearch('"castro with the"', async (page) => {
      await page.locator('.search-result-title a').first().click()
      await page.waitForURL((url) => url.pathname === `/${NAME}/`)
      const url = new URL(page.url())
      expect(url.hash).toBe('#t-00-35')
      expect(url.searchParams.get('highlight')).toBe('"castro with the"')
      expect(await page.evaluate(() => document.getElementById('t-00-35')?.matches(':target'))).toBe(true)
      await page.waitForSelector('#t-00-35 mark.search-hit')
      expect(await page.locator('#t-00-35 mark.search-hit').allTextContents()).toEqual(['Castro, with the'])
      expect(await page.locator('mark.search-hit').count(), 'marks outside the turn').toBe(1)

      // Free words: every occurrence in the turn is marked, and only those words.
      await page.goto(`${server.url}/search/?q=quarantine&speaker=President+Kennedy`)
      await settled(page, 'quarantine')
      const first = page.locator('.search-result').first()
      const target = new URL((await first.getAttribute('data-url'))!, server.url).hash.slice(1)
      await first.locator('a').click()
      await page.waitForSelector(`[id="${target}"] mark.search-hit`)
      const marks = await page.locator(`[id="${target}"] mark.search-hit`).allTextContents()
      expect(marks.length).toBeGreaterThan(0)
      for (const mark of marks) expect(mark.toLowerCase()).toMatch(/^quarantine/)
      const turn = turns.find((t) => t.id === target)!
      expect(turn.speaker.name).toBe('President Kennedy')
      expect(marks.length).toBe((turn.paragraphs.join(' ').match(/quarantine/gi) ?? []).length)
    })
  })

  test('the URL holds the state: typing, filters, reload, back and forward', async () => {
    await withSearch('', async (page) => {
      await page.locator('#search-q').pressSequentially('quarantine')
      await settled(page, 'quarantine')
      expect(new URL(page.url()).searchParams.get('q')).toBe('quarantine')
      const all = await allResults(page)
      expect(all).toContain(turnUrl('t-05-48'))
      await showFacets(page, 'quarantine')
      // Counts are of turns: each speaker's turns holding the word (Pagefind also finds "quarantined").
      const holding = (name: string) =>
        turns.filter((t) => t.speaker.name === name && /\bquarantin/i.test(t.paragraphs.join(' '))).length
      for (const name of ['McGeorge Bundy', 'President Kennedy']) {
        expect(holding(name)).toBeGreaterThan(0)
        await expect
          .poll(() =>
            page.locator('fieldset[data-facet="speaker"] label', { hasText: name }).locator('.facet-count').textContent(),
          )
          .toBe(`(${holding(name)})`)
      }

      await page.locator('fieldset[data-facet="speaker"] label', { hasText: 'McGeorge Bundy' }).locator('input').check()
      await settled(page, 'quarantine')
      const filtered = await allResults(page)
      expect(new URL(page.url()).search).toBe('?q=quarantine&speaker=mcgeorge-bundy')
      expect(filtered.length).toBeGreaterThan(0)
      expect(filtered.length).toBeLessThan(all.length)
      for (const url of filtered) expect(turns.find((t) => turnUrl(t.id) === url)?.speaker.name).toBe('McGeorge Bundy')

      await page.reload()
      await settled(page, 'quarantine')
      expect(await page.inputValue('#search-q')).toBe('quarantine')
      expect(await page.locator('fieldset[data-facet="speaker"] input[value="McGeorge Bundy"]').isChecked()).toBe(true)
      expect(await allResults(page)).toEqual(filtered)

      await page.goBack()
      await settled(page, 'quarantine')
      expect(new URL(page.url()).search).toBe('?q=quarantine')
      expect(await page.locator('fieldset[data-facet="speaker"] input[value="McGeorge Bundy"]').isChecked()).toBe(false)
      expect((await allResults(page)).sort()).toEqual([...all].sort())

      await page.goForward()
      await settled(page, 'quarantine')
      expect(await allResults(page)).toEqual(filtered)

      // Out to a transcript and back again: the same search.
      await page.locator('.search-result-title a').first().click()
      await page.waitForURL((url) => url.pathname === `/${NAME}/`)
      await page.goBack()
      await settled(page, 'quarantine')
      expect(new URL(page.url()).search).toBe('?q=quarantine&speaker=mcgeorge-bundy')
      expect(await allResults(page)).toEqual(filtered)
    })
  })

  test("a participant's search link takes the reader's key: the search shows that speaker's turns", async () => {
    const ball = turns.filter((turn) => turn.speaker.id === 'george-ball')
    expect(ball.length).toBe(5)
    await withPage({ server, browser }, `/${NAME}/?speaker=george-ball`, async (page) => {
      const link = page.locator('[data-speaker-search]')
      // The script sets the link once it has read `?speaker=` (it loads after the page).
      await expect.poll(() => link.getAttribute('href'), { timeout: 10_000 }).toBe('/search/?speaker=george-ball')
      await link.click()
      await page.waitForURL((url) => url.pathname === '/search/')
      await settled(page, '')
      expect((await allResults(page)).sort()).toEqual(ball.map((turn) => turnUrl(turn.id)).sort())
      // The unidentified voices: one key, `unidentified`, on both pages.
      await page.goto(`${server.url}/search/?speaker=unidentified`)
      await settled(page, '')
      const voices = turns.filter((turn) => turn.speaker.id.startsWith('unidentified-'))
      expect((await allResults(page)).sort()).toEqual(voices.map((turn) => turnUrl(turn.id)).sort())
    })
  })

  test('the header field needs no script; the transcript page loads no search code unless asked to highlight', async () => {
    await withPage(
      { server, browser },
      `/${NAME}/`,
      async (page) => {
        await page.fill('#site-search-q', 'quarantine')
        await Promise.all([page.waitForURL((url) => url.pathname === '/search/'), page.press('#site-search-q', 'Enter')])
        expect(new URL(page.url()).searchParams.get('q')).toBe('quarantine')
      },
      { javaScriptEnabled: false },
    )

    const withJs = await browser.newContext()
    try {
      const reader = await withJs.newPage()
      const requested: string[] = []
      reader.on('request', (request) => requested.push(new URL(request.url()).pathname))
      await reader.goto(`${server.url}/${NAME}/#t-05-03`)
      await reader.waitForLoadState('networkidle')
      expect(requested.filter((p) => p.startsWith('/pagefind/') || /search-(page|highlight|render)/.test(p))).toEqual([])
    } finally {
      await withJs.close()
    }
  })

  test('without JavaScript the search page says search needs it and links to the speakers and transcripts', async () => {
    await withPage(
      { server, browser },
      '/search/',
      async (page) => {
        await expect.poll(() => page.locator('.search-noscript').textContent()).toContain('Search needs JavaScript')
        expect(await page.locator('.search-noscript a[href="/speakers/george-ball/"]').textContent()).toBe('George Ball')
        expect(await page.locator('.search-noscript a[href="/speakers/unidentified/"]').count()).toBe(1)
        expect(await page.locator('.search-noscript a[href="/"]').count()).toBe(1)
        expect(await page.locator('[data-search]').isVisible()).toBe(false)
      },
      { javaScriptEnabled: false },
    )
  })
})
