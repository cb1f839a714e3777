/**
 * Exact counts for every query with words, on the search page and on the hub: the sections (passages)
 * holding every free word come from the word tables (word-tables.ts, each word's sections), those holding
 * each quoted phrase from the postings (contract/postings.ts, read by postings.ts: its pairs of words and
 * their places), never from reading passages' text; the sections holding them all are then tallied by
 * transcript, speaker and kind, and the state's choices applied (counts.ts `countSections`), so the facets
 * are exact too. What it fetches is the query's words' and pairs' own entries: they grow with how often
 * they are printed, not with the collection.
 */
import { MANIFEST_PATH, sequenceKey, type Manifest } from '../../contract/search.ts'
import {
  EDITORIAL_CODE,
  NOTE_CODE,
  postingTranscriptsPath,
  SPEAKER_CODE,
  TRANSCRIPTS_PER_FILE,
  type PostingTranscripts,
} from '../../contract/postings.ts'
import type { ParsedQuery, SearchState } from '../../contract/query.ts'
import { countSections, type Counts } from './counts.ts'
import type { SearchData } from './records.ts'
import { matchTallies, wordMatches, type WordMatch } from './word-tables.ts'
import { cover, entryOf, find, seek, type Entry } from './postings.ts'

export { forgetPlaces } from './postings.ts'

/** A search's counts: the results in all, each facet value's, and whether they are exact. */
export interface CountResult {
  total: number
  counts: Counts
  /** The total is exact (else a lower bound). */
  complete: boolean
  /** The facet counts are exact (else lower bounds). */
  facetsComplete: boolean
}

/** How far a count has got: the query's words whose rows are read, of all of them. */
export type CountProgress = (done: number, of: number) => void

type Values = { transcript: string; kind: string; speaker?: string }

/** The sections holding `phrase` (the phrase check's words in a row), by transcript. */
export async function phraseSections(
  data: SearchData,
  manifest: Manifest,
  phrase: string[],
  read: (words: number) => void = () => {},
): Promise<Map<string, WordMatch>> {
  const distinct = new Set(phrase).size
  const keys = phrase.length === 1 ? phrase : phrase.slice(1).map((word, i) => sequenceKey([phrase[i]!, word]))
  const found = await Promise.all(keys.map((key) => find(data, manifest, key)))
  if (found.some((f) => f.at === undefined)) {
    read(distinct)
    return new Map()
  }
  const chosen = phrase.length === 1 ? [0] : cover(found)
  // Places are needed only to tell pairs apart in a row: one pair is a two-word phrase.
  const places = chosen.length > 1
  const entries = await Promise.all(chosen.map(async (i) => ({ entry: await entryOf(data, found[i]!, places), offset: i })))
  read(distinct)
  // From the pair in fewest transcripts; the others are looked at only there.
  const driver = entries.reduce((a, b) => (b.entry.t.length < a.entry.t.length ? b : a))
  const others = entries.filter((e) => e !== driver)
  // Transcript serial → its sections holding the phrase, with their codes.
  const held = new Map<number, Map<number, number>>()
  for (let r = 0; r < driver.entry.t.length; r++) {
    const serial = driver.entry.t[r]!
    const rows = others.map(({ entry }) => entry.rows.get(serial))
    if (rows.some((row) => row === undefined)) continue
    const at = others.map(({ entry }, o) => entry.rowStart[rows[o]!]!)
    const sections = new Map<number, number>()
    for (let k = driver.entry.rowStart[r]!; k < driver.entry.rowStart[r + 1]!; k++) {
      const section = driver.entry.sections[k]!
      const here: number[] = []
      for (const [o, { entry }] of others.entries()) {
        const stop = seek(entry.sections, section, at[o]!, entry.rowStart[rows[o]! + 1]!)
        at[o] = stop < 0 ? -stop - 1 : stop
        if (stop < 0) break
        here.push(stop)
      }
      if (here.length === others.length && inRow(driver, others, k, here)) sections.set(section, driver.entry.codes[k]!)
    }
    if (sections.size > 0) held.set(serial, sections)
  }
  return named(data, held)
}

/** The transcripts found, by name, with each section's values: their names, labels and speakers fetched for them alone. */
async function named(data: SearchData, held: Map<number, Map<number, number>>): Promise<Map<string, WordMatch>> {
  const files = [...new Set([...held.keys()].map((serial) => Math.floor(serial / TRANSCRIPTS_PER_FILE)))]
  const read = await Promise.all(files.map((n) => data.json<PostingTranscripts>(postingTranscriptsPath(n))))
  const byFile = new Map(files.map((n, i) => [n, read[i]]))
  const matches = new Map<string, WordMatch>()
  for (const [serial, codes] of held) {
    const transcript = byFile.get(Math.floor(serial / TRANSCRIPTS_PER_FILE))?.[serial % TRANSCRIPTS_PER_FILE]
    if (!transcript) throw new Error('the postings name a transcript that could not be loaded')
    const [name, label, speakers] = transcript
    const sections = new Map<number, Values>()
    for (const [section, code] of codes)
      sections.set(
        section,
        code === NOTE_CODE
          ? { transcript: label, kind: 'footnote' }
          : code === EDITORIAL_CODE
            ? { transcript: label, kind: 'editorial' }
            : { transcript: label, kind: 'turn', speaker: speakers[code - SPEAKER_CODE] ?? '' },
      )
    matches.set(name, { name, label, sections })
  }
  return matches
}

type Placed = { entry: Entry; offset: number }

/** Whether the pairs stand at their offsets from one start in a section: the driver's section k, the others' `here`. */
function inRow(driver: Placed, others: Placed[], k: number, here: number[]): boolean {
  if (others.length === 0) return true
  const { placeStart, places } = driver.entry
  for (let i = placeStart![k]!; i < placeStart![k + 1]!; i++) {
    const start = places![i]! - driver.offset
    if (
      others.every(
        ({ entry, offset }, o) =>
          seek(entry.places!, start + offset, entry.placeStart![here[o]!]!, entry.placeStart![here[o]! + 1]!) >= 0,
      )
    )
      return true
  }
  return false
}

/** The sections in every one of `parts`, by transcript. */
function intersect(parts: Array<Map<string, WordMatch>>): Map<string, WordMatch> {
  const [first, ...rest] = [...parts].sort((a, b) => a.size - b.size)
  if (!first) return new Map()
  const kept = new Map<string, WordMatch>()
  for (const [name, match] of first) {
    const others = rest.map((part) => part.get(name))
    if (others.some((other) => !other)) continue
    const sections = new Map([...match.sections].filter(([section]) => others.every((other) => other!.sections.has(section))))
    if (sections.size > 0) kept.set(name, { ...match, sections })
  }
  return kept
}

/**
 * The sections holding every free word and every quoted phrase of `query`, by transcript, exactly: the
 * free words' from the word tables (within `budget` bytes), each phrase's from the postings. `null` when
 * the index has no postings (built before them) or the free words' tables pass the budget. The count reads
 * it, and so does the search's list of transcripts to read for a phrase's results (engine.ts), so that
 * only transcripts that hold the phrase are read.
 */
export async function exactMatches(
  data: SearchData,
  query: ParsedQuery,
  read: (words: number) => void = () => {},
  budget = Infinity,
): Promise<Map<string, WordMatch> | null> {
  const manifest = await data.json<Manifest>(MANIFEST_PATH)
  if (!manifest) return null
  if (query.phrases.length > 0 && !manifest.postings) return null
  const parts = await Promise.all([
    ...(query.terms.length > 0
      ? [
          wordMatches(data, query.terms, budget).then((matches) => {
            read(query.terms.length)
            return matches
          }),
        ]
      : []),
    ...query.phrases.map((phrase) => phraseSections(data, manifest, phrase, read)),
  ])
  if (parts.some((part) => !part)) return null
  return intersect(parts as Array<Map<string, WordMatch>>)
}

/**
 * The exact count of a query with words, and every facet's: `undefined` when `current()` turns false
 * meanwhile (the reader typed on), `null` when the index has no postings (built before them) or a table
 * could not be loaded.
 */
export async function exactCount(
  data: SearchData,
  query: ParsedQuery,
  state: SearchState,
  current: () => boolean = () => true,
  progress: CountProgress = () => {},
): Promise<CountResult | null | undefined> {
  try {
    const of = query.terms.length + query.phrases.reduce((sum, phrase) => sum + new Set(phrase).size, 0)
    let done = 0
    progress(0, of)
    const matches = await exactMatches(data, query, (words = 1) => {
      done += words
      progress(done, of)
    })
    if (!current()) return undefined
    if (!matches) return null
    const { total, counts } = countSections(matchTallies(matches.values()), state)
    return { total, counts, complete: true, facetsComplete: true }
  } catch {
    return null
  }
}
