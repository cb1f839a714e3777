/**
 * Pagefind's index of a collection, in parts (./parts.ts): each transcript's JSON made into its record's
 * HTML (records.ts), a part's records named by their hash, and only a part not kept by an earlier build
 * given to Pagefind. What the tables need of every transcript (its label and passages' filters, the
 * speakers' keys) is gathered on the way, from kept parts as from built ones.
 *
 * Pagefind indexes in its own process: while it indexes one part, the next part's records are read and
 * made here.
 */
import * as pagefind from 'pagefind'
import type { TranscriptJson } from '../../core/schema.ts'
import type { SpeakerKeys } from '../../contract/search.ts'
import { groupHtml, recordFilters, recordHtml, transcriptRecord, type SearchRecord } from './records.ts'
import { dropUnread, PartName, type PartStore } from './parts.ts'
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
}

interface PartRecord {
  url: string
  html: string
  names: string[]
}

export async function indexParts({ parts, size, read, labels, store, log }: PartsSource): Promise<IndexedParts> {
  const result: IndexedParts = { names: [], info: new Map(), speakerKeys: {}, passages: 0, records: 0, built: 0 }
  const total = parts.reduce((sum, part) => sum + part.length, 0)
  const indexing = progress(log, 'search index', 'transcripts', { total })
  let done = 0
  /** The part Pagefind is indexing: awaited before the next is given to it. */
  let pending: Promise<void> = Promise.resolve()
  try {
    for (const part of parts) {
      const records: PartRecord[] = []
      const name = new PartName()
      for (let from = 0; from < part.length; from += size) {
        const group = part.slice(from, from + size)
        const members: SearchRecord[] = []
        let record: PartRecord | undefined
        for (const transcript of group) {
          const json = await read(transcript)
          const one = transcriptRecord(json)
          for (const [key, value] of one.voices) {
            const values = result.speakerKeys[key] ?? []
            result.speakerKeys[key] = values
            if (!values.includes(value)) values.push(value)
          }
          const label = labels.get(json.name) ?? json.name
          result.passages += one.sections.length
          if (size === 1) record = { url: one.url, html: recordHtml(one, json, label), names: group }
          else {
            result.info.set(transcript, { label, filters: recordFilters(one, json, label) })
            members.push(one)
          }
          indexing.update(++done)
        }
        // A record of several is named by its first transcript: the same records, the same part.
        record ??= { url: `/search/records/${encodeURIComponent(group[0]!)}/`, html: groupHtml(members, group), names: group }
        name.add(record.url, record.html)
        records.push(record)
      }
      const partName = name.name()
      result.names.push(partName)
      result.records += records.length
      await pending
      if (store.has(partName)) {
        await store.place(partName)
        continue
      }
      result.built += 1
      pending = indexPart(partName, records, store)
      pending.catch(() => {}) // awaited before the next part, or below; a failure must not go unhandled meanwhile
    }
    await pending
  } finally {
    await pagefind.close()
  }
  const inParts = `${counted(parts.length)} part${parts.length === 1 ? '' : 's'}: ${counted(result.built)} indexed, ${counted(parts.length - result.built)} kept`
  indexing.finish(size > 1 ? `${counted(result.records)} records of ${size}; ${inParts}` : inParts)
  return result
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
