/**
 * Every speaker across every transcript, for the speaker pages: a person (one speaker id) gathers their
 * turns from all transcripts; unidentified voices are gathered on one page of their own, by transcript,
 * each turn still its own voice.
 */
import { transcriptTitle } from '../../transcript/names.ts'
import type { TranscriptJson, TurnJson } from '../../transcript/schema.ts'
import { turnsOf, UNIDENTIFIED } from './speakers.ts'

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
  kind: 'person' | 'unidentified'
  turns: number
  /** In the order of the transcripts given (by date), turns in reading order. */
  appearances: Appearance[]
}

/** Every person, then (if any) the unidentified voices; transcripts are taken in date order. */
export function speakerIndex(transcripts: ReadonlyArray<{ data: TranscriptJson }>): SpeakerEntry[] {
  const entries = new Map<string, SpeakerEntry>()
  const sorted = [...transcripts].sort((a, b) => a.data.date.localeCompare(b.data.date) || a.data.name.localeCompare(b.data.name))
  for (const { data } of sorted) {
    const kinds = new Map(data.speakers.map((speaker) => [speaker.id, speaker]))
    const ref: TranscriptRef = { name: data.name, title: transcriptTitle(data), date: data.date, dateLine: data.dateLine, id: data.id }
    for (const turn of turnsOf(data)) {
      const speaker = kinds.get(turn.speaker.id)
      const unidentified = speaker?.kind === 'unidentified'
      const key = unidentified ? UNIDENTIFIED : turn.speaker.id
      if (!unidentified && key === UNIDENTIFIED) {
        throw new Error(`${data.name}: a person's speaker id is "${UNIDENTIFIED}", the address of the unidentified voices' page`)
      }
      let entry = entries.get(key)
      if (!entry) {
        entry = unidentified
          ? { key, name: 'Unidentified voices', kind: 'unidentified', turns: 0, appearances: [] }
          : { key, name: speaker?.name ?? turn.speaker.name, kind: 'person', turns: 0, appearances: [] }
        entries.set(key, entry)
      }
      let appearance = entry.appearances.at(-1)
      if (appearance?.transcript !== ref) {
        appearance = { transcript: ref, turns: [] }
        entry.appearances.push(appearance)
      }
      appearance.turns.push(turn)
      entry.turns += 1
    }
  }
  const people = [...entries.values()].filter((entry) => entry.kind === 'person').sort(bySurname)
  const voices = entries.get(UNIDENTIFIED)
  return voices ? [...people, voices] : people
}

/** `McGeorge Bundy` before `President Kennedy`: by the last word of the name, then the whole name. */
function bySurname(a: SpeakerEntry, b: SpeakerEntry): number {
  const last = (name: string) => name.split(/\s+/).at(-1) ?? name
  return last(a.name).localeCompare(last(b.name)) || a.name.localeCompare(b.name)
}

/** `unidentified-3` → `3`: the voice's number within its transcript. */
export function voiceNumber(speakerId: string): string {
  return /-(\d+)$/.exec(speakerId)?.[1] ?? speakerId
}
