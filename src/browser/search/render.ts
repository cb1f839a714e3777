/**
 * DOM for the search page: facet checkboxes with counts, and result items (speaker, transcript, date,
 * time, excerpt with the matched words marked). Text always goes in as text nodes, so no markup from the
 * index reaches the page.
 */
import type { Counts } from './counts.ts'
import { highlightRanges, UNIDENTIFIED, type Facet, type ParsedQuery, type SearchState } from '../../contract/query.ts'
import { sitePath } from '../../contract/routes.ts'
import { sectionValues, type Hit } from './engine.ts'

const facetTitles: Record<Facet, string> = { speaker: 'Speaker', transcript: 'Transcript', kind: 'Kind of text' }
const kindNames: Record<string, string> = { turn: 'Spoken turns', footnote: 'Notes', editorial: 'Editorial text' }
/** Values shown before "Show all": long lists (a thousand transcripts) stay short until asked for. */
const SHOWN = 8

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string> = {},
  ...children: Array<Node | string>
) {
  const node = document.createElement(tag)
  for (const [key, value] of Object.entries(props)) node.setAttribute(key, value)
  node.append(...children)
  return node
}

/** `partial`: the counts are lower bounds (a phrase or several words, counted on the first records only). */
export function renderFacets(box: HTMLElement, counts: Counts, state: SearchState, partial = false): void {
  const open = new Set([...box.querySelectorAll<HTMLDetailsElement>('details[open]')].map((d) => d.dataset.facet))
  const fieldsets = (['speaker', 'transcript', 'kind'] as const).map((facet) => {
    const tally = counts[facet] ?? {}
    const chosen = state[facet]
    // Chosen values always show; the rest by count, then alphabetically.
    const values = Object.keys(tally)
      .filter((value) => (tally[value] ?? 0) > 0 || chosen.includes(value))
      .sort(
        (a, b) =>
          Number(chosen.includes(b)) - Number(chosen.includes(a)) || (tally[b] ?? 0) - (tally[a] ?? 0) || a.localeCompare(b),
      )
    for (const value of chosen) if (!values.includes(value)) values.push(value)
    const item = (value: string) => {
      const box = el('input', { type: 'checkbox', name: facet, value })
      box.checked = chosen.includes(value)
      const label = facet === 'kind' ? (kindNames[value] ?? value) : value
      return el(
        'li',
        {},
        el(
          'label',
          {},
          box,
          ` ${label} `,
          el('span', { class: 'facet-count' }, `(${(tally[value] ?? 0).toLocaleString('en')}${partial ? ' or more' : ''})`),
        ),
      )
    }
    const fieldset = el('fieldset', { class: 'facet', 'data-facet': facet }, el('legend', {}, facetTitles[facet]))
    if (values.length === 0) fieldset.append(el('p', { class: 'facet-empty' }, 'None'))
    else fieldset.append(el('ul', {}, ...values.slice(0, SHOWN).map(item)))
    if (values.length > SHOWN) {
      const details = el(
        'details',
        { 'data-facet': facet },
        el('summary', {}, `Show all ${values.length.toLocaleString('en')}`),
        el('ul', {}, ...values.slice(SHOWN).map(item)),
      )
      if (open.has(facet)) details.open = true
      fieldset.append(details)
    }
    return fieldset
  })
  // The checkbox the reader just used is rebuilt: give focus back to its successor.
  const focused =
    document.activeElement instanceof HTMLInputElement && box.contains(document.activeElement) ? document.activeElement : null
  box.replaceChildren(...fieldsets)
  if (focused) {
    const same = [...box.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find(
      (input) => input.name === focused.name && input.value === focused.value,
    )
    same?.focus()
  }
}

/** One formatter for every result: `toLocaleDateString` builds a new one on each call (about 0.3 ms). */
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

/** `1962-11-14` → `14 November 1962`. */
function longDate(iso: string | undefined): string {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso ?? ''
  return LONG_DATE.format(new Date(`${iso}T12:00:00Z`))
}

/** Text with the query's words (query.ts, `highlightRanges`) wrapped in `<mark>`. */
function marked(text: string, query: ParsedQuery): Array<Node | string> {
  const parts: Array<Node | string> = []
  let last = 0
  for (const [start, end] of highlightRanges(text, query)) {
    parts.push(text.slice(last, start), el('mark', {}, text.slice(start, end)))
    last = end
  }
  parts.push(text.slice(last))
  return parts
}

/** About `size` words of `content` around the first match (the start when nothing matches). */
function window(content: string, query: ParsedQuery, size = 30): string {
  const at = highlightRanges(content, query)[0]?.[0] ?? 0
  const before = content.slice(0, at).split(/\s+/)
  const start = Math.max(0, before.length - 8)
  const all = content.split(/\s+/)
  const piece = all.slice(start, start + size).join(' ')
  return `${start > 0 ? '… ' : ''}${piece}${start + size < all.length ? ' …' : ''}`
}

/** A record's value of one of its filters (its transcript's title, date, page). */
const value = (hit: Hit, filter: string) => hit.fragment.filters[filter]?.[0] ?? ''

/** What a passage without a speaker is called, from its id on the page. */
function sectionTitle(hit: Hit): string {
  const id = hit.section.id
  if (hit.section.kind === 'footnote') return `Note ${hit.section.heading ?? ''}`.trim()
  if (id === undefined) return 'About this transcript'
  if (id.startsWith('intro-')) return 'Introduction'
  if (id.startsWith('epilogue-')) return 'Afterwards'
  if (id.startsWith('excision-')) return 'Excision'
  if (id.startsWith('direction-')) return 'Stage direction'
  return 'Editorial note'
}

/** The address of a result: the passage on its transcript's page. */
export function hitUrl(hit: Hit): string {
  return sitePath(`/${value(hit, 'page')}/${hit.section.id ? `#${hit.section.id}` : ''}`)
}

/** One result, the words of `query` (the search's, `q` as typed) marked in its excerpt. */
export function renderResult(hit: Hit, query: ParsedQuery, q: string): HTMLLIElement {
  const url = hitUrl(hit)
  const target = new URL(url, location.origin)
  if (q !== '') target.searchParams.set('highlight', q)
  const { kind, speaker } = sectionValues(hit.section, hit.fragment)
  const who = kind === 'turn' ? (speaker === UNIDENTIFIED ? 'Unidentified' : (speaker ?? '')) : sectionTitle(hit)
  const time = kind === 'turn' ? hit.section.heading : undefined
  const heading = el(
    'h3',
    { class: 'search-result-title' },
    el(
      'a',
      { href: `${target.pathname}${target.search}${target.hash}` },
      who,
      ...(time ? [el('span', { class: 'search-result-time' }, ` · ${time.startsWith('≈') ? '' : 'at '}${time}`)] : []),
    ),
  )
  const date = value(hit, 'date')
  const context = el(
    'p',
    { class: 'search-result-meta' },
    value(hit, 'title'),
    ' · ',
    el('time', { datetime: date }, longDate(date)),
  )
  const excerpt = el('p', { class: 'search-result-excerpt' }, ...marked(window(hit.section.text, query), query))
  return el('li', { class: 'search-result', 'data-kind': kind, 'data-url': url }, heading, context, excerpt)
}
