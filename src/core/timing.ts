/**
 * When each turn starts, decided here once for the page, the JSON, the exports and search. Only times the
 * sources give are facts: a turn that opens with a printed time starts at it, exactly; with an alignment
 * (`Turn.words`, ./alignment/), a turn whose first spoken word the aligner placed starts at that word's
 * time, exactly (to the second below, as printed times are written). A printed time stays authoritative:
 * where it and its turn's first word differ by more than `ALIGNMENT_TOLERANCE`, the printed time stands
 * and the disagreement is listed (`timeDisagreements`) for the loader to report. Between two given times
 * (printed, or an aligned word's start or end) a turn's start (and a turn's end) is estimated by spreading
 * the time over the text's length (excisions keep their own printed duration). Before the first given time
 * and after the last there is nothing to estimate from: those turns have no time at all, and a transcript
 * that gives fewer than two times has none but the ones it gives. An estimate is honest only between two
 * times the sources give; a pace read from elsewhere would be a time they do not say.
 */
import type { Paragraph, PhrasingContent } from 'mdast'
import { perTree } from './memo.ts'
import { toPlainText } from './plain-text.ts'
import type { Conversation, SpokenWord, Timestamp, TranscriptRoot, Turn } from './types.ts'
import { eachOfType } from './walk.ts'
import { assertNever } from './kinds.ts'

export interface TurnTime {
  /** Start, in seconds from the start of the tape. */
  start: number
  /**
   * End: the next turn's start, or an estimate between two printed times; undefined when the transcript
   * gives no time after this turn's start (the turn that opens with its last printed time).
   */
  end?: number
  /** False when the turn opens with a printed timestamp (`Turn.openingStamp`): then `start` is that time. */
  estimated: boolean
}

/**
 * Seconds a printed time and the aligner's time for the first word after it may differ by before the
 * build says so: a printed time is written to the second below, and a transcriber's stamp stands near,
 * not at, the word it times.
 */
export const ALIGNMENT_TOLERANCE = 2

/** A turn whose printed opening time and first aligned word differ by more than the tolerance. */
export interface TimeDisagreement {
  turn: Turn
  /** The printed time (it stands). */
  stamp: Timestamp
  /** The word the aligner placed, with its time. */
  word: SpokenWord & { start: number }
}

interface Anchor {
  at: number // position on the character axis
  seconds: number
  /** Printed in the text; else an aligned word's start or end. */
  printed: boolean
}

interface Decided {
  times: Map<Turn, TurnTime>
  disagreements: TimeDisagreement[]
}

/** Each turn that has a time; a turn the transcript gives no time for is not in the map. */
export const turnTimes = (tree: TranscriptRoot): Map<Turn, TurnTime> => decide(tree).times

/** Where printed times and the alignment disagree (none without an alignment), in reading order. */
export const timeDisagreements = (tree: TranscriptRoot): TimeDisagreement[] => decide(tree).disagreements

const decide = perTree((tree): Decided => {
  const conversation = tree.children.find((child): child is Conversation => child.type === 'conversation')
  const result = new Map<Turn, TurnTime>()
  const disagreements: TimeDisagreement[] = []
  if (!conversation) return { times: result, disagreements }

  // Lay the conversation out on one axis of characters; note where turns start and end, where printed
  // times stand, and where excisions (with their seconds) fall.
  const turns: Array<{ turn: Turn; at: number; until: number; exact: number | undefined; aligned: boolean }> = []
  const laid: Anchor[] = []
  const excisions: Array<Omit<Anchor, 'printed'>> = []
  let at = 0
  let words: readonly SpokenWord[] = []
  let next = 0 // the turn's next word to lay
  // Every printed time is an anchor, also one inside emphasis (`*[07:03]*`), and so is each aligned word's
  // start and end, where it stands in its text; other content counts by length.
  const lay = (nodes: PhrasingContent[]) => {
    for (const child of nodes) {
      if (child.type === 'timestamp') laid.push({ at, seconds: child.seconds, printed: true })
      else if (child.type === 'emphasis' && holdsTimestamp(child)) lay(child.children)
      else {
        const length = toPlainText([child]).length
        const from = child.position?.start.offset ?? 0
        const to = child.position?.end.offset ?? 0
        for (; next < words.length && (words[next]!.position.start.offset ?? 0) < to; next++) {
          const { start, end, position } = words[next]!
          if (start === undefined || end === undefined) continue
          const place = (offset = from) => at + Math.min(length, Math.max(0, offset - from))
          laid.push({ at: place(position.start.offset), seconds: start, printed: false })
          laid.push({ at: place(position.end.offset), seconds: end, printed: false })
        }
        at += length
      }
    }
  }
  for (const block of conversation.children) {
    switch (block.type) {
      case 'excision':
        if (block.seconds) excisions.push({ at, seconds: block.seconds })
        continue
      case 'turn':
        break
      case 'paragraph':
      case 'directionBlock':
      case 'pageBreak':
      case 'pageFurniture':
        continue // takes no time of its own
      default:
        assertNever(block)
    }
    const begin = at
    words = block.words ?? []
    next = 0
    for (const paragraph of block.children.filter((child): child is Paragraph => child.type === 'paragraph')) {
      lay(paragraph.children)
      at += 1
    }
    // A turn that opens with a printed time starts at it (the parser's rule, `Turn.openingStamp`), whatever
    // the aligner says; else at its first spoken word, when the aligner placed it.
    const first = words[0]
    const heard = first?.start !== undefined ? (first as SpokenWord & { start: number }) : undefined
    const stamp = block.openingStamp
    const opening = stamp && firstTimestamp(block)
    if (opening && heard && Math.abs(heard.start - opening.seconds) > ALIGNMENT_TOLERANCE)
      disagreements.push({ turn: block, stamp: opening, word: heard })
    const exact = stamp?.seconds ?? heard?.start
    turns.push({ turn: block, at: begin, until: at, exact, aligned: !stamp && heard !== undefined })
  }
  const anchors = consistent(laid)

  const excised = (from: number, to: number) =>
    excisions.filter((e) => e.at > from && e.at <= to).reduce((sum, e) => sum + e.seconds, 0)
  // The time at a position: undefined outside the span of the given times (no estimate before the
  // first or after the last); between two, spread over the characters between them.
  const timeAt = (position: number): number | undefined => {
    const first = anchors[0]
    const last = anchors.at(-1)
    if (!first || !last || position < first.at || position > last.at) return undefined
    // The last given time at or before the position (binary search: anchors are in reading order).
    let low = 0
    let high = anchors.length - 1
    while (low < high) {
      const middle = Math.ceil((low + high) / 2)
      if (anchors[middle]!.at <= position) low = middle
      else high = middle - 1
    }
    const before = anchors[low]!
    const after = anchors[low + 1]
    if (position === before.at || !after) return before.seconds
    const gaps = excised(before.at, after.at)
    const spoken = Math.max(0, after.seconds - before.seconds - gaps)
    return before.seconds + excised(before.at, position) + ((position - before.at) * spoken) / (after.at - before.at)
  }

  // Each boundary once, in whole seconds: an aligned start to the second below (the word is under way in
  // it, as a printed time is written), an estimate to the nearest. A turn ends where the next one begins,
  // when that is known, else where its last word ends, when the aligner gives that.
  const seconds = (value: number | undefined, aligned = false) =>
    value === undefined ? undefined : aligned ? Math.floor(value) : Math.round(value)
  const begins = turns.map((turn) => (turn.exact !== undefined ? seconds(turn.exact, turn.aligned) : seconds(timeAt(turn.at))))
  turns.forEach((turn, i) => {
    const begin = begins[i]
    if (begin === undefined) return
    // A last word's end to the second above: the turn is not over until the word is.
    const last = turn.turn.words?.at(-1)?.end
    const end = begins[i + 1] ?? (last !== undefined ? Math.ceil(last) : seconds(timeAt(turn.until)))
    result.set(turn.turn, {
      start: begin,
      ...(end === undefined ? {} : { end: Math.max(begin, end) }),
      estimated: turn.exact === undefined,
    })
  })
  return { times: result, disagreements }
})

/**
 * The anchors to estimate between: every printed time, and the aligned words' times that keep the order
 * of the times around them (a word placed after the printed time that follows it is the aligner's or the
 * transcriber's slip, and an estimate between the two would run backwards).
 */
function consistent(anchors: readonly Anchor[]): Anchor[] {
  const kept: Anchor[] = []
  const nextPrinted: Array<number | undefined> = []
  let upcoming: number | undefined
  for (let i = anchors.length - 1; i >= 0; i--) {
    nextPrinted[i] = upcoming
    if (anchors[i]!.printed) upcoming = anchors[i]!.seconds
  }
  for (const [i, anchor] of anchors.entries()) {
    const before = kept.at(-1)?.seconds ?? 0
    const after = nextPrinted[i] ?? Number.POSITIVE_INFINITY
    if (anchor.printed || (anchor.seconds >= before && anchor.seconds <= after)) kept.push(anchor)
  }
  return kept
}

/** The printed time a turn opens with, as its node (`Turn.openingStamp` is its first). */
function firstTimestamp(turn: Turn): Timestamp | undefined {
  const found: Timestamp[] = []
  eachOfType(turn, 'timestamp', (node) => found.push(node))
  return found[0]
}

function holdsTimestamp(node: PhrasingContent): boolean {
  let found = false
  eachOfType(node, 'timestamp', () => {
    found = true
  })
  return found
}
