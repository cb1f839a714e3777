/**
 * The speaker pages' tables: every person's turns across the collection (and the unidentified voices'),
 * in date order, cut into pages of at most `TURNS_PER_PAGE` turns. Written by the loader into the site
 * cache, one small file per page, reading one transcript's JSON at a time; a speaker page reads only its
 * own file. So no page grows with a speaker's share of the archive, and no table is held whole.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ListedSpeaker } from '../collection/browse.ts'
import {
  sortSpeakers,
  speakerAppearances,
  type ContentsTranscript,
  type SpeakerTurn,
  type TranscriptRef,
} from '../collection/speaker-index.ts'
import { readTranscriptJson } from './prepare/artifacts.ts'
import { siteCacheFolder } from './paths.ts'
import type { TranscriptSummary } from '../collection/summary.ts'
import type { VoiceCount } from '../contract/speakers.ts'

export type { SpeakerTurn } from '../collection/speaker-index.ts'

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

function folder(cache: string): string {
  return join(cache, 'speakers')
}

/** `mcgeorge-bundy` page 2 → its file; keys are slugs, safe as file names. */
function pageFile(base: string, key: string, page: number): string {
  return join(base, key, `${page}.json`)
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16)
}

/**
 * Writes every speaker's pages from the transcripts (in date order) and returns the directory. The new
 * tables are written beside the old and swapped in whole, so a failed build leaves no half-written set.
 */
export function writeSpeakerPages(
  summaries: readonly TranscriptSummary[],
  cache = siteCacheFolder(),
  onProgress?: (done: number) => void,
): SpeakerEntry[] {
  const target = folder(cache)
  const next = `${target}.next`
  rmSync(next, { recursive: true, force: true })
  mkdirSync(next, { recursive: true })
  const entries = new Map<string, SpeakerEntry>()
  const pending = new Map<string, Appearance[]>()
  const pendingTurns = new Map<string, number>()
  /** The transcript each speaker's last written page ended in: the next page may continue it. */
  const endedIn = new Map<string, string>()

  const flush = (entry: SpeakerEntry) => {
    const appearances = pending.get(entry.key)
    if (!appearances || appearances.length === 0) return
    const text = JSON.stringify({ appearances } satisfies SpeakerPage)
    const page = entry.pages.length + 1
    mkdirSync(join(next, entry.key), { recursive: true })
    writeFileSync(pageFile(next, entry.key, page), text)
    entry.pages.push(hashOf(text))
    endedIn.set(entry.key, appearances.at(-1)!.transcript.name)
    pending.set(entry.key, [])
    pendingTurns.set(entry.key, 0)
  }

  for (const [index, summary] of summaries.entries()) {
    onProgress?.(index)
    const ref: TranscriptRef = {
      name: summary.name,
      title: summary.title,
      date: summary.date,
      dateLine: summary.dateLine,
      id: summary.id,
    }
    for (const voices of speakerAppearances(readTranscriptJson(summary.name, cache))) {
      let entry = entries.get(voices.key)
      if (!entry) {
        entry = {
          key: voices.key,
          name: voices.name,
          kind: voices.kind,
          turns: 0,
          transcripts: 0,
          first: summary.date,
          last: summary.date,
          pages: [],
          roles: [],
          in: [],
        }
        entries.set(voices.key, entry)
      }
      entry.transcripts += 1
      entry.last = summary.date
      for (const role of voices.roles) if (!entry.roles.includes(role)) entry.roles.push(role)
      if (voices.voices) {
        const sum = entry.voices ?? { voices: 0, exact: true }
        entry.voices = { voices: sum.voices + voices.voices.voices, exact: sum.exact && voices.voices.exact }
      }
      entry.in.push({
        ...ref,
        turns: voices.turns.length,
        page: entry.pages.length + 1,
        ...(voices.voices ? { voices: voices.voices } : {}),
      })
      let appearance: Appearance | undefined
      for (const turn of voices.turns) {
        if (!appearance) {
          const list = pending.get(voices.key) ?? []
          pending.set(voices.key, list)
          appearance = { transcript: ref, turns: [], continued: list.length === 0 && endedIn.get(voices.key) === summary.name }
          list.push(appearance)
        }
        appearance.turns.push(turn)
        entry.turns += 1
        const count = (pendingTurns.get(voices.key) ?? 0) + 1
        pendingTurns.set(voices.key, count)
        if (count >= TURNS_PER_PAGE) {
          flush(entry)
          appearance = undefined
        }
      }
    }
  }
  for (const entry of entries.values()) flush(entry)
  const directory = sortSpeakers([...entries.values()])
  writeFileSync(join(next, 'index.json'), JSON.stringify(directory))
  rmSync(target, { recursive: true, force: true })
  renameSync(next, target)
  return directory
}

/** Every speaker: people by surname, then the unidentified voices (if any). */
export function readSpeakerDirectory(cache = siteCacheFolder()): SpeakerEntry[] {
  const path = join(folder(cache), 'index.json')
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as SpeakerEntry[]) : []
}

/** One page (1-based) of a speaker's turns. */
export function readSpeakerPage(key: string, page: number, cache = siteCacheFolder()): SpeakerPage {
  return JSON.parse(readFileSync(pageFile(folder(cache), key, page), 'utf8')) as SpeakerPage
}
