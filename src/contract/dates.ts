/**
 * Every date the site writes for a reader, in one form: the day in full, in the site's locale (the
 * configuration's `locale`, src/build/config.ts; the page's `<html lang>` in the browser), as the
 * transcripts print their own date lines: `Friday, November 1, 1968` in `en-US`. The browse, speaker and
 * front pages, search results (on the hub too) and the search's filters all write it here; the title
 * block shows the date line the transcript prints, which is this form when the source's line is. Machine
 * values (URLs, `datetime`, the search's `from`/`to`) stay ISO (`1968-11-01`).
 */

export const DEFAULT_LOCALE = 'en-US'

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH = /^(\d{4})-(\d{2})$/

/**
 * The forms a date is written in: `day` (`Friday, November 1, 1968`: what a reader sees), `month`
 * (`November 1968`), `monthName` (`November`: a month within its year's list) and `citation`
 * (`November 1, 1968`: a date in a citation, a version's date).
 */
const FORMS = {
  day: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' },
  month: { year: 'numeric', month: 'long' },
  monthName: { month: 'long' },
  citation: { year: 'numeric', month: 'long', day: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>

/** One formatter per locale and form: building one costs far more than using it. */
const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(locale: string, form: keyof typeof FORMS): Intl.DateTimeFormat {
  const key = `${locale}\u0000${form}`
  let known = formatters.get(key)
  if (!known) {
    // Read in UTC, so that a day never shifts by the reader's time zone.
    known = new Intl.DateTimeFormat(locale, { ...FORMS[form], timeZone: 'UTC' })
    formatters.set(key, known)
  }
  return known
}

/**
 * `1968-11-01` → `Friday, November 1, 1968`; a month (`1968-11`) → `November 1968`; anything else (a date
 * the source gives otherwise) as it is, and '' as `undated`.
 */
export function formatDate(iso: string | undefined, locale: string = DEFAULT_LOCALE): string {
  if (!iso) return 'undated'
  const day = DAY.exec(iso)
  if (day) return formatter(locale, 'day').format(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])))
  const month = MONTH.exec(iso)
  if (month) return formatter(locale, 'month').format(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1))
  return iso
}

/** `11` → `November` in the locale; anything not a month as it is. */
export function formatMonthName(month: string, locale: string = DEFAULT_LOCALE): string {
  const n = Number(month)
  return Number.isInteger(n) && n >= 1 && n <= 12 ? formatter(locale, 'monthName').format(Date.UTC(2000, n - 1, 1)) : month
}

/** A day as a citation writes it (`November 14, 1962`); anything not an ISO day as it is. */
export function longDate(iso: string, locale: string = DEFAULT_LOCALE): string {
  const day = DAY.exec(iso)
  return day ? formatter(locale, 'citation').format(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))) : iso
}

/**
 * The day of an ISO 8601 instant as it was written (`2026-12-06T23:10:00-05:00` → `2026-12-06`): a version's
 * day is its committer's own calendar day, never moved to UTC's.
 */
export function dayOf(instant: string): string {
  return instant.slice(0, 10)
}

/** Today in the reader's own calendar, ISO (`2026-12-06`): the access date a citation gives. */
export function todayIso(now: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`
}

/** An ISO day (`1968-11-01`) as given in a URL or a form's date field; anything else is no day. */
export function isoDay(value: string | null | undefined): string | undefined {
  return value && DAY.test(value.trim()) ? value.trim() : undefined
}

/**
 * The day a transcript facet's value starts with (`1962-11-14 · Title`, build/search/records.ts
 * `transcriptLabel`); none for an undated transcript.
 */
export function labelDay(label: string | undefined): string | undefined {
  return label === undefined ? undefined : isoDay(label.slice(0, 10))
}

/** A transcript facet's value as a reader sees it: its date in the site's form, then its title. */
export function labelText(label: string, locale: string = DEFAULT_LOCALE): string {
  const day = labelDay(label)
  return day ? `${formatDate(day, locale)}${label.slice(10)}` : label
}

/** Whether a day lies within `from` and `to` (either may be absent); an undated transcript lies in no range. */
export function inDateRange(day: string | undefined, from?: string, to?: string): boolean {
  if (!from && !to) return true
  if (!day) return false
  return (!from || day >= from) && (!to || day <= to)
}
