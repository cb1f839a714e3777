/**
 * Exact counts (issue 24), checked against a brute-force count: a generated collection of 240 transcripts
 * (scripts/make-corpus.ts), its search built by the real build (Pagefind's Node API, then the tables and
 * postings, four transcripts to a record and in parts, as at scale), and the page's engine reading the files on disk.
 * Expected counts are made here, independently of the page's code: every passage of every transcript's
 * JSON, its text split into words as docs/search.md says a phrase is read (letters and digits, inner
 * apostrophes, lower case, accents folded), a phrase found as words in a row, a free word as the search
 * documents it (its start, or its stem's start), by the bench's brute force (scripts/bench/brute-count.ts),
 * then tallied here per facet with the other facets' choices kept. Seeded: the same queries each run; a
 * failure names its query and state.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildSearchIndex } from '../../src/build/search/index.ts'
import { transcriptLabels, transcriptRecord } from '../../src/build/search/records.ts'
import { parseFragmentText, passagesPath, type Manifest } from '../../src/contract/search.ts'
import type { SearchState } from '../../src/contract/query.ts'
import { forgetPlaces, forgetWords, SearchSession, type SearchData } from '../../src/browser/search/engine.ts'
import { loadTranscript } from '../../src/core/load.ts'
import type { TranscriptJson } from '../../src/core/schema.ts'
import { makeTranscript } from '../../scripts/make-corpus.ts'
import { answers, holds, inRow, wordsOf as split } from '../../scripts/bench/brute-count.ts'

const COUNT = 240
const transcripts: TranscriptJson[] = Array.from({ length: COUNT }, (_, i) => {
  const { name, text } = makeTranscript(i, 7)
  return loadTranscript(text, `${name}.txt`).json
})
const labels = transcriptLabels(transcripts)

interface Passage {
  transcript: string
  date: string
  kind: string
  speaker?: string
  words: string[]
  /** The raw text, for phrases taken across punctuation. */
  text: string
}
const passages: Passage[] = transcripts.flatMap((json) => {
  const record = transcriptRecord(json)
  return record.sections.map((section) => {
    const text = section.paragraphs.join(' ')
    return {
      transcript: labels.get(json.name)!,
      date: json.date,
      kind: section.kind,
      ...(section.voice === undefined ? {} : { speaker: record.voices.get(section.voice)! }),
      words: split(text),
      text,
    }
  })
})

/** The brute-force count of a query (free words, phrases) under a state: total and each facet's counts. */
function bruteForce(terms: string[], phrases: string[][], state: SearchState) {
  const passesDates = (p: Passage) =>
    (!state.from && !state.to) || (!!p.date && (!state.from || p.date >= state.from) && (!state.to || p.date <= state.to))
  const facetOf = (p: Passage, facet: 'speaker' | 'transcript' | 'kind') => p[facet]
  const passesBut = (p: Passage, except?: string) =>
    (['speaker', 'transcript', 'kind'] as const).every(
      (facet) =>
        facet === except ||
        state[facet].length === 0 ||
        (facetOf(p, facet) !== undefined && state[facet].includes(facetOf(p, facet)!)),
    ) && passesDates(p)
  const counts = {
    speaker: {} as Record<string, number>,
    transcript: {} as Record<string, number>,
    kind: {} as Record<string, number>,
  }
  let total = 0
  for (const p of passages) {
    if (!holds(p.words, phrases, terms)) continue
    if (passesBut(p)) total += 1
    for (const facet of ['speaker', 'transcript', 'kind'] as const) {
      const value = facetOf(p, facet)
      if (value !== undefined && passesBut(p, facet)) counts[facet][value] = (counts[facet][value] ?? 0) + 1
    }
  }
  return { total, counts }
}

/** A seeded generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

let site = ''
const data: SearchData = {
  pagefind: async () => {
    throw new Error('a count never needs Pagefind')
  },
  json: async <T>(path: string) => {
    let bytes: Buffer
    try {
      bytes = await readFile(join(site, path))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
    return JSON.parse((path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')) as T
  },
  passages: async (name) => parseFragmentText(gunzipSync(await readFile(join(site, passagesPath(name)))).toString('utf8')),
}

let manifest: Manifest
beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), 'exact-count-'))
  manifest = await buildSearchIndex({
    site,
    names: transcripts.map((t) => t.name),
    read: async (name) => transcripts.find((t) => t.name === name)!,
    log: () => {},
    groupSize: 4,
    // In parts, as at scale: the counts read postings merged from every part's (posting-parts.ts).
    partSize: 60,
  })
  forgetWords()
  forgetPlaces()
}, 240_000)
afterAll(async () => {
  console.log(`engine: ${engineTime.toFixed(0)} ms`)
  await rm(site, { recursive: true, force: true })
})

const none: SearchState = { q: '', speaker: [], transcript: [], kind: [] }

/** The engine's count of a state, as the page asks for it. */
let engineTime = 0
async function engineCount(state: SearchState) {
  const started = performance.now()
  const search = await SearchSession.start(data, state)
  const counted = await search.count()
  engineTime += performance.now() - started
  if (!counted) throw new Error(`no count for ${JSON.stringify(state)}`)
  return counted
}

/** The queries: random words, random runs of 2–4 words (some across punctuation), and a few fixed ones. */
function sample(seed: number) {
  const rnd = random(seed)
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!
  const withWords = passages.filter((p) => p.words.length >= 4)
  const queries: Array<{ terms: string[]; phrases: string[][]; q: string }> = []
  for (let i = 0; i < 12; i++) {
    const word = pick(pick(withWords).words)
    queries.push({ terms: [word], phrases: [], q: word })
  }
  for (let i = 0; i < 24; i++) {
    const p = pick(withWords)
    const length = 2 + Math.floor(rnd() * 3)
    const at = Math.floor(rnd() * (p.words.length - length + 1))
    const phrase = p.words.slice(at, at + length)
    queries.push({ terms: [], phrases: [phrase], q: `"${phrase.join(' ')}"` })
  }
  // Phrases printed across punctuation, as a reader copies them from the page (`morning. Well, what`).
  const across = withWords.flatMap((p) => [...p.text.matchAll(/\b(\w+)([.,;:?!]) (\w+),? (\w+)/g)].map((m) => m[0]))
  for (let i = 0; i < 6; i++) {
    const printed = pick(across)
    queries.push({ terms: [], phrases: [split(printed)], q: `"${printed}"` })
  }
  for (const phrase of [
    ['of', 'the'],
    ['in', 'the'],
    ['morning', 'well', 'what'],
  ])
    queries.push({ terms: [], phrases: [phrase], q: `"${phrase.join(' ')}"` })
  // Words and a phrase together, and two words.
  for (let i = 0; i < 4; i++) {
    const p = pick(withWords)
    const at = Math.floor(rnd() * (p.words.length - 2))
    const phrase = p.words.slice(at, at + 2)
    const word = pick(p.words)
    queries.push({ terms: [word], phrases: [phrase], q: `${word} "${phrase.join(' ')}"` })
    const other = pick(p.words)
    queries.push({ terms: [word, other], phrases: [], q: `${word} ${other}` })
  }
  return { queries, rnd, pick }
}

describe('exact counts against a brute-force count over the transcripts’ JSON (240 generated transcripts)', () => {
  test('the build wrote postings and the manifest names them', () => {
    expect(manifest.postings).toBeGreaterThan(0)
  })

  test('words, phrases of 2–4 words (across punctuation too), both together: totals and every facet exact', async () => {
    const { queries } = sample(24)
    let nonZero = 0
    for (const { terms, phrases, q } of queries) {
      const state = { ...none, q }
      const expected = bruteForce(terms, phrases, state)
      const counted = await engineCount(state)
      expect(counted.complete && counted.facetsComplete, q).toBe(true)
      expect({ q, total: counted.total, counts: counted.counts }).toEqual({ q, total: expected.total, counts: expected.counts })
      if (expected.total > 0) nonZero += 1
    }
    // The sample is not empty handed: most of it is found.
    expect(nonZero).toBeGreaterThan(queries.length * 0.8)
  }, 120_000)

  test('with speaker, transcript, kind and date choices: totals and facets exact', async () => {
    const { queries, rnd, pick } = sample(2024)
    const speakers = [...new Set(passages.flatMap((p) => (p.speaker ? [p.speaker] : [])))]
    const dates = [...new Set(passages.map((p) => p.date).filter(Boolean))].sort()
    for (const [i, { terms, phrases, q }] of queries.entries()) {
      const state: SearchState = { ...none, q }
      const held = passages.filter(
        (p) => phrases.every((phrase) => inRow(p.words, phrase)) && terms.every((t) => p.words.some((w) => answers(w, t))),
      )
      const some = held.length > 0 ? pick(held) : pick(passages)
      switch (i % 5) {
        case 0:
          state.speaker = [some.speaker ?? pick(speakers)]
          break
        case 1:
          state.transcript = [some.transcript, pick(passages).transcript]
          break
        case 2:
          state.kind = [rnd() < 0.5 ? 'turn' : 'footnote']
          break
        case 3: {
          const [a, b] = [pick(dates), pick(dates)].sort()
          state.from = a
          state.to = b
          break
        }
        default:
          state.speaker = [some.speaker ?? pick(speakers), pick(speakers)]
          state.kind = ['turn']
          state.to = pick(dates)
      }
      const expected = bruteForce(terms, phrases, state)
      const counted = await engineCount(state)
      const shown = JSON.stringify(state)
      expect({ shown, total: counted.total, counts: counted.counts }).toEqual({
        shown,
        total: expected.total,
        counts: expected.counts,
      })
    }
  }, 120_000)

  test("the count fetches the query's words' rows, not the collection: a rare phrase reads a few small files", async () => {
    forgetPlaces()
    const fetched: string[] = []
    const watched: SearchData = {
      ...data,
      json: (path) => {
        fetched.push(path)
        return data.json(path)
      },
    }
    const p = passages.find((x) => x.words.length > 6 && x.kind === 'turn')!
    const phrase = p.words.slice(2, 5)
    const search = await SearchSession.start(watched, { ...none, q: `"${phrase.join(' ')}"` })
    fetched.length = 0
    const counted = await search.count()
    expect(counted!.total).toBe(bruteForce([], [phrase], none).total)
    expect(fetched.every((path) => path === 'search/manifest.json' || path.startsWith('search/postings/'))).toBe(true)
    expect(fetched.filter((path) => path.startsWith('search/postings/')).length).toBeLessThanOrEqual(phrase.length * 2)
  })
})
