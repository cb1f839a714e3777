/**
 * Every speaker across every transcript, for the speaker pages: a person (one speaker id) gathers their
 * turns from all transcripts; unidentified voices are gathered on one page of their own, by transcript,
 * each turn still its own voice.
 */
import { transcriptTitle } from '../core/names.ts'
import type { TranscriptJson, TurnJson } from '../core/schema.ts'
import { listedName, sortWord, speakerKey, UNIDENTIFIED_KEY, UNIDENTIFIED_KIND, type SpeakerKind } from '../contract/speakers.ts'
import { turnsOf } from './speakers.ts'
import { transcriptOrder } from './browse.ts'

export interface TranscriptRef {
  /** The page is at `/<name>/`. */
  name: string
  title: string
  date: string
  dateLine: string | null
  id: string
}

export interface Appearance {
  transcript: TranscriptRef
  turns: TurnJson[]
}

export interface SpeakerEntry {
  /** The person's speaker id, or `unidentified`: the page is at `/speakers/<key>/`. */
  key: string
  name: string
  kind: SpeakerKind
  turns: number
  /** In the order of the transcripts given (by date), turns in reading order. */
  appearances: Appearance[]
}

/** One speaker's turns in one transcript: a person, or all its unidentified voices. */
export interface Voices {
  key: string
  name: string
  kind: SpeakerKind
  turns: TurnJson[]
}

/**
 * A transcript's turns by speaker key, in order of first turn: the one rule for who a speaker page
 * gathers. A person is their speaker id; every unidentified voice goes to `unidentified`.
 */
export function voicesByKey(data: Pick<TranscriptJson, 'name' | 'speakers' | 'blocks'>): Voices[] {
  const kinds = new Map(data.speakers.map((speaker) => [speaker.id, speaker]))
  const groups = new Map<string, Voices>()
  for (const turn of turnsOf(data)) {
    const speaker = kinds.get(turn.speaker.id)
    const kind = speaker?.kind ?? 'person'
    const key = speakerKey({ id: turn.speaker.id, kind })
    if (kind !== UNIDENTIFIED_KIND && key === UNIDENTIFIED_KEY) {
      throw new Error(
        `${data.name}: a person's speaker id is "${UNIDENTIFIED_KEY}", the address of the unidentified voices' page`,
      )
    }
    let group = groups.get(key)
    if (!group) {
      group = { key, name: listedName({ name: speaker?.name ?? turn.speaker.name, kind }), kind, turns: [] }
      groups.set(key, group)
    }
    group.turns.push(turn)
  }
  return [...groups.values()]
}

/** Every person, then (if any) the unidentified voices; transcripts are taken in transcript order. */
export function speakerIndex(transcripts: ReadonlyArray<{ data: TranscriptJson }>): SpeakerEntry[] {
  const entries = new Map<string, SpeakerEntry>()
  const sorted = [...transcripts].sort((a, b) => transcriptOrder(a.data, b.data))
  for (const { data } of sorted) {
    const ref: TranscriptRef = {
      name: data.name,
      title: transcriptTitle(data),
      date: data.date,
      dateLine: data.dateLine,
      id: data.id,
    }
    for (const voices of voicesByKey(data)) {
      let entry = entries.get(voices.key)
      if (!entry) {
        entry = { key: voices.key, name: voices.name, kind: voices.kind, turns: 0, appearances: [] }
        entries.set(voices.key, entry)
      }
      entry.appearances.push({ transcript: ref, turns: voices.turns })
      entry.turns += voices.turns.length
    }
  }
  return sortSpeakers([...entries.values()])
}

/** People by surname (or a title-only name by its title), then the unidentified voices (if any). */
export function sortSpeakers<T extends { name: string; kind: SpeakerKind }>(entries: T[]): T[] {
  const people = entries.filter((entry) => entry.kind === 'person').sort(bySurname)
  return [...people, ...entries.filter((entry) => entry.kind === UNIDENTIFIED_KIND)]
}

/**
 * `McGeorge Bundy` before `President Kennedy`: by the sort word (`sortWord`: the surname, or a title-only
 * name's title, so `President` files between `Pearson` and `Pym`), then the whole name.
 */
function bySurname(a: { name: string }, b: { name: string }): number {
  const word = (name: string) => sortWord(name).word
  return word(a.name).localeCompare(word(b.name)) || a.name.localeCompare(b.name)
}
