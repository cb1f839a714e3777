/**
 * How a speaker's turns are cut into the pages of their speaker page (at most `TURNS_PER_PAGE` turns a
 * page, in date order, a transcript's turns going on to the next page where one fills) and what their
 * entry in the speakers' directory says: the one rule, whether the tables are written whole or one
 * changed speaker at a time (./speaker-pages.ts).
 */
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ListedSpeaker } from '../collection/browse.ts'
import type { ContentsTranscript, SpeakerAppearance, SpeakerTurn, TranscriptRef } from '../collection/speaker-index.ts'
import type { VoiceCount } from '../contract/speakers.ts'

export const TURNS_PER_PAGE = 100

export interface Appearance {
  transcript: TranscriptRef
  /** In reading order; a transcript's turns may continue on the next page. */
  turns: SpeakerTurn[]
  /** The first turns of this transcript are on an earlier page. */
  continued: boolean
}

export interface SpeakerPage {
  appearances: Appearance[]
}

/** A transcript a speaker speaks in, as their contents list it (`speakerContents`). */
export interface SpeakerTranscript extends ContentsTranscript {
  /** For the unidentified voices: how many voices in this transcript. */
  voices?: VoiceCount
}

export interface SpeakerEntry extends ListedSpeaker {
  /** One hash per page of its content: the page's cache key. */
  pages: string[]
  /** What the transcripts' sidecars say they were (`Counsel to the President`), each once. */
  roles: string[]
  /** For the unidentified voices: how many voices, across the collection (never their turns). */
  voices?: VoiceCount
  /** The transcripts they speak in, in date order: their contents by transcript and date. */
  in: SpeakerTranscript[]
}

/** `mcgeorge-bundy` page 2 → its file; keys are slugs, safe as file names. */
export function pageFile(base: string, key: string, page: number): string {
  return join(base, key, `${page}.json`)
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16)
}

/** What a speaker page says of one transcript's speaker, without the turns: enough to cut the pages. */
export interface VoiceSummary {
  key: string
  name: string
  kind: SpeakerAppearance['kind']
  roles: string[]
  voices?: VoiceCount
  turns: number
}

export function summaryOf(voices: SpeakerAppearance): VoiceSummary {
  const { key, name, kind, roles, turns } = voices
  return { key, name, kind, roles, ...(voices.voices ? { voices: voices.voices } : {}), turns: turns.length }
}

/**
 * One speaker's entry and pages, their transcripts given in date order: the one rule for how a speaker's
 * turns are cut into pages, whether the tables are written whole or one speaker at a time.
 */
export class SpeakerCut {
  readonly entry: SpeakerEntry
  private pending: Appearance[] = []
  private pendingTurns = 0
  /** The transcript the last written page ended in: the next page may continue it. */
  private endedIn: string | undefined

  private readonly folder: string

  constructor(folder: string, voices: VoiceSummary, date: string) {
    this.folder = folder
    this.entry = {
      key: voices.key,
      name: voices.name,
      kind: voices.kind,
      turns: 0,
      transcripts: 0,
      first: date,
      last: date,
      pages: [],
      roles: [],
      in: [],
    }
  }

  add(ref: TranscriptRef, voices: VoiceSummary, turns: readonly SpeakerTurn[]): void {
    const entry = this.entry
    entry.transcripts += 1
    entry.last = ref.date
    for (const role of voices.roles) if (!entry.roles.includes(role)) entry.roles.push(role)
    if (voices.voices) {
      const sum = entry.voices ?? { voices: 0, exact: true }
      entry.voices = { voices: sum.voices + voices.voices.voices, exact: sum.exact && voices.voices.exact }
    }
    entry.in.push({
      ...ref,
      turns: turns.length,
      page: entry.pages.length + 1,
      ...(voices.voices ? { voices: voices.voices } : {}),
    })
    let appearance: Appearance | undefined
    for (const turn of turns) {
      if (!appearance) {
        appearance = { transcript: ref, turns: [], continued: this.pending.length === 0 && this.endedIn === ref.name }
        this.pending.push(appearance)
      }
      appearance.turns.push(turn)
      entry.turns += 1
      this.pendingTurns += 1
      if (this.pendingTurns >= TURNS_PER_PAGE) {
        this.flush()
        appearance = undefined
      }
    }
  }

  flush(): void {
    if (this.pending.length === 0) return
    const text = JSON.stringify({ appearances: this.pending } satisfies SpeakerPage)
    const page = this.entry.pages.length + 1
    mkdirSync(join(this.folder, this.entry.key), { recursive: true })
    writeFileSync(pageFile(this.folder, this.entry.key, page), text)
    this.entry.pages.push(hashOf(text))
    this.endedIn = this.pending.at(-1)!.transcript.name
    this.pending = []
    this.pendingTurns = 0
  }
}
