/**
 * The postings in parts. Each part of the collection (the parts of Pagefind's index, ./parts.ts) has its
 * postings gathered on their own (postings.ts) and kept, a folder a part, as lines in key order; the files
 * the page reads (src/contract/postings.ts) are then merged from every part's lines, one line of each part
 * held at a time. A part whose postings an earlier build kept is not gathered again: a rebuild after one
 * word changed gathers one part's postings and merges, where it gathered the whole collection's (at 10,000
 * transcripts, a minute of the passages' thread; docs/benchmarks.md).
 *
 * Merging is exact: a key's rows are its parts' rows one after another, the serials of each part following
 * the parts before it, so its columns are the parts' columns joined, each part's first serial step
 * written again (`firstNumber`). Nothing is read back from the site's own files.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { StringDecoder } from 'node:string_decoder'
import { bucketOf, piecesFor } from '../../contract/search.ts'
import {
  encodeNumbers,
  firstNumber,
  OWN_FILE_BYTES,
  POSTING_FILE_TARGET,
  postingBucketPath,
  postingFilePath,
  postingPlacesPath,
  postingTranscriptsPath,
  TRANSCRIPTS_PER_FILE,
  type OwnEntry,
  type PostingEntry,
  type PostingFile,
  type PostingTranscripts,
} from '../../contract/postings.ts'
import { GzipFiles } from './gzip-files.ts'
import type { PostingCollector } from './postings.ts'
import { SearchBuildError } from './read.ts'

/** About this many characters per number kept (one or two each, as `encodeNumbers` writes them), to size the files. */
const CHARS_PER_NUMBER = 1.4

export interface PostingsWritten {
  buckets: number
  /** Keys with a file of their own. */
  own: number
  bytes: number
  /** Parts merged, and those whose postings this build gathered (the others an earlier build kept). */
  parts: number
  gathered: number
}

const LINES = 'postings.txt'
/** How the name of a part no build takes again starts. */
const UNNAMED = 'unnamed-'
const TRANSCRIPTS = 'transcripts.json'

/** A part's line: `key, numbers, rows, last serial, t, n, s, c` and, for a pair, `p`, between tabs. */
interface Piece {
  key: string
  numbers: number
  rows: number
  last: number
  columns: string[]
}

function pieceOf(line: string): Piece {
  const [key, numbers, rows, last, ...columns] = line.split('\t')
  return { key: key!, numbers: Number(numbers), rows: Number(rows), last: Number(last), columns }
}

/** A line's key and its count of numbers, all the first reading needs. */
function sizeOf(line: string): number {
  const from = line.indexOf('\t') + 1
  return Number(line.slice(from, line.indexOf('\t', from)))
}

/** A file's lines, read a megabyte at a time. */
class Lines {
  private readonly fd: number
  private readonly buffer = Buffer.allocUnsafe(1 << 20)
  private readonly decoder = new StringDecoder('utf8')
  private pending: string[] = []
  private at = 0
  private rest = ''
  private ended = false
  /** The line read last and its key, undefined at the file's end. */
  line: string | undefined
  key: string | undefined

  constructor(path: string) {
    this.fd = openSync(path, 'r')
    this.next()
  }

  next(): void {
    while (this.at >= this.pending.length && !this.ended) {
      const read = readSync(this.fd, this.buffer, 0, this.buffer.length, null)
      const text = this.rest + (read > 0 ? this.decoder.write(this.buffer.subarray(0, read)) : this.decoder.end())
      if (read === 0) this.ended = true
      this.pending = text.split('\n')
      this.rest = this.ended ? '' : this.pending.pop()!
      this.at = 0
      if (this.ended) this.pending = this.pending.filter((line) => line !== '')
    }
    if (this.at < this.pending.length) {
      this.line = this.pending[this.at++]!
      this.key = this.line.slice(0, this.line.indexOf('\t'))
    } else {
      this.line = this.key = undefined
      closeSync(this.fd)
    }
  }
}

/** Every key of the parts, in key order, with its lines in the parts' order. */
function* merged(folders: readonly string[]): Generator<{ key: string; lines: Array<{ part: number; line: string }> }> {
  const readers = folders.map((folder) => new Lines(join(folder, LINES)))
  for (;;) {
    let key: string | undefined
    for (const reader of readers) {
      const at = reader.key
      if (at !== undefined && (key === undefined || at < key)) key = at
    }
    if (key === undefined) return
    const lines: Array<{ part: number; line: string }> = []
    readers.forEach((reader, part) => {
      if (reader.key !== key) return
      lines.push({ part, line: reader.line! })
      reader.next()
    })
    yield { key, lines }
  }
}

/**
 * The parts' postings: kept in `folder` (the cache's) between builds, or, without one, in a folder of their
 * own for this build, removed when the files are written.
 */
export class PostingParts {
  private readonly folder: string
  private readonly kept: boolean
  private made = 0
  private saved = 0

  constructor(folder?: string) {
    this.kept = folder !== undefined
    this.folder = folder ?? mkdtempSync(join(tmpdir(), 'search-postings-'))
    mkdirSync(this.folder, { recursive: true })
  }

  /** Whether an earlier build kept the postings of the part `key` names (its transcripts file is written last). */
  has(key: string): boolean {
    return this.kept && !key.startsWith(UNNAMED) && existsSync(join(this.folder, key, TRANSCRIPTS))
  }

  /** A name for a part that no build will take again (records added before any part was named). */
  unnamed(): string {
    return `${UNNAMED}${this.made++}`
  }

  /** Keeps a part's postings, gathered by `collector`; written beside, then put in place, so a stopped build keeps nothing half-written. */
  save(key: string, collector: PostingCollector): void {
    const partial = join(this.folder, `${key}.partial`)
    rmSync(partial, { recursive: true, force: true })
    mkdirSync(partial, { recursive: true })
    const fd = openSync(join(partial, LINES), 'w')
    try {
      let text = ''
      for (const { key: word, numbers, rows, last, entry } of collector.entries()) {
        if (/[\t\n]/.test(word)) throw new SearchBuildError(`the search's postings cannot keep the word “${word}”`)
        const { t, n, s, c, p } = entry
        text += `${word}\t${numbers}\t${rows}\t${last}\t${t}\t${n}\t${s}\t${c}${p === undefined ? '' : `\t${p}`}\n`
        if (text.length >= 1 << 20) {
          writeSync(fd, text)
          text = ''
        }
      }
      writeSync(fd, text)
    } finally {
      closeSync(fd)
    }
    writeFileSync(join(partial, TRANSCRIPTS), JSON.stringify(collector.transcriptList))
    rmSync(join(this.folder, key), { recursive: true, force: true })
    renameSync(partial, join(this.folder, key))
    this.saved += 1
  }

  /** The files the page reads, under `site`, merged from the parts `keys` names, in order. */
  async write(site: string, keys: readonly string[]): Promise<PostingsWritten> {
    const folders = keys.map((key) => join(this.folder, key))
    const transcripts = folders.map((folder) => JSON.parse(readFileSync(join(folder, TRANSCRIPTS), 'utf8')) as PostingTranscripts)
    // Each part's serials follow the parts before it.
    const offsets: number[] = []
    let serials = 0
    for (const list of transcripts) {
      offsets.push(serials)
      serials += list.length
    }

    // First reading: each key's size, for the number of buckets (a key with a file of its own is in none).
    let rest = 0
    for (const { key, lines } of merged(folders)) {
      const size = lines.reduce((sum, { line }) => sum + sizeOf(line), 0) * CHARS_PER_NUMBER
      if (size <= OWN_FILE_BYTES) rest += size + key.length + 20
    }
    const buckets = piecesFor(rest, POSTING_FILE_TARGET)

    // Second reading: each key's entry, in its own file as it comes, or in its bucket.
    mkdirSync(join(site, dirname(postingBucketPath(0))), { recursive: true })
    const out = new GzipFiles()
    const inBucket: Array<Array<[string, PostingEntry | OwnEntry]>> = Array.from({ length: buckets }, () => [])
    let own = 0
    for (const { key, lines } of merged(folders)) {
      const { entry, numbers, rows } = joined(
        lines.map(({ part, line }) => ({ part, piece: pieceOf(line) })),
        offsets,
      )
      if (numbers * CHARS_PER_NUMBER <= OWN_FILE_BYTES) {
        inBucket[bucketOf(key, buckets)]!.push([key, entry])
        continue
      }
      const n = own++
      const size = entry.t.length + entry.n.length + entry.s.length + entry.c.length + (entry.p?.length ?? 0)
      if (entry.p !== undefined) {
        await out.write(join(site, postingPlacesPath(n)), JSON.stringify(entry.p))
        delete entry.p
      }
      const file: PostingFile = { keys: { [key]: entry } }
      await out.write(join(site, postingFilePath(n)), JSON.stringify(file))
      inBucket[bucketOf(key, buckets)]!.push([key, [n, size, rows]])
    }
    for (const [n, entries] of inBucket.entries()) {
      await out.write(
        join(site, postingBucketPath(n)),
        JSON.stringify({ keys: Object.fromEntries(entries) } satisfies PostingFile),
      )
      inBucket[n] = []
    }
    const all = transcripts.flat()
    for (let from = 0; from < all.length; from += TRANSCRIPTS_PER_FILE)
      await out.write(
        join(site, postingTranscriptsPath(from / TRANSCRIPTS_PER_FILE)),
        JSON.stringify(all.slice(from, from + TRANSCRIPTS_PER_FILE)),
      )
    await out.done()
    return { buckets, own, bytes: out.bytes, parts: keys.length, gathered: this.saved }
  }

  /** After a failure: forgets the parts' postings if they are this build's only. */
  async discard(): Promise<void> {
    if (!this.kept) await rm(this.folder, { recursive: true, force: true })
  }

  /** Forgets the parts this build did not use (the folder keeps one collection's), or, not kept, all of them. */
  async prune(used: readonly string[]): Promise<void> {
    if (!this.kept) return rm(this.folder, { recursive: true, force: true })
    const keep = new Set(used)
    for (const entry of await readdir(this.folder))
      if (!keep.has(entry)) await rm(join(this.folder, entry), { recursive: true, force: true })
  }
}

/** One key's entry from its parts' pieces: the columns joined, each part's first serial step made from the serial before. */
function joined(
  pieces: Array<{ part: number; piece: Piece }>,
  offsets: number[],
): { entry: PostingEntry; numbers: number; rows: number } {
  let t = ''
  let n = ''
  let s = ''
  let c = ''
  let p: string | undefined
  let numbers = 0
  let rows = 0
  let before = 0
  for (const { part, piece } of pieces) {
    const [steps = '', sections = '', sectionSteps = '', codes = '', places] = piece.columns
    const first = firstNumber(steps)
    const serial = offsets[part]! + first.value
    t += encodeNumbers([serial - before]) + steps.slice(first.length)
    before = offsets[part]! + piece.last
    n += sections
    s += sectionSteps
    c += codes
    if (places !== undefined) p = (p ?? '') + places
    numbers += piece.numbers
    rows += piece.rows
  }
  return { entry: p === undefined ? { t, n, s, c } : { t, n, s, c, p }, numbers, rows }
}
