/**
 * Two versions of a transcript compared passage by passage, with the edition's one word alignment
 * (../align/words.ts) over the whole text: each passage's words after a boundary token, so that a turn
 * split in two (a boundary added), two turns merged (one removed) and a word corrected are all changes of
 * one sequence, and every word of both versions is in exactly one piece. Words are compared as printed:
 * a comma an editor corrected is a change. Each removed word is shown in the newer passage nearest where
 * it stood; each older passage's successor is the newer passage holding most of its words.
 */
import { alignWords, MAX_EDITS } from '../align/words.ts'
import type { Passage, PassageKind } from './passages.ts'

/** A run of one passage's words: kept, removed (only the older version has them) or added. */
export interface Piece {
  kind: 'same' | 'removed' | 'added'
  /** The words as printed, joined by spaces; for a boundary, the passage's label. */
  text: string
  /** A passage's start (its label): an added one is a passage split off or new, a removed one merged away. */
  boundary?: { kind: PassageKind; label: string }
}

/** A passage of the newer version and what changed in it (its pieces in reading order). */
export interface PassageChange {
  /** Its index in the newer version's passages. */
  index: number
  id?: string
  kind: PassageKind
  label: string
  pieces: Piece[]
}

export interface Comparison {
  /** The newer version's passages that changed, in reading order. */
  changed: PassageChange[]
  /** For each older passage (by index), the newer passage (by index) that holds most of its words, or the one its words were removed from. */
  successors: Array<number | undefined>
}

/** A token that is no word: passages' boundaries cannot equal a word (`\u2029` is white space, which splits words). */
const BOUNDARY = '\u2029'
const exact = (word: string) => word

export function compareVersions(older: readonly Passage[], newer: readonly Passage[]): Comparison {
  const a = tokens(older)
  const b = tokens(newer)
  const runs = alignWords(a.words, b.words, { key: exact, maxEdits: MAX_EDITS })
  const pieces: Piece[][] = newer.map(() => [])
  const shared: Array<Map<number, number>> = older.map(() => new Map())
  const removedInto: Array<number | undefined> = older.map(() => undefined)
  const push = (passage: number, piece: Piece) => {
    const list = pieces[passage]!
    const last = list.at(-1)
    if (last && last.kind === piece.kind && !last.boundary && !piece.boundary) last.text += ` ${piece.text}`
    else list.push(piece)
  }
  const add = (passage: number, kind: Piece['kind'], side: Tokens, at: number) => {
    const word = side.words[at]!
    const owner = side.passages[side.owner[at]!]!
    if (word.startsWith(BOUNDARY)) push(passage, { kind, text: owner.label, boundary: { kind: owner.kind, label: owner.label } })
    else push(passage, { kind, text: word })
  }
  for (const run of runs) {
    if (run.kind === 'same') {
      for (let k = 0; k < run.aEnd - run.a; k++) {
        const into = b.owner[run.b + k]!
        add(into, 'same', b, run.b + k)
        if (!a.words[run.a + k]!.startsWith(BOUNDARY)) {
          const counts = shared[a.owner[run.a + k]!]!
          counts.set(into, (counts.get(into) ?? 0) + 1)
        }
      }
    } else if (run.kind === 'added') {
      for (let j = run.b; j < run.bEnd; j++) add(b.owner[j]!, 'added', b, j)
    } else {
      // Removed words go where they stood: with the newer passage before them when they continue the
      // passage of the word before them, else with the one after them.
      const before = run.b > 0 ? b.owner[run.b - 1] : undefined
      const after = run.b < b.words.length ? b.owner[run.b] : undefined
      let into: number | undefined
      for (let i = run.a; i < run.aEnd; i++) {
        const from = a.owner[i]!
        if (i === run.a || a.owner[i - 1] !== from) {
          const continues = i === run.a && i > 0 && a.owner[i - 1] === from && !a.words[i]!.startsWith(BOUNDARY)
          into = continues ? (before ?? after) : (after ?? before)
        }
        if (into === undefined) continue // the newer version has no passage at all
        add(into, 'removed', a, i)
        removedInto[from] ??= into
      }
    }
  }
  const changed: PassageChange[] = []
  for (const [index, list] of pieces.entries()) {
    if (list.every((piece) => piece.kind === 'same')) continue
    const passage = newer[index]!
    changed.push({ index, ...(passage.id ? { id: passage.id } : {}), kind: passage.kind, label: passage.label, pieces: list })
  }
  const successors = shared.map((counts, index) => {
    let best: number | undefined
    let most = 0
    for (const [into, count] of counts) {
      if (count > most) {
        best = into
        most = count
      }
    }
    return best ?? removedInto[index]
  })
  return { changed, successors }
}

interface Tokens {
  passages: readonly Passage[]
  words: string[]
  /** The passage (by index) each token belongs to. */
  owner: number[]
}

function tokens(passages: readonly Passage[]): Tokens {
  const words: string[] = []
  const owner: number[] = []
  for (const [index, passage] of passages.entries()) {
    words.push(`${BOUNDARY}${passage.kind}${BOUNDARY}${passage.label}`)
    owner.push(index)
    for (const word of passage.words) {
      words.push(word)
      owner.push(index)
    }
  }
  return { passages, words, owner }
}
