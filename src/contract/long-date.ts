/**
 * A date as a citation writes it, and today's date: apart from ./citation.ts so that the page's first script
 * (which fills in the "Cite as" block's access date) does not carry the citation's formatter, which the
 * turn panel loads on first use.
 */

/** The long date in the site's locale (`November 14, 1962`), read in UTC so that it never shifts a day. */
export function longDate(iso: string, locale = 'en-US'): string {
  const date = new Date(`${iso}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date)
}

/** Today in the reader's own calendar, ISO (`2026-12-06`): the access date a citation gives. */
export function todayIso(now: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`
}
