/**
 * The search page: turn-level results (docs/search.md), speaker / transcript / kind facets with
 * counts, exact phrases, and the whole state in the URL (typing replaces the history entry, choosing a
 * filter or submitting adds one, so the back button steps through searches). Results come first; the
 * count and the facets follow. What to show comes from the engine (engine.ts, unit-tested without a
 * browser); this file only puts it on the page.
 */
import { keysOfValues, SPEAKERS_PATH, valuesOfKeys, type SpeakerKeys } from '../../contract/search.ts'
import { dated, FACETS, paramsFromState, stateFromParams, type Facet, type SearchState } from '../../contract/query.ts'
import { browserData } from './data.ts'
import { SearchSession } from './engine.ts'
import { renderFacets, renderResult } from './render.ts'
import { didYouMean } from './suggest.ts'

/** How long the typing must pause before the results are counted (a word half typed is not worth it). */
const COUNT_DELAY = 250
/** A count that takes longer than this shows how far it has got. */
const PROGRESS_AFTER = 1000

const root = document.querySelector<HTMLElement>('[data-search]')!
const form = root.querySelector<HTMLFormElement>('form')!
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!
const facetsBox = root.querySelector<HTMLElement>('[data-facets]')!
const status = root.querySelector<HTMLElement>('[data-status]')!
const list = root.querySelector<HTMLOListElement>('[data-results]')!
const more = root.querySelector<HTMLButtonElement>('[data-more]')!
const from = form.querySelector<HTMLInputElement>('input[name="from"]')!
const to = form.querySelector<HTMLInputElement>('input[name="to"]')!

// Pagefind is loaded only when a search needs it (a quoted phrase, or a word too common for the word
// tables): words alone and choices alone never do.

// Facets are offered, not shown: the reader asks for them (or the URL already filters).
let facetsWanted = false

let generation = 0
let current: SearchSession | undefined
/** The generation whose count is under way, if any: a new search stops it, and the page says so. */
let counting: number | undefined

function readForm(): SearchState {
  return stateFromParams(new URLSearchParams(new FormData(form) as unknown as Record<string, string>))
}

const plural = (n: number) => `${n === 0 ? 'No' : n.toLocaleString('en')} result${n === 1 ? '' : 's'}.`

/**
 * The next page of results, each batch appended as it is read; `first` is told when the first of them are
 * on screen.
 */
async function showMore(search: SearchSession | undefined = current, first?: () => void): Promise<void> {
  if (!search || search.reading) return
  search.reading = true
  more.disabled = true
  const shown = await search.more(
    () => search === current,
    undefined,
    (hits) => {
      list.append(...hits.map((hit) => renderResult(hit, search.query, search.q)))
      first?.()
      first = undefined
    },
  )
  if (!shown) return
  search.reading = false
  more.disabled = false
  more.hidden = search.exhausted()
  hideMoreWhenAllShown(search)
  // Every result is on screen: the count is the list's own.
  if (search.exhausted() && search.total !== undefined) status.textContent = plural(list.childElementCount)
}

/** With an exact count reached, nothing more to read. */
function hideMoreWhenAllShown(search: SearchSession): void {
  if (search.exact && search.total !== undefined && list.childElementCount >= search.total) more.hidden = true
}

async function run(state: SearchState): Promise<void> {
  const mine = ++generation
  if (counting !== undefined) {
    // The reader typed on: the count under way is given up, and never left looking final.
    counting = undefined
    status.textContent = 'Count stopped: the search changed.'
    root.dataset.count = 'stopped'
  }
  root.dataset.state = 'searching'
  delete root.dataset.results
  delete root.dataset.page
  more.hidden = true
  const term = state.q.trim()
  try {
    if (FACETS.some((facet) => state[facet].length > 0)) facetsWanted = true
    if (facetsWanted) await loadSpeakerKeys()
    const search = await SearchSession.start(browserData, state)
    if (mine !== generation) return
    current = search
    list.replaceChildren()
    if (!facetsWanted) facetsBox.replaceChildren(offer)
    if (!search.words && !search.filtered)
      status.textContent = dated(state)
        ? 'Type words, or "an exact phrase" in double quotes, or choose a speaker or transcript, to search these dates.'
        : 'Type words, or "an exact phrase" in double quotes, or choose a speaker or transcript.'
    else status.textContent = search.candidates.length === 0 ? plural(0) : ''
    // The first results are shown as soon as they are read (`data-results`); the count follows them (after
    // its pause) while the page fills up to its size (`data-page`): a phrase rarer than its pairs may read
    // many transcripts to fill a page, and the count need not wait for them.
    let counted: Promise<void> | undefined
    const shown = () => {
      root.dataset.results = term
      performance.mark('search:results')
      if (!counted && (search.words || search.filtered || facetsWanted)) {
        counted = count(mine, search)
        counted.catch(() => {})
      }
    }
    await showMore(search, shown)
    if (mine !== generation) return
    shown()
    root.dataset.page = term
    await counted
    if (search.words && search.exhausted() && list.childElementCount === 0) await suggest(mine, search)
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
 * The count, and the facets when wanted, once the results are on screen. It waits for a pause in the
 * typing and gives up when another search begins, so that typing on is never held up by counting. Until
 * the exact count arrives the status says it is counting (after a second, how far it has got); a count
 * shown is exact.
 */
async function count(mine: number, search: SearchSession): Promise<void> {
  const asked = search.words || search.filtered
  const whole = search.exhausted()
  if (asked && !whole) {
    counting = mine
    status.textContent = 'Counting results…'
    root.dataset.count = 'counting'
  }
  let slow = false
  let reached = ''
  const late = setTimeout(() => {
    slow = true
    if (asked && !whole && counting === mine) status.textContent = `Counting results…${reached}`
  }, PROGRESS_AFTER)
  try {
    await new Promise((resolve) => setTimeout(resolve, COUNT_DELAY))
    if (mine !== generation) return
    const still = () => mine === generation
    const counted = await search.count(still, (done, of) => {
      reached = ` (${done.toLocaleString('en')} of ${of.toLocaleString('en')} word${of === 1 ? '' : 's'} read)`
      if (slow && asked && !whole && still()) status.textContent = `Counting results…${reached}`
    })
    if (counted === undefined || !still()) return
    counting = undefined
    root.dataset.count = 'done'
    if (counted === null) {
      // No table: the list's own count when it is whole, and the facets stay on offer.
      if (asked)
        status.textContent = search.exhausted() ? plural(list.childElementCount) : 'Results (the count could not be loaded):'
      if (facetsWanted)
        facetsBox.replaceChildren(
          Object.assign(document.createElement('p'), {
            className: 'facet-empty',
            textContent: 'The counts for filtering could not be loaded.',
          }),
        )
      return
    }
    if (asked) status.textContent = plural(search.exhausted() ? list.childElementCount : counted.total)
    if (facetsWanted) renderFacets(facetsBox, counted.counts, search.state, !counted.facetsComplete)
    hideMoreWhenAllShown(search)
  } finally {
    clearTimeout(late)
    if (counting === mine) counting = undefined
  }
}

/** Nothing found: "Did you mean" a speaker's name close to a word typed (`Kenedy` → Kennedy), in the status. */
async function suggest(mine: number, search: SearchSession): Promise<void> {
  const suggested = await didYouMean(browserData, search.query, search.q).catch(() => undefined)
  if (!suggested || mine !== generation) return
  const state = { ...search.state, q: suggested, speaker: keysOfValues(search.state.speaker, speakerTable) }
  const link = Object.assign(document.createElement('a'), {
    href: `${location.pathname}?${paramsFromState(state).toString()}`,
    textContent: suggested,
  })
  link.dataset.suggestion = ''
  status.replaceChildren(`${plural(0)} Did you mean `, link, '?')
}

/** Puts a state into the form (after a reload or the back button). */
function fillForm(state: SearchState): void {
  input.value = state.q
  from.value = state.from ?? ''
  to.value = state.to ?? ''
  for (const box of facetsBox.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    box.checked = state[box.name as Facet]?.includes(box.value) ?? false
  }
}

/**
 * The URL names speakers by key (`?speaker=george-ball`, as on a transcript's page and the speaker pages);
 * the facets count by the values the keys stand for. The keys' table is fetched only when a speaker is
 * named or the facets are shown (before they are, so that choosing one writes its key at once).
 */
let speakerTable: SpeakerKeys | undefined
let speakerTableLoading: Promise<SpeakerKeys | undefined> | undefined
function loadSpeakerKeys(): Promise<SpeakerKeys | undefined> {
  speakerTableLoading ??= browserData.json<SpeakerKeys>(SPEAKERS_PATH).then((table) => (speakerTable = table))
  return speakerTableLoading
}

function commit(mode: 'push' | 'replace'): void {
  const state = readForm()
  const search = paramsFromState({ ...state, speaker: keysOfValues(state.speaker, speakerTable) }).toString()
  const url = `${location.pathname}${search ? `?${search}` : ''}`
  if (url !== `${location.pathname}${location.search}`) {
    if (mode === 'push') history.pushState(null, '', url)
    else history.replaceState(null, '', url)
  }
  void run(state)
}

async function fromLocation(): Promise<void> {
  const state = stateFromParams(new URLSearchParams(location.search))
  if (state.speaker.length > 0) state.speaker = valuesOfKeys(state.speaker, await loadSpeakerKeys())
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
for (const field of [from, to]) field.addEventListener('change', () => commit('push'))
more.addEventListener('click', () => void showMore().catch(() => (status.textContent = 'More results could not be loaded.')))
window.addEventListener('popstate', () => void fromLocation())

root.hidden = false
void fromLocation()
