/**
 * Who spoke, and how much: a transcript's voices grouped for the participants panel, the timeline and the
 * speaker pages. Every person is one group; every unidentified voice goes into the one "Unidentified
 * voices" group, which is never presented as a person.
 */
import {
  speakerKey,
  UNIDENTIFIED_KEY,
  UNIDENTIFIED_KIND,
  UNIDENTIFIED_LABEL,
  unidentifiedVoices,
  type SpeakerKind,
  type VoiceCount,
} from '../contract/speakers.ts'
import type { TranscriptJson, TurnJson } from '../core/schema.ts'

export interface SpeakerGroup {
  /** The speaker's key (`speakerKey`): the person's id, or `unidentified` for the unidentified voices. */
  key: string
  /** The full name, or `Unidentified voices`. */
  name: string
  kind: SpeakerKind
  /** The speaker ids of `div.turn[data-speaker]` in this group. */
  ids: string[]
  turns: number
  words: number
  /** Share of the conversation's words, 0 to 1. */
  share: number
  /** For the unidentified voices: how many voices they are (`unidentifiedVoices`), never their turns. */
  voices?: VoiceCount
}

export function turnsOf(transcript: Pick<TranscriptJson, 'blocks'>): TurnJson[] {
  return transcript.blocks.filter((block): block is TurnJson => block.type === 'turn')
}

/** Whether the transcript gives a time for any turn (core/timing.ts): only then has the page a jump-to-time field. */
export function givesTimes(transcript: Pick<TranscriptJson, 'blocks'>): boolean {
  return turnsOf(transcript).some((turn) => turn.time !== null)
}

/** Words as a reader counts them: runs of non-space characters (plain text keeps `[unclear]` as one). */
export function countWords(turn: Pick<TurnJson, 'paragraphs'>): number {
  return turn.paragraphs.reduce((sum, paragraph) => sum + (paragraph.match(/\S+/g)?.length ?? 0), 0)
}

/** People in order of first appearance, then the unidentified voices (if any) as one group. */
export function speakerGroups(transcript: Pick<TranscriptJson, 'blocks' | 'speakers'>): SpeakerGroup[] {
  const groups = new Map<string, SpeakerGroup>()
  const groupOf = new Map<string, SpeakerGroup>()
  const people = transcript.speakers.filter((speaker) => speaker.kind === 'person')
  const voices = transcript.speakers.filter((speaker) => speaker.kind === UNIDENTIFIED_KIND)
  for (const person of people) {
    const group: SpeakerGroup = {
      key: speakerKey(person),
      name: person.name,
      kind: 'person',
      ids: [person.id],
      turns: 0,
      words: 0,
      share: 0,
    }
    groups.set(person.id, group)
    groupOf.set(person.id, group)
  }
  if (voices.length > 0) {
    const ids = voices.map((voice) => voice.id)
    const group: SpeakerGroup = {
      key: UNIDENTIFIED_KEY,
      name: UNIDENTIFIED_LABEL,
      kind: UNIDENTIFIED_KIND,
      ids,
      turns: 0,
      words: 0,
      share: 0,
      voices: unidentifiedVoices(voices),
    }
    groups.set(UNIDENTIFIED_KEY, group)
    for (const id of ids) groupOf.set(id, group)
  }
  let total = 0
  for (const turn of turnsOf(transcript)) {
    const group = groupOf.get(turn.speaker.id)
    const words = countWords(turn)
    total += words
    if (!group) continue
    group.turns += 1
    group.words += words
  }
  for (const group of groups.values()) group.share = total > 0 ? group.words / total : 0
  return [...groups.values()].filter((group) => group.turns > 0)
}

/** `0.314` → `31%`; a share that rounds to nothing is `<1%`, never `0%`. */
export function formatShare(share: number): string {
  if (share <= 0) return '0%'
  const percent = Math.round(share * 100)
  return percent < 1 ? '<1%' : `${percent}%`
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}
