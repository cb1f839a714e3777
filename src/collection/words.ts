/**
 * What a transcript page offers word by word (issue 26, part 3): whether its turns have timed words (the
 * player then follows word by word and copies a link to the moment) and how many the aligner was unsure of
 * by the site's confidence (the player then offers to show them, with a legend). The page's word spans
 * themselves are the render's (src/core/word-spans.ts), by the same threshold.
 */
import type { TranscriptJson } from '../core/schema.ts'
import { turnsOf } from './speakers.ts'

export interface WordTimes {
  /** Words with a time. */
  timed: number
  /** Timed words scored below the confidence (none without one). */
  unsure: number
}

/** Undefined when no word of the transcript has a time (no alignment, or none of its words placed). */
export function wordTimes(transcript: Pick<TranscriptJson, 'blocks'>, confidence?: number): WordTimes | undefined {
  let timed = 0
  let unsure = 0
  for (const turn of turnsOf(transcript)) {
    for (const word of turn.words ?? []) {
      if (word.start === undefined) continue
      timed++
      if (confidence !== undefined && word.score !== undefined && word.score < confidence) unsure++
    }
  }
  return timed > 0 ? { timed, unsure } : undefined
}
