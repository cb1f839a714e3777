/**
 * Pagefind's index of a collection, in parts (./parts.ts): each transcript's JSON made into its record's
 * HTML (records.ts), a part's records named by their hash, and only a part not kept by an earlier build
 * given to Pagefind. What the tables need of every transcript (its label and passages' filters, the
 * speakers' keys) is gathered on the way, from kept parts as from built ones.
 *
 * Pagefind indexes in its own process: while it indexes one part, the next part's records are read and
 * made here. A part whose sources are kept (./part-sources.ts: its transcripts' digests and labels
 * unchanged) is placed again without reading its transcripts.
 */
import * as pagefind from 'pagefind'
import type { TranscriptJson } from '../../core/schema.ts'
import type { SpeakerKeys } from '../../contract/search.ts'
import { groupHtml, recordFilters, recordHtml, transcriptRecord, type SearchRecord } from './records.ts'
import { dropUnread, PartName, pagefindVersion, type PartStore } from './parts.ts'
import { readSources, sourcesFile, sourcesKey, writeSources, type PartSources } from './part-sources.ts'
import { SearchBuildError } from './read.ts'
import type { TranscriptInfo } from './tables.ts'
import { counted, progress } from '../../contract/progress.ts'

/** Records handed to Pagefind before the oldest of them must be indexed. */
const IN_FLIGHT = 8

export interface PartsSource {
  /** The collection cut in parts (cutParts), each part's names in order. */
  parts: string[][]
  /** Transcripts per Pagefind record. */
  size: number
  read: (name: string) => Promise<TranscriptJson>
  labels: Map<string, string>
  store: PartStore
  log: (message: string) => void
  /** Each transcript's digest: with it and a store, a part whose sources are kept is not read again. */
  digest?: (name: string) => string | undefined
  /** The search build's code (a part's sources kept by other code are not taken). */
  code?: string
}

export interface IndexedParts {
  /** Each part's name (its folder under `pagefind/`), in the parts' order. */
  names: string[]
  /** What the tables need of each transcript of a record of several. */
  info: Map<string, TranscriptInfo>
  speakerKeys: SpeakerKeys
  passages: number
  /** Records in all, and parts given to Pagefind (the others were kept). */
  records: number
  built: number
  /** Parts placed from their kept sources, none of their transcripts read. */
  unread: number
  /** The files of the parts' cache this build's sources are kept in (the store keeps these and the parts). */
  sourceFiles: string[]
}

interface PartRecord {
  url: string
  html: string
  names: string[]
}

export async function indexParts({
  parts,
  size,
  read,
  labels,
  store,
  log,
  digest,
  code = '',
}: PartsSource): Promise<IndexedParts> {
  const result: IndexedParts = {
    names: [],
    info: new Map(),
    speakerKeys: {},
    passages: 0,
    records: 0,
    built: 0,
    unread: 0,
    sourceFiles: [],
  }
  const total = parts.reduce((sum, part) => sum + part.length, 0)
  const indexing = progress(log, 'search index', 'transcripts', { total })
  const context = { digest: digest ?? (() => undefined), labels, size, code: `${code}\0pagefind ${pagefindVersion}` }
  let done = 0
  /** The part Pagefind is indexing: awaited before the next is given to it. */
  let pending: Promise<void> = Promise.resolve()
  try {
    for (const part of parts) {
      const key = store.folder === undefined ? undefined : sourcesKey(part, context)
      const kept = key === undefined ? undefined : await readSources(store.folder!, key)
      if (kept && store.has(kept.part)) {
        add(result, kept)
        result.unread += 1
        result.sourceFiles.push(sourcesFile(key!))
        done += part.length
        indexing.update(done)
        await pending
        await store.place(kept.part)
        continue
      }
      const sources: PartSources = { part: '', records: 0, passages: 0, voices: [], info: [] }
      const voices = new Set<string>()
      const records: PartRecord[] = []
      const name = new PartName()
      for (let from = 0; from < part.length; from += size) {
        const group = part.slice(from, from + size)
        const members: SearchRecord[] = []
        let record: PartRecord | undefined
        for (const transcript of group) {
          const json = await read(transcript)
          const one = transcriptRecord(json)
          for (const voice of one.voices) {
            const seen = `${voice[0]}\0${voice[1]}`
            if (voices.has(seen)) continue
            voices.add(seen)
            sources.voices.push(voice)
          }
          const label = labels.get(json.name) ?? json.name
          sources.passages += one.sections.length
          if (size === 1) record = { url: one.url, html: recordHtml(one, json, label), names: group }
          else {
            sources.info.push([transcript, { label, filters: recordFilters(one, json, label) }])
            members.push(one)
          }
          indexing.update(++done)
        }
        // A record of several is named by its first transcript: the same records, the same part.
        record ??= { url: `/search/records/${encodeURIComponent(group[0]!)}/`, html: groupHtml(members, group), names: group }
        name.add(record.url, record.html)
        records.push(record)
      }
      sources.part = name.name()
      sources.records = records.length
      add(result, sources)
      await pending
      const keep = async () => {
        if (key === undefined) return
        await writeSources(store.folder!, key, sources)
        result.sourceFiles.push(sourcesFile(key))
      }
      if (store.has(sources.part)) {
        await store.place(sources.part)
        await keep()
        continue
      }
      result.built += 1
      pending = indexPart(sources.part, records, store).then(keep)
      pending.catch(() => {}) // awaited before the next part, or below; a failure must not go unhandled meanwhile
    }
    await pending
  } finally {
    await pagefind.close()
  }
  const inParts = `${counted(parts.length)} part${parts.length === 1 ? '' : 's'}: ${counted(result.built)} indexed, ${counted(parts.length - result.built)} kept${result.unread > 0 ? `, ${counted(result.unread)} of them unread` : ''}`
  indexing.finish(size > 1 ? `${counted(result.records)} records of ${size}; ${inParts}` : inParts)
  return result
}

/** A part's sources added to the collection's, in the parts' order. */
function add(result: IndexedParts, sources: PartSources): void {
  result.names.push(sources.part)
  result.records += sources.records
  result.passages += sources.passages
  for (const [key, value] of sources.voices) {
    const values = result.speakerKeys[key] ?? []
    result.speakerKeys[key] = values
    if (!values.includes(value)) values.push(value)
  }
  for (const [name, info] of sources.info) result.info.set(name, info)
}

/** One part given to Pagefind, written and kept. */
async function indexPart(part: string, records: PartRecord[], store: PartStore): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' })
  if (!index) throw new SearchBuildError(`Pagefind could not start: ${errors.join('; ') || 'no reason given'}`)
  const inFlight: Array<Promise<void>> = []
  for (const { url, html, names } of records) {
    const adding = index.addHTMLFile({ url, content: html }).then((added) => {
      if (added.errors.length > 0)
        throw new SearchBuildError(`Pagefind could not index ${names.join(', ')}: ${added.errors.join('; ')}`)
    })
    adding.catch(() => {}) // awaited below, in order
    inFlight.push(adding)
    if (inFlight.length >= IN_FLIGHT) await inFlight.shift()
  }
  for (const adding of inFlight) await adding
  const folder = await store.scratch(part)
  const written = await index.writeFiles({ outputPath: folder })
  if (written.errors.length > 0) throw new SearchBuildError(`Pagefind could not write its index: ${written.errors.join('; ')}`)
  await index.deleteIndex()
  await dropUnread(folder)
  await store.built(part)
}
