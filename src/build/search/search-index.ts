/**
 * The search index of a collection, with Pagefind's Node API (no extra CLI step), from each transcript's
 * public JSON (the data the loader validated). Each record is a transcript as a small HTML page made from
 * the JSON (records.ts) whose sections land on turns; the transcript pages themselves are not indexed,
 * they would only duplicate the records. Then the tables (tables.ts), read back from Pagefind's own
 * fragments.
 *
 * It streams: one transcript's JSON at a time is read, indexed and let go, and one fragment at a time is
 * read back, so memory does not grow with the collection's text. Each stage logs its progress. A failure
 * (Pagefind's or a transcript's) is a SearchBuildError with one clear message, for the build to report
 * without a stack trace.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import * as pagefind from 'pagefind'
import {
  groupSize,
  parseFragmentText,
  SPEAKERS_PATH,
  UNNAMED_LABEL,
  type Manifest,
  type SpeakerKeys,
} from '../../contract/search.ts'
import { groupHtml, recordFilters, recordHtml, transcriptLabels, transcriptRecord, type SearchRecord } from './records.ts'
import { readPagefindMeta } from './pagefind-files.ts'
import { fragmentId, recordRow, TableWriter, type RecordRow, type TranscriptInfo } from './tables.ts'
import { HeadCollector, writeHeads } from './heads.ts'
import { passageSink } from './passage-thread.ts'
import { Spellings, writeWordTables } from './words.ts'
import { SearchBuildError, type SearchIndexSource } from './read.ts'
import { progress } from '../../contract/progress.ts'

/** Records handed to Pagefind before the oldest of them must be indexed. */
const IN_FLIGHT = 8

export interface SearchIndexOptions extends SearchIndexSource {
  /** The site's folder: Pagefind writes `pagefind/`, the tables go to `search/`. */
  site: string
  log: (message: string) => void
  /** Transcripts per Pagefind record; by default `groupSize` of the collection's size. */
  groupSize?: number
  /** Bytes of JSON to a word table file (tests make it small). */
  wordFileTarget?: number
  /** Transcripts in a word's or pair's head (tests make it small, so that searches go past it). */
  headSize?: number
}

/**
 * The search index of a collection: Pagefind's (`pagefind/`) and the tables (`search/`). Throws
 * SearchBuildError with a readable message when anything fails.
 */
export async function buildSearchIndex({
  site,
  names,
  read,
  readLabel = read,
  log,
  groupSize: chosenSize,
  wordFileTarget,
  headSize,
}: SearchIndexOptions): Promise<Manifest> {
  // First pass: the transcripts' facet labels (two with the same date and title get their ids).
  const labelling = progress(log, 'search labels', 'transcripts', { total: names.length })
  const labelSources: Array<{ name: string; id: string; date: string; title: string }> = []
  for (const [i, name] of names.entries()) {
    const { id, date, title } = await readLabel(name)
    labelSources.push({ name, id, date, title })
    labelling.update(i + 1)
  }
  labelling.finish()
  const labels = transcriptLabels(labelSources)
  labelSources.length = 0

  // Records of `size` consecutive transcripts (one each for a small collection).
  const size = chosenSize ?? groupSize(names.length)
  const groups = Array.from({ length: Math.ceil(names.length / size) }, (_, k) => names.slice(k * size, (k + 1) * size))
  /** What the tables need of each transcript of a record of several: its label and its passages' filters. */
  const info = new Map<string, TranscriptInfo>()
  let passages = 0
  /** Each speaker key's facet values: `?speaker=<key>` on the search page (SpeakerKeys). */
  const speakerKeys: SpeakerKeys = {}

  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' })
  if (!index) throw new SearchBuildError(`Pagefind could not start: ${errors.join('; ') || 'no reason given'}`)
  try {
    const indexing = progress(log, 'search index', 'transcripts', { total: names.length })
    let done = 0
    // Pagefind indexes in its own process: the next records are read and made while it works on the last
    // ones (a few in flight, sent in order), instead of this process waiting on each in turn.
    const inFlight: Array<Promise<void>> = []
    const add = (url: string, content: string, group: string[]) =>
      index.addHTMLFile({ url, content }).then((added) => {
        if (added.errors.length > 0)
          throw new SearchBuildError(`Pagefind could not index ${group.join(', ')}: ${added.errors.join('; ')}`)
      })
    for (const [k, group] of groups.entries()) {
      const records: SearchRecord[] = []
      let html = ''
      let url = ''
      for (const name of group) {
        const json = await read(name)
        const record = transcriptRecord(json)
        for (const [key, value] of record.voices) {
          const values = speakerKeys[key] ?? []
          speakerKeys[key] = values
          if (!values.includes(value)) values.push(value)
        }
        const label = labels.get(json.name) ?? json.name
        passages += record.sections.length
        if (size === 1) {
          html = recordHtml(record, json, label)
          url = record.url
        } else {
          info.set(name, { label, filters: recordFilters(record, json, label) })
          records.push(record)
        }
        indexing.update(++done)
      }
      if (size > 1) {
        html = groupHtml(records, group)
        url = `/search/records/${k}/`
      }
      const adding = add(url, html, group)
      adding.catch(() => {}) // awaited below, in order; a failure must not go unhandled meanwhile
      inFlight.push(adding)
      if (inFlight.length >= IN_FLIGHT) await inFlight.shift()
    }
    for (const adding of inFlight) await adding
    indexing.finish(size === 1 ? undefined : `${groups.length} records of ${size}`)

    const writing = progress(log, 'search index', 'records written by Pagefind', { total: groups.length })
    const outputPath = join(site, 'pagefind')
    const written = await index.writeFiles({ outputPath })
    if (written.errors.length > 0) throw new SearchBuildError(`Pagefind could not write its index: ${written.errors.join('; ')}`)
    writing.finish()
  } finally {
    await pagefind.close()
  }

  // Read back from Pagefind's fragments on disk, one at a time: each transcript's passages, each
  // record's transcripts, and the rows of the tables.
  const pagefindDir = join(site, 'pagefind')
  const fragmentDir = join(pagefindDir, 'fragment')
  const meta = await readPagefindMeta(pagefindDir)
  const pageOf = new Map(meta.pages.map((hash, page) => [hash, page]))
  // By file name, Pagefind's hash of each record's fragment: the order word triples are gathered in (sequences.ts).
  const fragments = (await readdir(fragmentDir)).filter((file) => fragmentId(`fragment/${file}`) !== undefined).sort()
  const tables = new TableWriter({ groupSize: size })
  const rows = new Map<string, RecordRow>()
  const spellings = new Spellings()
  // Each record's passages and word sequences are worked out beside the tables, in a thread of their own.
  const passageWriter = passageSink({ site, info: [...info], headSize }, names.length)
  const reading = progress(log, 'search tables', 'records', { total: fragments.length })
  await mkdir(join(site, 'search'), { recursive: true })
  await writeFile(join(site, SPEAKERS_PATH), JSON.stringify(speakerKeys))
  const lookup = (name: string) => info.get(name)
  let collector: HeadCollector
  let words: Awaited<ReturnType<typeof writeWordTables>>
  // A failure here stops the passages' thread too.
  try {
    for (const [i, file] of fragments.entries()) {
      const id = fragmentId(`fragment/${file}`)!
      const fragment = parseFragmentText(gunzipSync(await readFile(join(fragmentDir, file))).toString('utf8'))
      const row = recordRow(id, fragment, lookup)
      tables.add(row)
      rows.set(id, row)
      spellings.add(pageOf.get(id) ?? -1, fragment.content)
      await passageWriter.add(id, fragment)
      reading.update(i + 1)
    }
    reading.finish()
    // The labels the word tables' rows carry: every record's, and the label of a transcript it does not name.
    collector = new HeadCollector([...[...rows.values()].flatMap((row) => row.labels), UNNAMED_LABEL], headSize)
    const counting = progress(log, 'search words', 'index chunks', { total: meta.chunks.length })
    words = await writeWordTables(
      site,
      pagefindDir,
      meta,
      rows,
      spellings,
      (done) => counting.update(done),
      wordFileTarget,
      collector,
    )
    counting.finish(`${(words.bytes / 1000).toFixed(0)} KB written`)
    rows.clear()
  } catch (error) {
    await passageWriter.abort()
    throw error
  }
  const sequences = await passageWriter.end()
  const heads = await writeHeads(site, collector.end(), words.indexedAs, sequences.heads)
  const n = (count: number) => count.toLocaleString('en')
  log(
    `search words: heads of ${n(collector.heads.size)} words, ${n(sequences.count.pairs)} pairs and ${n(sequences.count.triples)} triples in ${heads.buckets} files, ${(heads.bytes / 1000).toFixed(0)} KB`,
  )

  log(
    `search postings: ${n(sequences.postings.buckets)} buckets and ${n(sequences.postings.own)} keys' own files, ${(sequences.postings.bytes / 1000).toFixed(0)} KB`,
  )
  const files = tables.files({ heads: heads.buckets, postings: sequences.postings.buckets })
  let bytes = 0
  let count = 0
  for (let next = files.next(); ; next = files.next()) {
    if (next.done) {
      log(`search tables: ${count} files, ${(bytes / 1000).toFixed(0)} KB`)
      if (next.value.passages !== passages)
        log(`search tables: ${next.value.passages} passages read back from Pagefind, ${passages} indexed`)
      return next.value
    }
    const path = join(site, next.value.path)
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, next.value.text)
    bytes += Buffer.byteLength(next.value.text)
    count += 1
  }
}

/** The message to show for a failure: ours as it is, anything else with its message only. */
export function failureMessage(error: unknown): string {
  if (error instanceof SearchBuildError) return error.message
  return `the search index could not be built: ${error instanceof Error ? error.message : String(error)}`
}
