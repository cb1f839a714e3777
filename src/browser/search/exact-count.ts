/**
 * Exact counts for every query with words, on the search page and on the hub: the sections (passages)
 * holding every free word come from the word tables (word-tables.ts, each word's sections), those holding
 * each quoted phrase from the postings (contract/postings.ts, each word's places), never from reading
 * passages' text; the sections holding them all are then tallied by transcript, speaker and kind, and the
 * state's choices applied (counts.ts `countSections`), so the facets are exact too. What it fetches is the
 * query's words' own rows: it grows with how often they are printed, not with the collection.
 */
import { bucketOf, codeValues, decodePositions, MANIFEST_PATH, type Manifest } from '../../contract/search.ts'
import { postingBucketPath, postingFilePath, type PostingFile, type PostingRow } from '../../contract/postings.ts'
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
/**
 * One word's row for one transcript, decoded only as far as a phrase needs it: a common word (`the`, in
 * every transcript) is mostly looked at in the few transcripts and sections its rarer neighbours hold.
 */
interface WordRow {
  row: PostingRow
  file: PostingFile
  sections?: number[]
  groups?: string[]
  /** The row's section values (speaker, kind), split once: a common word's row is read once per section. */
  values?: string[]
}
type WordPlaces = Map<string, WordRow>

/**
 * Words' places read lately (a phrase typed on asks for its first words again); a few, as "the" is
 * megabytes. Per `SearchData`: the hub counts over shards whose files have the same paths.
 */
let placesOf = new WeakMap<SearchData, Map<string, Promise<WordPlaces>>>()
const KEEP = 24

/** A word's places in every transcript, from its bucket (and its own file, for a common word). */
function wordPlaces(data: SearchData, manifest: Manifest, word: string): Promise<WordPlaces> {
  let placesRead = placesOf.get(data)
  if (!placesRead) {
    placesRead = new Map()
    placesOf.set(data, placesRead)
  }
  let known = placesRead.get(word)
  if (!known) {
    known = readPlaces(data, manifest, word)
    if (placesRead.size >= KEEP) placesRead.delete(placesRead.keys().next().value!)
    placesRead.set(word, known)
    known.catch(() => placesRead.delete(word))
  }
  return known
}

async function readPlaces(data: SearchData, manifest: Manifest, word: string): Promise<WordPlaces> {
  const bucket = await data.json<PostingFile>(postingBucketPath(bucketOf(word, manifest.postings!)))
  if (!bucket) throw new Error('a bucket of postings could not be loaded')
  const entry = Object.hasOwn(bucket.words, word) ? bucket.words[word] : undefined
  const file = typeof entry === 'number' ? await data.json<PostingFile>(postingFilePath(entry)) : bucket
  if (!file) throw new Error('a file of postings could not be loaded')
  const rows = file.words[word]
  const places: WordPlaces = new Map()
  if (Array.isArray(rows)) for (const row of rows) places.set(file.transcripts[row[0]]![0], { row, file })
  return places
}

const sectionsOf = (entry: WordRow) => (entry.sections ??= decodePositions(entry.row[1]))
function placesAt(entry: WordRow, i: number): number[] {
  entry.groups ??= entry.row[3].split(',')
  return decodePositions(entry.groups[i]!)
}

/** Whether `list` (ascending) holds `value`, looking on from `from`; returns where it stopped, or -1. */
function seek(list: number[], value: number, from: number): number {
  let i = from
  while (i < list.length && list[i]! < value) i++
  return i < list.length && list[i] === value ? i : -(i + 1)
}

/** Whether the words' places (each word's in one section) hold the words in a row. */
function inRow(places: number[][]): boolean {
  const at = places.map(() => 0)
  return places[0]!.some((start) =>
    places.every((list, i) => {
      if (i === 0) return true
      const found = seek(list, start + i, at[i]!)
      at[i] = found < 0 ? -found - 1 : found
      return found >= 0
    }),
  )
}

/** The sections holding `phrase` (the phrase check's words in a row), by transcript. */
export async function phraseSections(
  data: SearchData,
  manifest: Manifest,
  phrase: string[],
  read: () => void = () => {},
): Promise<Map<string, WordMatch>> {
  const lists = await Promise.all(
    [...new Set(phrase)].map(async (word) => {
      const places = await wordPlaces(data, manifest, word)
      read()
      return [word, places] as const
    }),
  )
  const of = new Map(lists)
  const byWord = phrase.map((word) => of.get(word)!)
  // From the word in fewest transcripts; the others are looked at only there.
  const rarest = byWord.reduce((a, b) => (b.size < a.size ? b : a))
  const found = new Map<string, WordMatch>()
  for (const [name, first] of rarest) {
    const here = byWord.map((places) => places.get(name))
    if (here.some((entry) => !entry)) continue
    const entries = here as WordRow[]
    const lists = entries.map(sectionsOf)
    // The sections every word is in, with each word's index of it (the lists are ascending).
    const at = lists.map(() => 0)
    const sections = new Map<number, Values>()
    const firstList = sectionsOf(first)
    firstList.forEach((section, k) => {
      const indexes: number[] = []
      for (const [w, list] of lists.entries()) {
        const found = seek(list, section, at[w]!)
        if (found < 0) {
          at[w] = -found - 1
          return
        }
        at[w] = found
        indexes.push(found)
      }
      if (inRow(entries.map((entry, w) => placesAt(entry, indexes[w]!)))) {
        const { row, file } = first
        const label = file.transcripts[row[0]]![1]
        first.values ??= row[2].split('.')
        sections.set(section, codeValues(first.values[k]!, label, file.speakers))
      }
    })
    if (sections.size > 0) found.set(name, { name, label: first.file.transcripts[first.row[0]]![1], sections })
  }
  return found
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
    const read = () => progress(++done, of)
    progress(0, of)
    const parts = await Promise.all([
      ...(query.terms.length > 0
        ? [
            wordMatches(data, query.terms, Infinity).then((matches) => {
              done += query.terms.length - 1
              read()
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

/** Forget the words' places read (a test with other data). */
export function forgetPlaces(): void {
  placesOf = new WeakMap()
}
