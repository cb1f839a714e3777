/**
 * Printed headings a transcript opens with when it has no seed header: the Watergate special prosecutor's
 * (`TRANSCRIPT OF A RECORDING OF A MEETING AMONG …, ON SEPTEMBER 15, 1972, AT 5:27 TO 6:17 P.M.`), the House
 * Judiciary Committee's (`TRANSCRIPT PREPARED BY THE IMPEACHMENT INQUIRY STAFF FOR THE HOUSE JUDICIARY
 * COMMITTEE OF A RECORDING OF …`), FRUS's numbered heading and dateline, a plain date line. One reader per
 * kind (heading-kinds.ts lists the kinds; the type checker asks for a reader for each); a house style says
 * which it tries. A reader takes the heading's lines as the PDF gave them, split or glued (`STAFFFOR
 * THEHOUSE`), and reads only what is printed: the heading's text is kept whole, the facts point into it.
 */
import type { HeadingKind } from '../heading-kinds.ts'
import type { TimeSpan } from '../types.ts'
import { monthDate, readDate, readTime, timeSpan } from './dates.ts'
import type { FlowItem } from './flow.ts'
import type { Line } from './source.ts'

/** A value read from the source, with its offsets. */
export interface Located<T = string> {
  value: T
  start: number
  end: number
}

export interface HeadingRead {
  kind: HeadingKind
  /** How many of the lines given the heading takes; the lines after them stay what they are. */
  lines: number
  id?: Located
  date?: Located
  time?: Located<TimeSpan>
  place?: Located
  participants?: Located[]
}

// The patterns, compiled once (Unicode and case-insensitive patterns are slow to compile; a file tries
// several kinds on two paragraphs).
const submissionHeading = new RegExp(
  String.raw`^(?:MEETING|CONVERSATION|TELEPHONE\s+CONVERSATION)\s*:\s*(?<what>.+?)\s*,\s*(?<date>${monthDate})\s*[.,]?\s*(?:\(\s*(?:(?:AT|FROM)\s*)?(?<time>${timeSpan})\s*\)|(?:(?:AT|FROM)\s*)?(?<bare>${timeSpan}))?\.?\s*$`,
  'disu',
)
const frusDateline = new RegExp(
  String.raw`^(?:(?<place>[\p{L} .]{1,40}), )?(?<date>${monthDate})(?:,\s*(?<time>${timeSpan}))?\.?$`,
  'diu',
)
const datedLine = new RegExp(String.raw`^(?<date>${monthDate})\.?\s*(?:\(\s*(?<time>${timeSpan})\s*\))?\.?$`, 'diu')
const transcriptOfPatterns = new Map<string, RegExp>()

/** `lines`: the paragraph that may be a heading; `after`: the lines between it and the first turn (a dateline). */
type HeadingReader = (lines: Line[], after: Line[], value: string) => HeadingRead | undefined

const readers: Record<HeadingKind, HeadingReader> = {
  prosecutor: (lines, _after, value) =>
    transcriptOf('prosecutor', String.raw`TRANSCRIPT\s*OF\s*(?:A\s*)?(?:RECORDING\s*OF\s*(?:A\s*)?)?`, lines, value),
  judiciary: (lines, _after, value) =>
    transcriptOf(
      'judiciary',
      String.raw`TRANSCRIPT\s*PREPARED\s*BY\s*THE\s*IMPEACHMENT\s*INQUIRY\s*STAFF\s*FOR\s*THE\s*HOUSE\s*JUDICIARY\s*COMMITTEE\s*OF\s*A\s*RECORDING\s*OF\s*(?:A\s*)?`,
      lines,
      value,
    ),
  submission: (lines, _after, value) => {
    // `MEETING: <who and where>, <date>[,.] (<time>)` (or the time bare: `, 12:42 - 2:00 p.m.`), wrapped over up to three lines.
    // The most lines that end as a heading ends (its date or time): a time wrapped onto the next line is its own.
    for (let count = Math.min(3, lines.length); count >= 1; count--) {
      const base = lines[0]!.start
      const match = submissionHeading.exec(value.slice(base, lines[count - 1]!.end))
      if (!match) continue
      const read: HeadingRead = { kind: 'submission', lines: count, ...when(match, base) }
      if (!read.time) Object.assign(read, when(match, base, 'bare'))
      return { ...read, ...whoAndWhere(at(match, 'what', base)!) }
    }
    return undefined
  },
  frus: (lines, after) => {
    const line = lines[0]!
    const match =
      /^(?<id>\d{1,4})\.\s+(?:Telephone\s+)?(?:Conversation|Meeting)\b.*?\b(?:Between|With|Among)\s+(?<who>.+?)[\p{No}\d]*$/du.exec(
        line.text,
      )
    if (!match) return undefined
    const read: HeadingRead = { kind: 'frus', lines: 1, id: at(match, 'id', line.start)! }
    read.participants = names(at(match, 'who', line.start)!)
    // The dateline below it: `November 1, 1968, 1:58 p.m.`, or `Washington, November 1, 1968, …`.
    const dateline = after[0]
    const dated = dateline && frusDateline.exec(dateline.text)
    if (dated) Object.assign(read, when(dated, dateline.start), place(dated, dateline.start))
    return read
  },
  dated: (lines) => {
    const line = lines[0]!
    const dated = datedLine.exec(line.text)
    if (!dated) return undefined
    const read: HeadingRead = { kind: 'dated', lines: 1, ...when(dated, line.start) }
    // `Meeting: President Nixon, HR Haldeman and John Dean, Oval Office`: who, then where.
    const next = lines[1]
    const meeting = next && /^(?:Meeting|Conversation|Telephone (?:call|conversation))\s*:\s*(?<what>.+)$/diu.exec(next.text)
    if (meeting) {
      read.lines = 2
      Object.assign(read, whoAndWhere(at(meeting, 'what', next.start)!))
    }
    return read
  },
}

/** The first heading of `kinds` that reads `lines`, tried in order. */
export function readHeading(kinds: readonly HeadingKind[], lines: Line[], after: Line[], value: string): HeadingRead | undefined {
  for (const kind of kinds) {
    const read = readers[kind](lines, after, value)
    if (read) return read
  }
  return undefined
}

/** Where a printed heading stands in the flow, what it read, and what follows it before the turns. */
export interface PlacedHeading {
  read: HeadingRead
  index: number
  /** Paragraphs after the heading and before the turns that are introduction (`This opens just as Dean comes in`). */
  after: FlowItem[]
  /** Where the conversation starts in the flow. */
  from: number
}

/**
 * Where a heading stands: the last item before the first turn, past the notes and what may stand between a
 * heading and the turns (`passes`: a dateline, a stage direction). -1 when nothing does.
 */
export function headingPlace(body: readonly FlowItem[], firstTurn: number, passes: (item: FlowItem) => boolean): number {
  let last = firstTurn - 1
  while (last >= 0 && (body[last]!.kind === 'footnotes' || passes(body[last]!))) last--
  return last
}

/**
 * A printed heading the style knows, in `body`: the paragraph right before the first turn (past what may
 * stand between, `passes`: a dateline, a direction), else the file's first paragraph. It may span several
 * lines or take only the first lines of its paragraph: `body[index]` becomes the heading's lines alone.
 */
export function placePrintedHeading(
  body: FlowItem[],
  firstTurn: number,
  kinds: readonly HeadingKind[],
  value: string,
  passes: (item: FlowItem) => boolean,
): PlacedHeading | undefined {
  const last = headingPlace(body, firstTurn, passes)
  for (const index of new Set([last, 0])) {
    const item = body[index]
    if (index < 0 || index >= firstTurn || item?.kind !== 'paragraph') continue
    const lines = item.parts[0]!
    const between = body
      .slice(index + 1, firstTurn)
      .flatMap((next): Line[] => (next.kind === 'paragraph' ? next.parts.flat() : []))
    const read = readHeading(kinds, item.parts.length === 1 ? lines : lines.slice(0, 1), between, value)
    if (!read) continue
    const taken = lines.slice(0, read.lines)
    body[index] = { kind: 'paragraph', parts: [taken], breaks: [], start: taken[0]!.start, end: taken.at(-1)!.end }
    const rest = lines.slice(read.lines)
    const restItem: FlowItem[] =
      rest.length > 0 || item.parts.length > 1
        ? [
            {
              ...item,
              parts: [rest, ...item.parts.slice(1)].filter((part) => part.length > 0),
              start: (rest[0] ?? item.parts[1]![0]!).start,
            },
          ]
        : []
    // A heading right before the turns: what follows it (a dateline) is the conversation's, as before.
    if (index === last) return { read, index, after: restItem, from: index + 1 }
    return { read, index, after: [...restItem, ...body.slice(index + 1, firstTurn)], from: firstTurn }
  }
  return undefined
}

/**
 * `<opening> MEETING AMONG <participants>[ IN <place>], ON <date>, AT <time>`, over up to six lines (a PDF
 * may wrap the heading anywhere, and a typist did after any word), then any subtitle in parentheses and
 * capitals (`(FIRST INSTALLMENT)`). The heading takes the lines its words reach, all of them read at once,
 * so that a time wrapped onto the next line (`FROM 10:12` / `TO 11:55 A.M.`) is read whole.
 */
function transcriptOf(kind: HeadingKind, opening: string, lines: Line[], value: string): HeadingRead | undefined {
  let pattern = transcriptOfPatterns.get(opening)
  if (!pattern) {
    pattern = new RegExp(
      String.raw`^${opening}(?:MEETING|CONVERSATION|TELEPHONE\s*CONVERSATION)\s*(?:AMONG|BETWEEN|WITH)\s*(?<who>.+?)\s*,?\s*(?:\bIN\s+(?<place>[^,]+?)\s*,?\s*)?ON\s*(?<date>${monthDate})(?:\s*,?\s*(?:AT|FROM)\s*(?<time>${timeSpan}))?`,
      'dis',
    )
    transcriptOfPatterns.set(opening, pattern)
  }
  const within = lines.slice(0, 6)
  const base = within[0]!.start
  const match = pattern.exec(value.slice(base, within.at(-1)!.end))
  if (!match) return undefined
  const end = base + match.index + match[0].length
  let taken = within.findIndex((line) => line.start >= end)
  if (taken === -1) taken = within.length
  while (taken < lines.length && /^\([^\p{Ll}()]+\)$/u.test(lines[taken]!.text)) taken++
  return { kind, lines: taken, participants: names(at(match, 'who', base)!), ...when(match, base), ...place(match, base) }
}

/** The `date` and `time` groups of a match (or the time in the group named `timeGroup`), read (dates.ts). */
function when(match: RegExpExecArray, base: number, timeGroup = 'time'): Pick<HeadingRead, 'date' | 'time'> {
  const read: Pick<HeadingRead, 'date' | 'time'> = {}
  const date = at(match, 'date', base)
  const iso = date && readDate(date.value)
  if (date && iso) read.date = { ...date, value: iso }
  const time = at(match, timeGroup, base)
  const span = time && readTime(time.value)
  if (time && span) read.time = { ...time, value: span }
  return read
}

function place(match: RegExpExecArray, base: number): Pick<HeadingRead, 'place'> {
  const found = at(match, 'place', base)
  return found ? { place: found } : {}
}

/** A named group's text and offsets in the source. */
function at(match: RegExpExecArray, group: string, base: number): Located | undefined {
  const value = match.groups?.[group]
  const span = match.indices?.groups?.[group]
  return value === undefined || !span ? undefined : { value, start: base + span[0], end: base + span[1] }
}

/** `THE PRESIDENT, H.R.HALDEMAN,AND JOHN DEAN` → each name as printed, with its place. */
function names(list: Located): Located[] {
  const found: Located[] = []
  let from = 0
  for (const separator of [...list.value.matchAll(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/gi), null]) {
    const to = separator ? separator.index : list.value.length
    const raw = list.value.slice(from, to)
    if (/\p{L}/u.test(raw)) found.push({ value: raw.replace(/\s+/g, ' '), start: list.start + from, end: list.start + to })
    if (separator) from = separator.index + separator[0].length
  }
  return found
}

/**
 * `President Nixon, HR Haldeman and John Dean, Oval Office`: the names up to the one joined by `and`, then
 * the place. Without an `and`, who is a name and what is a place cannot be told apart: nothing is read.
 */
function whoAndWhere(what: Located): Pick<HeadingRead, 'participants' | 'place'> {
  const and = /\s+and\s+[^,]*/i.exec(what.value)
  if (!and) return {}
  const end = and.index + and[0].length
  const read: Pick<HeadingRead, 'participants' | 'place'> = {
    participants: names({ value: what.value.slice(0, end), start: what.start, end: what.start + end }),
  }
  const rest = /^\s*,\s*(.+)$/d.exec(what.value.slice(end))
  if (rest) read.place = { value: rest[1]!, start: what.start + end + rest.indices![1]![0], end: what.end }
  return read
}
