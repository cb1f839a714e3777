/**
 * Each Pagefind record read back, cut into its transcripts' passages (tables.ts `splitRecord`), written as
 * `search/passages/<name>.json.gz` with the record's list of transcripts, and each transcript's word pairs
 * and triples gathered for the phrase heads (sequences.ts) and its postings (postings.ts): in a thread of
 * their own. The tables and word stages run one after the other on one core, and this was about half of
 * the tables' work and most of their garbage (hundreds of thousands of pairs at 10,000 transcripts); here
 * it takes the other core. A small collection does it in this thread, as a worker's start would cost more
 * than it saves. Records come part by part (the parts of Pagefind's index): a part's heads and postings
 * are gathered and kept (part-pieces.ts) unless an earlier build kept them, and the parts' are merged at
 * the end, so a rebuild gathers the changed parts only.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import {
  HEAD_SIZE,
  labelPlaces,
  passagesPath,
  placeOf,
  recordPath,
  TRIPLE_HEAD_SIZE,
  UNNAMED_LABEL,
  type Fragment,
  type RecordTranscripts,
} from '../../contract/search.ts'
import { GzipFiles } from './gzip-files.ts'
import { SequenceCollector } from './sequences.ts'
import { PostingCollector } from './postings.ts'
import { savePostings, writePostings, type PostingsWritten } from './posting-parts.ts'
import { mergeHeads, saveHeads } from './head-parts.ts'
import { PartPieces } from './part-pieces.ts'
import { WordDictionary } from './passage-words.ts'
import { SearchBuildError } from './read.ts'
import { splitRecord, type TranscriptInfo } from './tables.ts'

/** Below this many transcripts it is done in this thread. */
const FEW = 24

export interface PassageOptions {
  /** The site's folder. */
  site: string
  /** Each transcript's label and filters, in a collection of several transcripts to a record. */
  info: Array<[string, TranscriptInfo]>
  /** Transcripts in a pair's head and in a triple's (tests make them small). */
  headSize?: number | undefined
  tripleSize?: number | undefined
  /**
   * The collection's parts (./parts.ts), in order, each by a key that changes with anything its postings
   * are made from; a record is added with its part's number. Without them, the collection is one part.
   */
  parts?: string[] | undefined
  /** A part's pairs' triples are gathered once a pair is met in more transcripts than this (sequences.ts); by default the head's size. */
  tripleAfter?: number | undefined
  /** A folder of the cache where each part's postings and heads are kept between builds (./part-pieces.ts). */
  piecesCache?: string | undefined
}

/** The heads of word sequences, each as its key and its JSON text, and how many pairs and triples have one. */
export interface SequenceHeads {
  count: { pairs: number; triples: number }
  heads: Iterable<[key: string, json: string]>
  /** The postings written (postings.ts): what counts phrases exactly. */
  postings: PostingsWritten
}

export interface PassageSink {
  /** One of Pagefind's records, read back: its id, its fragment and its part's number (`PassageOptions.parts`). */
  add(id: string, fragment: Fragment, part?: number): Promise<void>
  /** Every word sequence's head, once every record has been added and written. */
  end(): Promise<SequenceHeads>
  /** Stops the work when the build fails before its end. */
  abort(): Promise<void>
}

/** What the worker is sent. */
export type PassageMessage =
  | { type: 'start'; options: PassageOptions }
  | { type: 'add'; id: string; fragment: Fragment; part: number }
  | { type: 'end' }

/**
 * What the worker answers to `end`: the heads as one text, a line `key<TAB>json` each (a key is words and
 * spaces, JSON escapes its control characters). 565,000 heads at 10,000 transcripts were cloned as arrays
 * across threads, then made JSON twice; as one text, made JSON once, the search build's wait after the word
 * tables fell from 21–22 s to 17 s (standalone builds of the same 10,000, the same heads).
 */
export type PassageReply =
  | { ok: true; count: SequenceHeads['count']; heads: string; postings: PostingsWritten }
  | { ok: false; message: string }

/** The heads as the worker sends them (`PassageReply`). */
export function headsAsText(heads: Iterable<[string, string]>): string {
  const lines: string[] = []
  for (const [key, json] of heads) lines.push(`${key}\t${json}`)
  return lines.join('\n')
}

/** The heads back from the worker's text. */
export function* headsFromText(text: string): Generator<[string, string]> {
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start)
    const line = text.slice(start, end < 0 ? text.length : end)
    const tab = line.indexOf('\t')
    yield [line.slice(0, tab), line.slice(tab + 1)]
    start = end < 0 ? text.length : end + 1
  }
}

export function passageSink(options: PassageOptions, transcripts: number, thread = transcripts >= FEW): PassageSink {
  return thread ? inWorker(options) : new PassageWriter(options)
}

/** One part's collectors: its heads and postings gathered from one dictionary and one reading of each transcript. */
interface Gathering {
  part: number
  dictionary: WordDictionary
  sequences: SequenceCollector
  postings: PostingCollector
}

/** The work itself, wherever it runs. */
export class PassageWriter implements PassageSink {
  private readonly pieces: PartPieces
  /** The parts' keys, in order. */
  private readonly keys: string[]
  /** The part being read, if its pieces are gathered (not kept by an earlier build), and the last part begun. */
  private gathering: Gathering | undefined
  private last = -1
  private readonly info: Map<string, TranscriptInfo>
  /** Every transcript's label (the collectors rank their heads' rows by their places), and their places, for the merge. */
  private readonly labels: string[]
  private readonly places: Map<string, number>
  private readonly headSize: number | undefined
  private readonly tripleSize: number | undefined
  private readonly tripleAfter: number | undefined
  private readonly site: string
  private ready?: Promise<unknown>
  /** The passages are compressed and written while the next transcript's sequences are gathered. */
  private readonly out = new GzipFiles()

  constructor({ site, info, headSize, tripleSize, tripleAfter, parts, piecesCache }: PassageOptions) {
    this.tripleAfter = tripleAfter
    this.site = site
    this.pieces = new PartPieces(piecesCache)
    this.keys = parts ?? [this.pieces.unnamed()]
    this.info = new Map(info)
    this.headSize = headSize
    this.tripleSize = tripleSize
    // A transcript with no info is labelled UNNAMED_LABEL (below).
    this.labels = [...[...this.info.values()].map((each) => each.label), UNNAMED_LABEL]
    this.places = labelPlaces(this.labels)
  }

  private labelOf(name: string): string {
    return this.info.get(name)?.label ?? UNNAMED_LABEL
  }

  /** Begins part `part` (parts come one after another, in order): gathered unless an earlier build kept its pieces. */
  private begin(part: number): void {
    if (part === this.last) return
    if (part < this.last || part >= this.keys.length)
      throw new SearchBuildError(`the search's records came out of their parts' order (part ${part} after ${this.last})`)
    this.seal()
    this.last = part
    if (this.pieces.has(this.keys[part]!)) return
    const dictionary = new WordDictionary()
    this.gathering = {
      part,
      dictionary,
      sequences: new SequenceCollector(this.labels, this.headSize, this.tripleSize, dictionary, this.tripleAfter),
      postings: new PostingCollector(dictionary),
    }
  }

  /** The part being gathered, its pieces kept. */
  private seal(): void {
    const gathering = this.gathering
    if (!gathering) return
    this.gathering = undefined
    this.pieces.save(this.keys[gathering.part]!, (folder) => {
      savePostings(folder, gathering.postings)
      saveHeads(folder, gathering.sequences)
    })
  }

  async add(id: string, fragment: Fragment, part = 0): Promise<void> {
    this.begin(part)
    const gathering = this.gathering
    this.ready ??= Promise.all([
      mkdir(join(this.site, 'search', 'passages'), { recursive: true }),
      mkdir(join(this.site, 'search', 'records'), { recursive: true }),
    ])
    await this.ready
    const parts = splitRecord(fragment, (name) => this.info.get(name))
    for (const part of parts) {
      await this.out.write(join(this.site, passagesPath(part.name)), JSON.stringify(part.passages))
      if (!gathering) continue
      const read = gathering.dictionary.read(part.passages)
      gathering.sequences.add(part.name, this.labelOf(part.name), part.passages, read)
      // The transcript facet's value, as the page's counts name it (sectionValues in browser/search/records.ts).
      gathering.postings.add(part.name, part.passages.filters.transcript?.[0] ?? this.info.get(part.name)?.label ?? '', read)
    }
    const transcripts: RecordTranscripts = parts.map((part) => [part.name, part.start])
    await writeFile(join(this.site, recordPath(id)), JSON.stringify(transcripts))
  }

  async end(): Promise<SequenceHeads> {
    await this.out.done()
    this.seal()
    // A part no record came for (a collection with none) has no pieces to merge.
    const keys = this.keys.filter((key) => this.pieces.holds(key))
    const folders = keys.map((key) => this.pieces.folderOf(key))
    const postings = await writePostings(this.site, folders)
    const count = { pairs: 0, triples: 0 }
    const ranking = {
      place: (name: string) => placeOf(this.places, name, this.labelOf(name)),
      pairSize: this.headSize ?? HEAD_SIZE,
      tripleSize: this.tripleSize ?? TRIPLE_HEAD_SIZE,
    }
    const heads = [...mergeHeads(folders, ranking, count)]
    await this.pieces.prune(keys)
    return { count, heads, postings: { ...postings, parts: keys.length, gathered: this.pieces.saved } }
  }

  async abort(): Promise<void> {
    await this.out.done().catch(() => {})
    await this.pieces.discard()
  }
}

function inWorker(options: PassageOptions): PassageSink {
  const worker = new Worker(new URL('./passage-worker.ts', import.meta.url))
  // The worker works through the records as they come; a failure is told at the end (a record cannot be
  // read back again), and stops it being sent more.
  let stopped: Error | undefined
  const failed = new Promise<never>((_, reject) => {
    worker.once('error', (error) => {
      stopped = error
      reject(error)
    })
    worker.once('exit', (code) => {
      stopped ??= new Error(`it stopped (exit code ${code})`)
      reject(stopped)
    })
  })
  failed.catch(() => {})
  const post = (message: PassageMessage) => {
    if (!stopped) worker.postMessage(message)
  }
  post({ type: 'start', options })
  return {
    add: async (id, fragment, part = 0) => post({ type: 'add', id, fragment, part }),
    abort: async () => {
      await worker.terminate()
    },
    async end() {
      const replied = new Promise<PassageReply>((resolve) => worker.once('message', resolve))
      post({ type: 'end' })
      let reply: PassageReply
      try {
        reply = await Promise.race([replied, failed])
      } catch (error) {
        throw new SearchBuildError(`the search's passages could not be written: ${(error as Error).message}`)
      } finally {
        void worker.terminate()
      }
      if (!reply.ok) throw new SearchBuildError(`the search's passages could not be written: ${reply.message}`)
      return { count: reply.count, heads: headsFromText(reply.heads), postings: reply.postings }
    },
  }
}
