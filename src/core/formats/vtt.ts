/**
 * WebVTT (https://www.w3.org/TR/webvtt1/): one cue per turn the transcript gives a time for, its id the
 * turn's id, its text the turn's paragraphs in a `<v Speaker>` voice span, so a page's `<track>` can follow
 * the recording turn by turn. Times come from ../timing.ts: printed times are exact, other starts and ends
 * are estimated between two printed times, and a NOTE says which. A turn without a start and an end there
 * (before the first printed time, after the last, or in a transcript that prints none) gets no cue, since a
 * cue's times would be invented: its words are kept in a NOTE block in their place, so nothing is lost.
 * Cues are in order of start time, as WebVTT asks (a printed time that runs backwards reorders them).
 * With an alignment (`Turn.words`), each word the aligner placed inside its turn's cue is preceded by its
 * time to the millisecond (`<00:00:02.250>`, WebVTT's cue timestamp: a karaoke-style word by word); one
 * that would fall outside its cue or before the word before it is left without, as WebVTT asks.
 */
import type { Paragraph } from 'mdast'
import { timedPieces } from '../alignment/words.ts'
import { collapse, toPlainText } from '../plain-text.ts'
import { turnTimes } from '../timing.ts'
import type { Conversation, SpokenWord, TranscriptRoot, Turn } from '../types.ts'
import type { TurnTime } from '../timing.ts'
import type { Format } from './format.ts'
import { cueTime, exactCueTime, formatTime } from '../../contract/time.ts'

export const vtt: Format = {
  name: 'vtt',
  label: 'WebVTT',
  purpose: 'captions: each turn as a subtitle that a video or audio player shows in time with the recording',
  extension: 'vtt',
  mediaType: 'text/vtt; charset=utf-8',
  site: true,
  write: ({ tree }) => toVtt(tree),
}

interface Block {
  text: string
  /** For a cue: its start, to order cues by. */
  start?: number
}

export function toVtt(tree: TranscriptRoot): string {
  const names = new Map(tree.speakers.map((speaker) => [speaker.id, speaker.name]))
  const times = turnTimes(tree)
  const conversation = tree.children.find((child): child is Conversation => child.type === 'conversation')
  const turns = (conversation?.children ?? []).filter((block): block is Turn => block.type === 'turn')
  const blocks = turns.map((turn): Block => {
    const time = times.get(turn)
    const stamp = turn.words && time?.end !== undefined ? cueStamps(time) : undefined
    const words = turn.children
      .filter((child): child is Paragraph => child.type === 'paragraph')
      .map((paragraph) => (stamp ? timedText(paragraph, turn, stamp) : cueText(toPlainText(paragraph.children))))
      .filter(Boolean)
    const voice = `<v ${cueText(names.get(turn.speaker) ?? turn.label)}>${words.join('\n')}</v>`
    if (time?.end === undefined) {
      const from = time ? `starts at ${formatTime(time.start)}; the transcript gives no time after it` : 'no time given'
      return { text: `NOTE ${turn.id} (${from})\n${voice}` }
    }
    // A cue must end after it starts; a turn too short to round to a second gets one.
    const end = time.end > time.start ? time.end : time.start + 1
    return {
      start: time.start,
      text: `${turn.id}\n${cueTime(time.start)} --> ${cueTime(end)}\n${voice}`,
    }
  })
  // Turns with times are one run (every turn between two printed times has one): the others stand before
  // or after it, in reading order; the cues in between are put in order of their starts.
  const first = blocks.findIndex((block) => block.start !== undefined)
  const last = blocks.findLastIndex((block) => block.start !== undefined)
  const cues = first < 0 ? [] : blocks.slice(first, last + 1)
  const ordered = [
    ...(first < 0 ? blocks : blocks.slice(0, first)),
    ...cues.toSorted((a, b) => (a.start ?? 0) - (b.start ?? 0)),
    ...(first < 0 ? [] : blocks.slice(last + 1)),
  ]
  const printed = turns.filter((turn) => times.get(turn)?.estimated === false).map((turn) => turn.id)
  const note = [
    'NOTE',
    `Transcript ${tree.name}: one cue per turn with a time, the cue id is the turn's id.`,
    'Times are from the start of the tape. A cue whose turn opens with a printed timestamp starts at that',
    'time exactly; every other start, and every end, is estimated from the length of the text between',
    'two printed times. A turn with no time the transcript gives has no cue: its words are in a NOTE.',
    ...(tree.meta?.alignment
      ? [
          `Word timings from ${tree.meta.alignment.src} (${tree.meta.alignment.format}): a turn without a printed time`,
          'starts at its first word where the aligner placed it, exactly, and each word placed has its time',
          `inside its cue (${tree.meta.alignment.aligned} of ${tree.meta.alignment.words} words).`,
        ]
      : []),
    printed.length === 0
      ? 'No turn opens with a printed timestamp: no time here is exact.'
      : `Exact starts (${printed.length} of ${turns.length} turns): ${printed.join(' ')}`,
  ]
    .join('\n')
    .replaceAll('-->', '->')
  return `${['WEBVTT', note, ...ordered.map((block) => block.text)].join('\n\n')}\n`
}

/**
 * The cue timestamp before each word of one cue: strictly after the cue's start and the timestamp
 * before it, and before the cue's end (WebVTT's rule), else none.
 */
function cueStamps(time: TurnTime): (word: SpokenWord) => string {
  const end = time.end! > time.start ? time.end! : time.start + 1
  let last = time.start
  return (word) => {
    if (word.start === undefined || word.start <= last || word.start >= end) return ''
    last = word.start
    return `<${exactCueTime(word.start)}>`
  }
}

/** A paragraph's cue text with its words' times inside. */
function timedText(paragraph: Paragraph, turn: Turn, stamp: (word: SpokenWord) => string): string {
  const pieces = timedPieces(paragraph, turn.words ?? []).map((piece) =>
    typeof piece === 'string' ? cueText(piece) : stamp(piece),
  )
  return collapse(pieces.join(''))
}

/** Cue text and voice names: `&`, `<` and `>` as character references (so no `-->` either). */
function cueText(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}
