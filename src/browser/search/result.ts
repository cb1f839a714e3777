/**
 * One search result as a reader sees it, on the search page and on the hub alike: the passage's name
 * and time (contract/passages.ts), its transcript's title and date, and an excerpt around the first
 * match with the matched words marked. Each page finds its passages its own way (the search page
 * through its engine, the hub through Pagefind's merged results); what they show is built here, so the
 * same passage reads the same on both.
 */
import { passageName, type PassagePlace } from '../../contract/passages.ts'
import { DEFAULT_LOCALE, formatDate } from '../../contract/dates.ts'
import { el } from '../dom.ts'

/** Words an excerpt holds, and how many of them come before its first match. */
export const EXCERPT_WORDS = 30
const LEAD = 8

/**
 * Which of a passage's `count` words its excerpt shows, `first` being the first matched word (0 when
 * none): `from` up to, not including, `to`.
 */
export function excerptSpan(count: number, first: number, size = EXCERPT_WORDS): { from: number; to: number } {
  const from = Math.max(0, Math.min(first, count) - LEAD)
  return { from, to: Math.min(count, from + size) }
}

export interface Excerpt {
  /** The excerpt's text in order, the matched words marked. */
  parts: Array<{ text: string; mark: boolean }>
  /** Whether words were left out before and after it. */
  cutBefore: boolean
  cutAfter: boolean
}

/** What a result shows. */
export interface ResultView {
  passage: PassagePlace
  /** The passage on its transcript's page, with the words to highlight there. */
  href: string
  /** Its transcript's title and date (`1962-11-14`); on the hub, its collection's title first. */
  collection?: string
  title: string
  date: string
  excerpt: Excerpt
  /** The item's attributes besides its class (`data-url`, `data-kind`, `data-shard`). */
  attributes: Record<string, string>
}

/** Where a page puts a result: its heading's level (below the page's own headings) and class names. */
export interface ResultLook {
  heading: 'h2' | 'h3'
  item: string
  title?: string
  time?: string
  meta: string
  excerpt: string
}

/**
 * The site's locale, as the page declares it (`<html lang>`, from the configuration's `locale`): every
 * date a result shows is written in it (contract/dates.ts).
 */
export const pageLocale = (): string => document.documentElement.lang || DEFAULT_LOCALE

/** `1962-11-14` → `Wednesday, November 14, 1962`, as the transcript's page and the site's other pages write it. */
function resultDate(iso: string | undefined): string {
  return iso ? formatDate(iso, pageLocale()) : ''
}

const classOf = (name: string | undefined): Record<string, string> => (name ? { class: name } : {})

/** One result as a list item. */
export function renderResult(view: ResultView, look: ResultLook): HTMLLIElement {
  const { name, time } = passageName(view.passage)
  const heading = el(
    look.heading,
    classOf(look.title),
    el('a', { href: view.href }, name, ...(time ? [el('span', classOf(look.time), ` · ${time}`)] : [])),
  )
  const meta = el(
    'p',
    { class: look.meta },
    ...(view.collection === undefined ? [] : [view.collection, ' · ']),
    view.title,
    ' · ',
    el('time', { datetime: view.date }, resultDate(view.date)),
  )
  const { parts, cutBefore, cutAfter } = view.excerpt
  const excerpt = el(
    'p',
    { class: look.excerpt },
    cutBefore ? '… ' : '',
    ...parts.map((part) => (part.mark ? el('mark', {}, part.text) : part.text)),
    cutAfter ? ' …' : '',
  )
  return el('li', { class: look.item, ...view.attributes }, heading, meta, excerpt)
}
