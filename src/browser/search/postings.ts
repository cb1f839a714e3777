/**
 * The postings (contract/postings.ts) as a count reads them: a key's entry found in its bucket, its own
 * file and places fetched when it has them, decoded into typed arrays and kept for the next searches; and
 * which pairs of a phrase to read.
 */
import { bucketOf, type Manifest } from '../../contract/search.ts'
import {
  decodeNumbers,
  postingBucketPath,
  postingFilePath,
  postingPlacesPath,
  type OwnEntry,
  type PlacesFile,
  type PostingEntry,
  type PostingFile,
} from '../../contract/postings.ts'
import type { SearchData } from './records.ts'

/** One key's entry (contract/postings.ts) decoded: rows by transcript, each row's sections, codes and places. */
export interface Entry {
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
export type Found = { key: string; at: PostingEntry | OwnEntry | undefined }

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

export async function find(data: SearchData, manifest: Manifest, key: string): Promise<Found> {
  const bucket = await data.json<PostingFile>(postingBucketPath(bucketOf(key, manifest.postings!)))
  if (!bucket) throw new Error('a bucket of postings could not be loaded')
  return { key, at: Object.hasOwn(bucket.keys, key) ? bucket.keys[key] : undefined }
}

/** A key's entry, its own file fetched if it has one; a pair's places with it when `places`. */
export async function entryOf(data: SearchData, { key, at }: Found, places: boolean): Promise<Entry> {
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
export function seek(list: Int32Array, value: number, from: number, to: number): number {
  let i = from
  while (i < to && list[i]! < value) i++
  return i < to && list[i] === value ? i : -(i + 1)
}

/**
 * Which of a phrase's pairs to read (pair i is words i and i + 1): the cheapest set that covers every word,
 * by the sizes the buckets give (an entry already in its bucket costs nothing more).
 */
export function cover(found: Found[]): number[] {
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

/** Forget the postings' entries read (a test with other data). */
export function forgetPlaces(): void {
  entriesOf = new WeakMap()
}
