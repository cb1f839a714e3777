/**
 * Search that never matches nothing (issue 21, item 6), against the index the build writes with the real
 * Pagefind (buildSearchIndex): the seed, the two real transcripts and a transcript that prints a key of its
 * speakers as single letters (`K Krogh`, `X Unknown No. 1`), whose letters Pagefind's last resort (the
 * longest indexed word a query word starts with) made the answer to `xyzzyq`, `Kenedy` and `Kennedys`.
 * Expected passages are worked out from the records' text, not from the search.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildSearchIndex } from '../../src/build/search/index.ts'
import { transcriptRecord } from '../../src/build/search/records.ts'
import { forgetWords, SearchSession, type Hit, type SearchData } from '../../src/browser/search/engine.ts'
import { closeNames, didYouMean, editDistance } from '../../src/browser/search/suggest.ts'
import { labelText } from '../../src/contract/dates.ts'
import {
  highlightRanges,
  paramsFromState,
  parseQuery,
  stateFromParams,
  words,
  type SearchState,
} from '../../src/contract/query.ts'
import { parseFragmentText, pagefindTerm, passagesPath, type WordChunk } from '../../src/contract/search.ts'
import { stem } from '../../src/contract/stem.ts'
import { loadTranscript } from '../../src/core/load.ts'
import type { TranscriptJson } from '../../src/core/schema.ts'
import { makeTranscript } from '../../scripts/make-corpus.ts'
import { fixtures, seedPath } from '../support/paths.ts'

const files = [
  seedPath,
  join(fixtures, 'parse/real-2-lbj-rowe.txt'),
  join(fixtures, 'parse/real-4-nixon-haldeman-meeting.txt'),
  join(fixtures, 'styles/watergate-key.txt'),
]
const transcripts: TranscriptJson[] = [
  ...files.map((file) => loadTranscript(readFileSync(file), file).json),
  // Generated transcripts: more words for the stemmer to agree on.
  ...[0, 1, 2, 3, 4, 5].map((i) => {
    const { name, text } = makeTranscript(i)
    return loadTranscript(text, `${name}.txt`).json
  }),
]

let site = ''
const data: SearchData = {
  pagefind: async () => {
    throw new Error('these searches need no Pagefind in the page')
  },
  json: async <T>(path: string) => {
    try {
      const bytes = await readFile(join(site, path))
      return JSON.parse((path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')) as T
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
  },
  passages: async (name) => parseFragmentText(gunzipSync(await readFile(join(site, passagesPath(name)))).toString('utf8')),
}

beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), 'search-match-'))
  await buildSearchIndex({
    site,
    names: transcripts.map((t) => t.name),
    read: async (name) => transcripts.find((t) => t.name === name)!,
    log: () => {},
  })
  forgetWords()
}, 120_000)

afterAll(() => rm(site, { recursive: true, force: true }))

const none: SearchState = { q: '', speaker: [], transcript: [], kind: [] }

async function hitsOf(q: string, more: Partial<SearchState> = {}): Promise<{ hits: Hit[]; total?: number }> {
  const search = await SearchSession.start(data, { ...none, q, ...more })
  const hits: Hit[] = []
  while (!search.exhausted()) hits.push(...((await search.more()) ?? []))
  const counted = await search.count()
  return { hits, total: counted?.total }
}

const address = (hit: Hit) => `${hit.fragment.filters.page?.[0]}#${hit.section.id ?? ''}`

/** Every passage whose own text holds a word starting with `start`, read from the records (`within`: those transcripts). */
function passagesSaying(start: string, within: (json: TranscriptJson) => boolean = () => true): string[] {
  return transcripts.filter(within).flatMap((json) =>
    transcriptRecord(json)
      .sections.filter((section) => {
        // Words run together (`thePresident`, from a PDF) hold their parts too, as Pagefind indexes them.
        const text = section.paragraphs.join(' ')
        return [...words(text), ...words(text.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2'))].some((word) => word.startsWith(start))
      })
      .map((section) => `${json.name}#${section.id ?? ''}`),
  )
}

describe('the stem a search takes a word for', () => {
  test('is the stem Pagefind indexed, for every printed word of the collection', async () => {
    const dir = join(site, 'search/words')
    const indexedAs: Record<string, string> = {}
    const indexed = new Set<string>()
    for (const file of readdirSync(dir)) {
      if (file.endsWith('.dict.json')) Object.assign(indexedAs, JSON.parse(readFileSync(join(dir, file), 'utf8')))
      if (file.endsWith('.json.gz'))
        for (const word of Object.keys((JSON.parse(gunzipSync(readFileSync(join(dir, file))).toString()) as WordChunk).words))
          indexed.add(word)
    }
    // Printed words (letters only: Pagefind keeps a dash or a time's colon inside some words) and their stems.
    const letters = /^[a-z]+$/
    const printed = new Map<string, string>()
    for (const json of transcripts)
      for (const section of transcriptRecord(json).sections)
        for (const word of words(section.paragraphs.join(' '))) {
          const term = pagefindTerm(word)
          // The dictionary lists a word under its stem when they differ; a word indexed as it is, is its own.
          const indexedStem = indexedAs[term] ?? (indexed.has(term) ? term : undefined)
          if (letters.test(term) && indexedStem !== undefined) printed.set(term, indexedStem)
        }
    expect(printed.size).toBeGreaterThan(1500)
    const differ = [...printed].filter(([word, indexedStem]) => letters.test(indexedStem) && stem(word) !== indexedStem)
    expect(differ).toEqual([])
  })

  test("is Snowball's English stemmer, as Pagefind 1.6 runs it", () => {
    const cases: Record<string, string> = {
      kennedys: 'kennedi',
      kennedy: 'kennedi',
      added: 'add',
      evenings: 'evening',
      emergency: 'emergenc',
      dying: 'die',
      skies: 'sky',
      generously: 'generous',
      proceeded: 'proceed',
      quarantined: 'quarantin',
      hopping: 'hop',
      hoped: 'hope',
      organization: 'organiz',
    }
    for (const [word, expected] of Object.entries(cases)) expect(stem(word), word).toBe(expected)
  })
})

describe('search that never matches nothing', () => {
  test('nonsense and misspelt words find nothing: no passage is shown for a word it does not hold', async () => {
    // The key of speakers is indexed, letters and all: what the old search answered with.
    expect(passagesSaying('krogh').length).toBeGreaterThan(0)
    for (const q of ['xyzzyq', 'Yzzzz', 'Kenedy', 'Xyzzyq Kroghs']) {
      const { hits, total } = await hitsOf(q)
      expect(hits.map(address), q).toEqual([])
      expect(total, q).toBe(0)
    }
  })

  test('"Kennedys" finds every passage that says "Kennedy", and marks it there', async () => {
    const kennedy = passagesSaying('kennedy')
    expect(kennedy.length).toBe(8)
    for (const q of ['Kennedys', 'kennedy', "Kennedy's"]) {
      const { hits, total } = await hitsOf(q)
      expect(hits.map(address).sort(), q).toEqual([...kennedy].sort())
      expect(total, q).toBe(kennedy.length)
    }
  })

  test('the marks follow the same rule: stems, word starts, and words run together', () => {
    const text = 'the Kennedy brothers, thePresident, quarantined; X and K'
    const marks = (q: string) => highlightRanges(text, parseQuery(q)).map(([start, end]) => text.slice(start, end))
    expect(marks('Kennedys')).toEqual(['Kennedy'])
    expect(marks('president quarantine')).toEqual(['President', 'quarantined'])
    expect(marks('brother')).toEqual(['brothers'])
    expect(marks('xyzzyq Kenedy')).toEqual([])
  })

  test('every result has a marked match, for words, word starts, stems and phrases', async () => {
    for (const q of ['Kennedys', 'quarantines', 'quarant', 'missiles', 'K', 'x', '"castro with the"', 'krogh president']) {
      const { hits } = await hitsOf(q)
      const query = parseQuery(q)
      for (const hit of hits) expect(highlightRanges(hit.section.text, query).length, `${q}: ${address(hit)}`).toBeGreaterThan(0)
    }
  })
})

describe('a range of dates', () => {
  test('keeps the passages of the transcripts dated within it, counted alike; either end may be open', async () => {
    const dates = transcripts.map((json) => json.date).filter((date): date is string => typeof date === 'string')
    expect(dates).toContain('1968-11-01')
    for (const [from, to] of [
      ['1968-01-01', '1973-12-31'],
      ['1962-11-14', '1962-11-14'],
      [undefined, '1965-01-01'],
      ['1970-01-01', undefined],
    ] as const) {
      const within = (json: TranscriptJson) => !!json.date && (!from || json.date >= from) && (!to || json.date <= to)
      const expected = passagesSaying('president', within)
      expect(expected.length, `${from}–${to}`).toBeGreaterThan(0)
      expect(expected.length).toBeLessThan(passagesSaying('president').length)
      const { hits, total } = await hitsOf('president', { from, to })
      expect(hits.map(address).sort(), `${from}–${to}`).toEqual([...expected].sort())
      expect(total).toBe(expected.length)
    }
  })

  test('is read from the URL as ISO days, and written back in a fixed order', () => {
    const state = stateFromParams(new URLSearchParams('q=cuba&to=1963-01-31&from=1962-10-01&speaker=Dean+Rusk'))
    expect(state).toMatchObject({ q: 'cuba', from: '1962-10-01', to: '1963-01-31' })
    expect(paramsFromState(state).toString()).toBe('q=cuba&from=1962-10-01&to=1963-01-31&speaker=Dean+Rusk')
    // An empty field (the form without JavaScript sends `from=`) or anything else is no limit.
    expect(stateFromParams(new URLSearchParams('q=cuba&from=&to=soon'))).toMatchObject({ from: undefined, to: undefined })
  })

  test('a transcript facet value reads as the site writes dates, its ISO value kept for the URL', () => {
    expect(labelText('1968-11-01 · Telephone conversation')).toBe('Friday, November 1, 1968 · Telephone conversation')
    expect(labelText('1968-11-01 · Telephone conversation', 'en-GB')).toBe('Friday, 1 November 1968 · Telephone conversation')
    expect(labelText(' · Undated')).toBe(' · Undated')
  })
})

describe('did you mean', () => {
  test('a misspelt name is offered the close name of a speaker that the transcripts print', async () => {
    expect(editDistance('kenedy', 'kennedy')).toBe(1)
    expect(editDistance('ruks', 'rusk')).toBe(1)
    expect(await didYouMean(data, parseQuery('Kenedy'), 'Kenedy')).toBe('Kennedy')
    expect(await didYouMean(data, parseQuery('Kenedy cuba'), 'Kenedy cuba')).toBe('Kennedy cuba')
    expect(await didYouMean(data, parseQuery('Haldemann'), 'Haldemann')).toBe('Haldeman')
    // Nothing close, or the word is no name's: nothing offered.
    expect(await didYouMean(data, parseQuery('xyzzyq'), 'xyzzyq')).toBeUndefined()
    expect(await didYouMean(data, parseQuery('Yzzzz'), 'Yzzzz')).toBeUndefined()
    // A name's word no transcript prints is not offered: the search it offers would find nothing.
    expect(closeNames(['kenedy'], ['President Kennedy'], () => false).size).toBe(0)
  })
})
