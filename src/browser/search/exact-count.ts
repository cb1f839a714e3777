/**
 * Exact counts for every query with words, on the search page and on the hub: the sections (passages)
 * holding every free word come from the word tables (word-tables.ts, each word's sections), those holding
 * each quoted phrase from the postings (contract/postings.ts, each word's places), never from reading
 * passages' text; the sections holding them all are then tallied by transcript, speaker and kind, and the
 * state's choices applied (counts.ts `countSections`), so the facets are exact too. What it fetches is the
 * query's words' own rows: it grows with how often they are printed, not with the collection.
 */
import { bucketOf, MANIFEST_PATH, sequenceKey, type Manifest } from '../../contract/search.ts'
import {
  decodeNumbers,
  EDITORIAL_CODE,
  NOTE_CODE,
  postingBucketPath,
  postingFilePath,
  postingPlacesPath,
  postingTranscriptsPath,
  SPEAKER_CODE,
  TRANSCRIPTS_PER_FILE,
  type OwnEntry,
  type PlacesFile,
  type PostingEntry,
  type PostingFile,
  type PostingTranscripts,
} from '../../contract/postings.ts'
import type { ParsedQuery, SearchState } from '../../contract/query.ts'
import { countSections, type Counts } from './counts.ts'
import type { SearchData } from './records.ts'
import { matchTallies, wordMatches, type WordMatch } from './word-tables.ts'

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

/** One key's entry (contract/postings.ts) decoded: rows by transcript, each row's sections, codes and places. */
interface Entry {
  /** Row → its transcript's serial. */
  t: Int32Array
  /** Row r's sections are `sections[rowStart[r]]` up to `sections[rowStart[r + 1]]`. */
  rowStart: Int32Array
  sections: Int32Array
  codes: Int32Array
  /** A pair's places, once read: section k's are `places[placeStart[k]]` up to `places[placeStart[k + 1]]`. */
  placeStart?: Int32Array
  places?: Int32Array
  /** Transcript serial → row. */
  rows: Map<number, number>
}

/** Where a key stands in its bucket: not printed, an entry in the bucket, or a file of its own. */
type Found = { key: string; at: PostingEntry | OwnEntry | undefined }

/**
 * Entries read lately (a phrase typed on asks for its first pairs again); a few, as a common pair is
 * hundreds of kilobytes. Per `SearchData`: the hub counts over shards whose files have the same paths.
 */
let entriesOf = new WeakMap<SearchData, Map<string, Promise<Entry>>>()
const KEEP = 24

function cached(data: SearchData, key: string, read: () => Promise<Entry>): Promise<Entry> {
  let entries = entriesOf.get(data)
  if (!entries) {
    entries = new Map()
    entriesOf.set(data, entries)
  }
  let known = entries.get(key)
  if (!known) {
    known = read()
    if (entries.size >= KEEP) entries.delete(entries.keys().next().value!)
    entries.set(key, known)
    known.catch(() => entries.delete(key))
  }
  return known
}

async function find(data: SearchData, manifest: Manifest, key: string): Promise<Found> {
  const bucket = await data.json<PostingFile>(postingBucketPath(bucketOf(key, manifest.postings!)))
  if (!bucket) throw new Error('a bucket of postings could not be loaded')
  return { key, at: Object.hasOwn(bucket.keys, key) ? bucket.keys[key] : undefined }
}

/** A key's entry, its own file fetched if it has one; a pair's places with it when `places`. */
async function entryOf(data: SearchData, { key, at }: Found, places: boolean): Promise<Entry> {
  const entry = await cached(data, key, async () => {
    if (!Array.isArray(at)) return decode(at!)
    const file = await data.json<PostingFile>(postingFilePath(at[0]))
    if (!file) throw new Error('a file of postings could not be loaded')
    return decode(file.keys[key] as PostingEntry)
  })
  if (places && !entry.places) {
    const column = Array.isArray(at) ? await data.json<PlacesFile>(postingPlacesPath(at[0])) : (at as PostingEntry).p
    if (column === undefined) throw new Error("a pair's places could not be loaded")
    readPlaces(entry, column)
  }
  return entry
}

function decode(entry: PostingEntry): Entry {
  const t = decodeNumbers(entry.t)
  const counts = decodeNumbers(entry.n)
  const steps = decodeNumbers(entry.s)
  const rowStart = new Int32Array(t.length + 1)
  const rows = new Map<number, number>()
  const sections = new Int32Array(steps.length)
  for (let r = 0, k = 0; r < t.length; r++) {
    if (r > 0) t[r] = t[r]! + t[r - 1]!
    rows.set(t[r]!, r)
    rowStart[r] = k
    for (let section = 0, j = 0; j < counts[r]!; j++, k++) sections[k] = section += steps[k]!
    rowStart[r + 1] = k
  }
  return { t, rowStart, sections, codes: decodeNumbers(entry.c), rows }
}

function readPlaces(entry: Entry, column: string): void {
  const numbers = decodeNumbers(column)
  const placeStart = new Int32Array(entry.sections.length + 1)
  const places = new Int32Array(numbers.length)
  let count = 0
  for (let k = 0, i = 0; k < entry.sections.length; k++) {
    placeStart[k] = count
    let place = 0
    for (let more = 1; more === 1; i++) {
      place += numbers[i]! >> 1
      places[count++] = place
      more = numbers[i]! & 1
    }
  }
  placeStart[entry.sections.length] = count
  entry.placeStart = placeStart
  entry.places = places.subarray(0, count)
}

/** Whether `list` (ascending) holds `value` between `from` and `to`; returns where it stopped, or -(that + 1). */
function seek(list: Int32Array, value: number, from: number, to: number): number {
  let i = from
  while (i < to && list[i]! < value) i++
  return i < to && list[i] === value ? i : -(i + 1)
}

/**
 * Which of a phrase's pairs to read (pair i is words i and i + 1): the cheapest set that covers every word,
 * by the sizes the buckets give (an entry already in its bucket costs nothing more).
 */
function cover(found: Found[]): number[] {
  const cost = (f: Found) => (Array.isArray(f.at) ? f.at[1] : 0)
  const n = found.length
  if (n > 12) return found.map((_, i) => i).filter((i) => i % 2 === 0 || i === n - 1)
  let best: number[] = []
  let bestCost = Infinity
  for (let mask = 1; mask < 1 << n; mask++) {
    const chosen = found.map((_, i) => i).filter((i) => mask & (1 << i))
    const covered = new Set(chosen.flatMap((i) => [i, i + 1]))
    if (covered.size < n + 1) continue
    const total = chosen.reduce((sum, i) => sum + cost(found[i]!) + 1, 0)
    if (total < bestCost) [best, bestCost] = [chosen, total]
  }
  return best
}

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
    const manifest = await data.json<Manifest>(MANIFEST_PATH)
    if (!manifest) return null
    if (query.phrases.length > 0 && !manifest.postings) return null
    const of = query.terms.length + query.phrases.reduce((sum, phrase) => sum + new Set(phrase).size, 0)
    let done = 0
    const read = (words = 1) => {
      done += words
      progress(done, of)
    }
    progress(0, of)
    const parts = await Promise.all([
      ...(query.terms.length > 0
        ? [
            wordMatches(data, query.terms, Infinity).then((matches) => {
              read(query.terms.length)
              return matches
            }),
          ]
        : []),
      ...query.phrases.map((phrase) => phraseSections(data, manifest, phrase, read)),
    ])
    if (!current()) return undefined
    if (parts.some((part) => !part)) return null
    const matches = intersect(parts as Array<Map<string, WordMatch>>)
    const { total, counts } = countSections(matchTallies(matches.values()), state)
    return { total, counts, complete: true, facetsComplete: true }
  } catch {
    return null
  }
}

/** Forget the postings' entries read (a test with other data). */
export function forgetPlaces(): void {
  entriesOf = new WeakMap()
}
