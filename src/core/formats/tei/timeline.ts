/**
 * The TEI `timeline` (Guidelines 8.4.2, 16.5): a `when` for every printed timestamp and for each turn's
 * start and end the transcript gives a time for, in seconds since the start of the tape. Printed times are
 * exact; the others are estimated between two printed times (../../timing.ts) and marked `cert="low"`, as
 * the header's `encodingDesc` says. A turn with no time has no `start` (or no `end`): nothing is invented.
 * With an alignment, each word the aligner placed has a `when` of its own (exact, to the millisecond), which
 * an `anchor` before the word points to (./body.ts).
 */
import { eachOfType } from '../../walk.ts'
import { turnTimes } from '../../timing.ts'
import type { Conversation, SpokenWord, Timestamp, TranscriptRoot, Turn } from '../../types.ts'
import { element, xmlId } from './xml.ts'

export const origin = 'tl-origin'

export interface Timeline {
  xml: string
  /** The `when` of each turn's start and end, for the turns that have one. */
  start: Map<Turn, string>
  end: Map<Turn, string>
  /** The `when` of each printed timestamp. */
  stamps: Map<Timestamp, string>
  /** The `when` of each word the aligner placed. */
  words: Map<SpokenWord, string>
}

interface Point {
  id: string
  seconds: number
  estimated: boolean
}

export function timeline(tree: TranscriptRoot): Timeline {
  const times = turnTimes(tree)
  const points: Point[] = []
  const start = new Map<Turn, string>()
  const end = new Map<Turn, string>()
  const stamps = new Map<Timestamp, string>()
  const words = new Map<SpokenWord, string>()
  const conversation = tree.children.find((child): child is Conversation => child.type === 'conversation')
  const turns = (conversation?.children ?? []).filter((block) => block.type === 'turn')

  for (const turn of turns) {
    const time = times.get(turn)
    const id = xmlId('tl', turn.id)
    if (time) {
      points.push({ id, seconds: time.start, estimated: time.estimated })
      start.set(turn, id)
    }
    let count = 0
    eachOfType(turn, 'timestamp', (stamp) => {
      // The timestamp a turn opens with (`Turn.openingStamp`, the first in it) is its start; any other
      // gets a point of its own.
      if (count === 0 && turn.openingStamp && time) stamps.set(stamp, id)
      else {
        const own = xmlId('tl', `${turn.id}.s${count}`)
        points.push({ id: own, seconds: stamp.seconds, estimated: false })
        stamps.set(stamp, own)
      }
      count++
    })
    for (const [index, word] of (turn.words ?? []).entries()) {
      if (word.start === undefined) continue
      const own = xmlId('tl', `${turn.id}.w${index + 1}`)
      points.push({ id: own, seconds: word.start, estimated: false })
      words.set(word, own)
    }
  }
  turns.forEach((turn, index) => {
    const next = turns[index + 1]
    const time = times.get(turn)
    if (time?.end === undefined) return
    const following = next && start.get(next)
    if (following && times.get(next)?.start === time.end) end.set(turn, following)
    else {
      const id = xmlId('tl', `${turn.id}.end`)
      points.push({ id, seconds: time.end, estimated: true })
      end.set(turn, id)
    }
  })
  // Timestamps outside turns (in a note, an excision's wording): exact points too.
  let other = 0
  eachOfType(tree, 'timestamp', (stamp) => {
    if (stamps.has(stamp)) return
    const id = xmlId('tl', `stamp.${++other}`)
    points.push({ id, seconds: stamp.seconds, estimated: false })
    stamps.set(stamp, id)
  })

  points.sort((a, b) => a.seconds - b.seconds)
  const whens = points.map((point) =>
    element('when', {
      'xml:id': point.id,
      interval: point.seconds,
      since: `#${origin}`,
      cert: point.estimated ? 'low' : undefined,
    }),
  )
  const xml = element(
    'timeline',
    { unit: 's', origin: `#${origin}` },
    [element('when', { 'xml:id': origin }), ...whens].join('\n'),
  )
  return { xml, start, end, stamps, words }
}
