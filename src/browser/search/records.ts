/**
 * Finding and reading what can hold a search's results: Pagefind's records and their transcripts, the
 * value tables of chosen facets, and the hits in a transcript's passages. What the page reads comes
 * through `SearchData` (client/data.ts in the browser, the index build's own output in the unit tests).
 */
import {
  bucketOf,
  FACETS,
  kindTablePath,
  MANIFEST_PATH,
  recordPath,
  valueKey,
  valueTablePath,
  type Facet,
  type Fragment,
  type Manifest,
  type RecordTranscripts,
  type ValueTables,
} from '../../contract/search.ts'
import { passes, valueRows, type SummaryRow } from './counts.ts'
import { matchesQuery, type ParsedQuery, type SearchState } from '../../contract/query.ts'
import { headingPositions, matchingSections, sectionsOf, termPositions, type Section } from '../../contract/sections.ts'

export type { Fragment } from '../../contract/search.ts'

export interface PagefindResult {
  id: string
  score: number
  words: number[]
  data: () => Promise<Fragment>
}
export interface Pagefind {
  search: (term: string) => Promise<{ results: PagefindResult[] } | null>
}

/** What the engine reads: Pagefind, the tables and the records' fragments. */
export interface SearchData {
  pagefind: () => Promise<Pagefind>
  /** A table of the search by its path (contract.ts); `undefined` when it cannot be had. */
  json: <T>(path: string) => Promise<T | undefined>
  /** A transcript's passages (Pagefind's text, headings and filters for it), by its name. */
  passages: (name: string) => Promise<Fragment>
}

/**
 * A record that holds every free word and phrase of the query (from Pagefind), or a transcript of one
 * (what is read to show results, `data` its passages).
 */
export interface Candidate {
  id: string
  score: number
  /** Word positions of the query's free words in the record or transcript (phrases are checked on the text). */
  words: number[]
  /** Where the first phrase was found (phrases alone): which transcript of a record to read first. */
  hint?: number
  /** A transcript from the word tables: the numbers of its sections holding the words. */
  sections?: number[]
  data: () => Promise<Fragment>
}

/** One result: a section of a record, and what the page shows of its record. */
export interface Hit {
  section: Section
  fragment: Fragment
}

const exact = (phrase: string[]) => `"${phrase.join(' ')}"`

/** The facets with choices in a state. */
export const chosenFacets = (state: SearchState): Facet[] => FACETS.filter((facet) => state[facet].length > 0)

/** A value's records (rows in transcript order) from its value table. */
async function valueTable(data: SearchData, facet: Facet, value: string): Promise<Array<[string, SummaryRow]>> {
  const path =
    facet === 'kind' ? kindTablePath(value) : valueTablePath(bucketOf(valueKey(facet, value), (await manifestOf(data)).buckets))
  const tables = await data.json<ValueTables>(path)
  if (!tables) throw new Error('a table of the search could not be loaded')
  return valueRows(tables, valueKey(facet, value))
}

export async function manifestOf(data: SearchData): Promise<Manifest> {
  const manifest = await data.json<Manifest>(MANIFEST_PATH)
  if (!manifest) throw new Error('the search’s manifest could not be loaded')
  return manifest
}

/** The rows of every record holding a value chosen in `facet`, in transcript order, each once. */
export async function chosenRows(data: SearchData, state: SearchState, facet: Facet): Promise<Array<[string, SummaryRow]>> {
  const lists = await Promise.all(state[facet].map((value) => valueTable(data, facet, value)))
  const rows = new Map(lists.flat())
  return [...rows].sort(([, a], [, b]) => a.transcript.localeCompare(b.transcript))
}

/**
 * The transcripts that can hold a result of a state: those holding a chosen speaker and a chosen
 * transcript (kinds are everywhere, and pass through). `undefined`: every transcript.
 */
export async function allowedTranscripts(data: SearchData, state: SearchState): Promise<Set<string> | undefined> {
  let allowed: Set<string> | undefined
  for (const facet of ['speaker', 'transcript'] as const) {
    if (state[facet].length === 0) continue
    const ids = new Set((await chosenRows(data, state, facet)).map(([id]) => id))
    allowed = allowed ? new Set([...allowed].filter((id) => ids.has(id))) : ids
  }
  return allowed
}

/**
 * The records holding every free word and phrase of the query, best first: one search for the free words
 * together (a record must hold them all) and an exact search per phrase, intersected, scores summed. One
 * search for all the free words, not one per word: a common word alone ("the") brings back nearly every
 * record with all its positions. With no words: the transcripts holding a chosen passage, from the value
 * tables, in transcript order (`allowed`: only these).
 */
export async function findCandidates(
  data: SearchData,
  query: ParsedQuery,
  state?: SearchState,
  allowed?: Set<string>,
): Promise<Candidate[]> {
  if (query.terms.length === 0 && query.phrases.length === 0) {
    if (!state) return []
    const facet = (['speaker', 'transcript', 'kind'] as const).find((f) => state[f].length > 0)
    if (!facet) return []
    return (await chosenRows(data, state, facet))
      .filter(([id, row]) => (!allowed || allowed.has(id)) && row.groups.some((group) => passes(group.values, state)))
      .map(([name]) => ({ id: name, score: 0, words: [], data: () => data.passages(name) }))
  }
  const pagefind = await data.pagefind()
  const units = [...(query.terms.length > 0 ? [query.terms.join(' ')] : []), ...query.phrases.map(exact)]
  const responses = await Promise.all(units.map((unit) => pagefind.search(unit)))
  const byId = new Map<string, Candidate>()
  responses.forEach((response, u) => {
    const seen = new Set<string>()
    for (const result of response?.results ?? []) {
      seen.add(result.id)
      if (u === 0)
        byId.set(result.id, {
          id: result.id,
          score: 0,
          words: query.terms.length > 0 ? result.words : [],
          ...(query.terms.length > 0 ? {} : { hint: result.words[0] }),
          data: result.data,
        })
      const candidate = byId.get(result.id)
      if (candidate) candidate.score += result.score
    }
    for (const id of byId.keys()) if (!seen.has(id)) byId.delete(id)
  })
  return [...byId.values()].sort((a, b) => b.score - a.score)
}

/**
 * The transcripts of a record to read for a query, best first: those holding the free words (their
 * positions made the transcript's own), most positions first; for phrases alone every transcript, the one
 * where Pagefind found the first phrase first. `allowed`: only these transcripts.
 */
export async function transcriptsOf(data: SearchData, record: Candidate, allowed?: Set<string>): Promise<Candidate[]> {
  const transcripts = await data.json<RecordTranscripts>(recordPath(record.id))
  if (!transcripts) throw new Error('a record of the search could not be loaded')
  const parts = transcripts.map(([name, start], i) => {
    const end = transcripts[i + 1]?.[1] ?? Infinity
    // A transcript's own words start after the heading that opens it (start − 1), if any.
    const words = record.words.filter((p) => p >= start && p < end).map((p) => p - start)
    const first = record.hint !== undefined && record.hint >= start && record.hint < end
    return { name, words, first, order: i }
  })
  return parts
    .filter((part) => (record.words.length === 0 || part.words.length > 0) && (!allowed || allowed.has(part.name)))
    .sort((a, b) => Number(b.first) - Number(a.first) || b.words.length - a.words.length || a.order - b.order)
    .map((part) => ({ id: part.name, score: record.score, words: part.words, data: () => data.passages(part.name) }))
}

/** What a section stands for in the facets: its speaker's name, its transcript, its kind. */
export function sectionValues(section: Section, fragment: Fragment): { speaker?: string; transcript: string; kind: string } {
  return {
    transcript: fragment.filters.transcript?.[0] ?? '',
    kind: section.kind,
    ...(section.speaker === undefined ? {} : { speaker: section.speaker }),
  }
}

/** A fragment split into sections once, however many searches read it (Pagefind keeps the fragment). */
const split = new WeakMap<Fragment, { sections: Section[]; headings: number[] }>()
function sectionsOnce(fragment: Fragment): { sections: Section[]; headings: number[] } {
  let known = split.get(fragment)
  if (!known) {
    known = { sections: sectionsOf(fragment), headings: headingPositions(fragment.anchors) }
    split.set(fragment, known)
  }
  return known
}

/**
 * The sections of a candidate's record that hold every free word and every phrase of the query, and pass
 * the state's speaker and kind choices (a transcript with the speaker also holds everyone else's turns).
 * No state: every matching section. `terms`: each free word's positions, when already worked out.
 */
export function hitsOf(
  candidate: Candidate,
  fragment: Fragment,
  query: ParsedQuery,
  state?: SearchState,
  terms?: number[][],
): Hit[] {
  const { sections, headings } = sectionsOnce(fragment)
  const positions = terms ?? (query.terms.length === 0 ? [] : termPositions(fragment.content, candidate.words, query.terms))
  return matchingSections(headings, positions)
    .map((i) => sections[i]!)
    .filter((section) => !state || passes(sectionValues(section, fragment), state))
    .filter((section) => matchesQuery(section.text, query))
    .map((section) => ({ section, fragment }))
}

const found = new WeakMap<Pagefind, Map<string, Promise<boolean>>>()
/** Whether Pagefind finds the word in any record (asked once per word). */
function anywhere(pagefind: Pagefind, term: string): Promise<boolean> {
  let known = found.get(pagefind)
  if (!known) {
    known = new Map()
    found.set(pagefind, known)
  }
  let answer = known.get(term)
  if (!answer) {
    answer = pagefind.search(term).then((response) => (response?.results.length ?? 0) > 0)
    known.set(term, answer)
  }
  return answer
}

/**
 * The hits of each of some candidates, their fragments read together; `absent` when a free word of the
 * query is in no record. Pagefind leaves out a word it finds nowhere and matches the others, so a record
 * without one of the words asks Pagefind about that word alone: found nowhere, the query (all of its
 * words) has no results; found, only this record is passed over.
 */
export async function readRecords(
  data: SearchData,
  candidates: Candidate[],
  query: ParsedQuery,
  state?: SearchState,
): Promise<Hit[][] | 'absent'> {
  const fragments = await Promise.all(candidates.map((candidate) => candidate.data()))
  const hits: Hit[][] = []
  for (const [i, candidate] of candidates.entries()) {
    const fragment = fragments[i]!
    if (candidate.sections) {
      const { sections } = sectionsOnce(fragment)
      hits.push(
        candidate.sections
          .map((n) => sections[n])
          .filter(
            (section): section is Section =>
              !!section && (!state || passes(sectionValues(section, fragment), state)) && matchesQuery(section.text, query),
          )
          .map((section) => ({ section, fragment })),
      )
      continue
    }
    const positions = query.terms.length === 0 ? [] : termPositions(fragment.content, candidate.words, query.terms)
    const missing = query.terms.filter((_, t) => positions[t]!.length === 0)
    if (missing.length > 0) {
      const pagefind = await data.pagefind()
      for (const term of missing) if (!(await anywhere(pagefind, term))) return 'absent'
      hits.push([])
      continue
    }
    hits.push(hitsOf(candidate, fragment, query, state, positions))
  }
  return hits
}
