/**
 * The one word alignment of the edition: two sequences of words (two versions of a transcript, two
 * transcriptions of one tape) set side by side, word by word, with jsdiff's `diffArrays` (Myers' algorithm,
 * the library every diff viewer uses). Words are compared by their key (letters and digits, case and
 * accents of composition folded: `Haldeman,` = `haldeman`), so a comma or a capital alone is no change;
 * the printed words stay as printed on each side. Every word of both sides is in exactly one run.
 */
import { diffArrays } from 'diff'

/** A word as printed (`Dean's`, `--`, `[unclear]`), split from its text at white space. */
export function splitWords(text: string): string[] {
  return text.split(/\s+/u).filter((word) => word !== '')
}

/**
 * What two words are compared by: letters, marks and digits, lower case, NFC. A word with none of them
 * (`--`, `…`) is compared as printed.
 */
export function wordKey(word: string): string {
  const key = (
    word
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{M}\p{N}]+/gu) ?? []
  ).join('')
  return key === '' ? word : key
}

/** A run of the alignment: words of `a` in `[a, aEnd)` and of `b` in `[b, bEnd)`. */
export interface AlignedRun {
  /** `same`: equal words on both sides; `removed`: words of `a` only; `added`: words of `b` only. */
  kind: 'same' | 'removed' | 'added'
  a: number
  aEnd: number
  b: number
  bEnd: number
}

/**
 * Aligns two word lists (as printed) by their keys. The runs are in order and cover both lists: a run
 * `removed` has `b === bEnd`, a run `added` has `a === aEnd`; a replacement is a `removed` run followed by an
 * `added` one.
 */
export function alignWords(a: readonly string[], b: readonly string[], options: AlignOptions = {}): AlignedRun[] {
  const key = options.key ?? wordKey
  return alignKeys(a.map(key), b.map(key), options)
}

/**
 * The edit bound every comparison of the edition passes as `maxEdits`: Myers' search gives up past this many
 * edits in one stretch and cuts it at words both sides hold once, so that two 6,000-word texts that differ
 * everywhere (two transcriptions, or a version that rewrote a transcript) align in a second or two instead
 * of ten, and a 40,000-word rewrite does not hold a worker for minutes.
 */
export const MAX_EDITS = 2000

export interface AlignOptions {
  /**
   * A word's key in `alignWords` (default `wordKey`). Two versions of one edition are compared as printed
   * (`(word) => word`): there a comma an editor added is a correction to show.
   */
  key?: (word: string) => string
  /**
   * Past this many words removed and added, Myers' search (whose time grows with the edits times the length)
   * stops, and the lists are cut at the words each holds once and in the same order (patience diff's anchors)
   * and aligned piece by piece; where no such word is left, the piece is one `removed` and one `added` run.
   */
  maxEdits?: number
}

/**
 * `alignWords` over keys already made (`wordKey`, or a key of a caller's own for tokens that are not words:
 * a speaker's label, an editorial mark), compared as given.
 */
export function alignKeys(a: readonly string[], b: readonly string[], options: AlignOptions = {}): AlignedRun[] {
  const runs: AlignedRun[] = []
  alignRange(a, b, 0, a.length, 0, b.length, options.maxEdits, runs)
  return merged(runs)
}

function alignRange(
  a: readonly string[],
  b: readonly string[],
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
  maxEdits: number | undefined,
  runs: AlignedRun[],
): void {
  const left = a.slice(aStart, aEnd)
  const right = b.slice(bStart, bEnd)
  const changes = maxEdits === undefined ? diffArrays(left, right) : diffArrays(left, right, { maxEditLength: maxEdits })
  if (changes) {
    let i = aStart
    let j = bStart
    for (const change of changes) {
      const count = change.value.length
      if (count === 0) continue
      if (change.removed) {
        runs.push({ kind: 'removed', a: i, aEnd: i + count, b: j, bEnd: j })
        i += count
      } else if (change.added) {
        runs.push({ kind: 'added', a: i, aEnd: i, b: j, bEnd: j + count })
        j += count
      } else {
        runs.push({ kind: 'same', a: i, aEnd: i + count, b: j, bEnd: j + count })
        i += count
        j += count
      }
    }
    return
  }
  const anchors = uniqueAnchors(left, right)
  if (anchors.length === 0) {
    if (aEnd > aStart) runs.push({ kind: 'removed', a: aStart, aEnd, b: bStart, bEnd: bStart })
    if (bEnd > bStart) runs.push({ kind: 'added', a: aEnd, aEnd, b: bStart, bEnd })
    return
  }
  let i = aStart
  let j = bStart
  for (const [x, y] of anchors) {
    alignRange(a, b, i, aStart + x, j, bStart + y, maxEdits, runs)
    runs.push({ kind: 'same', a: aStart + x, aEnd: aStart + x + 1, b: bStart + y, bEnd: bStart + y + 1 })
    i = aStart + x + 1
    j = bStart + y + 1
  }
  alignRange(a, b, i, aEnd, j, bEnd, maxEdits, runs)
}

/** Keys found once in each list, as index pairs, the longest chain of them in the same order in both. */
function uniqueAnchors(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const once = (list: readonly string[]) => {
    const seen = new Map<string, number>()
    for (const [index, key] of list.entries()) seen.set(key, seen.has(key) ? -1 : index)
    return seen
  }
  const inA = once(a)
  const inB = once(b)
  const pairs: Array<[number, number]> = []
  for (const [key, x] of inA) {
    const y = inB.get(key)
    if (x >= 0 && y !== undefined && y >= 0) pairs.push([x, y])
  }
  pairs.sort((p, q) => p[0] - q[0])
  // Longest increasing subsequence of the `b` indices (patience sorting), O(n log n).
  const tails: number[] = []
  const previous: number[] = new Array(pairs.length).fill(-1)
  for (const [index, [, y]] of pairs.entries()) {
    let low = 0
    let high = tails.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (pairs[tails[middle]!]![1] < y) low = middle + 1
      else high = middle
    }
    if (low > 0) previous[index] = tails[low - 1]!
    tails[low] = index
  }
  const chain: Array<[number, number]> = []
  for (let at = tails.length > 0 ? tails[tails.length - 1]! : -1; at >= 0; at = previous[at]!) chain.push(pairs[at]!)
  return chain.reverse()
}

/** Adjacent runs of one kind as one, a replacement's `removed` before its `added`. */
function merged(runs: readonly AlignedRun[]): AlignedRun[] {
  const out: AlignedRun[] = []
  for (const run of runs) {
    const last = out[out.length - 1]
    if (last && last.kind === run.kind) {
      last.aEnd = run.aEnd
      last.bEnd = run.bEnd
    } else if (last && last.kind === 'added' && run.kind === 'removed') {
      // An `added` run then a `removed` one, both between the same `same` runs: one replacement.
      const before = out[out.length - 2]
      if (before && before.kind === 'removed') {
        before.aEnd = run.aEnd
        last.a = run.aEnd
        last.aEnd = run.aEnd
      } else {
        out.splice(out.length - 1, 0, { ...run, b: last.b, bEnd: last.b })
        last.a = run.aEnd
        last.aEnd = run.aEnd
      }
    } else out.push({ ...run })
  }
  return out
}

/** The longest equal run the clean-up lets go: four words in common in a row are a passage in common. */
const SHORT_RUN = 3

/** How much a word counts in the clean-up (`cleanupRuns`): 1 each by default; a caller's token may count 0. */
export interface RunWeights {
  a?: (index: number) => number
  b?: (index: number) => number
}

/**
 * Lets go of short equal runs standing between much larger changes on both sides (diff-match-patch's
 * semantic clean-up, counted in words: a run of at most three words is let go when the words removed or added
 * on each side of it are at least twice as many): a `the` that Myers matched between two different passages
 * is no passage in common, and would tie an excerpt's words to places far from the part it transcribes.
 * The runs still cover both lists; the words let go become removed on one side and added on the other.
 */
export function cleanupRuns(runs: readonly AlignedRun[], weights: RunWeights = {}): AlignedRun[] {
  const weigh = (weight: ((index: number) => number) | undefined, start: number, end: number) => {
    if (!weight) return end - start
    let sum = 0
    for (let index = start; index < end; index++) sum += weight(index)
    return sum
  }
  const size = (run: AlignedRun) => ({ removed: weigh(weights.a, run.a, run.aEnd), added: weigh(weights.b, run.b, run.bEnd) })
  let current = runs.map((run) => ({ ...run }))
  for (let changed = true; changed; ) {
    changed = false
    for (const [index, run] of current.entries()) {
      if (run.kind !== 'same') continue
      const length = Math.max(1, weigh(weights.a, run.a, run.aEnd))
      const before = editsAround(current, index, -1, size)
      const after = editsAround(current, index, 1, size)
      const outweighed = (edits: { removed: number; added: number }) => 2 * length <= Math.max(edits.removed, edits.added)
      if (length <= SHORT_RUN && outweighed(before) && outweighed(after)) {
        current[index] = { ...run, kind: 'removed', bEnd: run.b }
        current.splice(index + 1, 0, { kind: 'added', a: run.aEnd, aEnd: run.aEnd, b: run.b, bEnd: run.bEnd })
        current = merged(current)
        changed = true
        break
      }
    }
  }
  return current
}

/** Words removed and added from `index` to the next `same` run in `direction` (or the list's end). */
function editsAround(
  runs: readonly AlignedRun[],
  index: number,
  direction: 1 | -1,
  size: (run: AlignedRun) => { removed: number; added: number },
): { removed: number; added: number } {
  let removed = 0
  let added = 0
  for (let at = index + direction; at >= 0 && at < runs.length && runs[at]!.kind !== 'same'; at += direction) {
    const edit = size(runs[at]!)
    removed += edit.removed
    added += edit.added
  }
  return { removed, added }
}
