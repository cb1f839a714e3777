/**
 * When each turn starts, decided here once for the page, the JSON, the exports and search. Only the
 * transcript's own printed times are facts: a turn that opens with one starts at it, exactly. Between two
 * printed times a turn's start (and a turn's end) is estimated by spreading the time over the text's
 * length (excisions keep their own printed duration). Before the first printed time and after the last
 * there is nothing to estimate from: those turns have no time at all, and a transcript that prints fewer
 * than two times has none but its printed ones. An estimate is honest only between two times the source
 * gives; a pace read from elsewhere would be a time the transcript does not say.
 */
import type { Paragraph, PhrasingContent } from 'mdast'
import { perTree } from './memo.ts'
import { toPlainText } from './plain-text.ts'
import type { Conversation, Turn } from './types.ts'
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

interface Anchor {
  at: number // position on the character axis
  seconds: number
}

/** Each turn that has a time; a turn the transcript gives no time for is not in the map. */
export const turnTimes = perTree((tree): Map<Turn, TurnTime> => {
  const conversation = tree.children.find((child): child is Conversation => child.type === 'conversation')
  const result = new Map<Turn, TurnTime>()
  if (!conversation) return result

  // Lay the conversation out on one axis of characters; note where turns start and end, where printed
  // times stand, and where excisions (with their seconds) fall.
  const turns: Array<{ turn: Turn; at: number; until: number; exact: number | undefined }> = []
  const anchors: Anchor[] = []
  const excisions: Anchor[] = []
  let at = 0
  // Every printed time is an anchor, also one inside emphasis (`*[07:03]*`); other content counts by length.
  const lay = (nodes: PhrasingContent[]) => {
    for (const child of nodes) {
      if (child.type === 'timestamp') anchors.push({ at, seconds: child.seconds })
      else if (child.type === 'emphasis' && holdsTimestamp(child)) lay(child.children)
      else at += toPlainText([child]).length
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
    for (const paragraph of block.children.filter((child): child is Paragraph => child.type === 'paragraph')) {
      lay(paragraph.children)
      at += 1
    }
    // A turn that opens with a printed time starts at it (the parser's rule, `Turn.openingStamp`).
    turns.push({ turn: block, at: begin, until: at, exact: block.openingStamp?.seconds })
  }

  const excised = (from: number, to: number) =>
    excisions.filter((e) => e.at > from && e.at <= to).reduce((sum, e) => sum + e.seconds, 0)
  // The time at a position: undefined outside the span of the printed times (no estimate before the
  // first or after the last); between two, spread over the characters between them.
  const timeAt = (position: number): number | undefined => {
    const first = anchors[0]
    const last = anchors.at(-1)
    if (!first || !last || position < first.at || position > last.at) return undefined
    // The last printed time at or before the position (binary search: anchors are in reading order).
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

  // Each boundary once: a turn ends where the next one begins, when that is known.
  const begins = turns.map((turn) => turn.exact ?? timeAt(turn.at))
  turns.forEach((turn, i) => {
    const begin = begins[i]
    if (begin === undefined) return
    const end = begins[i + 1] ?? timeAt(turn.until)
    result.set(turn.turn, {
      start: Math.round(begin),
      ...(end === undefined ? {} : { end: Math.round(Math.max(begin, end)) }),
      estimated: turn.exact === undefined,
    })
  })
  return result
})

function holdsTimestamp(node: PhrasingContent): boolean {
  let found = false
  eachOfType(node, 'timestamp', () => {
    found = true
  })
  return found
}
