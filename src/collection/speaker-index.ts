/**
 * What the speaker pages show, worked out one transcript at a time (the build, src/build/speaker-pages.ts,
 * gathers them across the collection in date order and writes the pages' tables): a person (one speaker
 * id) is one page; the unidentified voices share one page of their own, counted as voices, never as one
 * person. Each turn comes with the nearest words of the turn before and after it, so a page can show it in
 * its exchange.
 */
import type { TranscriptJson, TurnJson } from '../core/schema.ts'
import {
  listedName,
  sortWord,
  speakerKey,
  UNIDENTIFIED_KEY,
  UNIDENTIFIED_KIND,
  unidentifiedVoices,
  type SpeakerKind,
  type VoiceCount,
} from '../contract/speakers.ts'
import { speakerAppearanceRoute } from '../contract/routes.ts'
import { turnsOf } from './speakers.ts'

export interface TranscriptRef {
  /** The page is at `/<name>/`. */
  name: string
  title: string
  date: string
  dateLine: string | null
  id: string
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

/**
 * How many words of a turn beside one of the speaker's their page shows: the last words of the turn before
 * (what the speaker answers), the first of the turn after (how they were answered). The whole exchange is a
 * link away, in the transcript: printed in full, the neighbours made each speaker page three times the
 * words it lists (63 % of the speaker pages' bytes at 10,000 transcripts).
 */
export const NEIGHBOUR_WORDS = 15

/** A turn beside one of the speaker's, shown collapsed with it: who spoke, and their words nearest it. */
export interface NeighbourTurn {
  /** The name the transcript gives (`President`, `Unidentified`). */
  name: string
  /**
   * At most `NEIGHBOUR_WORDS` words, the turn's last (before) or first (after), in one run, with an
   * ellipsis on the side where words were left out: `… brought into operation`, `Well, do you …`.
   */
  words: string
  /** Whether the turn has more words than these (shown as an ellipsis where they were left out). */
  cut: boolean
}

const SPACED_ELLIPSIS_OR_WORD = /\S*\.(?:\s+\.)+|\S+/g

/** The words of a neighbouring turn nearest the speaker's: its last before it, its first after it. */
export function neighbourWords(paragraphs: readonly string[], side: 'before' | 'after'): Pick<NeighbourTurn, 'words' | 'cut'> {
  // A spaced ellipsis (`. . .`, or `said. . .` with its first dot on the word) is one word, so a cut never
  // leaves part of it (`. .`) in a quotation; the spaces in it are one space each, as between words.
  const words = (paragraphs.join(' ').match(SPACED_ELLIPSIS_OR_WORD) ?? []).map((word) => word.replace(/\s+/g, ' '))
  const cut = words.length > NEIGHBOUR_WORDS
  if (!cut) return { words: words.join(' '), cut }
  return side === 'before'
    ? { words: `… ${words.slice(-NEIGHBOUR_WORDS).join(' ')}`, cut }
    : { words: `${words.slice(0, NEIGHBOUR_WORDS).join(' ')} …`, cut }
}

/** A turn as a speaker page lists it, in its exchange: the turn before and the turn after, when there are. */
export type SpeakerTurn = Pick<TurnJson, 'id' | 'time' | 'paragraphs'> & {
  speaker: Pick<TurnJson['speaker'], 'id' | 'label'>
  before?: NeighbourTurn
  after?: NeighbourTurn
}

/** One speaker's turns in one transcript, as their page shows them, with what the transcript says of them. */
export interface SpeakerAppearance {
  key: string
  name: string
  kind: SpeakerKind
  /** The roles the transcript's sidecar gives them (`Counsel to the President`), in order. */
  roles: string[]
  /** For the unidentified voices: how many voices they are here (`unidentifiedVoices`), never their turns. */
  voices?: VoiceCount
  turns: SpeakerTurn[]
}

/**
 * What the speaker pages show of one transcript, the one place it is worked out: each speaker's turns
 * (`voicesByKey`), each with the turn before and after it in the conversation.
 */
export function speakerAppearances(data: Pick<TranscriptJson, 'name' | 'speakers' | 'blocks'>): SpeakerAppearance[] {
  const all = turnsOf(data)
  const at = new Map(all.map((turn, index) => [turn, index]))
  const neighbour = (turn: TurnJson | undefined, side: 'before' | 'after'): NeighbourTurn | undefined =>
    turn && { name: turn.speaker.name, ...neighbourWords(turn.paragraphs, side) }
  return voicesByKey(data).map((group) => {
    const speakers = data.speakers.filter((speaker) => speakerKey(speaker) === group.key)
    const roles = [...new Set(speakers.flatMap((speaker) => (speaker.role === undefined ? [] : [speaker.role])))]
    const turns = group.turns.map((turn): SpeakerTurn => {
      const index = at.get(turn)!
      const before = neighbour(all[index - 1], 'before')
      const after = neighbour(all[index + 1], 'after')
      return {
        id: turn.id,
        time: turn.time,
        paragraphs: turn.paragraphs,
        speaker: { id: turn.speaker.id, label: turn.speaker.label },
        ...(before ? { before } : {}),
        ...(after ? { after } : {}),
      }
    })
    const appearance: SpeakerAppearance = { key: group.key, name: group.name, kind: group.kind, roles, turns }
    if (group.kind === UNIDENTIFIED_KIND) appearance.voices = unidentifiedVoices(speakers)
    return appearance
  })
}

/** People by surname (or a title-only name by its title), then the unidentified voices (if any). */
export function sortSpeakers<T extends { key: string; name: string; kind: SpeakerKind }>(entries: T[]): T[] {
  const people = entries.filter((entry) => entry.kind === 'person').sort(bySurname)
  return [...people, ...entries.filter((entry) => entry.kind === UNIDENTIFIED_KIND)]
}

/**
 * `McGeorge Bundy` before `President Kennedy`: by the sort word (`sortWord`: the surname, or a title-only
 * name's title, so `President` files between `Pearson` and `Pym`), then the whole name, then the key: two
 * people of one name (`President` in two administrations) in one order whatever order they came in (a
 * rebuild cuts only the changed speakers and lists them first).
 */
function bySurname(a: { key: string; name: string }, b: { key: string; name: string }): number {
  const word = (name: string) => sortWord(name).word
  return word(a.name).localeCompare(word(b.name)) || a.name.localeCompare(b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
}

/** A transcript as a speaker's contents list it: the page (1-based) of theirs where their turns in it start. */
export interface ContentsTranscript extends TranscriptRef {
  turns: number
  page: number
}

/** One year of a speaker's contents: where it starts and its transcripts, each linked to the speaker's turns there. */
export interface ContentsYear {
  /** `1962`, or `''` for undated transcripts. */
  year: string
  /** The speaker's turns in the year's first transcript. */
  href: string
  transcripts: Array<ContentsTranscript & { href: string }>
}

/**
 * How many transcripts a speaker page lists itself; a speaker of more has their list on a page of its
 * own (`speakerTranscriptsRoute`), so no page of theirs grows with their share of the collection.
 */
export const CONTENTS_ON_PAGE = 24

/**
 * A speaker's contents, by year and transcript (in the order given: by date), each a link to where their
 * turns in it start on their own pages (`speakerAppearanceRoute`), so no turn is printed twice and their
 * pages stay one per hundred turns. None for a speaker of one transcript: their page is that transcript's.
 */
export function speakerContents(key: string, transcripts: readonly ContentsTranscript[]): ContentsYear[] {
  if (transcripts.length < 2) return []
  const years = new Map<string, ContentsYear>()
  for (const transcript of transcripts) {
    const year = transcript.date.slice(0, 4)
    const href = speakerAppearanceRoute(key, transcript.page, transcript.name)
    let group = years.get(year)
    if (!group) {
      group = { year, href, transcripts: [] }
      years.set(year, group)
    }
    group.transcripts.push({ ...transcript, href })
  }
  return [...years.values()]
}
