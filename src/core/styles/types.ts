/**
 * A house style: the conventions of one edition's transcripts, as data. One parser reads every style
 * (parse/), asking the style what a label, an editorial mark, an omission, page furniture, a dateline,
 * a heading and a speaker key look like. Adding a style is a new file here, its entry in `index.ts`, and
 * fixtures (tests/fixtures/styles/).
 */

import type { HeadingKind } from '../heading-kinds.ts'

/** What ends a speaker label. */
export interface LabelSeparator {
  /** The character after the label: `:`, or `;` where an edition's typists slipped. */
  char: string
  /** Only for labels in capitals (`HALDEMAN;`): a `;` after ordinary words is prose. */
  capitalsOnly?: boolean
  /** A slip worth telling the editor about (an `info` message, rule `label-separator`). */
  slip?: boolean
}

/** A pair of delimiters that hold editorial marks, and what a mark is when no wording says otherwise. */
export interface MarkDelimiter {
  open: '[' | '('
  close: ']' | ')'
  /**
   * `supplied` for square brackets (words the editors supplied); for a transcriber's parenthesis, `direction`
   * (a note on what was heard) or `unclear` (the words as the transcriber thought they heard them: the
   * mark's words are its conjectured reading).
   */
  otherwise: 'supplied' | 'direction' | 'unclear'
  /** Whether an unpaired delimiter is worth a warning (a `[` always is; speech may hold a stray `)`). */
  reportUnpaired: boolean
}

export interface HouseStyle {
  /** The name used in options, sidecars and messages: `seed`, `frus`, `watergate`. */
  name: string
  /** What the style is, for people. */
  title: string
  labels: {
    separators: LabelSeparator[]
    /** Paragraph openings that look like labels but never are (`NOTE:` in an introduction). */
    never: RegExp
  }
  marks: {
    delimiters: MarkDelimiter[]
    /** An unclear passage, tested on a mark's plain text; the `conjecture` group is a conjectured reading. */
    unclear: RegExp
    /** A stage direction in square brackets (in parentheses every mark not unclear or omitted is one). */
    direction: RegExp
    /** Material withheld: `Privileged Material Deleted`. */
    omission?: RegExp
  }
  /** Lines of the typed pages that are not text: running heads and bare page numbers (group 1: the page). */
  furniture: {
    runningHead?: RegExp
    pageNumber?: RegExp
    /** A note printed on the page below a rule, not part of the speech: `_____*The quotation marks used …`. */
    note?: RegExp
  }
  /**
   * The printed headings the style reads when the transcript does not open with the seed's header, tried in
   * this order (parse/headings.ts); their date, time, place and participants become the transcript's facts.
   */
  headings: readonly HeadingKind[]
  /** A line between the heading and the first turn giving place, date and time: `November 1, 1968, 1:58 p.m.` */
  dateline?: RegExp
  /** A heading line that may end like a sentence (`…FROM 9:47 TO 9:59 A.M.`). */
  heading?: RegExp
  /** One entry of a printed key of the speakers: `P = President`, `N President` (groups `code` and `name`). */
  speakerKey?: RegExp
  /** Evidence that a transcript is in this style: each pattern found in the text adds its weight. */
  detect: Array<{ pattern: RegExp; weight: number }>
}
