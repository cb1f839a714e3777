/**
 * The header: document id, `YYYY/MM/DD` date, then optionally an editorial status note (which may wrap),
 * a weekday date line and a time range. The status note is recognised only when a date line or a time
 * line follows it, so that an introduction's first paragraph is never taken for one.
 */
import type { HeaderField, HeaderFieldName } from '../types.ts'
import { report } from '../diagnostics.ts'
import type { FlowItem, ProseParagraph } from './flow.ts'
import { parseInline, type InlineContext } from './inline.ts'

const datePattern = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/
const weekdayPattern = /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/i
const timePattern = /^(?:\d{1,2}(?::\d{2})?|noon|midnight)\b.{0,60}(?:[AP]\.\s?M\.|\bapprox|\bto\b|[–-]\s*\d)/i

export interface HeaderResult {
  fields: HeaderField[]
  /** Index in the flow of the first item after the header. */
  next: number
}

export function readHeader(flow: FlowItem[], context: InlineContext): HeaderResult {
  const fields: HeaderField[] = []
  let index = 0
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

  const first = text(index)
  if (first === undefined || first.length > 40 || datePattern.test(first) || /\s/.test(first)) {
    const item = flow[0]
    report(
      context.file,
      'missing-id',
      'Expected the document id (such as `01181`) alone on the first line of the header',
      item ? context.locator.point(item.start) : undefined,
    )
  } else take('id')

  let date: string | undefined
  const dateText = text(index)
  const match = dateText === undefined ? null : datePattern.exec(dateText)
  if (!match) {
    const item = flow[index]
    report(
      context.file,
      'missing-date',
      'Expected the recording date as `YYYY/MM/DD` on the line after the document id',
      item ? context.locator.point(item.start) : undefined,
    )
  } else {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
    const iso = `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    const check = new Date(Date.UTC(year, month - 1, day))
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day) date = iso
    else {
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
  return { fields, next: index }
}
