/**
 * Paragraphs → the document's flow: prose paragraphs and blocks of footnote definitions.
 *
 * Footnote definitions were printed at the bottoms of the old pages, so a block of them can stand in
 * the middle of a sentence. When the paragraph before a block does not end a sentence and the one
 * after it is not a new speaker's turn, the two are one paragraph cut by a page break.
 */
import { footnoteNumber, superscriptDigit, superscriptRun } from '../syntax.ts'
import { matchLabel } from './labels.ts'
import { dropPrefix, type Line, type RawParagraph } from './source.ts'

/** A footnote definition's source: its number and its text lines (marker removed). */
export interface DefinitionSource {
  identifier: string
  /** The digits as printed (`02` for `⁰²`). */
  label: string
  /** Offsets of the whole definition paragraph, marker included. */
  start: number
  end: number
  lines: Line[]
}

/** Consecutive footnote definitions. */
export interface FootnoteBlock {
  kind: 'footnotes'
  definitions: DefinitionSource[]
  start: number
  end: number
}

/** A paragraph of prose, in one or more parts when footnote blocks cut it. */
export interface ProseParagraph {
  kind: 'paragraph'
  /** The parts' lines; `breaks[i]` stood between `parts[i]` and `parts[i + 1]`. */
  parts: Line[][]
  breaks: FootnoteBlock[]
  start: number
  end: number
}

export type FlowItem = ProseParagraph | FootnoteBlock

/** What the house style says a paragraph is, where it decides whether a footnote block cut a sentence. */
export interface FlowOptions {
  isLabel: (text: string) => boolean
  /** Page furniture (a running head, a page number) never continues a sentence. */
  isFurniture: (item: ProseParagraph) => boolean
}

const defaults: FlowOptions = { isLabel: (text) => matchLabel(text) !== undefined, isFurniture: () => false }

export function toFlow(paragraphs: RawParagraph[], options: FlowOptions = defaults): FlowItem[] {
  const flow: FlowItem[] = []
  for (const paragraph of paragraphs) {
    const first = paragraph.lines[0]!
    const last = paragraph.lines.at(-1)!
    const definition = asDefinition(paragraph)
    if (definition) {
      const previous = flow.at(-1)
      if (previous?.kind === 'footnotes') {
        previous.definitions.push(definition)
        previous.end = last.end
      } else flow.push({ kind: 'footnotes', definitions: [definition], start: first.start, end: last.end })
      continue
    }
    const before = flow.at(-1)
    const beforeThat = flow.at(-2)
    const item: ProseParagraph = { kind: 'paragraph', parts: [paragraph.lines], breaks: [], start: first.start, end: last.end }
    if (
      before?.kind === 'footnotes' &&
      beforeThat?.kind === 'paragraph' &&
      !endsSentence(beforeThat.parts.at(-1)!.at(-1)!.text) &&
      !options.isLabel(first.text) &&
      !options.isFurniture(item) &&
      !options.isFurniture(beforeThat)
    ) {
      flow.pop()
      beforeThat.breaks.push(before)
      beforeThat.parts.push(paragraph.lines)
      beforeThat.end = last.end
      continue
    }
    flow.push(item)
  }
  return flow
}

function asDefinition(paragraph: RawParagraph): DefinitionSource | undefined {
  const first = paragraph.lines[0]!
  const { digits, end: length } = superscriptRun(first.text, 0)
  if (length === 0) return undefined
  // A marker glued to a word (`¹For`) is not a definition; a lone marker is an empty one.
  if (length < first.text.length && !/\s/.test(first.text[length]!)) return undefined
  const rest = dropPrefix(first, length)
  return {
    identifier: footnoteNumber(digits),
    label: digits,
    start: first.start,
    end: paragraph.lines.at(-1)!.end,
    lines: rest ? [rest, ...paragraph.lines.slice(1)] : paragraph.lines.slice(1),
  }
}

const closers = new Set(['"', '”', '’', "'", ')', '*', ' '])

/** Whether prose ending in `text` ends a sentence (`.`, `?`, `!`, `…`, a dash), quotes and markers aside. */
export function endsSentence(text: string): boolean {
  let end = text.length
  while (end > 0 && (superscriptDigit(text[end - 1]) !== -1 || closers.has(text[end - 1]!))) end--
  let last = text[end - 1]
  if (last === ']') {
    // `[Unclear.]` ends a sentence; `[unclear]` may not.
    end--
    while (end > 0 && text[end - 1] === '*') end--
    last = text[end - 1]
  }
  return last !== undefined && '.?!…—–-'.includes(last)
}
