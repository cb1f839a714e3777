/**
 * The postings in parts. Each part of the collection (the parts of Pagefind's index, ./parts.ts) has its
 * postings gathered on their own (postings.ts) and kept in its folder (./part-pieces.ts) as lines in key
 * order; the files the page reads (src/contract/postings.ts) are then merged from every part's lines,
 * one line of each part held at a time (./sorted-lines.ts).
 *
 * Merging is exact: a key's rows are its parts' rows one after another, the serials of each part following
 * the parts before it, so its columns are the parts' columns joined, each part's first serial step
 * written again (`firstNumber`). Nothing is read back from the site's own files.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
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
import { mergeLines, writeLines } from './sorted-lines.ts'

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

/** A line's count of numbers, all the first reading needs. */
function sizeOf(line: string): number {
  const from = line.indexOf('\t') + 1
  return Number(line.slice(from, line.indexOf('\t', from)))
}

/** Writes a part's postings, gathered by `collector`, into its folder (./part-pieces.ts). */
export function savePostings(folder: string, collector: PostingCollector): void {
  writeLines(
    join(folder, LINES),
    (function* () {
      for (const { key, numbers, rows, last, entry } of collector.entries()) {
        if (/[\t\n]/.test(key)) throw new SearchBuildError(`the search's postings cannot keep the word “${key}”`)
        const { t, n, s, c, p } = entry
        yield `${key}\t${numbers}\t${rows}\t${last}\t${t}\t${n}\t${s}\t${c}${p === undefined ? '' : `\t${p}`}`
      }
    })(),
  )
  writeFileSync(join(folder, TRANSCRIPTS), JSON.stringify(collector.transcriptList))
}

/** The files the page reads, under `site`, merged from the parts' folders, in order. */
export async function writePostings(
  site: string,
  folders: readonly string[],
): Promise<Omit<PostingsWritten, 'parts' | 'gathered'>> {
  const transcripts = folders.map((folder) => JSON.parse(readFileSync(join(folder, TRANSCRIPTS), 'utf8')) as PostingTranscripts)
  // Each part's serials follow the parts before it.
  const offsets: number[] = []
  let serials = 0
  for (const list of transcripts) {
    offsets.push(serials)
    serials += list.length
  }
  const paths = folders.map((folder) => join(folder, LINES))

  // First reading: each key's size, for the number of buckets (a key with a file of its own is in none).
  let rest = 0
  for (const { key, lines } of mergeLines(paths)) {
    const size = lines.reduce((sum, { line }) => sum + sizeOf(line), 0) * CHARS_PER_NUMBER
    if (size <= OWN_FILE_BYTES) rest += size + key.length + 20
  }
  const buckets = piecesFor(rest, POSTING_FILE_TARGET)

  // Second reading: each key's entry, in its own file as it comes, or in its bucket.
  mkdirSync(join(site, dirname(postingBucketPath(0))), { recursive: true })
  const out = new GzipFiles()
  const inBucket: Array<Array<[string, PostingEntry | OwnEntry]>> = Array.from({ length: buckets }, () => [])
  let own = 0
  for (const { key, lines } of mergeLines(paths)) {
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
    await out.write(join(site, postingBucketPath(n)), JSON.stringify({ keys: Object.fromEntries(entries) } satisfies PostingFile))
    inBucket[n] = []
  }
  const all = transcripts.flat()
  for (let from = 0; from < all.length; from += TRANSCRIPTS_PER_FILE)
    await out.write(
      join(site, postingTranscriptsPath(from / TRANSCRIPTS_PER_FILE)),
      JSON.stringify(all.slice(from, from + TRANSCRIPTS_PER_FILE)),
    )
  await out.done()
  return { buckets, own, bytes: out.bytes }
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
