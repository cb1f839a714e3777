/**
 * Each Pagefind record read back, cut into its transcripts' passages (tables.ts `splitRecord`), written as
 * `search/passages/<name>.json.gz` with the record's list of transcripts, and each transcript's word pairs
 * and triples gathered for the phrase heads (sequences.ts): in a thread of their own. The tables and word stages run one
 * after the other on one core, and this was about half of the tables' work and most of their garbage
 * (hundreds of thousands of pairs at 10,000 transcripts); here it takes the other core. A small
 * collection does it in this thread, as a worker's start would cost more than it saves.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import {
  passagesPath,
  recordPath,
  UNNAMED_LABEL,
  type Fragment,
  type RecordTranscripts,
  type WordHead,
} from '../../contract/search.ts'
import { GzipFiles } from './gzip-files.ts'
import { SequenceCollector } from './sequences.ts'
import { PostingCollector } from './postings.ts'
import { PostingParts, type PostingsWritten } from './posting-parts.ts'
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
  /** A folder of the cache where each part's postings are kept between builds (./posting-parts.ts). */
  postingsCache?: string | undefined
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

/** The work itself, wherever it runs. */
export class PassageWriter implements PassageSink {
  private readonly sequences: SequenceCollector
  /** One dictionary and one reading of each transcript's words, for the heads and the postings alike. */
  private readonly dictionary = new WordDictionary()
  private readonly parts: PostingParts
  /** The parts' keys, in order. */
  private readonly keys: string[]
  /**
   * Each part's postings, gathered as its records come (a part's records need not come together: the
   * parts' records are read in one order, by fragment), unless an earlier build kept them (undefined).
   */
  private readonly postings: Array<PostingCollector | undefined>
  private readonly info: Map<string, TranscriptInfo>
  private readonly site: string
  private ready?: Promise<unknown>
  /** The passages are compressed and written while the next transcript's sequences are gathered. */
  private readonly out = new GzipFiles()

  constructor({ site, info, headSize, tripleSize, parts, postingsCache }: PassageOptions) {
    this.site = site
    this.parts = new PostingParts(postingsCache)
    this.keys = parts ?? [this.parts.unnamed()]
    this.postings = this.keys.map((key) => (this.parts.has(key) ? undefined : new PostingCollector(this.dictionary)))
    this.info = new Map(info)
    // A transcript with no info is labelled UNNAMED_LABEL (below).
    const labels = [...this.info.values()].map((each) => each.label)
    this.sequences = new SequenceCollector([...labels, UNNAMED_LABEL], headSize, tripleSize, this.dictionary)
  }

  async add(id: string, fragment: Fragment, part = 0): Promise<void> {
    const postings = this.postings[part]
    this.ready ??= Promise.all([
      mkdir(join(this.site, 'search', 'passages'), { recursive: true }),
      mkdir(join(this.site, 'search', 'records'), { recursive: true }),
    ])
    await this.ready
    const lookup = (name: string) => this.info.get(name)
    const parts = splitRecord(fragment, lookup)
    for (const part of parts) {
      await this.out.write(join(this.site, passagesPath(part.name)), JSON.stringify(part.passages))
      const read = this.dictionary.read(part.passages)
      this.sequences.add(part.name, lookup(part.name)?.label ?? UNNAMED_LABEL, part.passages, read)
      // The transcript facet's value, as the page's counts name it (sectionValues in browser/search/records.ts).
      postings?.add(part.name, part.passages.filters.transcript?.[0] ?? lookup(part.name)?.label ?? '', read)
    }
    const transcripts: RecordTranscripts = parts.map((part) => [part.name, part.start])
    await writeFile(join(this.site, recordPath(id)), JSON.stringify(transcripts))
  }

  async end(): Promise<SequenceHeads> {
    await this.out.done()
    this.postings.forEach((collector, part) => {
      if (collector) this.parts.save(this.keys[part]!, collector)
      this.postings[part] = undefined
    })
    const postings = await this.parts.write(this.site, this.keys)
    await this.parts.prune(this.keys)
    return { count: this.sequences.count, heads: asJson(this.sequences.heads()), postings }
  }

  async abort(): Promise<void> {
    await this.out.done().catch(() => {})
    await this.parts.discard()
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

/** Each head as its JSON text, written once (heads.ts files the texts as they are). */
function* asJson(heads: Iterable<[string, WordHead]>): Generator<[string, string]> {
  for (const [key, head] of heads) yield [key, JSON.stringify(head)]
}
