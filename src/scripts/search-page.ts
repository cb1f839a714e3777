/**
 * The search page: Pagefind's turn-level records, speaker / transcript / kind facets with counts, exact
 * phrases checked against each record's text, and the whole state in the URL (typing replaces the
 * history entry, choosing a filter or submitting adds one, so the back button steps through searches).
 */
import { renderFacets, renderResult, type Counts, type ResultData } from './search-render.ts'
import {
  FACETS,
  paramsFromState,
  parseQuery,
  matchesPhrases,
  stateFromParams,
  type Facet,
  type ParsedQuery,
  type SearchState,
} from './search-query.ts'

interface PagefindResult {
  id: string
  data: () => Promise<ResultData>
}
interface PagefindResponse {
  results: PagefindResult[]
  filters: Counts
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>
  init: () => Promise<void>
  search: (term: string | null, options?: { filters?: Record<string, { any: string[] }> }) => Promise<PagefindResponse | null>
  filters: () => Promise<Counts>
}

const PAGE = 20
/**
 * A phrase query checks its candidates' text. Up to this many are all checked at once, so counts are
 * exact; beyond, they are checked page by page as results are shown, and the facets count word matches.
 */
const PHRASE_EXACT = 300

const root = document.querySelector<HTMLElement>('[data-search]')!
const form = root.querySelector<HTMLFormElement>('form')!
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!
const facetsBox = root.querySelector<HTMLElement>('[data-facets]')!
const status = root.querySelector<HTMLElement>('[data-status]')!
const list = root.querySelector<HTMLOListElement>('[data-results]')!
const more = root.querySelector<HTMLButtonElement>('[data-more]')!

// Pagefind is a file of the built site, not a module of the bundle: import it by URL.
const pagefindUrl = '/pagefind/pagefind.js'
// No web worker: at a hundred thousand records, posting every result across to the page costs more
// than the search itself.
const ready: Promise<Pagefind> = import(/* @vite-ignore */ pagefindUrl).then(async (pagefind: Pagefind) => {
  await pagefind.options({ excerptLength: 30, useWorker: false })
  await pagefind.init()
  return pagefind
})
// Facet counts need Pagefind's filter chunks, and once they are loaded every search counts every facet
// value: at a thousand transcripts that is about 700 KB and half a second a search. So the facets load
// only when the reader asks for them (or the URL already filters); plain word searches stay fast.
let filtersLoaded: Promise<Counts> | undefined
let facetsWanted = false

let generation = 0
let pending: Array<() => Promise<ResultData>> = []
let query: ParsedQuery = { phrases: [], terms: [] }
let currentQ = ''
let lazy: { candidates: PagefindResult[]; parsed: ParsedQuery; next: number } | undefined

function readForm(): SearchState {
  return stateFromParams(new URLSearchParams(new FormData(form) as unknown as Record<string, string>))
}

function filtersOf(state: SearchState, except?: Facet): Record<string, { any: string[] }> {
  const filters: Record<string, { any: string[] }> = {}
  for (const facet of FACETS) if (facet !== except && state[facet].length > 0) filters[facet] = { any: state[facet] }
  return filters
}

/** Pagefind's counts for each facet, as if that facet's own choices were not made (so they stay choosable). */
async function facetCounts(pagefind: Pagefind, term: string | null, state: SearchState, main: PagefindResponse): Promise<Counts> {
  const counts: Counts = {}
  for (const facet of FACETS) {
    if (state[facet].length === 0) counts[facet] = main.filters[facet] ?? {}
    else counts[facet] = (await pagefind.search(term, { filters: filtersOf(state, facet) }))?.filters[facet] ?? {}
  }
  return counts
}

/** A phrase query: Pagefind finds the records with its words; each is checked for the phrase itself. */
async function phraseSearch(pagefind: Pagefind, term: string, state: SearchState, parsed: ParsedQuery) {
  const passes = (data: ResultData, except?: Facet) =>
    FACETS.every((facet) => facet === except || state[facet].length === 0 || state[facet].some((v) => data.filters[facet]?.includes(v)))
  const first = await pagefind.search(term)
  const all = first?.results ?? []
  if (all.length > PHRASE_EXACT) {
    // Too many to read at once: check them in order as pages of results are asked for.
    const filtered = FACETS.some((facet) => state[facet].length > 0)
    const response = filtered ? await pagefind.search(term, { filters: filtersOf(state) }) : first
    const candidates = response?.results ?? []
    const counts = response ? await facetCounts(pagefind, term, state, response) : {}
    return { results: [], lazy: { candidates, parsed }, counts, approximate: candidates.length }
  }
  const loaded = await Promise.all(all.map((result) => result.data()))
  const matching = loaded.filter((data) => matchesPhrases(data.content, parsed))
  const counts: Counts = {}
  for (const facet of FACETS) {
    const tally: Record<string, number> = {}
    for (const data of matching) if (passes(data, facet)) for (const value of data.filters[facet] ?? []) tally[value] = (tally[value] ?? 0) + 1
    counts[facet] = tally
  }
  const results = matching.filter((data) => passes(data))
  return { results: results.map((data) => () => Promise.resolve(data)), counts }
}

/** Filter chunks loaded, so that searches return counts. */
function loadFilters(pagefind: Pagefind): Promise<Counts> {
  filtersLoaded ??= pagefind.filters()
  return filtersLoaded
}

async function run(state: SearchState): Promise<void> {
  const mine = ++generation
  root.dataset.state = 'searching'
  delete root.dataset.results
  const pagefind = await ready
  const term = state.q.trim()
  const parsed = parseQuery(term)
  const filtered = FACETS.some((facet) => state[facet].length > 0)
  // Filters need their chunks before the search; a plain word search shows its results first.
  if (filtered) facetsWanted = true
  if (facetsWanted) await loadFilters(pagefind)
  let results: Array<() => Promise<ResultData>> = []
  let counts: Counts | undefined
  let approximate: number | undefined
  lazy = undefined
  if (term === '' && !filtered) {
    if (facetsWanted) counts = await loadFilters(pagefind)
  } else if (parsed.phrases.length > 0) {
    const found = await phraseSearch(pagefind, term, state, parsed)
    ;({ results, counts, approximate } = found)
    if (found.lazy) lazy = { ...found.lazy, next: 0 }
  } else {
    const main = await pagefind.search(term === '' ? null : term, { filters: filtersOf(state) })
    results = (main?.results ?? []).map((result) => result.data)
    if (filtersLoaded && main) counts = await facetCounts(pagefind, term === '' ? null : term, state, main)
  }
  if (mine !== generation) return

  query = parsed
  currentQ = term
  pending = results
  list.replaceChildren()
  if (counts) renderFacets(facetsBox, counts, state)
  else if (!facetsWanted) facetsBox.replaceChildren(offer)
  if (term === '' && !filtered) {
    status.textContent = 'Type words, or "an exact phrase" in double quotes, or choose a speaker or transcript.'
  } else if (approximate !== undefined) {
    status.textContent = `${approximate.toLocaleString('en')} records hold these words; those with the exact phrase are shown.`
  } else {
    const n = results.length
    status.textContent = `${n === 0 ? 'No' : n.toLocaleString('en')} result${n === 1 ? '' : 's'}.`
  }
  await showMore(mine)
  if (mine !== generation) return
  root.dataset.results = term
  performance.mark('search:results')
  if (!counts && facetsWanted) {
    // Counts for the facets once the results are on screen.
    await loadFilters(pagefind)
    const main = await pagefind.search(term, { filters: filtersOf(state) })
    if (mine !== generation || !main) return
    renderFacets(facetsBox, await facetCounts(pagefind, term, state, main), state)
    if (mine !== generation) return
  }
  root.dataset.state = 'done'
  root.dataset.query = term
}

/** The next page of results; for a large phrase query, the next candidates that hold the phrase. */
async function showMore(mine = generation): Promise<void> {
  let loaded: ResultData[]
  if (lazy) {
    loaded = []
    const { candidates, parsed } = lazy
    while (loaded.length < PAGE && lazy.next < candidates.length) {
      const batch = candidates.slice(lazy.next, lazy.next + PAGE * 2)
      lazy.next += batch.length
      const data = await Promise.all(batch.map((result) => result.data()))
      if (mine !== generation) return
      loaded.push(...data.filter((d) => matchesPhrases(d.content, parsed)))
    }
    more.hidden = lazy.next >= candidates.length
  } else {
    const next = pending.slice(list.childElementCount, list.childElementCount + PAGE)
    loaded = await Promise.all(next.map((load) => load()))
    more.hidden = list.childElementCount + loaded.length >= pending.length
  }
  if (mine !== generation) return
  list.append(...loaded.map((data) => renderResult(data, query, currentQ)))
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
more.addEventListener('click', () => void showMore())
window.addEventListener('popstate', fromLocation)

root.hidden = false
fromLocation()
