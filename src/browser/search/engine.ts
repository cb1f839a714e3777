/**
 * The search page's logic, from a state (words, phrases, chosen facet values) to results and counts, with
 * no DOM: what it reads comes through `SearchData` (client/data.ts in the browser, fakes in the unit
 * tests). A record (a transcript) matches when it holds every free word and every quoted phrase of the
 * query, and a section of it (a turn, a note, a paragraph) when the section itself does. The free words go
 * to Pagefind in one search; each phrase to its exact search, which finds the records; the sections are
 * then checked against their own text. Facet choices are applied by the page, not by Pagefind's filters
 * (at ten thousand records Pagefind's filter counting takes seconds): the chosen speakers' and
 * transcripts' value tables say which records can hold a result. The counts are worked out apart from the
 * results, exactly (exact-count.ts: the word tables and the postings, no passage's text read).
 */
import { rankByHits, FACETS, TOTALS_PATH, type Facet, type Totals } from '../../contract/search.ts'
import { countSections, totalsTallies, type Counts, type Tally } from './counts.ts'
import { exactCount, exactMatches, type CountProgress, type CountResult } from './exact-count.ts'
import { dated, inStateDates, parseQuery, type ParsedQuery, type SearchState } from '../../contract/query.ts'
import { headCandidates } from './heads.ts'
import {
  allowedTranscripts,
  chosenFacets,
  chosenRows,
  findCandidates,
  readRecords,
  transcriptsOf,
  type Candidate,
  type Hit,
  type SearchData,
} from './records.ts'
import { wordMatches, WORD_BUDGET, type WordMatch } from './word-tables.ts'

export * from './records.ts'
export * from './exact-count.ts'
export * from './word-tables.ts'

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
 * One search: its records in rank order, how far they have been read, and hits not yet shown. `start`
 * finds the records, `more` reads the next page of hits, `count` the counts.
 */
export class SearchSession {
  readonly query: ParsedQuery
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
    this.words = this.query.terms.length + this.query.phrases.length > 0
    // A range of dates narrows a search for words; alone it lists nothing (no table lists passages by date).
    this.filtered = chosenFacets(state).length > 0 || (this.words && dated(state))
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
    // Every transcript in a single word's head holds the word (in a phrase's own pair's or triple's head,
    // the phrase), and one that every head of a phrase's parts lists, with passages in common, very likely
    // holds it: the first one read gives the first results, so it is read alone (one file before the first
    // results instead of BATCH). Other transcripts of a phrase's parts may not hold it.
    if (head.firstHolds) search.batch = 1
    search.rest = () => SearchSession.full(new SearchSession(data, state), wordBudget)
    return search
  }

  /** The search worked out whole: from the word tables, else Pagefind, else (no words) the value tables. */
  private static async full(search: SearchSession, wordBudget: number): Promise<SearchSession> {
    const { data, state } = search
    if (!search.words && !search.filtered) return search
    search.allowed = search.words ? await allowedTranscripts(data, state) : undefined
    // The sections holding the query, most first: a phrase's from the postings, as the count takes them
    // (exact-count.ts), so that only transcripts holding it are read; free words' from the word tables.
    // Without postings, the word tables give the sections holding as many of a phrase's words as the budget
    // allows, and the phrase is checked on each section's text (as it always is). Pagefind's search only
    // for words too common for the budget.
    if (search.query.phrases.length > 0)
      search.matches = (await exactMatches(data, search.query, undefined, wordBudget).catch(() => null)) ?? undefined
    if (search.words && !search.matches)
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
      const labels = new Map(ranked.map((match) => [match.name, match.label]))
      search.queue = search.unfiltered.filter(
        (c) => (!search.allowed || search.allowed.has(c.id)) && inStateDates(labels.get(c.id), state),
      )
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
   * The count and the facets' counts, exact: for words and phrases from the word tables and the postings
   * (exact-count.ts), whatever the results read so far; for none, from the value tables and totals.
   * `undefined` when `current()` turns false meanwhile; `null` when a table could not be loaded.
   * `progress`: how many of the query's words' rows are read.
   */
  async count(current: () => boolean = () => true, progress?: CountProgress): Promise<CountResult | null | undefined> {
    const { query } = this
    const result =
      query.terms.length === 0 && query.phrases.length === 0
        ? await this.countWithoutWords()
        : await exactCount(this.data, query, this.state, current, progress)
    if (!result || !current()) return result
    this.total = result.total
    this.exact = result.complete
    return result
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
          // The totals know no dates: with a range, the listed value's tables (its own facet's values only).
          source =
            state.transcript.length > 0
              ? await tablesOf('transcript')
              : dated(state) && listed
                ? await tablesOf(listed)
                : (await totalsOf()).tallies.speakerKinds
        else if (state.speaker.length > 0) source = await tablesOf('speaker')
        else if (state.kind.length > 0) source = await tablesOf('kind')
        else {
          const known = await totalsOf()
          source = known.tallies.transcripts
          facetsComplete = known.totals.transcriptCount <= Object.keys(known.totals.transcripts).length
        }
        counts[facet] = countSections(source, state).counts[facet]
      }
      if (dated(state) && state.transcript.length === 0) facetsComplete = false
      return { total, counts, complete: true, facetsComplete }
    } catch {
      return null
    }
  }
}
