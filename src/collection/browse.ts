/**
 * Browsing the collection, worked out once and without Astro: transcripts by year and month (and the
 * undated ones), cut into pages of at most `TRANSCRIPTS_PER_PAGE` with their previous and next links; the
 * participants index, by the first letter of the surname, in pages of at most `NAMES_PER_PAGE`; the
 * window of page numbers a pager shows. Pure functions of the summaries and of the speaker directory:
 * the pages only render what these return, and hash it for their cache key (src/build/cache-key.ts).
 */
import { type SpeakerKind, sortWord, UNCOUNTED_VOICES, voicesPhrase } from '../contract/speakers.ts'
import type { SummarySpeaker, TranscriptSummary } from './summary.ts'
import { DEFAULT_LOCALE, formatDate } from '../contract/dates.ts'
import {
  browseMonthRoute,
  browseUndatedRoute,
  browseYearRoute,
  pageRoute,
  speakerLetterRoute,
  speakerRoute,
} from '../contract/routes.ts'

/** Transcripts on one browse page. */
export const TRANSCRIPTS_PER_PAGE = 100
/** Up to this many transcripts, the front page lists them all as well as the years. */
export const FRONT_PAGE_LIST = 100
/** Names on one page of the participants index; up to this many people, `/speakers/` lists them all. */
export const NAMES_PER_PAGE = 200

/** What a browse page shows of a transcript. */
export type BrowseItem = Pick<TranscriptSummary, 'name' | 'id' | 'date' | 'title' | 'dateLine' | 'time' | 'turns' | 'speakers'>

export interface Link {
  href: string
  label: string
}

/** A month of transcripts, or the undated ones. */
export interface Period {
  /** `1962-11`, or `undated`. */
  key: string
  /** `1962` and `11`, or null for the undated transcripts. */
  year: string | null
  month: string | null
  /** `November 1962`, or `Undated`. */
  label: string
  /** `/browse/1962/11/`, or `/browse/undated/`. */
  href: string
  count: number
  pages: number
}

export interface Year {
  year: string
  href: string
  count: number
  /** Months that hold transcripts, in order. */
  months: Period[]
}

/** The collection by date: what the front page and `/browse/` show. */
export interface Calendar {
  total: number
  years: Year[]
  /** The transcripts without a date, if any. */
  undated: Period | null
  /** ISO dates of the earliest and latest dated transcripts ('' when none is dated). */
  first: string
  last: string
}

/** `1962-11-14` → `{ year: '1962', month: '11' }`; an empty or unreadable date is undated (null). */
export function monthOf(date: string): { year: string; month: string } | null {
  const match = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(date)
  if (!match) return null
  const month = Number(match[2])
  return month >= 1 && month <= 12 ? { year: match[1]!, month: match[2]! } : null
}

/** `1234, 'turn'` → `1,234 turns`; `1, 'person', 'people'` → `1 person`. */
export function counted(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`
}

/** `Wednesday, November 14, 1962`, or `… – Sunday, March 3, 1963` when the two differ. */
export function formatDateRange(first: string, last: string, locale: string = DEFAULT_LOCALE): string {
  return first === last ? formatDate(first, locale) : `${formatDate(first, locale)} – ${formatDate(last, locale)}`
}

export function pageCount(items: number, perPage: number): number {
  return Math.max(1, Math.ceil(items / perPage))
}

/**
 * Transcript order: by date, then name, with the undated last, as an archive lists them. The one order of
 * the index, the browse pages, the speaker pages' tables and `/transcripts.json` (src/build/loader.ts).
 */
export function transcriptOrder(a: Pick<BrowseItem, 'date' | 'name'>, b: Pick<BrowseItem, 'date' | 'name'>): number {
  const undated = Number(monthOf(a.date) === null) - Number(monthOf(b.date) === null)
  return undated || a.date.localeCompare(b.date) || a.name.localeCompare(b.name)
}

function periodFor(date: string, locale: string): Omit<Period, 'count' | 'pages'> {
  const month = monthOf(date)
  if (!month) return { key: 'undated', year: null, month: null, label: 'Undated', href: browseUndatedRoute() }
  return {
    key: `${month.year}-${month.month}`,
    year: month.year,
    month: month.month,
    label: formatDate(`${month.year}-${month.month}`, locale),
    href: browseMonthRoute(month.year, month.month),
  }
}

/** Every month that holds transcripts, in date order, then the undated (if any), each with its items. */
export function periods<T extends Pick<BrowseItem, 'date' | 'name'>>(
  items: readonly T[],
  perPage = TRANSCRIPTS_PER_PAGE,
  locale: string = DEFAULT_LOCALE,
): { period: Period; items: T[] }[] {
  const groups = new Map<string, { period: Period; items: T[] }>()
  for (const item of [...items].sort(transcriptOrder)) {
    const base = periodFor(item.date, locale)
    let group = groups.get(base.key)
    if (!group) {
      group = { period: { ...base, count: 0, pages: 0 }, items: [] }
      groups.set(base.key, group)
    }
    group.items.push(item)
  }
  for (const group of groups.values()) {
    group.period.count = group.items.length
    group.period.pages = pageCount(group.items.length, perPage)
  }
  return [...groups.values()]
}

/** The years and months of the collection, with their counts. */
export function calendar(
  items: readonly Pick<BrowseItem, 'date' | 'name'>[],
  perPage = TRANSCRIPTS_PER_PAGE,
  locale: string = DEFAULT_LOCALE,
): Calendar {
  const years: Year[] = []
  let undated: Period | null = null
  let first = ''
  let last = ''
  for (const { period, items: held } of periods(items, perPage, locale)) {
    if (period.year === null) {
      undated = period
      continue
    }
    if (first === '') first = held[0]!.date
    last = held.at(-1)!.date
    let year = years.at(-1)
    if (year?.year !== period.year) {
      year = { year: period.year, href: browseYearRoute(period.year), count: 0, months: [] }
      years.push(year)
    }
    year.count += period.count
    year.months.push(period)
  }
  return { total: items.length, years, undated, first, last }
}

/** One page of a month's (or the undated) transcripts, with everything its navigation needs. */
export interface ListingPage<T = BrowseItem> {
  period: Period
  /** 1-based. */
  page: number
  pages: number
  /** The page's own address. */
  href: string
  /** Position (1-based) of the page's first and last transcripts in the month. */
  from: number
  to: number
  items: T[]
  /** The pages before and after this one in the same month. */
  previousPage: Link | null
  nextPage: Link | null
  /** The first pages of the months before and after, undated last. */
  previousPeriod: Link | null
  nextPeriod: Link | null
  /** The year page, for the breadcrumb (null when undated). */
  year: Link | null
}

/** Every browse page: each month (then the undated) cut into pages of at most `perPage` transcripts. */
export function listingPages<T extends Pick<BrowseItem, 'date' | 'name'>>(
  items: readonly T[],
  perPage = TRANSCRIPTS_PER_PAGE,
  locale: string = DEFAULT_LOCALE,
): ListingPage<T>[] {
  const groups = periods(items, perPage, locale)
  const link = (period: Period | undefined): Link | null => (period ? { href: period.href, label: period.label } : null)
  return groups.flatMap(({ period, items: held }, index) =>
    Array.from({ length: period.pages }, (_, at) => {
      const page = at + 1
      const label = (n: number) => `${period.label}, page ${n} of ${period.pages}`
      return {
        period,
        page,
        pages: period.pages,
        href: pageRoute(period.href, page),
        from: at * perPage + 1,
        to: Math.min(held.length, page * perPage),
        items: held.slice(at * perPage, page * perPage),
        previousPage: page > 1 ? { href: pageRoute(period.href, page - 1), label: label(page - 1) } : null,
        nextPage: page < period.pages ? { href: pageRoute(period.href, page + 1), label: label(page + 1) } : null,
        previousPeriod: link(groups[index - 1]?.period),
        nextPeriod: link(groups[index + 1]?.period),
        year: period.year === null ? null : { href: browseYearRoute(period.year), label: period.year },
      }
    }),
  )
}

/**
 * The page numbers a pager shows: the first, the last, and `radius` either side of the current one, with
 * `null` for each gap. `pageWindow(6, 12)` → `[1, null, 4, 5, 6, 7, 8, null, 12]`. A gap of one page is
 * shown as that page rather than as a gap.
 */
export function pageWindow(current: number, total: number, radius = 2): (number | null)[] {
  const shown = new Set<number>([1, total])
  for (let n = current - radius; n <= current + radius; n++) if (n >= 1 && n <= total) shown.add(n)
  const sorted = [...shown].sort((a, b) => a - b)
  const out: (number | null)[] = []
  for (const n of sorted) {
    const before = out.at(-1)
    if (typeof before === 'number' && n - before === 2) out.push(n - 1)
    else if (typeof before === 'number' && n - before > 2) out.push(null)
    out.push(n)
  }
  return out
}

/**
 * A transcript's participants as the lists show them: each person by name, then the unidentified voices
 * counted as voices (`voicesPhrase`: `2 unidentified voices`), never by their turns, never as a person.
 */
export function participants(speakers: readonly SummarySpeaker[]): { key: string; text: string; person: boolean }[] {
  return speakers.map((group) =>
    group.kind === 'person'
      ? { key: group.key, text: group.name, person: true }
      : { key: group.key, text: voicesPhrase(group.voices ?? UNCOUNTED_VOICES), person: false },
  )
}

/**
 * The letter a name is filed under: the first letter of its sort word (`sortWord`: the surname, or a
 * title-only name's title), without accents; `#` when not A–Z.
 */
export function initialOf(name: string): string {
  const letter = sortWord(name).word.normalize('NFKD').replace(/\p{M}/gu, '').charAt(0).toUpperCase()
  return /^[A-Z]$/.test(letter) ? letter : '#'
}

/** `B` → `b`, `#` → `other`: the letter's URL segment. */
export function letterSlug(letter: string): string {
  return letter === '#' ? 'other' : letter.toLowerCase()
}

/** `/speakers/index/b/`: the letter pages sit under `index/`, which no speaker page's number can be. */
export function letterHref(letter: string, page = 1): string {
  return speakerLetterRoute(letterSlug(letter), page)
}

/** A row of the participants index. */
export interface ParticipantRow {
  key: string
  name: string
  /** A title only (`President`): filed by the title, and said to be one, never shown as a surname. */
  title: boolean
  href: string
  turns: number
  transcripts: number
  first: string
  last: string
}

/** A speaker in the speaker directory (src/build/speaker-pages.ts writes it): what the participants index lists. */
export interface ListedSpeaker {
  /** The person's speaker id, or `unidentified`: the pages are at `/speakers/<key>/`, `/speakers/<key>/2/`… */
  key: string
  name: string
  kind: SpeakerKind
  turns: number
  transcripts: number
  /** ISO dates of the first and last transcripts they speak in ('' when undated). */
  first: string
  last: string
}

export function participantRow(
  entry: Pick<ListedSpeaker, 'key' | 'name' | 'turns' | 'transcripts' | 'first' | 'last'>,
): ParticipantRow {
  const { key, name, turns, transcripts, first, last } = entry
  return { key, name, title: !sortWord(name).surname, href: speakerRoute(key), turns, transcripts, first, last }
}

/** The `count` people with the most turns, most first (ties by the directory's order, by surname). */
export function mostTurns(entries: readonly ListedSpeaker[], count: number): ParticipantRow[] {
  return entries
    .filter((entry) => entry.kind === 'person')
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.turns - a.entry.turns || a.index - b.index)
    .slice(0, count)
    .map(({ entry }) => participantRow(entry))
}

/** One page of the participants index under one letter. */
export interface LetterPage {
  letter: string
  page: number
  pages: number
  href: string
  rows: ParticipantRow[]
  /** People under this letter in all. */
  count: number
  previousPage: Link | null
  nextPage: Link | null
}

export interface LetterGroup {
  letter: string
  /** `Other` for `#`. */
  label: string
  href: string
  count: number
  pages: LetterPage[]
}

/**
 * The participants index by letter: people only (the unidentified voices are listed apart), in the
 * directory's order (by surname) within each letter, letters A–Z then `#`, pages of at most `perPage`.
 */
export function participantLetters(entries: readonly ListedSpeaker[], perPage = NAMES_PER_PAGE): LetterGroup[] {
  const byLetter = new Map<string, ParticipantRow[]>()
  for (const entry of entries) {
    if (entry.kind !== 'person') continue
    const letter = initialOf(entry.name)
    const rows = byLetter.get(letter) ?? []
    rows.push(participantRow(entry))
    byLetter.set(letter, rows)
  }
  const letters = [...byLetter.keys()].sort((a, b) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b)))
  return letters.map((letter) => {
    const rows = byLetter.get(letter)!
    const pages = pageCount(rows.length, perPage)
    const label = letter === '#' ? 'Other' : letter
    const name = (n: number) => `${label}, page ${n} of ${pages}`
    return {
      letter,
      label,
      href: letterHref(letter),
      count: rows.length,
      pages: Array.from({ length: pages }, (_, at) => ({
        letter,
        page: at + 1,
        pages,
        href: letterHref(letter, at + 1),
        rows: rows.slice(at * perPage, (at + 1) * perPage),
        count: rows.length,
        previousPage: at > 0 ? { href: letterHref(letter, at), label: name(at) } : null,
        nextPage: at + 1 < pages ? { href: letterHref(letter, at + 2), label: name(at + 2) } : null,
      })),
    }
  })
}

/** Which turns of a speaker's `turns` page `page` of `pages` holds (every page but the last is full). */
export function turnRange(page: number, turns: number, perPage: number): { from: number; to: number } {
  return { from: (page - 1) * perPage + 1, to: Math.min(turns, page * perPage) }
}
