/**
 * DOM for the search page: facet checkboxes with counts, and its results, each one's excerpt marked by
 * the query's words and shown as the hub shows its results (result.ts). Text always goes in as text
 * nodes, so no markup from the index reaches the page.
 */
import type { Counts } from './counts.ts'
import { highlightRanges, type Facet, type ParsedQuery, type SearchState } from '../../contract/query.ts'
import { kindName } from '../../contract/passages.ts'
import { sitePath, transcriptRoute, turnRoute } from '../../contract/routes.ts'
import { el } from '../dom.ts'
import type { Hit } from './engine.ts'
import { labelText } from '../../contract/dates.ts'
import { excerptSpan, pageLocale, renderResult as renderResultItem, type Excerpt, type ResultLook } from './result.ts'

const facetTitles: Record<Facet, string> = { speaker: 'Speaker', transcript: 'Transcript', kind: 'Kind of text' }
/** Values shown before "Show all": long lists (a thousand transcripts) stay short until asked for. */
const SHOWN = 8

/**
 * `partial`: the counts are lower bounds. Every query with words is counted exactly (exact-count.ts); only
 * a search with no words, a range of dates and no transcript chosen still has them (engine.ts
 * `countWithoutWords`: the totals know no dates).
 */
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
      // A transcript's value leads with its ISO date (the URL's); the reader sees the site's date.
      const label = facet === 'kind' ? kindName(value) : facet === 'transcript' ? labelText(value, pageLocale()) : value
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

/** Text with the query's words (query.ts, `highlightRanges`) marked. */
function marked(text: string, query: ParsedQuery): Excerpt['parts'] {
  const parts: Excerpt['parts'] = []
  let last = 0
  for (const [start, end] of highlightRanges(text, query)) {
    if (start > last) parts.push({ text: text.slice(last, start), mark: false })
    parts.push({ text: text.slice(start, end), mark: true })
    last = end
  }
  if (last < text.length) parts.push({ text: text.slice(last), mark: false })
  return parts
}

/** The words of `content` around the first match (the start when nothing matches), matches marked. */
function excerptOf(content: string, query: ParsedQuery): Excerpt {
  const at = highlightRanges(content, query)[0]?.[0] ?? 0
  const all = content.split(/\s+/)
  const { from, to } = excerptSpan(all.length, content.slice(0, at).split(/\s+/).length - 1)
  return { parts: marked(all.slice(from, to).join(' '), query), cutBefore: from > 0, cutAfter: to < all.length }
}

/** A record's value of one of its filters (its transcript's title, date, page). */
const value = (hit: Hit, filter: string) => hit.fragment.filters[filter]?.[0] ?? ''

/** The address of a result: the passage on its transcript's page. */
export function hitUrl(hit: Hit): string {
  const name = value(hit, 'page')
  return sitePath(hit.section.id ? turnRoute(name, hit.section.id) : transcriptRoute(name))
}

const LOOK: ResultLook = {
  heading: 'h3',
  item: 'search-result',
  title: 'search-result-title',
  time: 'search-result-time',
  meta: 'search-result-meta',
  excerpt: 'search-result-excerpt',
}

/** One result, the words of `query` (the search's, `q` as typed) marked in its excerpt. */
export function renderResult(hit: Hit, query: ParsedQuery, q: string): HTMLLIElement {
  const url = hitUrl(hit)
  const target = new URL(url, location.origin)
  if (q !== '') target.searchParams.set('highlight', q)
  const { section } = hit
  return renderResultItem(
    {
      passage: { kind: section.kind, pageId: section.id, speaker: section.speaker, heading: section.heading },
      href: `${target.pathname}${target.search}${target.hash}`,
      title: value(hit, 'title'),
      date: value(hit, 'date'),
      excerpt: excerptOf(section.text, query),
      attributes: { 'data-kind': section.kind, 'data-url': url },
    },
    LOOK,
  )
}
