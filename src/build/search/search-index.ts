/**
 * The search index of a collection, with Pagefind's Node API (no extra CLI step), from each transcript's
 * public JSON (the data the loader validated). Each record is a transcript as a small HTML page made from
 * the JSON (records.ts) whose sections land on turns; the transcript pages themselves are not indexed,
 * they would only duplicate the records. Then the tables (tables.ts), read back from Pagefind's own
 * fragments.
 *
 * Pagefind's index is in parts (./parts.ts, ./index-parts.ts): a part whose records an earlier build
 * indexed is placed again from the cache. It streams: a part's records are held while they are made and
 * the last part's while Pagefind indexes it, and one fragment at a time is read back, so memory does not
 * grow with the collection's text. Each stage logs its progress. A failure
 * (Pagefind's or a transcript's) is a SearchBuildError with one clear message, for the build to report
 * without a stack trace.
 */
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { groupSize, HEAD_SIZE, parseFragmentText, SPEAKERS_PATH, UNNAMED_LABEL, type Manifest } from '../../contract/search.ts'
import { transcriptLabels } from './records.ts'
import { readPagefindParts } from './pagefind-files.ts'
import { indexParts } from './index-parts.ts'
import { cutParts, PART_SIZE, partsFolder, PartStore } from './parts.ts'
import { fragmentId, recordRow, TableWriter, type RecordRow } from './tables.ts'
import { HeadCollector, writeHeads } from './heads.ts'
import { passageSink, type SequenceHeads } from './passage-thread.ts'
import { Spellings, writeWordTables } from './words.ts'
import { GzipMemory } from './gzip-memory.ts'
import { PartFiles, type PartReading } from './part-files.ts'
import { piecesKept } from './part-pieces.ts'
import { SearchBuildError, type SearchIndexSource } from './read.ts'
import { counted, progress } from '../../contract/progress.ts'

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
  /** Transcripts in a part of Pagefind's index, about (./parts.ts); by default PART_SIZE. */
  partSize?: number
  /**
   * A folder of the cache where Pagefind's parts are kept between builds: a part whose records did not
   * change is placed again from there, not indexed. Without it every part is indexed, into the site.
   */
  partsCache?: string
  /**
   * A folder of the cache where each part's pieces of the tables (its postings and heads of word
   * sequences) are kept between builds: a part whose records and labels did not change is not gathered
   * again (part-pieces.ts). Without it, every part's are gathered.
   */
  piecesCache?: string
  /**
   * A folder of the cache where each part's reading back (its records' rows, its words' first places,
   * its passages' files) is kept between builds (part-files.ts): a part whose pieces are kept is not
   * read back again. Without it, every part is read.
   */
  readingsCache?: string
  /** A digest of the build's code: pieces kept by other code are not taken. */
  code?: string
  /**
   * The last build's output (the cache's kept search): a word table or head whose text is the same as
   * there is linked from it, not compressed again (gzip-memory.ts). Without it, every file is compressed.
   */
  keptOutput?: string
}

/**
 * The search index of a collection: Pagefind's, in parts (`pagefind/<part>/`), and the tables (`search/`). Throws
 * SearchBuildError with a readable message when anything fails.
 */
export async function buildSearchIndex({
  site,
  names,
  read,
  readLabel = read,
  digest,
  log,
  groupSize: chosenSize,
  wordFileTarget,
  headSize,
  partSize = PART_SIZE,
  partsCache,
  piecesCache,
  readingsCache,
  code = '',
  keptOutput,
}: SearchIndexOptions): Promise<Manifest> {
  const memory = keptOutput === undefined ? undefined : new GzipMemory(keptOutput, site)
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

  // Records of `size` consecutive transcripts (one each for a small collection), in parts of about
  // `partSize` transcripts, each Pagefind's own index: only the parts not kept by an earlier build are indexed.
  const size = chosenSize ?? groupSize(names.length)
  const store = new PartStore(site, partsCache)
  const cut = cutParts(names, partSize)
  const indexed = await indexParts({ parts: cut, size, read, labels, store, log, digest, code })
  const { info, speakerKeys, passages } = indexed
  await store.prune([...indexed.names, ...indexed.sourceFiles])

  // Read back from Pagefind's fragments on disk, one at a time, every part's in turn: each transcript's
  // passages, each record's transcripts, and the rows of the tables.
  const partDirs = indexed.names.map((part) => join(partsFolder(site), part))
  const index = await readPagefindParts(partDirs)
  const pageOf = new Map(index.pages.map((hash, page) => [hash, page]))
  // Part by part, and by file name within a part (Pagefind's hash of each record's fragment): the order
  // the passages' thread gathers each part's pieces in (passage-thread.ts), which numbers the postings'
  // transcripts and decides which word triples are gathered (sequences.ts).
  const fragmentsOf = async (dir: string) =>
    (await readdir(join(dir, 'fragment'))).filter((file) => fragmentId(`fragment/${file}`) !== undefined).sort()
  const tables = new TableWriter({ groupSize: size })
  const rows = new Map<string, RecordRow>()
  const spellings = new Spellings()
  // Each record's passages and word sequences are worked out beside the tables, in a thread of their own.
  // A part gathers a pair's triples once the pair is met in more than its head's share of a part: about
  // the pairs whose head over the whole collection leaves transcripts out (one part: the head's size).
  const tripleAfter = Math.ceil((headSize ?? HEAD_SIZE) / Math.max(1, cut.length))
  // What a part's pieces of the tables are made from (part-pieces.ts): its records (the part's name), what
  // the tables know of its transcripts (their labels: a head ranks its rows by their order, which other
  // parts' labels do not change), the heads' size, `tripleAfter` and the code that makes them.
  const pieceKeys = indexed.names.map((part, i) =>
    createHash('sha256')
      .update(
        `${part}\0${code}\0${headSize ?? ''}\0${tripleAfter}\0${JSON.stringify(cut[i]!.map((name) => [name, info.get(name) ?? null]))}`,
      )
      .digest('hex')
      .slice(0, 32),
  )
  const passageWriter = passageSink({ site, info: [...info], headSize, tripleAfter, parts: pieceKeys, piecesCache }, names.length)
  // A part whose pieces and reading an earlier build kept is not read back (part-files.ts).
  const partFiles = new PartFiles(readingsCache)
  const keptReadings = await Promise.all(
    pieceKeys.map(async (key) => (piecesKept(piecesCache, key) ? await partFiles.read(key) : undefined)),
  )
  const toRead = await Promise.all(partDirs.map(async (dir, part) => (keptReadings[part] ? [] : await fragmentsOf(dir))))
  const reading = progress(log, 'search tables', 'records', { total: toRead.reduce((sum, files) => sum + files.length, 0) })
  const readThisTime: Array<{ key: string; reading: PartReading }> = []
  let unread = 0
  await mkdir(join(site, 'search'), { recursive: true })
  await writeFile(join(site, SPEAKERS_PATH), JSON.stringify(speakerKeys))
  const lookup = (name: string) => info.get(name)
  let collector: HeadCollector
  let words: Awaited<ReturnType<typeof writeWordTables>>
  let ending: Promise<SequenceHeads>
  // A failure here stops the passages' thread too.
  try {
    let done = 0
    for (const [part, dir] of partDirs.entries()) {
      const offset = index.parts[part]!.offset
      const kept = keptReadings[part]
      if (kept) {
        for (const row of kept.rows) {
          tables.add(row)
          rows.set(row.id, row)
        }
        spellings.merge(kept.spellings, offset)
        await partFiles.place(pieceKeys[part]!, site)
        unread += kept.rows.length
        continue
      }
      const partSpellings = new Spellings()
      const read: PartReading = { rows: [], spellings: [], names: [] }
      for (const file of toRead[part]!) {
        const id = fragmentId(`fragment/${file}`)!
        const fragment = parseFragmentText(gunzipSync(await readFile(join(dir, 'fragment', file))).toString('utf8'))
        const row = recordRow(id, fragment, lookup)
        tables.add(row)
        rows.set(id, row)
        read.rows.push(row)
        read.names.push(...row.names)
        partSpellings.add(pageOf.get(id) ?? -1, fragment.content)
        await passageWriter.add(id, fragment, part)
        reading.update(++done)
      }
      read.spellings = partSpellings.entries(offset)
      spellings.merge(read.spellings, offset)
      readThisTime.push({ key: pieceKeys[part]!, reading: read })
    }
    reading.finish(unread > 0 ? `${counted(unread)} records of kept parts unread` : undefined)
    // The passages' thread merges the parts' pieces while the word tables are written.
    ending = passageWriter.end()
    ending.catch(() => {}) // awaited below; a failure of the word tables stops the thread first
    // The labels the word tables' rows carry: every record's, and the label of a transcript it does not name.
    collector = new HeadCollector([...[...rows.values()].flatMap((row) => row.labels), UNNAMED_LABEL], headSize)
    const chunks = index.parts.reduce((sum, part) => sum + part.chunks.length, 0)
    const counting = progress(log, 'search words', 'index chunks', { total: chunks })
    words = await writeWordTables(
      site,
      index,
      rows,
      spellings,
      (done) => counting.update(done),
      wordFileTarget,
      collector,
      memory,
    )
    counting.finish(`${(words.bytes / 1000).toFixed(0)} KB written`)
    rows.clear()
  } catch (error) {
    await passageWriter.abort()
    throw error
  }
  const sequences = await ending
  // Every passage written: each part read this time is kept with its files, for the next build. A cache
  // that cannot be written costs the next build its time, not this one its search.
  try {
    for (const { key, reading: kept } of readThisTime) await partFiles.save(key, kept, site)
    await partFiles.prune(pieceKeys)
  } catch (error) {
    log(`search tables: the parts' readings could not be kept for the next build (${(error as Error).message})`)
  }
  const heads = await writeHeads(site, collector.end(), words.indexedAs, sequences.heads, undefined, memory)
  await memory?.save()
  const n = (count: number) => count.toLocaleString('en')
  log(
    `search words: heads of ${n(collector.heads.size)} words, ${n(sequences.count.pairs)} pairs and ${n(sequences.count.triples)} triples in ${heads.buckets} files, ${(heads.bytes / 1000).toFixed(0)} KB`,
  )

  log(
    `search postings: ${n(sequences.postings.buckets)} buckets and ${n(sequences.postings.own)} keys' own files, ${(sequences.postings.bytes / 1000).toFixed(0)} KB; ${counted(sequences.postings.parts)} part${sequences.postings.parts === 1 ? '' : 's'}: ${counted(sequences.postings.gathered)} gathered, ${counted(sequences.postings.parts - sequences.postings.gathered)} kept`,
  )
  const files = tables.files({ heads: heads.buckets, postings: sequences.postings.buckets, parts: indexed.names })
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
