/**
 * Stable turn ids, derived from what is near the turn rather than from a global counter, so that an edit
 * elsewhere (a turn added in another minute, a footnote renumbered) does not change them: the turn that
 * opens with a printed timestamp (`Turn.openingStamp`, the rule in opening-stamp.ts) is `t-05-03`; the
 * turns after it are `t-05-03-1`, `t-05-03-2`, …; turns before the first timestamp are `t-start-1`, ….
 */
import type { Root } from 'mdast'
import { eachOfType } from '../walk.ts'
import { timeSlug } from '../../contract/time.ts'
import type { Turn } from '../types.ts'

type Unnamed = Pick<Turn, 'children' | 'openingStamp'>

export function assignTurnIds(turns: Unnamed[]): string[] {
  const used = new Set<string>()
  const nextSuffix = new Map<string, number>() // so a hundred turns at one printed time stay linear
  let anchor = 'start'
  let count = 0
  return turns.map((turn) => {
    const stamps = timestamps(turn)
    let id = turn.openingStamp ? `t-${timeSlug(turn.openingStamp.value)}` : `t-${anchor}-${++count}`
    // The last timestamp in the turn anchors the turns after it.
    if (stamps.length > 0) {
      anchor = timeSlug(stamps.at(-1)!)
      count = 0
    }
    // Two turns opening with the same printed time still get distinct ids.
    const base = id
    for (let n = nextSuffix.get(base) ?? 2; used.has(id); n++) {
      id = `${base}-x${n}`
      nextSuffix.set(base, n + 1)
    }
    used.add(id)
    return id
  })
}

function timestamps(turn: Unnamed): string[] {
  const found: string[] = []
  eachOfType({ type: 'root', children: turn.children } as Root, 'timestamp', (node) => {
    found.push(node.value)
  })
  return found
}
