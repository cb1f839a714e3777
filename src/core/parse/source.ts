/**
 * The source text as lines and blank-line-separated paragraphs, with offsets into the original string,
 * so every node built later can point back at its place. Any line end (LF, CRLF, lone CR) is accepted;
 * white space at either end of a line (tabs, no-break spaces, a byte-order mark) is not content.
 */
import type { Point, Position } from 'unist'
import { location } from 'vfile-location'

export interface Line {
  /** The line's content, without surrounding white space. */
  text: string
  /** Offset of the content's first character. */
  start: number
  /** Offset just after the content's last character. */
  end: number
}

/** A run of non-blank lines. */
export interface RawParagraph {
  lines: Line[]
}

/** Splits into paragraphs; lines that hold nothing but white space separate them. */
export function splitParagraphs(value: string): RawParagraph[] {
  const paragraphs: RawParagraph[] = []
  let current: Line[] = []
  const lineEnd = /\r\n|\r|\n/g
  let from = 0
  for (;;) {
    const match = lineEnd.exec(value)
    const to = match ? match.index : value.length
    const line = trimLine(value, from, to)
    if (line) current.push(line)
    else if (current.length > 0) {
      paragraphs.push({ lines: current })
      current = []
    }
    if (!match) break
    from = match.index + match[0].length
  }
  if (current.length > 0) paragraphs.push({ lines: current })
  return paragraphs
}

function trimLine(value: string, from: number, to: number): Line | undefined {
  let start = from
  let end = to
  while (start < end && isSpace(value.charCodeAt(start))) start++
  while (end > start && isSpace(value.charCodeAt(end - 1))) end--
  return start < end ? { text: value.slice(start, end), start, end } : undefined
}

/** JavaScript's `\s`: ASCII white space, no-break and other Unicode spaces, and the byte-order mark. */
export function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(String.fromCharCode(code)))
}

/** A line with the first `count` characters of its content dropped (a label, a footnote marker). */
export function dropPrefix(line: Line, count: number): Line | undefined {
  let start = line.start + count
  let index = count
  while (index < line.text.length && isSpace(line.text.charCodeAt(index))) {
    index++
    start++
  }
  return index < line.text.length ? { text: line.text.slice(index), start, end: line.end } : undefined
}

/** Turns offsets into unist points and positions. */
export class Locator {
  readonly #toPoint: (offset: number) => Point | undefined

  constructor(value: string) {
    const place = location(value)
    this.#toPoint = (offset) => place.toPoint(offset)
  }

  point(offset: number): Point {
    return this.#toPoint(offset) ?? { line: 1, column: 1, offset: 0 }
  }

  position(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(end) }
  }
}
