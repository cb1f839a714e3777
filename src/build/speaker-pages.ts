/**
 * The speaker pages' tables: every person's turns across the collection (and the unidentified voices'),
 * in date order, cut into pages of at most `TURNS_PER_PAGE` turns. Written by the loader into the site
 * cache, one small file per page, reading one transcript's JSON at a time; a speaker page reads only its
 * own file. So no page grows with a speaker's share of the archive, and no table is held whole.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  sortSpeakers,
  speakerAppearances,
  type SpeakerAppearance,
  type SpeakerTurn,
  type TranscriptRef,
} from '../collection/speaker-index.ts'
import { pageFile, SpeakerCut, summaryOf, type SpeakerEntry, type SpeakerPage, type VoiceSummary } from './speaker-cut.ts'
import { filesDigest, readTranscriptJson } from './prepare/artifacts.ts'
import { siteCacheFolder } from './paths.ts'
import type { TranscriptSummary } from '../collection/summary.ts'
import { replaceFolder } from './write-whole.ts'

export { TURNS_PER_PAGE, type Appearance, type SpeakerEntry } from './speaker-cut.ts'

/** A digest of the code that cuts the tables (this module and ./speaker-cut.ts), from the project's files. */
export const speakerPagesCode = (root: string): string =>
  filesDigest(root, ['src/build/speaker-pages.ts', 'src/build/speaker-cut.ts'])

function folder(cache: string): string {
  return join(cache, 'speakers')
}

/**
 * What the last tables were made from, beside them: each transcript's digest and speakers (a few hundred
 * bytes a transcript), and the code that cut them. A rebuild reads again only the transcripts whose digest
 * changed and writes only their speakers' pages.
 */
interface Sources {
  code: string
  transcripts: Record<string, { digest: string; voices: VoiceSummary[] }>
}

const SOURCES = 'sources.json'

/**
 * Past this many transcripts read again, the tables are written whole: a rebuild holds the changed
 * transcripts' turns at once, the whole writing one speaker's page at a time.
 */
const INCREMENTAL_AT_MOST = 500

function refOf(summary: TranscriptSummary): TranscriptRef {
  return { name: summary.name, title: summary.title, date: summary.date, dateLine: summary.dateLine, id: summary.id }
}

function readSources(target: string, code: string): Sources | undefined {
  try {
    const sources = JSON.parse(readFileSync(join(target, SOURCES), 'utf8')) as Sources
    return sources.code === code && existsSync(join(target, 'index.json')) ? sources : undefined
  } catch {
    return undefined
  }
}

/**
 * Writes every speaker's pages from the transcripts (in date order) and returns the directory. The new
 * tables are written beside the old and swapped in whole, so a failed build leaves no half-written set.
 * When the last tables' sources are beside them and few transcripts changed, only the speakers of the
 * changed (added, removed) transcripts are cut again, from the turns of their other transcripts in the
 * last tables; every other speaker's folder is moved over as it was. Both ways write the same files.
 */
export function writeSpeakerPages(
  summaries: readonly TranscriptSummary[],
  cache = siteCacheFolder(),
  onProgress?: (done: number, total: number) => void,
  /** A digest of the code that cuts the tables (`speakerPagesCode`): tables cut by other code are written again whole. */
  code = '',
  /** Told why the last tables could not be cut again for what changed, when they are written whole instead. */
  warn?: (message: string) => void,
): SpeakerEntry[] {
  const target = folder(cache)
  const last = readSources(target, code)
  const changed = last ? summaries.filter((summary) => last.transcripts[summary.name]?.digest !== summary.digest) : summaries
  const sources: Sources = { code, transcripts: {} }
  let directory: SpeakerEntry[] = []
  replaceFolder(target, (next) => {
    const whole = () => {
      rmSync(next, { recursive: true, force: true })
      mkdirSync(next, { recursive: true })
      sources.transcripts = {}
      return cutWhole(summaries, next, sources, cache, (done) => onProgress?.(done, summaries.length))
    }
    if (last && changed.length <= INCREMENTAL_AT_MOST) {
      try {
        directory = cutChanged(summaries, changed, last, cache, next, sources, (done) => onProgress?.(done, changed.length))
      } catch (error) {
        // Last tables that do not hold what their sources say (a folder removed by hand): written whole.
        warn?.(
          `speaker pages: the last tables could not be cut again for what changed (${error instanceof Error ? error.message : String(error)}); writing them whole`,
        )
        directory = whole()
      }
    } else directory = whole()
    writeFileSync(join(next, 'index.json'), JSON.stringify(directory))
    writeFileSync(join(next, SOURCES), JSON.stringify(sources))
  })
  return directory
}

/** Every transcript read, every speaker cut, their pages written as they fill. */
function cutWhole(
  summaries: readonly TranscriptSummary[],
  next: string,
  sources: Sources,
  cache: string,
  onProgress?: (done: number) => void,
): SpeakerEntry[] {
  const cuts = new Map<string, SpeakerCut>()
  for (const [index, summary] of summaries.entries()) {
    onProgress?.(index + 1)
    const ref = refOf(summary)
    const appearances = speakerAppearances(readTranscriptJson(summary.name, cache))
    const summarized = appearances.map(summaryOf)
    sources.transcripts[summary.name] = { digest: summary.digest, voices: summarized }
    for (const [i, voices] of appearances.entries()) {
      let cut = cuts.get(voices.key)
      if (!cut) {
        cut = new SpeakerCut(next, summarized[i]!, summary.date)
        cuts.set(voices.key, cut)
      }
      cut.add(ref, summarized[i]!, voices.turns)
    }
  }
  for (const cut of cuts.values()) cut.flush()
  return sortSpeakers([...cuts.values()].map((cut) => cut.entry))
}

/**
 * Only the changed transcripts read: their speakers (and those of transcripts no longer there) cut again,
 * one at a time, each other transcript's turns taken from that speaker's last pages.
 */
function cutChanged(
  summaries: readonly TranscriptSummary[],
  changed: readonly TranscriptSummary[],
  last: Sources,
  cache: string,
  next: string,
  sources: Sources,
  onProgress?: (done: number) => void,
): SpeakerEntry[] {
  const target = folder(cache)
  const fresh = new Map<string, Map<string, SpeakerAppearance>>()
  const affected = new Set<string>()
  for (const [index, summary] of changed.entries()) {
    onProgress?.(index + 1)
    const appearances = speakerAppearances(readTranscriptJson(summary.name, cache))
    fresh.set(summary.name, new Map(appearances.map((voices) => [voices.key, voices])))
    for (const voices of appearances) affected.add(voices.key)
    for (const voices of last.transcripts[summary.name]?.voices ?? []) affected.add(voices.key)
  }
  const names = new Set(summaries.map((summary) => summary.name))
  for (const [name, { voices }] of Object.entries(last.transcripts))
    if (!names.has(name)) for (const { key } of voices) affected.add(key)

  // Each affected speaker's transcripts, in date order, with what they say of the speaker.
  const theirs = new Map<string, Array<{ summary: TranscriptSummary; voices: VoiceSummary }>>()
  for (const summary of summaries) {
    const known = fresh.get(summary.name)
    const voices = known ? [...known.values()].map(summaryOf) : last.transcripts[summary.name]!.voices
    sources.transcripts[summary.name] = { digest: summary.digest, voices }
    for (const one of voices) {
      if (!affected.has(one.key)) continue
      const list = theirs.get(one.key) ?? []
      list.push({ summary, voices: one })
      theirs.set(one.key, list)
    }
  }
  const before = new Map(readSpeakerDirectory(cache).map((entry) => [entry.key, entry]))
  const entries: SpeakerEntry[] = []
  for (const [key, list] of theirs) {
    // The speaker's turns in each unchanged transcript, from their last pages.
    const kept = new Map<string, SpeakerTurn[]>()
    for (let page = 1; page <= (before.get(key)?.pages.length ?? 0); page++)
      for (const { transcript, turns } of readSpeakerPageIn(target, key, page).appearances) {
        const known = kept.get(transcript.name)
        if (known) known.push(...turns)
        else kept.set(transcript.name, [...turns])
      }
    const cut = new SpeakerCut(next, list[0]!.voices, list[0]!.summary.date)
    for (const { summary, voices } of list) {
      const turns = fresh.get(summary.name)?.get(key)?.turns ?? kept.get(summary.name)
      // The last pages must hold what their sources say (else the tables are written whole).
      if (turns?.length !== voices.turns)
        throw new Error(
          `${summary.name}: the last speaker tables hold ${turns?.length ?? 0} turns of ${key}, their sources ${voices.turns}`,
        )
      cut.add(refOf(summary), voices, turns)
    }
    cut.flush()
    entries.push(cut.entry)
  }
  for (const [key, entry] of before) {
    if (affected.has(key)) continue
    renameSync(join(target, key), join(next, key))
    entries.push(entry)
  }
  return sortSpeakers(entries)
}
/** Every speaker: people by surname, then the unidentified voices (if any). */
export function readSpeakerDirectory(cache = siteCacheFolder()): SpeakerEntry[] {
  const path = join(folder(cache), 'index.json')
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as SpeakerEntry[]) : []
}

/** One page (1-based) of a speaker's turns. */
export function readSpeakerPage(key: string, page: number, cache = siteCacheFolder()): SpeakerPage {
  return readSpeakerPageIn(folder(cache), key, page)
}

function readSpeakerPageIn(base: string, key: string, page: number): SpeakerPage {
  return JSON.parse(readFileSync(pageFile(base, key, page), 'utf8')) as SpeakerPage
}
