/**
 * The aligner's words set onto the transcript's by the edition's one word alignment (../align/words.ts:
 * Myers' diff by key, short chance matches between large changes let go). An aligner normalises, so keys
 * fold what it changes: case and punctuation (`wordKey`), numbers said as words (`15` = `fifteen`,
 * ./numbers.ts). Where the two differ in between, words are matched as groups whose keys joined are equal:
 * a word the aligner split (`checkpoint` = `check` `point`), words it joined (`can not` = `cannot`), a
 * number it wrote in several words (`1962` = `nineteen` `sixty` `two`). A transcript word that matches no
 * word the aligner timed has no time; the aligner's words the transcript lacks are left out.
 */
import { alignKeys, cleanupRuns, wordKey } from '../align/words.ts'
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

  /** The group of fewest words starting at (t, a) whose keys joined are equal, as [transcript words, aligner words]. */
  const groupAt = (t: number, tEnd: number, a: number, aEnd: number): [number, number] | undefined => {
    let best: [number, number] | undefined
    let joined = ['']
    for (let nt = 1; nt <= GROUP && t + nt <= tEnd; nt++) {
      joined = joined.flatMap((prefix) => tForms[t + nt - 1]!.map((form) => prefix + form)).slice(0, 64)
      const wanted = new Set(joined)
      let said = ''
      for (let na = 1; na <= GROUP && a + na <= aEnd; na++) {
        said += aKeys[a + na - 1]!
        if (wanted.has(said) && (!best || nt + na < best[0] + best[1])) best = [nt, na]
      }
    }
    return best
  }

  /** A stretch the diff could not match word for word: groups, nearest first, past words that match nothing. */
  const region = (t: number, tEnd: number, a: number, aEnd: number) => {
    while (t < tEnd && a < aEnd) {
      let found: [number, number, [number, number]] | undefined
      for (let reach = 0; reach <= REACH && !found; reach++)
        for (let skipT = 0; skipT <= reach && !found; skipT++) {
          const skipA = reach - skipT
          if (t + skipT >= tEnd || a + skipA >= aEnd) continue
          const group = groupAt(t + skipT, tEnd, a + skipA, aEnd)
          if (group) found = [skipT, skipA, group]
        }
      if (!found) return
      const [skipT, skipA, [nt, na]] = found
      assign(t + skipT, t + skipT + nt, a + skipA, a + skipA + na)
      t += skipT + nt
      a += skipA + na
    }
  }

  const runs = cleanupRuns(
    alignKeys(
      tForms.map((each) => each[0]!),
      aKeys,
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
