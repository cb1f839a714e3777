/**
 * When each turn starts. Printed timestamps are exact; between two of them a turn's start is estimated by
 * spreading the time over the text's length (excisions keep their own printed duration); before the first
 * and after the last timestamp the transcript's average pace is used (or 15 characters a second, about
 * 150 words a minute, when there are fewer than two timestamps).
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
  /** End: the next turn's start, or the last turn's estimated end. */
  end: number
  /** False when the turn opens with a printed timestamp (`Turn.openingStamp`): then `start` is that time. */
  estimated: boolean
}

const defaultPace = 1 / 15 // seconds per character

interface Anchor {
  at: number // position on the character axis
  seconds: number
}

export const turnTimes = perTree((tree): Map<Turn, TurnTime> => {
  const conversation = tree.children.find((child): child is Conversation => child.type === 'conversation')
  const result = new Map<Turn, TurnTime>()
  if (!conversation) return result

  // Lay the conversation out on one axis of characters; note where turns start, where printed times
  // stand, and where excisions (with their seconds) fall.
  const starts: Array<{ turn: Turn; at: number; exact: number | undefined }> = []
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
    // A turn that opens with a printed time starts at it (the parser's rule, `Turn.openingStamp`).
    starts.push({ turn: block, at, exact: block.openingStamp?.seconds })
    for (const paragraph of block.children.filter((child): child is Paragraph => child.type === 'paragraph')) {
      lay(paragraph.children)
      at += 1
    }
  }
  const total = at

  const excised = (from: number, to: number) =>
    excisions.filter((e) => e.at > from && e.at <= to).reduce((sum, e) => sum + e.seconds, 0)
  const first = anchors[0]
  const last = anchors.at(-1)
  const pace =
    first && last && last.at > first.at
      ? Math.max(0, (last.seconds - first.seconds - excised(first.at, last.at)) / (last.at - first.at))
      : defaultPace

  // Positions are asked for in reading order (turn starts, then the end), so the search for the printed
  // times around a position resumes where the last one stopped: one pass over the timestamps in all.
  let index = 0
  const timeAt = (position: number): number => {
    if (!first || !last) return position * pace + excised(-1, position)
    if (position <= first.at) return Math.max(0, first.seconds - (first.at - position) * pace - excised(position, first.at))
    if (position >= last.at) return last.seconds + (position - last.at) * pace + excised(last.at, position)
    while (anchors[index + 1]!.at < position) index++
    const before = anchors[index]!
    const after = anchors[index + 1]!
    if (after.at === before.at) return after.seconds
    const gaps = excised(before.at, after.at)
    const spoken = Math.max(0, after.seconds - before.seconds - gaps)
    return before.seconds + excised(before.at, position) + ((position - before.at) * spoken) / (after.at - before.at)
  }

  // Each boundary once: a turn ends where the next one begins.
  const begins = starts.map((start) => start.exact ?? timeAt(start.at))
  const finish = timeAt(total)
  starts.forEach((start, i) => {
    const begin = begins[i]!
    const end = begins[i + 1] ?? finish
    result.set(start.turn, {
      start: Math.round(begin),
      end: Math.round(Math.max(begin, end)),
      estimated: start.exact === undefined,
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
