/**
 * The header: document id, `YYYY/MM/DD` date, then optionally an editorial status note (which may wrap),
 * a weekday date line and a time range. The status note is recognised only when a date line or a time
 * line follows it, so that an introduction's first paragraph is never taken for one. A file need not
 * open with a header: without one, no field is read here (a printed heading may give them: headings.ts).
 */
import type { HeaderField, HeaderFieldName } from '../types.ts'
import { report } from '../diagnostics.ts'
import type { FlowItem, ProseParagraph } from './flow.ts'
import { isoDate } from './dates.ts'
import { parseInline, type InlineContext } from './inline.ts'

const datePattern = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/
const weekdayPattern = /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/i
const timePattern = /^(?:\d{1,2}(?::\d{2})?|noon|midnight)\b.{0,60}(?:[AP]\.\s?M\.|\bapprox|\bto\b|[–-]\s*\d)/i

export interface HeaderResult {
  fields: HeaderField[]
  /** Index in the flow of the first item after the header. */
  next: number
  /** How many items stand before the header (text before the id, reported as an error). */
  before: number
  /** Whether a missing or impossible date was reported here (the facts then add no second message). */
  dateReported: boolean
}

/** `dateGiven`: the sidecar gives the date, so a header without one lacks nothing. */
export function readHeader(flow: FlowItem[], context: InlineContext, dateGiven = false): HeaderResult {
  const fields: HeaderField[] = []
  let index = 0
  let before = 0
  const isId = (value: string | undefined) =>
    value !== undefined && value.length <= 40 && !datePattern.test(value) && !/\s/.test(value)
  const text = (at: number) => {
    const item = flow[at]
    return item?.kind === 'paragraph' && item.parts.length === 1 ? item.parts[0]!.map((l) => l.text).join(' ') : undefined
  }
  const take = (name: HeaderFieldName, value?: string) => {
    const item = flow[index++] as ProseParagraph
    const field: HeaderField = {
      type: 'headerField',
      name,
      children: parseInline(item.parts[0]!, context),
      position: context.locator.position(item.start, item.end),
    }
    if (value !== undefined) field.value = value
    fields.push(field)
  }

  const first = text(0)
  const isDate = (at: number) => datePattern.test(text(at) ?? '')
  const headerAt = flow.findIndex((_, k) => k > 0 && k <= 10 && isId(text(k)) && isDate(k + 1))
  let idMissing = false
  if (isId(first) && (isDate(1) || headerAt === -1)) take('id')
  else if (first !== undefined && datePattern.test(first)) {
    idMissing = true
    report(
      context.file,
      'missing-id',
      'The header starts with the date: put the document id (such as `01181`) alone on a line before it',
      context.locator.point(flow[0]!.start),
    )
  } else if (first !== undefined && isDate(1)) {
    // The line before the date is meant as the id: keep it there, and say what is wrong with it.
    const lines = (flow[0] as ProseParagraph).parts[0]!.length
    const why =
      lines > 1
        ? `it runs over ${lines} lines`
        : first.length > 40
          ? `it is ${first.length} characters long`
          : 'it holds white space'
    report(
      context.file,
      'missing-id',
      `\`${clip(first)}\` cannot be the document id: ${why}. The id is one word of at most 40 characters (such as \`01181\`), alone on the first line`,
      context.locator.point(flow[0]!.start),
    )
    take('id')
  } else {
    const at = headerAt
    if (at > 0) {
      const place = context.locator.point(flow[at]!.start)
      report(
        context.file,
        'text-before-header',
        `Text stands before the header, which starts on line ${place.line} with the document id \`${clip(text(at)!)}\`: the id and date must open the file. Move this text below the header or delete it`,
        context.locator.point(flow[0]!.start),
      )
      index = before = at
      take('id')
    } else {
      // No header: the transcript opens with its own heading, or with none (the id is then the heading's or
      // the file's name, parse/facts.ts).
      idMissing = true
    }
  }

  let date: string | undefined
  let dateReported = false
  const dateText = text(index)
  const match = dateText === undefined ? null : datePattern.exec(dateText)
  if (!match && !idMissing && !dateGiven) {
    const item = flow[index]
    dateReported = true
    report(
      context.file,
      'missing-date',
      'Expected the recording date as `YYYY/MM/DD` on the line after the document id',
      item ? context.locator.point(item.start) : undefined,
    )
  } else if (match) {
    date = isoDate(Number(match[1]), Number(match[2]), Number(match[3]))
    if (date === undefined) {
      dateReported = true
      report(
        context.file,
        'invalid-date',
        `${dateText} is not a calendar date; write the recording date as YYYY/MM/DD`,
        context.locator.point(flow[index]!.start),
      )
    }
    take('date', date)
  }

  const isDateLine = (at: number) => weekdayPattern.test(text(at) ?? '')
  const isTime = (at: number) => timePattern.test(text(at) ?? '')
  if (text(index) !== undefined && !isDateLine(index) && !isTime(index) && (isDateLine(index + 1) || isTime(index + 1))) {
    take('status')
  }
  if (isDateLine(index)) take('dateLine')
  if (isTime(index)) take('time')
  return { fields, next: index, before, dateReported }
}

/** A line shown in a message, cut short when it is long. */
function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 37)}…` : value
}
