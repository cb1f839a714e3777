/**
 * The search page's logic, from a state (words, phrases, chosen facet values) to results and counts, with
 * no DOM: what it reads comes through `SearchData` (client/data.ts in the browser, fakes in the unit
 * tests). A record (a transcript) matches when it holds every free word and every quoted phrase of the
 * query, and a section of it (a turn, a note, a paragraph) when the section itself does. The free words go
 * to Pagefind in one search; each phrase to its exact search, which finds the records; the sections are
 * then checked against their own text. Facet choices are applied by the page, not by Pagefind's filters
 * (at ten thousand records Pagefind's filter counting takes seconds): the chosen speakers' and
 * transcripts' value tables say which records can hold a result.
 */
import {
  bucketOf,
  chunkFor,
  codeValues,
  decodePositions,
  pagefindTerm,
  rankByHits,
  wordChunkPath,
  wordDictionaryPath,
  WORDS_PATH,
  type WordChunk,
  type WordDirectory,
  FACETS,
  kindTablePath,
  MANIFEST_PATH,
  recordPath,
  sectionChunkPath,
  TOTALS_PATH,
  valueKey,
  valueTablePath,
  type Facet,
  type Fragment,
  type Manifest,
  type RecordTranscripts,
  type SectionTable,
  type Totals,
  type ValueTables,
} from '../contract.ts'
import {
  countSections,
  decodeTable,
  groupTallies,
  passes,
  tableTallies,
  totalsTallies,
  valueRows,
  type Counts,
  type DecodedTable,
  type SummaryRow,
  type Tally,
} from '../counts.ts'
import { highlightPattern, matchesPhrases, parseQuery, type ParsedQuery, type SearchState } from '../query.ts'
import { headingPositions, matchingSections, sectionsOf, termPositions, type Section } from '../sections.ts'
import { headCandidates } from './heads.ts'

export type { Fragment } from '../contract.ts'

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

async function manifestOf(data: SearchData): Promise<Manifest> {
  const manifest = await data.json<Manifest>(MANIFEST_PATH)
  if (!manifest) throw new Error('the search’s manifest could not be loaded')
  return manifest
}

/** The rows of every record holding a value chosen in `facet`, in transcript order, each once. */
async function chosenRows(data: SearchData, state: SearchState, facet: Facet): Promise<Array<[string, SummaryRow]>> {
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
    .filter((section) => matchesPhrases(section.text, query))
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
              !!section && (!state || passes(sectionValues(section, fragment), state)) && matchesPhrases(section.text, query),
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

/**
 * For counting a query with phrases or several words: the sections are checked on their text, so the
 * transcripts' passages are read, at most `limit` transcripts, taken record by record from `records` (a
 * record's transcripts come from `expand`, those of Pagefind's records from `transcriptsOf`). Tallies by
 * transcript; `undefined` when `current()` turns false (another search has begun); `complete` false when
 * there were more transcripts than `limit`.
 */
export async function fragmentTallies(
  data: SearchData,
  records: Candidate[],
  query: ParsedQuery,
  limit: number,
  current: () => boolean,
  expand: (record: Candidate) => Promise<Candidate[]> = (record) => transcriptsOf(data, record),
): Promise<{ tallies: Map<string, Tally[]>; complete: boolean } | undefined> {
  const tallies = new Map<string, Tally[]>()
  const read: Candidate[] = []
  let r = 0
  for (; r < records.length && read.length < limit; r += 8) {
    for (const list of await Promise.all(records.slice(r, r + 8).map(expand))) read.push(...list)
    if (!current()) return undefined
  }
  const complete = r >= records.length && read.length <= limit
  for (let i = 0; i < Math.min(read.length, limit); i += 24) {
    const batch = read.slice(i, Math.min(i + 24, limit))
    const hits = await readRecords(data, batch, query)
    if (!current()) return undefined
    if (hits === 'absent') return { tallies: new Map(), complete: true }
    hits.forEach((list, j) => {
      const fragment = list[0]?.fragment
      if (fragment)
        tallies.set(
          batch[j]!.id,
          groupTallies(
            fragment.filters.transcript?.[0] ?? '',
            list.map((hit) => sectionValues(hit.section, fragment)),
          ),
        )
    })
  }
  return { tallies, complete }
}

/**
 * The section rows of some records, in rank order, from the section chunks they live in: every chunk
 * needed when together they fit `budget` bytes (an exact count), else the chunks of the best records
 * until the budget is spent (a count of those records only). Decoded chunks are kept for later searches.
 */
export async function sectionRows(
  data: SearchData,
  ids: string[],
  budget: number,
): Promise<{ table: DecodedTable; complete: boolean } | undefined> {
  const manifest = await manifestOf(data)
  const chunkOf = (id: string) => bucketOf(id, manifest.chunks.length)
  const order: number[] = []
  const seen = new Set<number>()
  for (const id of ids) {
    const chunk = chunkOf(id)
    if (!seen.has(chunk)) {
      order.push(chunk)
      seen.add(chunk)
    }
  }
  let spent = 0
  const chosen: number[] = []
  for (const chunk of order) {
    const size = manifest.chunks[chunk] ?? 0
    if (chosen.length > 0 && spent + size > budget && !decoded.has(`${chunk}`)) continue
    spent += decoded.has(`${chunk}`) ? 0 : size
    chosen.push(chunk)
  }
  const table: DecodedTable = new Map()
  for (const rows of await Promise.all(chosen.map((chunk) => chunkRows(data, chunk)))) {
    if (!rows) return undefined
    for (const [id, row] of rows) table.set(id, row)
  }
  return { table, complete: chosen.length === order.length }
}

const decoded = new Map<string, DecodedTable>()
async function chunkRows(data: SearchData, chunk: number): Promise<DecodedTable | undefined> {
  const known = decoded.get(`${chunk}`)
  if (known) return known
  const table = await data.json<SectionTable>(sectionChunkPath(chunk))
  if (!table) return undefined
  const rows = decodeTable(table)
  decoded.set(`${chunk}`, rows)
  return rows
}

/** Forget decoded chunks (a new build, or a test with other data). */
export function forgetChunks(): void {
  decoded.clear()
}

/** Bytes of word tables a search may fetch; beyond (the commonest words), Pagefind's search is used. */
export const WORD_BUDGET = 600_000

const wordChunks = new Map<string, Promise<WordChunk | undefined>>()
/** Each stem's sections, worked out once (a word searched again costs nothing). */
const stemMatches = new Map<string, Map<string, WordMatch>>()

/** A transcript's sections holding every word of a query, from the word tables. */
export interface WordMatch {
  name: string
  label: string
  /** Section number (in the transcript's passages) → its speaker and kind. */
  sections: Map<number, { transcript: string; kind: string; speaker?: string }>
}

/**
 * The sections holding every word of `terms`, by transcript, from the word tables, each word taken as
 * Pagefind takes it (the word Pagefind indexed for it, from the tables' dictionary, and every word
 * starting so). `optional` words (a phrase's) narrow the sections when their tables fit the budget too,
 * cheapest first. `undefined` when the tables cannot say within `budget` bytes (then the query is for
 * Pagefind to answer).
 */
export async function wordMatches(
  data: SearchData,
  terms: string[],
  budget: number,
  optional: string[] = [],
): Promise<Map<string, WordMatch> | undefined> {
  const directory = await data.json<WordDirectory>(WORDS_PATH)
  if (!directory || directory.chunks.length === 0) return undefined
  const { chunks } = directory
  const words = [...new Set([...terms, ...optional].map(pagefindTerm))].filter((term) => term !== '')
  const needed = new Set(terms.map(pagefindTerm))
  // Each word's stem (the dictionaries read together) and the files its rows can be in: the stem's own,
  // and those after it that start with it.
  const plans = await Promise.all(
    words.map(async (term) => {
      const home = chunkFor(chunks, term)
      const dictionary = chunks[home]![3] ? await data.json<Record<string, string>>(wordDictionaryPath(home)) : undefined
      const stem = dictionary?.[term] ?? term
      const wanted = [chunkFor(chunks, stem)]
      while (wanted.at(-1)! + 1 < chunks.length && chunks[wanted.at(-1)! + 1]![0].startsWith(stem))
        wanted.push(wanted.at(-1)! + 1)
      const bytes = wanted.filter((n) => !wordChunks.has(wordChunkPath(n))).reduce((sum, n) => sum + chunks[n]![2], 0)
      return { term, stem, wanted, bytes, needed: needed.has(term) }
    }),
  )
  // Every needed word; then the optional ones (a phrase's words), cheapest first, while the budget lasts.
  const chosen = plans.filter((plan) => plan.needed)
  let spent = chosen.reduce((sum, plan) => sum + plan.bytes, 0)
  if (spent > budget) return undefined
  for (const plan of plans.filter((p) => !p.needed).sort((x, y) => x.bytes - y.bytes)) {
    if (chosen.length > 0 && spent + plan.bytes > budget) break
    chosen.push(plan)
    spent += plan.bytes
  }
  if (chosen.length === 0 || spent > budget) return undefined
  let found: Map<string, WordMatch> | undefined
  for (const { stem, wanted } of chosen) {
    const key = `${stem}\u0000${wanted.join(',')}`
    let here = stemMatches.get(key)
    if (!here) {
      const tables = await Promise.all(
        wanted.map((n) => {
          const path = wordChunkPath(n)
          let known = wordChunks.get(path)
          if (!known) {
            known = data.json<WordChunk>(path)
            wordChunks.set(path, known)
          }
          return known
        }),
      )
      if (tables.some((table) => !table)) return undefined
      let matched = tables.flatMap((table) =>
        Object.keys(table!.words)
          .filter((word) => word.startsWith(stem))
          .map((word) => ({ table: table!, word })),
      )
      if (matched.length === 0) {
        // Pagefind then takes the longest word the stem starts with.
        const shorter = tables.flatMap((table) =>
          Object.keys(table!.words)
            .filter((word) => stem.startsWith(word))
            .map((word) => ({ table: table!, word })),
        )
        matched = shorter.sort((a, b) => b.word.length - a.word.length).slice(0, 1)
      }
      here = new Map<string, WordMatch>()
      for (const { table, word } of matched) {
        for (const [t, sections, codes] of table.words[word]!) {
          const [name, labelIndex] = table.transcripts[t]!
          const label = table.values.transcript[labelIndex] ?? ''
          let match = here.get(name)
          if (!match) {
            match = { name, label, sections: new Map() }
            here.set(name, match)
          }
          const list = codes.split('.')
          decodePositions(sections).forEach((section, i) => {
            match!.sections.set(section, codeValues(list[i]!, label, table.values.speaker))
          })
        }
      }
      stemMatches.set(key, here)
    }
    if (!found) found = here
    else {
      const both = new Map<string, WordMatch>()
      for (const [name, match] of found) {
        const other = here.get(name)
        if (!other) continue
        const sections = new Map([...match.sections].filter(([section]) => other.sections.has(section)))
        if (sections.size > 0) both.set(name, { ...match, sections })
      }
      found = both
    }
  }
  return found
}

/** A query's matches as tallies for the counts. */
export function matchTallies(matches: Iterable<WordMatch>): Tally[] {
  return [...matches].flatMap((match) => groupTallies(match.label, [...match.sections.values()]))
}

/** The sections holding every word of `terms`, as tallies (`wordMatches`). */
export async function wordTallies(data: SearchData, terms: string[], budget: number): Promise<Tally[] | undefined> {
  const matches = await wordMatches(data, terms, budget)
  return matches && matchTallies(matches.values())
}

/** Forget loaded word tables (a test with other data). */
export function forgetWords(): void {
  wordChunks.clear()
  stemMatches.clear()
}

/** A search's counts: the results in all, each facet value's, and whether they are exact. */
export interface CountResult {
  total: number
  counts: Counts
  /** The total is exact (else a lower bound). */
  complete: boolean
  /** The facet counts are exact (else lower bounds). */
  facetsComplete: boolean
}

export const PAGE = 20
/**
 * Records (transcripts) whose fragments are fetched together while a page of results fills up; doubled,
 * up to MAX_BATCH, after a reading that gave nothing (a speaker's word found only in others' turns).
 */
export const BATCH = 3
export const MAX_BATCH = 24
/** Pagefind's records whose lists of transcripts are fetched together. */
export const EXPAND = 8
/**
 * A query with a phrase or several words is counted on the text of at most this many records (whole
 * transcripts, about 5 KB each); beyond, the count says "at least".
 */
export const TEXT_COUNT_LIMIT = 120
/** Bytes of section chunks a one-word count may fetch; beyond, the best records' are counted ("at least"). */
export const CHUNK_BUDGET = 200_000
/** Records counted between two looks at the reader's input. */
const COUNT_SLICE = 500
const pause = () => new Promise((resolve) => setTimeout(resolve, 0))

/**
 * One search: its records in rank order, how far they have been read, and hits not yet shown. `start`
 * finds the records, `more` reads the next page of hits, `count` the counts.
 */
export class SearchSession {
  readonly query: ParsedQuery
  /** What marks the searched words in the excerpts. */
  readonly pattern: RegExp | undefined
  /** Whether the query has words, and whether a facet is chosen. */
  readonly words: boolean
  readonly filtered: boolean
  readonly q: string
  /** Pagefind's records holding the words (or, with no words, the transcripts to list), in order. */
  candidates: Candidate[] = []
  /** The same: every record holding the words, whatever the choices (for the facets' counts). */
  unfiltered: Candidate[] = []
  waiting: Hit[] = []
  /** How many records the next reading fetches together. */
  batch = BATCH
  /** Hits handed out so far. */
  shown = 0
  /** The count, once known, and whether it is exact. */
  total?: number
  exact?: boolean
  /** A page of results is being read (a second "More results" waits for it). */
  reading = false

  readonly data: SearchData
  readonly state: SearchState

  private constructor(data: SearchData, state: SearchState) {
    this.data = data
    this.state = state
    this.q = state.q.trim()
    this.query = parseQuery(this.q)
    this.pattern = highlightPattern(this.query)
    this.words = this.query.terms.length + this.query.phrases.length > 0
    this.filtered = chosenFacets(state).length > 0
  }

  /**
   * `wordBudget`: bytes of word tables the search may fetch (tests set 0 to search through Pagefind).
   * A single word, or phrases alone, with no choices, starts from the word heads (heads.ts): the first
   * results from one small file; the rest of the search (`full`) is worked out when it is needed, for the
   * results past the head's or for the counts.
   */
  static async start(data: SearchData, state: SearchState, { wordBudget = WORD_BUDGET } = {}): Promise<SearchSession> {
    const search = new SearchSession(data, state)
    const head =
      search.words && !search.filtered && wordBudget > 0
        ? await headCandidates(data, search.query).catch(() => undefined)
        : undefined
    if (!head) return SearchSession.full(search, wordBudget)
    search.unfiltered = head.candidates
    search.candidates = head.candidates
    search.queue = [...head.candidates]
    search.nextRecord = head.candidates.length
    search.headComplete = head.complete
    // Every transcript in a single word's head holds the word: the first one read gives the first results,
    // so it is read alone (one file before the first results instead of BATCH); a phrase's may not hold it.
    if (search.query.phrases.length === 0) search.batch = 1
    search.rest = () => SearchSession.full(new SearchSession(data, state), wordBudget)
    return search
  }

  /** The search worked out whole: from the word tables, else Pagefind, else (no words) the value tables. */
  private static async full(search: SearchSession, wordBudget: number): Promise<SearchSession> {
    const { data, state } = search
    if (!search.words && !search.filtered) return search
    search.allowed = search.words ? await allowedTranscripts(data, state) : undefined
    // The word tables say which sections hold the free words (and as many of a phrase's words as the budget
    // allows), most first; Pagefind's search only for words too common for the budget. A phrase is then
    // checked on each section's text.
    if (search.words)
      search.matches = await wordMatches(data, search.query.terms, wordBudget, search.query.phrases.flat()).catch(() => undefined)
    if (search.matches) {
      const ranked = [...search.matches.values()].sort((a, b) =>
        rankByHits({ hits: a.sections.size, label: a.label }, { hits: b.sections.size, label: b.label }),
      )
      search.unfiltered = ranked.map((match) => ({
        id: match.name,
        score: match.sections.size,
        words: [],
        sections: [...match.sections.keys()].sort((x, y) => x - y),
        data: () => data.passages(match.name),
      }))
      search.candidates = search.unfiltered
      search.queue = search.allowed ? search.unfiltered.filter((c) => search.allowed!.has(c.id)) : [...search.unfiltered]
      search.nextRecord = search.candidates.length
      return search
    }
    search.unfiltered = await findCandidates(data, search.query, state)
    search.candidates = search.unfiltered
    // No words: the candidates are transcripts already, read as they come.
    if (!search.words) {
      search.queue = [...search.unfiltered]
      search.nextRecord = search.unfiltered.length
    }
    return search
  }

  /** A search started from a head: the whole search, to be worked out once (`upgrade`). */
  private rest?: () => Promise<SearchSession>
  private upgrading?: Promise<void>
  /** The head held every transcript holding its word: the rest is needed for the counts only. */
  private headComplete = false
  /** Transcripts handed to the reading, which the whole search's list then skips. */
  private readonly taken = new Set<string>()

  /** Turns a search started from a head into the whole search, skipping the transcripts already read. */
  private upgrade(): Promise<void> {
    this.upgrading ??= this.rest!().then((full) => {
      this.matches = full.matches
      this.allowed = full.allowed
      this.unfiltered = full.unfiltered
      this.candidates = full.candidates
      this.nextRecord = full.nextRecord
      this.queue = full.queue.filter((candidate) => !this.taken.has(candidate.id))
      this.rest = undefined
    })
    return this.upgrading
  }

  /** Which transcripts can hold a result (a chosen speaker's, a chosen transcript), for a search with words. */
  allowed?: Set<string>
  /** Free words found in the word tables: every section holding them. */
  matches?: Map<string, WordMatch>
  /** The next of Pagefind's records to take transcripts from, and transcripts not yet read. */
  nextRecord = 0
  queue: Candidate[] = []

  exhausted(): boolean {
    if (this.rest && !this.headComplete) return false
    return this.nextRecord >= this.candidates.length && this.queue.length === 0 && this.waiting.length === 0
  }

  /**
   * The next page of hits: Pagefind's records in rank order, each record's transcripts in turn, their
   * passages read a few at a time until a page is full; `found` is given each batch as it is read, so the
   * first results can be shown at once. `undefined` when `current()` turns false meanwhile.
   */
  async more(current: () => boolean = () => true, size = PAGE, found?: (hits: Hit[]) => void): Promise<Hit[] | undefined> {
    const shown: Hit[] = []
    let read = 0
    let yielded = 0
    while (shown.length < size && !this.exhausted()) {
      if (this.waiting.length === 0) {
        if (this.rest && this.queue.length === 0) {
          // The head is read: the rest of the search.
          await this.upgrade()
          if (!current()) return undefined
          continue
        }
        if (this.queue.length < this.batch && this.nextRecord < this.candidates.length) {
          // The next records' transcripts, their lists fetched together.
          const records = this.candidates.slice(this.nextRecord, this.nextRecord + EXPAND)
          this.nextRecord += records.length
          for (const list of await Promise.all(records.map((record) => transcriptsOf(this.data, record, this.allowed))))
            this.queue.push(...list.filter((candidate) => !this.taken.has(candidate.id)))
          if (!current()) return undefined
          continue
        }
        const batch = this.queue.splice(0, this.batch)
        for (const candidate of batch) this.taken.add(candidate.id)
        const hits = await readRecords(this.data, batch, this.query, this.state)
        read += batch.length
        if (!current()) return undefined
        if (hits === 'absent') {
          // A word of the query is in no record.
          this.nextRecord = this.candidates.length
          this.queue = []
          break
        }
        this.waiting.push(...hits.flat())
        yielded += hits.flat().length
        // As many transcripts next time as the page still needs at the rate they have given hits (a
        // phrase's words apart, a speaker's word found only in others' turns give fewer).
        const rate = yielded / read
        this.batch = Math.min(
          MAX_BATCH,
          Math.max(BATCH, Math.ceil((size - shown.length - this.waiting.length) / Math.max(rate, 0.25))),
        )
      }
      const taken = this.waiting.splice(0, size - shown.length)
      shown.push(...taken)
      if (taken.length > 0) found?.(taken)
    }
    this.shown += shown.length
    return shown
  }

  /**
   * The count and the facets' counts: from the section chunks for one word, the value tables and totals
   * for none, from the records' text for a phrase or several words. `undefined` when `current()` turns
   * false meanwhile; `null` when a table could not be loaded.
   */
  async count(current: () => boolean = () => true): Promise<CountResult | null | undefined> {
    if (this.rest) {
      await this.upgrade()
      if (!current()) return undefined
    }
    const { query } = this
    let result: CountResult | null | undefined
    if (query.terms.length === 0 && query.phrases.length === 0) result = await this.countWithoutWords()
    else if (this.matches && query.phrases.length === 0)
      result = { ...countSections(matchTallies(this.matches.values()), this.state), complete: true, facetsComplete: true }
    else if (query.phrases.length > 0 || query.terms.length > 1) result = await this.countOnText(current)
    else result = await this.countOneWord(current)
    if (!result || !current()) return result
    this.total = result.total
    this.exact = result.complete
    return result
  }

  /** Phrases and several words are matched section by section on the records' text. */
  private async countOnText(current: () => boolean): Promise<CountResult | undefined> {
    // Transcripts from the word tables are read as they are; Pagefind's records, transcript by transcript.
    const expand = (allowed?: Set<string>) => (candidate: Candidate) =>
      this.matches
        ? Promise.resolve(!allowed || allowed.has(candidate.id) ? [candidate] : [])
        : transcriptsOf(this.data, candidate, allowed)
    const found = await fragmentTallies(this.data, this.unfiltered, this.query, TEXT_COUNT_LIMIT, current, expand())
    if (!found) return undefined
    let kept = found
    if (this.allowed && !found.complete) {
      const more = await fragmentTallies(this.data, this.candidates, this.query, TEXT_COUNT_LIMIT, current, expand(this.allowed))
      if (!more) return undefined
      kept = { tallies: new Map([...found.tallies, ...more.tallies]), complete: more.complete }
    }
    const { total, counts } = countSections([...kept.tallies.values()].flat(), this.state)
    return { total, counts, complete: kept.complete, facetsComplete: found.complete && kept.complete }
  }

  /** One word: its positions in each record, mapped to sections by the section chunks. */
  private async countOneWord(current: () => boolean): Promise<CountResult | null | undefined> {
    const ids = this.unfiltered.map((c) => c.id)
    const rows = await sectionRows(this.data, ids, CHUNK_BUDGET).catch(() => undefined)
    if (!current()) return undefined
    if (!rows) return null
    const matches = new Map(
      this.unfiltered.filter((c) => rows.table.has(c.id)).map((candidate) => [candidate.id, [candidate.words]]),
    )
    const tallies: Tally[] = []
    const counted = [...matches.keys()]
    // In slices, letting the page answer the reader's typing between them.
    for (let i = 0; i < counted.length; i += COUNT_SLICE) {
      tallies.push(...tableTallies(rows.table, matches, counted.slice(i, i + COUNT_SLICE)))
      await pause()
      if (!current()) return undefined
    }
    const { total, counts } = countSections(tallies, this.state)
    return { total, counts, complete: rows.complete, facetsComplete: rows.complete }
  }

  /**
   * No words: every chosen passage. The total from the listed value's table; the speaker and kind facets
   * from the chosen transcripts' tables, else from the totals (every speaker's passages by kind); the
   * transcript facet from the chosen speakers' (or kinds') tables, else from the totals, which list the
   * transcripts with the most passages only.
   */
  private async countWithoutWords(): Promise<CountResult | null> {
    const { state } = this
    try {
      const rowsOf = new Map<Facet, Tally[]>()
      const tablesOf = async (facet: Facet) => {
        if (!rowsOf.has(facet))
          rowsOf.set(
            facet,
            (await chosenRows(this.data, state, facet)).flatMap(([, row]) => row.groups),
          )
        return rowsOf.get(facet)!
      }
      let totals: Totals | undefined
      const totalsOf = async () => {
        totals ??= await this.data.json<Totals>(TOTALS_PATH)
        if (!totals) throw new Error('the totals could not be loaded')
        return { totals, tallies: totalsTallies(totals) }
      }
      const listed = (['speaker', 'transcript', 'kind'] as const).find((f) => state[f].length > 0)
      const total = listed ? countSections(await tablesOf(listed), state).total : 0
      const counts = Object.fromEntries(FACETS.map((facet) => [facet, {} as Record<string, number>])) as Counts
      let facetsComplete = true
      for (const facet of FACETS) {
        let source: Tally[]
        if (facet !== 'transcript')
          source = state.transcript.length > 0 ? await tablesOf('transcript') : (await totalsOf()).tallies.speakerKinds
        else if (state.speaker.length > 0) source = await tablesOf('speaker')
        else if (state.kind.length > 0) source = await tablesOf('kind')
        else {
          const known = await totalsOf()
          source = known.tallies.transcripts
          facetsComplete = known.totals.transcriptCount <= Object.keys(known.totals.transcripts).length
        }
        counts[facet] = countSections(source, state).counts[facet]
      }
      return { total, counts, complete: true, facetsComplete }
    } catch {
      return null
    }
  }
}
