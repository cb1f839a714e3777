/**
 * Inline content of one paragraph: text, `*emphasis*`, `[editorial marks]`, `[mm:ss]` timestamps and
 * superscript footnote markers. Lines are joined with `\n` (a soft break, kept in text values as mdast
 * does). The scan is linear: every `[`, `]` and closing `*` is found through a precomputed "next
 * occurrence" table, so unbalanced input cannot make it backtrack.
 */
import type { PhrasingContent } from 'mdast'
import type { VFile } from 'vfile'
import { report } from '../diagnostics.ts'
import { toPlainText } from '../plain-text.ts'
import { defaultStyle, type HouseStyle, type MarkDelimiter } from '../styles/index.ts'
import { footnoteNumber, readTimestamp, superscriptDigit, superscriptRun } from '../syntax.ts'
import type { Direction, Omission, Supplied, Timestamp, Unclear } from '../types.ts'
import { isSpace, type Line, type Locator } from './source.ts'

export interface InlineContext {
  file: VFile
  locator: Locator
  /** What the marks look like (styles/); the default style's when absent. */
  style?: HouseStyle
  /**
   * Editorial prose (header, introduction, heading, notes, epilogue) rather than speech: parentheses
   * there are the editors' own, never a transcriber's marks.
   */
  narrative?: boolean
}

export function parseInline(lines: Line[], context: InlineContext): PhrasingContent[] {
  return new InlineScanner(lines, context).run()
}

class InlineScanner {
  readonly s: string
  readonly lineStarts: number[] = []
  readonly nextOpen: Int32Array
  readonly nextClose: Int32Array
  readonly nextClosingStar: Int32Array
  /** For parentheses, when the house style reads them as marks: the next `(` and `)` from each index. */
  readonly nextParenOpen: Int32Array | undefined
  readonly nextParenClose: Int32Array | undefined
  readonly style: HouseStyle
  readonly parentheses: MarkDelimiter | undefined
  /** The matching bracket of each `[` and `]` when brackets are paired by nesting, or -1. */
  readonly pair: Int32Array
  /** Closing brackets of a nested pair already reported at their `[`. */
  readonly reported = new Set<number>()

  readonly lines: Line[]
  readonly context: InlineContext

  constructor(lines: Line[], context: InlineContext) {
    this.lines = lines
    this.context = context
    this.style = context.style ?? defaultStyle
    this.parentheses = context.narrative ? undefined : this.style.marks.delimiters.find((d) => d.open === '(')
    let at = 0
    for (const line of lines) {
      this.lineStarts.push(at)
      at += line.text.length + 1
    }
    this.s = lines.map((line) => line.text).join('\n')
    const n = this.s.length
    this.nextOpen = new Int32Array(n + 1).fill(-1)
    this.nextClose = new Int32Array(n + 1).fill(-1)
    this.nextClosingStar = new Int32Array(n + 1).fill(-1)
    for (let i = n - 1; i >= 0; i--) {
      const c = this.s[i]
      this.nextOpen[i] = c === '[' ? i : this.nextOpen[i + 1]!
      this.nextClose[i] = c === ']' ? i : this.nextClose[i + 1]!
      const closes = c === '*' && i > 0 && !isSpace(this.s.charCodeAt(i - 1))
      this.nextClosingStar[i] = closes ? i : this.nextClosingStar[i + 1]!
    }
    if (this.parentheses) {
      const nextParenOpen = new Int32Array(n + 1).fill(-1)
      const nextParenClose = new Int32Array(n + 1).fill(-1)
      for (let i = n - 1; i >= 0; i--) {
        nextParenOpen[i] = this.s[i] === '(' ? i : nextParenOpen[i + 1]!
        nextParenClose[i] = this.s[i] === ')' ? i : nextParenClose[i + 1]!
      }
      this.nextParenOpen = nextParenOpen
      this.nextParenClose = nextParenClose
    }
    this.pair = new Int32Array(n).fill(-1)
    const open: number[] = []
    for (let i = 0; i < n; i++) {
      const c = this.s[i]
      if (c === '[') open.push(i)
      else if (c === ']' && open.length > 0) {
        const from = open.pop()!
        this.pair[from] = i
        this.pair[i] = from
      }
    }
  }

  run(): PhrasingContent[] {
    return this.scan(0, this.s.length)
  }

  /** Source offset of index `k` in the joined string. */
  offset(k: number): number {
    let low = 0
    let high = this.lineStarts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (this.lineStarts[mid]! <= k) low = mid
      else high = mid - 1
    }
    return this.lines[low]!.start + (k - this.lineStarts[low]!)
  }

  position(from: number, to: number) {
    return this.context.locator.position(this.offset(from), to > from ? this.offset(to - 1) + 1 : this.offset(to))
  }

  scan(from: number, to: number): PhrasingContent[] {
    const nodes: PhrasingContent[] = []
    let textStart = from
    const flush = (end: number) => {
      if (end > textStart) {
        nodes.push({ type: 'text', value: this.s.slice(textStart, end), position: this.position(textStart, end) })
      }
    }
    let i = from
    while (i < to) {
      const c = this.s[i]
      if (c === '[') {
        const timestamp = this.timestamp(i, to)
        if (timestamp) {
          flush(i)
          nodes.push(timestamp.node)
          i = timestamp.end
          textStart = i
          continue
        }
        const close = this.nextClose[i + 1]!
        const open = this.nextOpen[i + 1]!
        if (close !== -1 && close < to && (open === -1 || open > close)) {
          flush(i)
          nodes.push(this.bracket(i, close))
          i = close + 1
          textStart = i
          continue
        }
        const place = this.context.locator.point(this.offset(i))
        const partner = this.pair[i]!
        if (partner !== -1 && partner < to) {
          // Kept as text, as an unclosed one is; its `]` is not reported a second time.
          this.reported.add(partner)
          report(
            this.context.file,
            'bracket-nested',
            'This `[` holds another bracket before its `]`; editorial brackets cannot be nested, so the outer pair is kept as text. Take the inner bracket out or use parentheses',
            place,
          )
          i++
          continue
        }
        report(
          this.context.file,
          'bracket-unclosed',
          'This `[` is not closed by a `]` in the same paragraph; it is kept as text. Close it or remove it',
          place,
        )
      } else if (c === '(' && this.parentheses) {
        // A transcriber's note: `(unintelligible)`, `(Pause)`. An unpaired parenthesis is the speaker's text.
        const close = this.nextParenClose![i + 1]!
        const open = this.nextParenOpen![i + 1]!
        if (close !== -1 && close < to && (open === -1 || open > close)) {
          flush(i)
          nodes.push(this.bracket(i, close, this.parentheses))
          i = close + 1
          textStart = i
          continue
        }
      } else if (c === ']' && !this.reported.has(i)) {
        const place = this.context.locator.point(this.offset(i))
        report(this.context.file, 'bracket-unopened', 'This `]` closes no `[` in the same paragraph; it is kept as text', place)
      } else if (c === '*' && i + 1 < to && !isSpace(this.s.charCodeAt(i + 1))) {
        const close = this.nextClosingStar[i + 1]!
        if (close !== -1 && close < to) {
          flush(i)
          nodes.push({ type: 'emphasis', children: this.scan(i + 1, close), position: this.position(i, close + 1) })
          i = close + 1
          textStart = i
          continue
        }
      } else if (superscriptDigit(c) !== -1) {
        flush(i)
        const { digits, end } = superscriptRun(this.s, i, to)
        const identifier = footnoteNumber(digits)
        if (isDigit(this.s[i - 1]) && isDigit(this.s[end])) this.markerInNumber(i, end, from, to)
        // `label` keeps the digits as printed (`⁰²` → `02`), the identifier matches the definition (`2`).
        nodes.push({ type: 'footnoteReference', identifier, label: digits, position: this.position(i, end) })
        i = end
        textStart = i
        continue
      }
      i++
    }
    flush(to)
    return nodes
  }

  markerInNumber(i: number, end: number, from: number, to: number): void {
    let start = i
    while (start > from && isDigit(this.s[start - 1])) start--
    let stop = end
    while (stop < to && isDigit(this.s[stop])) stop++
    const number = this.s.slice(start, stop)
    report(
      this.context.file,
      'footnote-in-number',
      `The footnote marker ${this.s.slice(i, end)} stands inside the number ${number.length > 30 ? `${number.slice(0, 29)}…` : number}: if it marks a footnote, move it after the number; if it is part of the number, write it in ordinary digits`,
      this.context.locator.point(this.offset(i)),
    )
  }

  timestamp(i: number, to: number): { node: Timestamp; end: number } | undefined {
    const found = readTimestamp(this.s, i, to)
    if (!found) return undefined
    const { label, time, end } = found
    const position = this.position(i, end)
    if (!time.inRange) {
      report(
        this.context.file,
        'timestamp-out-of-range',
        `Timestamp [${label}] has minutes or seconds above 59; check the digits`,
        position.start,
      )
    }
    return { node: { type: 'timestamp', value: label, seconds: time.seconds, position }, end }
  }

  /** An editorial mark, its kind read from its words as the house style spells them. */
  bracket(open: number, close: number, delimiter = this.style.marks.delimiters[0]!): Unclear | Supplied | Direction | Omission {
    const children = this.scan(open + 1, close)
    const position = this.position(open, close + 1)
    const inner = toPlainText(children)
    const marks = this.style.marks
    const delimiters = delimiter.open === '(' ? ({ delimiters: 'parentheses' } as const) : {}
    const unclear = marks.unclear.exec(inner)
    if (unclear) {
      const node: Unclear = { type: 'unclear', ...delimiters, children, position }
      const conjecture = unclear.groups?.conjecture
      if (conjecture) node.conjecture = conjecture
      return node
    }
    if (marks.omission?.test(inner)) return { type: 'omission', ...delimiters, children, position }
    if (isWhollyEmphasized(children) || marks.direction.test(inner))
      return { type: 'direction', ...delimiters, children, position }
    // An uncertain hearing: the words themselves are the conjectured reading.
    if (delimiter.otherwise === 'unclear') return { type: 'unclear', ...delimiters, children, position, conjecture: inner }
    return { type: delimiter.otherwise, ...delimiters, children, position }
  }
}

function isWhollyEmphasized(children: PhrasingContent[]): boolean {
  const content = children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  return content.length === 1 && content[0]!.type === 'emphasis'
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9'
}
