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

  /**
   * The group of fewest words whose keys joined are equal, as [transcript words, aligner words]: starting
   * at `t` and `a` (forward), or ending just before them (backward), within `[tLimit…]` and `[aLimit…]`.
   */
  const groupAt = (t: number, a: number, tLimit: number, aLimit: number, forward: boolean): [number, number] | undefined => {
    let best: [number, number] | undefined
    let joined = ['']
    const room = (at: number, limit: number, n: number) => (forward ? at + n <= limit : at - n >= limit)
    for (let nt = 1; nt <= GROUP && room(t, tLimit, nt); nt++) {
      const forms = tForms[forward ? t + nt - 1 : t - nt]!
      joined = joined.flatMap((part) => forms.map((form) => (forward ? part + form : form + part))).slice(0, 64)
      const wanted = new Set(joined)
      let said = ''
      for (let na = 1; na <= GROUP && room(a, aLimit, na); na++) {
        said = forward ? said + aKeys[a + na - 1]! : aKeys[a - na]! + said
        if (wanted.has(said) && (!best || nt + na < best[0] + best[1])) best = [nt, na]
      }
    }
    return best
  }

  /** Groups found from one end of a stretch, nearest first, past words that match nothing: [t, nt, a, na] each. */
  const groups = (t0: number, tEnd: number, a0: number, aEnd: number, forward: boolean) => {
    const found: Array<[number, number, number, number]> = []
    let t = forward ? t0 : tEnd
    let a = forward ? a0 : aEnd
    const left = () => (forward ? tEnd - t > 0 && aEnd - a > 0 : t - t0 > 0 && a - a0 > 0)
    while (left()) {
      let next: [number, number, number, number] | undefined
      for (let reach = 0; reach <= REACH && !next; reach++)
        for (let skipT = 0; skipT <= reach && !next; skipT++) {
          const skipA = reach - skipT
          const at = forward ? t + skipT : t - skipT
          const from = forward ? a + skipA : a - skipA
          if (forward ? at >= tEnd || from >= aEnd : at <= t0 || from <= a0) continue
          const group = groupAt(at, from, forward ? tEnd : t0, forward ? aEnd : a0, forward)
          if (group) next = forward ? [at, group[0], from, group[1]] : [at - group[0], group[0], from - group[1], group[1]]
        }
      if (!next) break
      found.push(next)
      t = forward ? next[0] + next[1] : next[0]
      a = forward ? next[2] + next[3] : next[2]
    }
    return forward ? found : found.reverse()
  }

  /** How many stretches of unmatched words a stretch's groups leave (fewer: the groups hold together). */
  const gaps = (found: ReadonlyArray<[number, number, number, number]>, t0: number, tEnd: number, a0: number, aEnd: number) => {
    let count = 0
    let t = t0
    let a = a0
    for (const [gt, nt, ga, na] of [...found, [tEnd, 0, aEnd, 0] as const]) {
      if (gt > t || ga > a) count++
      t = gt + nt
      a = ga + na
    }
    return count
  }

  /**
   * A stretch the diff could not match word for word: groups found from its start and from its end, and
   * kept from the side that leaves fewer gaps (a passage the transcript lacks stays whole, and a common
   * word in it is not taken for the transcript's).
   */
  const region = (t: number, tEnd: number, a: number, aEnd: number) => {
    const forward = groups(t, tEnd, a, aEnd, true)
    const backward = groups(t, tEnd, a, aEnd, false)
    const chosen = gaps(backward, t, tEnd, a, aEnd) < gaps(forward, t, tEnd, a, aEnd) ? backward : forward
    for (const [gt, nt, ga, na] of chosen) assign(gt, gt + nt, ga, ga + na)
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
