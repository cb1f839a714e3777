/**
 * A transcript's word timings, put on its tree once at load (`Turn.words`, `meta.alignment`), so that the
 * turn times (../timing.ts), the JSON, the exports and a page all read them from the tree. The aligner's
 * times are the recording's: the sidecar's `recording.offset` (the seconds before the tape's 0:00) is
 * taken off, so that a word's time is a tape time like a printed timestamp's.
 */
import { VFile } from 'vfile'
import { formatTime } from '../../contract/time.ts'
import { report } from '../diagnostics.ts'
import { ALIGNMENT_TOLERANCE, timeDisagreements } from '../timing.ts'
import { Locator } from '../parse/source.ts'
import type { Conversation, SpokenWord, TranscriptRoot, Turn } from '../types.ts'
import { mapWords } from './map.ts'
import { readAlignment } from './read.ts'
import { turnWords } from './words.ts'

/** The file a sidecar's `alignment` names, as the caller read it (undefined: not found). */
export interface AlignmentInput {
  /** As the sidecar names it. */
  src: string
  /** Where it was read, for messages. */
  path: string
  value: string | Uint8Array
}

/**
 * Reads `input` and times the tree's words with it; a file that cannot be read is reported on `file` (at
 * the alignment file's line and column) and the tree is left without word timings.
 */
export function applyAlignment(tree: TranscriptRoot, file: VFile, input: AlignmentInput): void {
  const alignmentFile = new VFile({ path: input.path, value: input.value })
  const read = readAlignment(alignmentFile)
  file.messages.push(...alignmentFile.messages)
  if (!read) return
  const offset = tree.meta?.recording?.offset ?? 0
  const source = String(file.value)
  const locator = new Locator(source)
  const conversation = tree.children.find((child): child is Conversation => child.type === 'conversation')
  const turns = (conversation?.children ?? []).filter((block): block is Turn => block.type === 'turn')
  const perTurn = turns.map((turn) => turnWords(turn, source, locator))
  const all = perTurn.flat()
  // A word placed before the tape's 0:00 (in the recording's leader) has no tape time: it is not placed.
  const shifted = read.words.map((word) =>
    word.start === undefined || word.start < offset
      ? { word: word.word }
      : { ...word, start: tape(word.start, offset), end: tape(word.end!, offset) },
  )
  const { times } = mapWords(
    all.map((word) => word.value),
    shifted,
  )
  all.forEach((word, index) => {
    const time = times[index]
    if (time) Object.assign(word, time)
  })
  turns.forEach((turn, index) => {
    turn.words = perTurn[index]!
  })
  const aligned = all.filter((word) => word.start !== undefined).length
  tree.meta = { ...tree.meta, alignment: { src: input.src, format: read.format, words: all.length, aligned } }
  // Where the printed times and the aligner disagree (decided in ../timing.ts): the printed time stands.
  for (const { stamp, word } of timeDisagreements(tree)) {
    report(
      file,
      'alignment-disagrees',
      `The printed time [${stamp.value}] stands, but \`${input.src}\` places “${word.value}”, the turn's first word, at ${clock(word.start)} (${Math.abs(word.start - stamp.seconds).toFixed(1)} s apart; the tolerance is ${ALIGNMENT_TOLERANCE} s)`,
      stamp.position,
    )
  }
  const missed = all.find((word) => word.start === undefined)
  if (missed) {
    const count = all.length - aligned
    report(
      file,
      'alignment-unaligned',
      `${count} of ${all.length} words have no time in \`${input.src}\` (the aligner did not place them), the first “${missed.value}” here`,
      missed.position,
    )
  }
}

/** A recording's time as the tape's, to the millisecond. */
function tape(seconds: number, offset: number): number {
  return Math.round((seconds - offset) * 1000) / 1000
}

/** `24.31` → `00:24.310`: a time to the millisecond, for messages. */
function clock(seconds: number): string {
  const millis = Math.round(seconds * 1000)
  return `${formatTime(Math.floor(millis / 1000))}.${String(millis % 1000).padStart(3, '0')}`
}

/** The words of a turn that have a time. */
export function timedWords(turn: Turn): Array<SpokenWord & { start: number; end: number }> {
  return (turn.words ?? []).filter((word): word is SpokenWord & { start: number; end: number } => word.start !== undefined)
}
