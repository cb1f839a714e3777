/**
 * The search page's access to Pagefind and the section table. A record matches when it holds every free
 * word and every quoted phrase of the query, and a section of it (a turn, a note, a paragraph) when the
 * section itself does. The free words go to Pagefind in one search; each phrase to its exact search,
 * which finds the records; the sections are then checked against their own text.
 */
import { decodeSummary, decodeTable, groupTallies, passes, type DecodedSummary, type DecodedTable, type RecordSummary, type SectionTable, type Tally } from './search-counts.ts'
import { FACETS, matchesPhrases, type ParsedQuery, type SearchState } from './search-query.ts'
import { headingPositions, matchingSections, parseFragmentText, sectionsOf, termPositions, type Fragment, type Section } from './search-sections.ts'

export type { Fragment } from './search-sections.ts'

interface PagefindResult {
  id: string
  score: number
  words: number[]
  data: () => Promise<Fragment>
}
type Filters = Record<string, { any: string[] }>
export interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>
  init: () => Promise<void>
  search: (term: string | null, options?: { filters?: Filters }) => Promise<{ results: PagefindResult[] } | null>
}

/** A record that holds every free word and phrase of the query. */
export interface Candidate {
  id: string
  score: number
  /** Word positions of the query's free words in the record (phrases are checked on the text). */
  words: number[]
  data: () => Promise<Fragment>
}

/** One result: a section of a record, and what the page shows of its record. */
export interface Hit {
  section: Section
  fragment: Fragment
}

// Pagefind is a file of the built site, not a module of the bundle: import it by URL.
const pagefindUrl = '/pagefind/pagefind.js'

export function loadPagefind(): Promise<Pagefind> {
  // No web worker (`noWorker`, set before init): posting every result's word positions across costs more
  // than the search, and a worker releases a result's data once the result object is collected, which
  // the counting, holding only `data`, would then find gone.
  return import(/* @vite-ignore */ pagefindUrl).then(async (pagefind: Pagefind) => {
    await pagefind.options({ excerptLength: 30, noWorker: true })
    await pagefind.init()
    return pagefind
  })
}

/** A JSON file of the search, fetched once, revalidated (a new build brings new page ids); `undefined` if it cannot be had. */
function loadJson<T, D>(url: string, decode: (raw: T) => D): () => Promise<D | undefined> {
  let loaded: Promise<D | undefined> | undefined
  return () =>
    (loaded ??= fetch(url, { cache: 'no-cache' })
      .then(async (response) => (response.ok ? decode((await response.json()) as T) : undefined))
      .catch(() => undefined))
}

/** The section table: word positions, speakers and kinds of every record's passages (for counts). */
export const loadTable: () => Promise<DecodedTable | undefined> = loadJson<SectionTable, DecodedTable>('/search/sections.json', decodeTable)
/** Its summary: each record's passages per speaker and kind (a search with no words). */
export const loadSummary: () => Promise<DecodedSummary | undefined> = loadJson<RecordSummary, DecodedSummary>('/search/records.json', decodeSummary)

const fragments = new Map<string, Promise<Fragment>>()
/**
 * A record's fragment by its page id, for a search with no words: Pagefind has no call for that, and its
 * search with filters alone fetches every index chunk (6 MB at a thousand transcripts). The file is
 * Pagefind's own: gzipped, `pagefind_dcd`, then JSON.
 */
function fetchFragment(id: string): Promise<Fragment> {
  let fragment = fragments.get(id)
  if (!fragment) {
    fragment = fetch(`/pagefind/fragment/${id}.pf_fragment`).then(async (response) => {
      if (!response.ok) throw new Error(`${response.status} for the search record ${id}`)
      const bytes = new Uint8Array(await response.arrayBuffer())
      const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))) : new Response(bytes)
      return parseFragmentText(await plain.text())
    })
    fragments.set(id, fragment)
  }
  return fragment
}

/** Pagefind's filters for a state: they choose transcripts; the page then chooses passages. */
function filtersOf(state: SearchState | undefined): Filters {
  const filters: Filters = {}
  if (state) for (const facet of FACETS) if (state[facet].length > 0) filters[facet] = { any: state[facet] }
  return filters
}

const exact = (phrase: string[]) => `"${phrase.join(' ')}"`

/**
 * The records holding every free word and phrase of the query (in the transcripts a state's filters
 * keep), best first: one search for the free words together (a record must hold them all)
 * and an exact search per phrase, intersected, scores summed. One search for all the free words, not
 * one per word: a common word alone ("the") brings back nearly every record with all its positions.
 */
export async function findCandidates(pagefind: Pagefind, query: ParsedQuery, state?: SearchState): Promise<Candidate[]> {
  const filters = filtersOf(state)
  if (query.terms.length === 0 && query.phrases.length === 0) {
    // No words: the records holding a chosen passage, from the summary, in the transcripts' order.
    const summary = await loadSummary()
    if (!summary) throw new Error('the list of search records could not be loaded')
    return [...summary]
      .filter(([, row]) => !state || row.groups.some((group) => passes(group.values, state)))
      .sort(([, a], [, b]) => a.transcript.localeCompare(b.transcript))
      .map(([id]) => ({ id, score: 0, words: [], data: () => fetchFragment(id) }))
  }
  const units = [...(query.terms.length > 0 ? [query.terms.join(' ')] : []), ...query.phrases.map(exact)]
  const responses = await Promise.all(units.map((unit) => pagefind.search(unit, { filters })))
  const byId = new Map<string, Candidate>()
  responses.forEach((response, u) => {
    const seen = new Set<string>()
    for (const result of response?.results ?? []) {
      seen.add(result.id)
      if (u === 0) byId.set(result.id, { id: result.id, score: 0, words: query.terms.length > 0 ? result.words : [], data: result.data })
      const candidate = byId.get(result.id)
      if (candidate) candidate.score += result.score
    }
    for (const id of byId.keys()) if (!seen.has(id)) byId.delete(id)
  })
  return [...byId.values()].sort((a, b) => b.score - a.score)
}

/** What a section stands for in the facets: its speaker's name, its transcript, its kind. */
export function sectionValues(section: Section, fragment: Fragment): { speaker?: string; transcript: string; kind: string } {
  return { transcript: fragment.filters.transcript?.[0] ?? '', kind: section.kind, ...(section.speaker === undefined ? {} : { speaker: section.speaker }) }
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
 * the state's speaker and kind choices (Pagefind's filters choose transcripts; a transcript with the
 * speaker also holds everyone else's turns). No state: every matching section. `terms`: each free word's
 * positions, when already worked out.
 */
export function hitsOf(candidate: Candidate, fragment: Fragment, query: ParsedQuery, state?: SearchState, terms?: number[][]): Hit[] {
  const { sections, headings } = sectionsOnce(fragment)
  const positions = terms ?? (query.terms.length === 0 ? [] : termPositions(fragment.content, candidate.words, query.terms))
  return matchingSections(headings, positions)
    .map((i) => sections[i]!)
    .filter((section) => !state || passes(sectionValues(section, fragment), state))
    .filter((section) => matchesPhrases(section.text, query))
    .map((section) => ({ section, fragment }))
}

const found = new Map<string, Promise<boolean>>()
/** Whether Pagefind finds the word in any record (asked once per word). */
function anywhere(pagefind: Pagefind, term: string): Promise<boolean> {
  let answer = found.get(term)
  if (!answer) {
    answer = pagefind.search(term).then((response) => (response?.results.length ?? 0) > 0)
    found.set(term, answer)
  }
  return answer
}

/**
 * The hits of each of some candidates, their fragments read together; `absent` when a free word of the
 * query is in no record. Pagefind leaves out a word it finds nowhere and matches the others, so a record
 * without one of the words asks Pagefind about that word alone: found nowhere, the query (all of its
 * words) has no results; found, only this record is passed over.
 */
export async function readRecords(pagefind: Pagefind, candidates: Candidate[], query: ParsedQuery, state?: SearchState): Promise<Hit[][] | 'absent'> {
  const fragments = await Promise.all(candidates.map((candidate) => candidate.data()))
  const hits: Hit[][] = []
  for (const [i, candidate] of candidates.entries()) {
    const fragment = fragments[i]!
    const positions = query.terms.length === 0 ? [] : termPositions(fragment.content, candidate.words, query.terms)
    const missing = query.terms.filter((_, t) => positions[t]!.length === 0)
    if (missing.length > 0) {
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
 * records' fragments (whole transcripts) are read, at most `limit` of them. Tallies by record id;
 * `undefined` when `current()` turns false (another search has begun); `complete` false when there were
 * more records than `limit`.
 */
export async function fragmentTallies(pagefind: Pagefind, candidates: Candidate[], query: ParsedQuery, limit: number, current: () => boolean): Promise<{ tallies: Map<string, Tally[]>; complete: boolean } | undefined> {
  const tallies = new Map<string, Tally[]>()
  const read = candidates.slice(0, limit)
  for (let i = 0; i < read.length; i += 24) {
    const batch = read.slice(i, i + 24)
    const hits = await readRecords(pagefind, batch, query)
    if (!current()) return undefined
    if (hits === 'absent') return { tallies: new Map(), complete: true }
    hits.forEach((list, j) => {
      const fragment = list[0]?.fragment
      if (fragment) tallies.set(batch[j]!.id, groupTallies(fragment.filters.transcript?.[0] ?? '', list.map((hit) => sectionValues(hit.section, fragment))))
    })
  }
  return { tallies, complete: candidates.length <= limit }
}
