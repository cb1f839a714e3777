/**
 * The aligner's words set onto the transcript's by the edition's one word alignment (../align/words.ts:
 * Myers' diff by key, short chance matches between large changes let go). An aligner normalises, so keys
 * fold what it changes: case and punctuation (`wordKey`), numbers said as words (`15` = `fifteen`,
 * ./numbers.ts). Where the two differ in between, words are matched as groups whose keys joined are equal:
 * a word the aligner split (`checkpoint` = `check` `point`), words it joined (`can not` = `cannot`), a
 * number it wrote in several words (`1962` = `nineteen` `sixty` `two`). A transcript word that matches no
 * word the aligner timed has no time; the aligner's words the transcript lacks are left out.
 */
import { alignKeys, cleanupRuns, MAX_EDITS, wordKey } from '../align/words.ts'
import type { AlignerWord } from './read.ts'
import { numberForms } from './numbers.ts'

export interface WordTime {
  start: number
  end: number
  score?: number
}

/** How far apart (in words on both sides together) a group is looked for past words that match nothing. */
const REACH = 16
/** The most words of one side a group holds. */
const GROUP = 6
/** What a transcript word matched is worth against a gap (1): any match is worth more than any gaps. */
const WORD = 1_000_000
/** The largest stretch (transcript words + 1 times aligner words + 1) matched by dynamic programming. */
const MAX_CELLS = 250_000

/** The keys a transcript word may be said as: its number forms, or its key. */
function forms(word: string): string[] {
  return numberForms(word) ?? [wordKey(word)]
}

/** An aligner's word (a cue may hold several) as one key, numbers said as words. */
function alignerKey(word: string): string {
  return word
    .split(/\s+/u)
    .filter((part) => part !== '')
    .map((part) => forms(part)[0]!)
    .join('')
}

/** Each transcript word's time, by index (undefined: no time); `heard` counts the aligner's words used. */
export function mapWords(
  transcript: readonly string[],
  aligner: readonly AlignerWord[],
): { times: Array<WordTime | undefined>; heard: number } {
  const tForms = transcript.map(forms)
  const aKeys = aligner.map((word) => alignerKey(word.word))
  const times: Array<WordTime | undefined> = new Array(transcript.length).fill(undefined)
  let heard = 0
  const assign = (t: number, tEnd: number, a: number, aEnd: number) => {
    heard += aEnd - a
    const first = aligner[a]!
    const last = aligner[aEnd - 1]!
    if (first.start === undefined || last.end === undefined) return
    const scores = aligner.slice(a, aEnd).flatMap((word) => (word.score === undefined ? [] : [word.score]))
    for (let i = t; i < tEnd; i++)
      times[i] = { start: first.start, end: last.end, ...(scores.length > 0 ? { score: Math.min(...scores) } : {}) }
  }

  /** The group of fewest words starting at `t` and `a` whose keys joined are equal: [transcript words, aligner words]. */
  const groupAt = (t: number, a: number, tEnd: number, aEnd: number): [number, number] | undefined => {
    // Most pairs share no beginning: no group starts there.
    const head = aKeys[a]!
    if (!tForms[t]!.some((form) => form.startsWith(head) || head.startsWith(form))) return undefined
    let best: [number, number] | undefined
    let joined = ['']
    for (let nt = 1; nt <= GROUP && t + nt <= tEnd; nt++) {
      joined = joined.flatMap((part) => tForms[t + nt - 1]!.map((form) => part + form)).slice(0, 64)
      const wanted = new Set(joined)
      let said = ''
      for (let na = 1; na <= GROUP && a + na <= aEnd; na++) {
        said += aKeys[a + na - 1]!
        if (wanted.has(said) && (!best || nt + na < best[0] + best[1])) best = [nt, na]
      }
    }
    return best
  }

  /**
   * A stretch the diff could not match word for word (words let go by the clean-up, a split or joined word,
   * a number as said): the groups that match the most transcript words, and of those the ones that leave
   * the fewest gaps (so that a passage the transcript lacks stays whole and a common word in it is not taken
   * for the transcript's). Dynamic programming over the stretch; a stretch too large for it is matched
   * greedily from its start, nearest group first.
   */
  const region = (t0: number, tEnd: number, a0: number, aEnd: number) => {
    const n = tEnd - t0
    const m = aEnd - a0
    if ((n + 1) * (m + 1) > MAX_CELLS) return greedy(t0, tEnd, a0, aEnd)
    const width = m + 1
    const group = new Int32Array((n + 1) * width * 2) // [nt, na] of the group at each cell (0: none)
    const score = [new Float64Array((n + 1) * width), new Float64Array((n + 1) * width)] // [after a match, in a gap]
    for (let i = n; i >= 0; i--)
      for (let j = m; j >= 0; j--) {
        const cell = i * width + j
        const found = i < n && j < m ? groupAt(t0 + i, a0 + j, tEnd, aEnd) : undefined
        if (found) group.set(found, cell * 2)
        for (const inGap of [0, 1]) {
          if (i === n && j === m) continue
          let best = Number.NEGATIVE_INFINITY
          const open = inGap ? 0 : -1 // a gap costs once, however long
          if (i < n) best = Math.max(best, open + score[1]![(i + 1) * width + j]!)
          if (j < m) best = Math.max(best, open + score[1]![i * width + j + 1]!)
          if (found) best = Math.max(best, WORD * found[0] + score[0]![(i + found[0]) * width + j + found[1]]!)
          score[inGap]![cell] = best
        }
      }
    // Back from the start, taking a group wherever it is as good as any other way on.
    let i = 0
    let j = 0
    let inGap = 0
    while (i < n && j < m) {
      const cell = i * width + j
      const nt = group[cell * 2]!
      const na = group[cell * 2 + 1]!
      if (nt > 0 && WORD * nt + score[0]![(i + nt) * width + j + na]! === score[inGap]![cell]) {
        assign(t0 + i, t0 + i + nt, a0 + j, a0 + j + na)
        i += nt
        j += na
        inGap = 0
      } else {
        const open = inGap ? 0 : -1
        if (open + score[1]![(i + 1) * width + j]! === score[inGap]![cell]) i++
        else j++
        inGap = 1
      }
    }
  }

  /** A stretch matched from its start: the nearest group each time, past words that match nothing. */
  const greedy = (t: number, tEnd: number, a: number, aEnd: number) => {
    while (t < tEnd && a < aEnd) {
      let next: [number, number, [number, number]] | undefined
      for (let reach = 0; reach <= REACH && !next; reach++)
        for (let skipT = 0; skipT <= reach && !next; skipT++) {
          const skipA = reach - skipT
          if (t + skipT >= tEnd || a + skipA >= aEnd) continue
          const found = groupAt(t + skipT, a + skipA, tEnd, aEnd)
          if (found) next = [skipT, skipA, found]
        }
      if (!next) return
      const [skipT, skipA, [nt, na]] = next
      assign(t + skipT, t + skipT + nt, a + skipA, a + skipA + na)
      t += skipT + nt
      a += skipA + na
    }
  }

  const runs = cleanupRuns(
    alignKeys(
      tForms.map((each) => each[0]!),
      aKeys,
      { maxEdits: MAX_EDITS },
    ),
  )
  for (const [index, run] of runs.entries()) {
    if (run.kind === 'same') for (let i = 0; i < run.aEnd - run.a; i++) assign(run.a + i, run.a + i + 1, run.b + i, run.b + i + 1)
    else if (run.kind === 'removed') {
      const next = runs[index + 1]
      if (next?.kind === 'added') region(run.a, run.aEnd, next.b, next.bEnd)
    }
  }
  return { times, heard }
}
