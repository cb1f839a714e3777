/**
 * Word multisets, to prove that nothing is lost between a raw transcript and its JSON. A word is a run of
 * letters and digits; punctuation, brackets, `*` and white space only separate words. Superscript
 * footnote numbers count as the numbers they are.
 */
import type { TranscriptJson } from '../../src/core/schema.ts'

const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹'

export function words(text: string): string[] {
  const plain = text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (run) => ` ${[...run].map((c) => superscripts.indexOf(c)).join('')} `)
  return plain.normalize('NFC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? []
}

/** Every word the JSON carries, counting each footnote number where a marker or a definition is. */
export function jsonWords(json: TranscriptJson): string[] {
  // The header's lines are no block, so their words are counted here, as printed (`1940/03/1`, whose
  // value is `1940-03-01`); an id, date or time read from a printed heading is counted in the heading's
  // text, and one from the sidecar or the file's name is not the text's.
  const { id, date, time } = json.metadata
  const parts: string[] = [
    id.in === 'header' ? (id.printed ?? json.id) : '',
    date?.in === 'header' ? (date.printed ?? json.date) : '',
    json.status ?? '',
    json.dateLine ?? '',
    time?.in === 'heading' || time?.from === 'sidecar' ? '' : (json.time ?? ''),
  ]
  const marks = (item: { timestamps?: Array<{ label: string }>; footnotes?: number[] }) => {
    parts.push(...(item.timestamps ?? []).map((t) => t.label), ...(item.footnotes ?? []).map(String))
  }
  if (json.headerMarks) marks(json.headerMarks)
  for (const block of json.blocks) {
    // Page furniture is the typed pages' (not speech), but it is kept, so its words count too.
    if (block.type === 'pageFurniture') {
      parts.push(block.text)
      continue
    }
    if (block.type === 'turn') parts.push(block.speaker.label, ...block.paragraphs, ...(block.furniture ?? []).map((f) => f.text))
    else parts.push(block.text)
    marks(block)
  }
  for (const note of json.footnotes) {
    parts.push(String(note.n), note.text)
    marks(note)
  }
  return words(parts.join(' '))
}

/** Counts of each word, for comparing multisets with a readable diff. */
export function counts(list: string[]): Record<string, number> {
  const result: Record<string, number> = {}
  for (const word of list) result[word] = (result[word] ?? 0) + 1
  return result
}
