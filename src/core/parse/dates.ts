/**
 * Dates and times as printed in headings, datelines and header lines (`SEPTEMBER 15, 1972`, `ONSeptember
 * 15, 1972`, `5:27 TO 6:17 P.M.`, `(5:27pm - 6:17pm)`, `1:58 p.m.`), read into data: one reader for every
 * house style, so a date means the same wherever it is printed. Words glued by a PDF's text layer are read
 * as they stand (white space between the parts is optional); nothing is read that is not printed.
 */
import type { TimeSpan } from '../types.ts'

/** The months as printed sources name them, lower case: the one list every reader of a printed date uses. */
export const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

/** `September 15, 1972`, `SEPTEMBER 15,1972`, `APRIL 17,1973` (groups: month, day, year). */
export const monthDate = String.raw`(${monthNames.join('|')})\s*(\d{1,2}),?\s*(\d{4})`

/** A time of day: `5:27`, `5:27 P.M.`, `6:17pm`, `9:59 AM` (groups: hours, minutes, meridiem). */
const clock = String.raw`(\d{1,2}):(\d{2})(?:\s*([ap])\.?\s*m\b\.?)?`

/** A span, `5:27 TO 6:17 P.M.`, `5:27pm - 6:17pm`, or a single time (`1:58 p.m.`). */
export const timeSpan = String.raw`${clock}(?:\s*(?:to|-|–|—)\s*${clock})?`

/** The ISO date of a year, month and day, when they make a calendar date. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  const check = new Date(Date.UTC(year, month - 1, day))
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** `SEPTEMBER 15, 1972` → `1972-09-15`, when it is a calendar date. */
const wholeDate = new RegExp(`^${monthDate}$`, 'i')
const leadingTime = new RegExp(`^${timeSpan}`, 'i')

export function readDate(text: string): string | undefined {
  const match = wholeDate.exec(text)
  return match ? isoDate(Number(match[3]), monthNames.indexOf(match[1]!.toLowerCase()) + 1, Number(match[2])) : undefined
}

/** `5:27 TO 6:17 P.M.` → `{ start: '17:27', end: '18:17' }`, when it reads as a time or a span. */
export function readTime(text: string): TimeSpan | undefined {
  const match = leadingTime.exec(text.trim())
  return match ? readTimeSpan(match.slice(1)) : undefined
}

/**
 * The six groups of a `timeSpan` match → 24-hour times. A start without its own `a.m.`/`p.m.` takes the
 * end's (`5:27 TO 6:17 P.M.`), unless that would put it after the end (`11:50 to 12:10 P.M.`); a time with
 * none at all is kept as printed (`9:47`), since nothing says which half of the day it is.
 */
function readTimeSpan(groups: ReadonlyArray<string | undefined>): TimeSpan | undefined {
  const [h1, m1, ap1, h2, m2, ap2] = groups
  if (h1 === undefined || m1 === undefined) return undefined
  const end = h2 !== undefined && m2 !== undefined ? to24(Number(h2), Number(m2), ap2) : undefined
  let start = to24(Number(h1), Number(m1), ap1 ?? ap2)
  if (start !== undefined && end !== undefined && ap1 === undefined && ap2 !== undefined && start > end) {
    start = to24(Number(h1), Number(m1), ap2.toLowerCase() === 'p' ? 'a' : 'p')
  }
  if (start === undefined || (h2 !== undefined && end === undefined)) return undefined
  return end === undefined ? { start } : { start, end }
}

function to24(hours: number, minutes: number, meridiem: string | undefined): string | undefined {
  if (minutes > 59 || hours > 23 || (meridiem !== undefined && (hours < 1 || hours > 12))) return undefined
  let h = hours
  if (meridiem?.toLowerCase() === 'p' && h < 12) h += 12
  if (meridiem?.toLowerCase() === 'a' && h === 12) h = 0
  return `${String(h).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`
}
