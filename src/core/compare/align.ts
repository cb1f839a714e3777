/**
 * Two transcriptions of one recording, aligned passage by passage for reading side by side. Where both
 * print the same time at the opening of a turn, those turns face each other (anchors); between anchors the
 * passages' tokens are aligned by the edition's one word alignment (../align/words.ts), and passages joined
 * by words in common face each other in one row: a turn on one side can face two on the other (a different
 * segmentation), a passage whose words the other side lacks entirely stands alone, the other side empty (a
 * passage only one side heard, the rest of a transcript the other gives only an excerpt of). Every token of
 * both sides is in exactly one passage of exactly one row, in order, marked `same`, `left` (only on the
 * left) or `right`: nothing is dropped, and nothing is shown that a side does not print. Words one side
 * prints joined and the other apart (a PDF's glue: `weexpect.`, `we expect.`) are the same words.
 */
import { alignKeys, cleanupRuns, MAX_EDITS } from '../align/words.ts'
import type { TranscriptRoot } from '../types.ts'
import { conversationPassages, type Passage, type Token } from './passages.ts'

export type TokenStatus = 'same' | 'left' | 'right'

export interface ComparedToken extends Omit<Token, 'key'> {
  status: TokenStatus
}

export interface ComparedPassage extends Omit<Passage, 'tokens'> {
  tokens: ComparedToken[]
}

/** Passages facing each other; either side may be empty. */
export interface ComparisonRow {
  left: ComparedPassage[]
  right: ComparedPassage[]
  /** The printed time both sides open this row with, when the row is anchored by it (as the left prints it). */
  anchor?: string
}

export interface Comparison {
  /** The transcripts' names. */
  left: string
  right: string
  rows: ComparisonRow[]
  /** Words and marks (not labels): in common (as the left counts them), only on the left, only on the right. */
  counts: { same: number; left: number; right: number }
}

export function compareTranscripts(left: TranscriptRoot, right: TranscriptRoot): Comparison {
  const a = conversationPassages(left)
  const b = conversationPassages(right)
  // Stretches: before the first anchor, then from each anchor to the next; an anchor opens its stretch.
  const cuts: Array<[number, number]> = [[0, 0], ...timeAnchors(a, b), [a.length, b.length]]
  const rows: ComparisonRow[] = []
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [x, y] = cuts[k]!
    const stretch = alignStretch(a.slice(x, cuts[k + 1]![0]), b.slice(y, cuts[k + 1]![1]))
    if (k > 0) rows.push(...anchored(stretch, a[x]!.time!.value))
    else rows.push(...stretch)
  }
  return { left: left.name, right: right.name, rows, counts: counted(rows) }
}

/** Words and marks in common (on the left: a word glued there may be two on the right), only left, only right. */
function counted(rows: readonly ComparisonRow[]): Comparison['counts'] {
  const counts = { same: 0, left: 0, right: 0 }
  for (const row of rows) {
    for (const token of row.left.flatMap((passage) => passage.tokens))
      if (token.kind !== 'label') counts[token.status === 'same' ? 'same' : 'left']++
    for (const token of row.right.flatMap((passage) => passage.tokens))
      if (token.kind !== 'label' && token.status === 'right') counts.right++
  }
  return counts
}

/** A stretch's rows with its first row holding both anchored turns (the rows before them joined into it). */
function anchored(rows: ComparisonRow[], time: string): ComparisonRow[] {
  const first: ComparisonRow = { left: [], right: [], anchor: time }
  let used = 0
  while (used < rows.length && (first.left.length === 0 || first.right.length === 0)) {
    first.left.push(...rows[used]!.left)
    first.right.push(...rows[used]!.right)
    used++
  }
  return [first, ...rows.slice(used)]
}

/** The same comparison read from the other side. */
export function flipComparison(comparison: Comparison): Comparison {
  const flip = (passage: ComparedPassage): ComparedPassage => ({
    ...passage,
    tokens: passage.tokens.map((token) => ({
      ...token,
      status: token.status === 'left' ? 'right' : token.status === 'right' ? 'left' : 'same',
    })),
  })
  const rows = comparison.rows.map((row) => ({
    left: row.right.map(flip),
    right: row.left.map(flip),
    ...(row.anchor !== undefined ? { anchor: row.anchor } : {}),
  }))
  return { left: comparison.right, right: comparison.left, rows, counts: counted(rows) }
}

/** Turns both sides open with the same printed time, as index pairs in order on both sides. */
function timeAnchors(a: readonly Passage[], b: readonly Passage[]): Array<[number, number]> {
  const inB = new Map<number, number>()
  for (const [index, passage] of b.entries()) {
    if (passage.time && !inB.has(passage.time.seconds)) inB.set(passage.time.seconds, index)
  }
  const anchors: Array<[number, number]> = []
  let last = -1
  for (const [index, passage] of a.entries()) {
    const y = passage.time ? inB.get(passage.time.seconds) : undefined
    if (y !== undefined && y > last) {
      anchors.push([index, y])
      last = y
    }
  }
  return anchors
}

/** One stretch between anchors: its tokens aligned, its passages grouped into rows. */
function alignStretch(a: readonly Passage[], b: readonly Passage[]): ComparisonRow[] {
  if (a.length === 0 && b.length === 0) return []
  const flat = (passages: readonly Passage[]) =>
    passages.flatMap((passage, index) => passage.tokens.map((token) => ({ token, passage: index })))
  const left = flat(a)
  const right = flat(b)
  // Labels weigh nothing in the clean-up: a label printed differently (`P`, `PRESIDENT`) is no change of
  // words that would let go of the words the two turns share.
  const words = (tokens: typeof left) => (index: number) => (tokens[index]!.token.kind === 'label' ? 0 : 1)
  const runs = cleanupRuns(
    alignKeys(
      left.map(({ token }) => token.key),
      right.map(({ token }) => token.key),
      { maxEdits: MAX_EDITS },
    ),
    { a: words(left), b: words(right) },
  )
  const leftStatus: TokenStatus[] = new Array(left.length).fill('left')
  const rightStatus: TokenStatus[] = new Array(right.length).fill('right')
  // Passages joined by a token in common, as (left passage, right passage) links in order on both sides.
  const links: Array<[number, number]> = []
  const link = (x: number, y: number) => {
    const last = links[links.length - 1]
    if (!last || last[0] !== x || last[1] !== y) links.push([x, y])
  }
  for (const [index, run] of runs.entries()) {
    const next = runs[index + 1]
    if (run.kind === 'removed' && next?.kind === 'added') {
      // The same words, one side printing them joined (`weexpect.`, `we expect.`): a PDF's glue is no reading.
      const [x, y] = gluedPrefix(left.slice(run.a, run.aEnd), right.slice(next.b, next.bEnd))
      if (x > 0) {
        leftStatus.fill('same', run.a, run.a + x)
        rightStatus.fill('same', next.b, next.b + y)
        link(left[run.a]!.passage, right[next.b]!.passage)
        link(left[run.a + x - 1]!.passage, right[next.b + y - 1]!.passage)
      }
    }
    if (run.kind !== 'same') continue
    for (let k = 0; k < run.aEnd - run.a; k++) {
      leftStatus[run.a + k] = 'same'
      rightStatus[run.b + k] = 'same'
      link(left[run.a + k]!.passage, right[run.b + k]!.passage)
    }
  }
  const compared = (passages: readonly Passage[], tokens: typeof left, status: TokenStatus[]) => {
    const out: ComparedPassage[] = passages.map(({ tokens: _, ...passage }) => ({ ...passage, tokens: [] }))
    for (const [index, { token, passage }] of tokens.entries()) {
      const { key: _, ...shown } = token
      out[passage]!.tokens.push({ ...shown, status: status[index]! })
    }
    return out
  }
  const sideA = compared(a, left, leftStatus)
  const sideB = compared(b, right, rightStatus)

  // Rows: a group of linked passages (a link sharing a passage with the group's last joins it), with the
  // passages between its first and last on each side; passages between two groups that no word links face
  // each other in a row of their own, or stand alone when the other side has none there.
  const rows: ComparisonRow[] = []
  let i = 0
  let j = 0
  const between = (x: number, y: number) => {
    if (x > i || y > j) rows.push({ left: sideA.slice(i, x), right: sideB.slice(j, y) })
    i = x
    j = y
  }
  let at = 0
  while (at < links.length) {
    const [x0, y0] = links[at]!
    between(x0, y0)
    let x1 = x0
    let y1 = y0
    at++
    while (at < links.length && (links[at]![0] === x1 || links[at]![1] === y1)) {
      x1 = links[at]![0]
      y1 = links[at]![1]
      at++
    }
    rows.push({ left: sideA.slice(x0, x1 + 1), right: sideB.slice(y0, y1 + 1) })
    i = x1 + 1
    j = y1 + 1
  }
  between(a.length, b.length)
  return rows
}

/**
 * The words at the start of a replacement that are the same words joined or split differently: groups
 * whose keys, put together, are the same (`it'sgoing` and `it's going`, `VicePresident` and `Vice
 * President`), one after another from the start, with the equal words that follow them; as counts of
 * tokens on each side.
 */
function gluedPrefix(a: ReadonlyArray<{ token: Token }>, b: ReadonlyArray<{ token: Token }>): [number, number] {
  const word = (tokens: ReadonlyArray<{ token: Token }>, at: number) =>
    tokens[at]?.token.kind === 'word' ? tokens[at]!.token.key : undefined
  let i = 0
  let j = 0
  for (;;) {
    let x = i
    let y = j
    let left = word(a, x)
    let right = word(b, y)
    if (left === undefined || right === undefined) return [i, j]
    if (left === right) {
      // After a glued group the words run on side by side: equal ones there are the same words too.
      if (i === 0) return [i, j]
      i++
      j++
      continue
    }
    while (left !== right) {
      if (right.startsWith(left)) {
        const more = word(a, ++x)
        if (more === undefined) return [i, j]
        left += more
      } else if (left.startsWith(right)) {
        const more = word(b, ++y)
        if (more === undefined) return [i, j]
        right += more
      } else return [i, j]
    }
    i = x + 1
    j = y + 1
  }
}
