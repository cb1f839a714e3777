/**
 * WebVTT (https://www.w3.org/TR/webvtt1/): one cue per turn, its id the turn's id, its text the turn's
 * paragraphs in a `<v Speaker>` voice span, so a page's `<track>` can follow the recording turn by turn.
 * Printed times are exact; other starts and every end are estimated (../timing.ts), and a NOTE says which.
 * Cues are in order of start time, as WebVTT asks (a printed time that runs backwards reorders them).
 */
import type { Paragraph } from 'mdast'
import { toPlainText } from '../plain-text.ts'
import { turnTimes } from '../timing.ts'
import type { Conversation, TranscriptRoot } from '../types.ts'
import type { Format } from './format.ts'
import { cueTime } from '../../contract/time.ts'

export const vtt: Format = {
  name: 'vtt',
  label: 'WebVTT',
  purpose: 'captions: each turn as a subtitle that a video or audio player shows in time with the recording',
  extension: 'vtt',
  mediaType: 'text/vtt; charset=utf-8',
  site: true,
  write: ({ tree }) => toVtt(tree),
}

export function toVtt(tree: TranscriptRoot): string {
  const names = new Map(tree.speakers.map((speaker) => [speaker.id, speaker.name]))
  const times = turnTimes(tree)
  const conversation = tree.children.find((child): child is Conversation => child.type === 'conversation')
  const cues = (conversation?.children ?? [])
    .filter((block) => block.type === 'turn')
    .map((turn) => {
      const time = times.get(turn)!
      const words = turn.children
        .filter((child): child is Paragraph => child.type === 'paragraph')
        .map((paragraph) => cueText(toPlainText(paragraph.children)))
        .filter(Boolean)
      // A cue must end after it starts; a turn too short to round to a second gets one.
      const end = time.end > time.start ? time.end : time.start + 1
      return {
        id: turn.id,
        start: time.start,
        estimated: time.estimated,
        text: `${turn.id}\n${cueTime(time.start)} --> ${cueTime(end)}\n<v ${cueText(names.get(turn.speaker) ?? turn.label)}>${words.join('\n')}</v>`,
      }
    })
    .sort((a, b) => a.start - b.start)
  const printed = cues.filter((cue) => !cue.estimated).map((cue) => cue.id)
  const note = [
    'NOTE',
    `Transcript ${tree.name}: one cue per turn, the cue id is the turn's id.`,
    'Times are from the start of the tape. A cue whose turn opens with a printed timestamp starts at that',
    'time exactly; every other start, and every end, is estimated from the length of the text between',
    'printed times.',
    printed.length === 0
      ? 'No turn opens with a printed timestamp: every time here is estimated.'
      : `Exact starts (${printed.length} of ${cues.length} cues): ${printed.join(' ')}`,
  ]
    .join('\n')
    .replaceAll('-->', '->')
  return `${['WEBVTT', note, ...cues.map((cue) => cue.text)].join('\n\n')}\n`
}

/** Cue text and voice names: `&`, `<` and `>` as character references (so no `-->` either). */
function cueText(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}
