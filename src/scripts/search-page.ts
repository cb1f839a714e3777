/**
 * The search page: turn-level results from Pagefind's records, speaker / transcript / kind facets with
 * counts, exact phrases, and the whole state in the URL (typing replaces the history entry, choosing a
 * filter or submitting adds one, so the back button steps through searches). Results come first; the
 * count and the facets follow, from the section table or from the records' text.
 */
import { findCandidates, fragmentTallies, loadPagefind, loadSummary, loadTable, readRecords, type Candidate, type Hit, type Pagefind } from './search-index.ts'
import { FACETS, highlightPattern, paramsFromState, parseQuery, stateFromParams, type Facet, type ParsedQuery, type SearchState } from './search-query.ts'
import { renderFacets, renderResult } from './search-render.ts'
import { countSections, tableTallies, type Tally } from './search-counts.ts'

const PAGE = 20
/**
 * Records (transcripts) whose fragments are fetched together while a page of results fills up; doubled,
 * up to MAX_BATCH, after a reading that gave nothing (a speaker's word found only in others' turns).
 */
const BATCH = 3
const MAX_BATCH = 24
/**
 * A query with a phrase or several words is counted on the text of at most this many records (whole
 * transcripts, about 5 KB each at 1,000 synthetic ones); beyond, the count says "at least".
 */
const TEXT_COUNT_LIMIT = 120
/** How long the typing must pause before the results are counted (a word half typed is not worth it). */
const COUNT_DELAY = 250
/** Records counted between two looks at the reader's input. */
const COUNT_SLICE = 500

const root = document.querySelector<HTMLElement>('[data-search]')!
const form = root.querySelector<HTMLFormElement>('form')!
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!
const facetsBox = root.querySelector<HTMLElement>('[data-facets]')!
const status = root.querySelector<HTMLElement>('[data-status]')!
const list = root.querySelector<HTMLOListElement>('[data-results]')!
const more = root.querySelector<HTMLButtonElement>('[data-more]')!

const ready = loadPagefind()
// Facets are offered, not shown: the reader asks for them (or the URL already filters).
let facetsWanted = false

let generation = 0
/** A search on screen: its records in rank order, how far they have been read, and hits not yet shown. */
interface Search {
  query: ParsedQuery
  /** What marks the searched words in the excerpts. */
  pattern: RegExp | undefined
  /** Whether the query has words, and whether a facet is chosen. */
  words: boolean
  filtered: boolean
  state: SearchState
  q: string
  candidates: Candidate[]
  next: number
  waiting: Hit[]
  /** How many records the next reading fetches together. */
  batch: number
  /** The count, once known, and whether it is exact. */
  total?: number
  exact?: boolean
  /** A page of results is being read (a second click on "More results" waits for it). */
  reading?: boolean
}
let current: Search | undefined

function readForm(): SearchState {
  return stateFromParams(new URLSearchParams(new FormData(form) as unknown as Record<string, string>))
}

const plural = (n: number) => `${n === 0 ? 'No' : n.toLocaleString('en')} result${n === 1 ? '' : 's'}.`

function exhausted(): boolean {
  return !current || (current.next >= current.candidates.length && current.waiting.length === 0)
}

/** The next page of results: records' fragments are read in rank order until a page is full. */
async function showMore(search: Search | undefined = current): Promise<void> {
  if (!search || search.reading) return
  search.reading = true
  more.disabled = true
  const pagefind = await ready
  const shown: Hit[] = []
  while (shown.length < PAGE && (search.waiting.length > 0 || search.next < search.candidates.length)) {
    if (search.waiting.length === 0) {
      const batch = search.candidates.slice(search.next, search.next + search.batch)
      search.next += batch.length
      const hits = await readRecords(pagefind, batch, search.query, search.state)
      if (search !== current) return
      if (hits === 'absent') {
        search.next = search.candidates.length // a word of the query is in no record
        break
      }
      search.waiting.push(...hits.flat())
      // Transcripts that held nothing for the chosen speaker or kind: read more at once next time.
      search.batch = search.waiting.length === 0 ? Math.min(search.batch * 2, MAX_BATCH) : BATCH
    }
    shown.push(...search.waiting.splice(0, PAGE - shown.length))
  }
  list.append(...shown.map((hit) => renderResult(hit, search.pattern, search.q)))
  search.reading = false
  more.disabled = false
  more.hidden = exhausted()
  hideMoreWhenAllShown(search)
  // Every result is on screen: the count is the list's own.
  if (exhausted() && search.total !== undefined) status.textContent = plural(list.childElementCount)
}

/** With an exact count reached, nothing more to read. */
function hideMoreWhenAllShown(search: Search): void {
  if (search.exact && search.total !== undefined && list.childElementCount >= search.total) more.hidden = true
}

async function run(state: SearchState): Promise<void> {
  const mine = ++generation
  root.dataset.state = 'searching'
  delete root.dataset.results
  more.hidden = true
  const term = state.q.trim()
  try {
    const pagefind = await ready
    const query = parseQuery(term)
    const filtered = FACETS.some((facet) => state[facet].length > 0)
    const words = query.terms.length + query.phrases.length > 0
    if (filtered) facetsWanted = true

    const candidates = words || filtered ? await findCandidates(pagefind, query, state) : []
    if (mine !== generation) return
    const search: Search = { query, pattern: highlightPattern(query), state, words, filtered, q: term, candidates, next: 0, waiting: [], batch: BATCH }
    current = search
    list.replaceChildren()
    if (!facetsWanted) facetsBox.replaceChildren(offer)
    if (!words && !filtered) status.textContent = 'Type words, or "an exact phrase" in double quotes, or choose a speaker or transcript.'
    else status.textContent = candidates.length === 0 ? plural(0) : ''
    await showMore(search)
    if (mine !== generation) return
    root.dataset.results = term
    performance.mark('search:results')

    if (words || filtered || facetsWanted) await count(mine, pagefind, search)
  } catch (error) {
    if (mine !== generation) return
    // The index could not be read (a file missing after a new build, the network gone): say so.
    status.textContent = `Search failed: ${error instanceof Error ? error.message : String(error)}. Reloading the page may help.`
    root.dataset.results = term
  }
  if (mine !== generation) return
  root.dataset.state = 'done'
  root.dataset.query = term
}

/**
 * The count, and the facets when wanted, once the results are on screen: from the section table for one
 * word, its summary for none, from the records' text for a phrase or several words. It waits for a pause in the typing
 * and gives up when another search begins, so that typing on is never held up by counting.
 */
async function count(mine: number, pagefind: Pagefind, search: Search): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, COUNT_DELAY))
  if (mine !== generation) return
  const { query, state, filtered } = search
  const still = () => mine === generation
  let tallies: Tally[] | undefined
  let complete = true
  let facetsComplete = true
  if (query.phrases.length > 0 || query.terms.length > 1) {
    // Phrases and several words are matched section by section on the records' text: the facets from the
    // best records of all, the total from the best of those the filters keep (read from cache when the
    // first reading took them in).
    const all = filtered ? await findCandidates(pagefind, query) : search.candidates
    const found = await fragmentTallies(pagefind, all, query, TEXT_COUNT_LIMIT, still)
    if (!found) return
    let kept = found
    if (filtered && !found.complete) {
      const more = await fragmentTallies(pagefind, search.candidates, query, TEXT_COUNT_LIMIT, still)
      if (!more) return
      kept = { tallies: new Map([...found.tallies, ...more.tallies]), complete: more.complete }
    }
    tallies = [...kept.tallies.values()].flat()
    complete = kept.complete
    facetsComplete = found.complete
  } else if (query.terms.length === 0) {
    // No words: every chosen passage, counted from the summary.
    const summary = await loadSummary()
    if (!still()) return
    if (summary) tallies = [...summary.values()].flatMap((row) => row.groups)
  } else {
    const table = await loadTable()
    const unfiltered = filtered ? await findCandidates(pagefind, query) : search.candidates
    if (!still()) return
    const matches = new Map(unfiltered.map((candidate) => [candidate.id, [candidate.words]]))
    if (table) {
      // In slices, letting the page answer the reader's typing between them.
      const ids = [...matches.keys()]
      tallies = []
      for (let i = 0; i < ids.length; i += COUNT_SLICE) {
        tallies.push(...tableTallies(table, matches, ids.slice(i, i + COUNT_SLICE)))
        await new Promise((resolve) => setTimeout(resolve, 0))
        if (!still()) return
      }
    }
  }
  if (!still()) return
  const asked = search.words || filtered
  if (!tallies) {
    // No table: the list's own count when it is whole, and the facets stay on offer.
    if (asked) status.textContent = exhausted() ? plural(list.childElementCount) : 'Results (the count could not be loaded):'
    if (facetsWanted) facetsBox.replaceChildren(Object.assign(document.createElement('p'), { className: 'facet-empty', textContent: 'The counts for filtering could not be loaded.' }))
    return
  }
  const counted = countSections(tallies, state)
  search.total = counted.total
  if (asked) {
    if (exhausted()) status.textContent = plural(list.childElementCount)
    else status.textContent = complete ? plural(search.total) : `At least ${Math.max(search.total, list.childElementCount).toLocaleString('en')} results.`
  }
  if (facetsWanted) renderFacets(facetsBox, counted.counts, state, !(complete && facetsComplete))
  search.exact = complete
  hideMoreWhenAllShown(search)
}

/** Puts a state into the form (after a reload or the back button). */
function fillForm(state: SearchState): void {
  input.value = state.q
  for (const box of facetsBox.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    box.checked = state[box.name as Facet]?.includes(box.value) ?? false
  }
}

function commit(mode: 'push' | 'replace'): void {
  const state = readForm()
  const search = paramsFromState(state).toString()
  const url = `${location.pathname}${search ? `?${search}` : ''}`
  if (url !== `${location.pathname}${location.search}`) {
    if (mode === 'push') history.pushState(null, '', url)
    else history.replaceState(null, '', url)
  }
  void run(state)
}

function fromLocation(): void {
  const state = stateFromParams(new URLSearchParams(location.search))
  fillForm(state)
  void run(state)
}

const offer = document.createElement('button')
offer.type = 'button'
offer.className = 'search-offer'
offer.textContent = 'Filter by speaker, transcript or kind of text'
offer.addEventListener('click', () => {
  facetsWanted = true
  facetsBox.replaceChildren()
  void run(readForm()).then(() => facetsBox.querySelector('input')?.focus())
})

input.addEventListener('input', () => commit('replace'))
form.addEventListener('submit', (event) => {
  event.preventDefault()
  commit('push')
})
facetsBox.addEventListener('change', () => commit('push'))
more.addEventListener('click', () => void showMore().catch(() => (status.textContent = 'More results could not be loaded.')))
window.addEventListener('popstate', fromLocation)

root.hidden = false
fromLocation()
