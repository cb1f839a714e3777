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
export function alignWords(a: readonly string[], b: readonly string[]): AlignedRun[] {
  const changes = diffArrays(a.map(wordKey), b.map(wordKey))
  const runs: AlignedRun[] = []
  let i = 0
  let j = 0
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
  return runs
}
