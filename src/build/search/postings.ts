/**
 * The postings (src/contract/postings.ts): for every word, the sections holding it, and for every pair of
 * words side by side, the sections holding it with its places; gathered as each transcript's passages are
 * written (passage-thread.ts, from the one reading of passage-words.ts) and written at the end, a bucket
 * of keys to a file and a file of its own (its places apart) for each common key. They let the page count
 * a quoted phrase exactly (src/browser/search/exact-count.ts), never by reading passages' text.
 */
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { bucketOf, piecesFor, sequenceKey } from '../../contract/search.ts'
import {
  EDITORIAL_CODE,
  encodeNumbers,
  NOTE_CODE,
  OWN_FILE_BYTES,
  POSTING_FILE_TARGET,
  postingBucketPath,
  postingFilePath,
  postingPlacesPath,
  postingTranscriptsPath,
  SPEAKER_CODE,
  TRANSCRIPTS_PER_FILE,
  type OwnEntry,
  type PostingEntry,
  type PostingFile,
  type PostingTranscripts,
} from '../../contract/postings.ts'
import { GzipFiles } from './gzip-files.ts'
import type { TranscriptWords, WordDictionary } from './passage-words.ts'

/** About this many characters per number kept (one or two each, as `encodeNumbers` writes them), to size the files. */
const CHARS_PER_NUMBER = 1.4

export interface PostingsWritten {
  buckets: number
  /** Keys with a file of their own. */
  own: number
  bytes: number
}

/**
 * Per key, a growing Int32Array: for each transcript holding it, its serial, its number of entries, then
 * the entries (a word's sections; a pair's (section, place) pairs). Tens of millions of places at 10,000
 * generated transcripts: half the memory of arrays of numbers.
 */
class Streams {
  readonly streams: Int32Array[] = []
  readonly lengths: number[] = []

  add(key: number, serial: number, entries: number, list: number[]): void {
    const at = this.lengths[key] ?? 0
    const needed = at + 2 + list.length
    let stream = this.streams[key] ?? new Int32Array(0)
    if (needed > stream.length) {
      const grown = new Int32Array(Math.max(needed, stream.length * 2, 8))
      grown.set(stream.subarray(0, at))
      this.streams[key] = stream = grown
    }
    stream[at] = serial
    stream[at + 1] = entries
    stream.set(list, at + 2)
    this.lengths[key] = needed
  }
}

/** A key to write: a word (by id) or a pair (by number). */
type Key = { word: number } | { pair: number }

export class PostingCollector {
  private readonly dictionary: WordDictionary
  private readonly words = new Streams()
  private readonly pairs = new Streams()
  /** By serial: each transcript's name, label and speakers (its codes' numbering). */
  private readonly transcripts: PostingTranscripts = []
  /** Per transcript, each section's code (`NOTE_CODE`, `EDITORIAL_CODE` or `SPEAKER_CODE` + its speaker's index there). */
  private readonly codes: Int32Array[] = []

  constructor(dictionary: WordDictionary) {
    this.dictionary = dictionary
  }

  /** One transcript's passages, as read once (passage-words.ts). */
  add(name: string, label: string, read: TranscriptWords): void {
    const speakers: string[] = []
    const serial = this.transcripts.push([name, label, speakers]) - 1
    const speakerId = (speaker: string) => {
      const at = speakers.indexOf(speaker)
      return at < 0 ? speakers.push(speaker) - 1 : at
    }
    this.codes.push(
      Int32Array.from(read.sections, ({ kind, speaker }) =>
        kind === 'footnote' ? NOTE_CODE : kind === 'editorial' ? EDITORIAL_CODE : SPEAKER_CODE + speakerId(speaker ?? ''),
      ),
    )
    const words = new Map<number, number[]>()
    const pairs = new Map<number, number[]>()
    const { ids, starts } = read
    for (let section = 0; section < starts.length - 1; section++) {
      // Places count from each section's first word: small numbers, and a phrase never spans two sections.
      for (let i = starts[section]!, place = 0; i < starts[section + 1]!; i++, place++) {
        const list = words.get(ids[i]!)
        if (!list) words.set(ids[i]!, [section])
        else if (list.at(-1) !== section) list.push(section)
        const pair = read.pairs[i]!
        if (pair < 0) continue
        const at = pairs.get(pair)
        if (at) at.push(section, place - 1)
        else pairs.set(pair, [section, place - 1])
      }
    }
    for (const [id, list] of words) this.words.add(id, serial, list.length, list)
    for (const [id, list] of pairs) this.pairs.add(id, serial, list.length / 2, list)
  }

  private keyOf(key: Key): string {
    const { words } = this.dictionary
    if ('word' in key) return words[key.word]!
    const [a, b] = this.dictionary.pairs.ids(key.pair)
    return sequenceKey([words[a!]!, words[b!]!])
  }

  /** How many transcripts hold a key. */
  private rowsOf(key: Key): number {
    const isWord = 'word' in key
    const { streams, lengths } = isWord ? this.words : this.pairs
    const id = isWord ? key.word : key.pair
    const stream = streams[id]!
    let rows = 0
    for (let i = 0; i < lengths[id]!; i += 2 + stream[i + 1]! * (isWord ? 1 : 2)) rows += 1
    return rows
  }

  private sizeOf(key: Key): number {
    return ('word' in key ? this.words.lengths[key.word] : this.pairs.lengths[key.pair])! * CHARS_PER_NUMBER
  }

  /** Every key's entry, written into `site`; the streams are let go of as they are written. */
  async write(site: string): Promise<PostingsWritten> {
    await mkdir(join(site, dirname(postingBucketPath(0))), { recursive: true })
    const out = new GzipFiles()
    const keys: Key[] = []
    for (let word = 0; word < this.dictionary.words.length; word++) if (this.words.lengths[word]) keys.push({ word })
    for (let pair = 0; pair < this.pairs.lengths.length; pair++) if (this.pairs.lengths[pair]) keys.push({ pair })
    let rest = 0
    for (const key of keys) if (this.sizeOf(key) <= OWN_FILE_BYTES) rest += this.sizeOf(key) + this.keyOf(key).length + 20
    const buckets = piecesFor(rest, POSTING_FILE_TARGET)
    const inBucket: Array<Array<[string, Key | OwnEntry]>> = Array.from({ length: buckets }, () => [])
    let own = 0
    for (const key of keys) {
      const text = this.keyOf(key)
      if (this.sizeOf(key) <= OWN_FILE_BYTES) {
        inBucket[bucketOf(text, buckets)]!.push([text, key])
        continue
      }
      const n = own++
      const rows = this.rowsOf(key)
      const file = this.file([[text, key]])
      const entry = file.keys[text] as PostingEntry
      const size = entry.t.length + entry.n.length + entry.s.length + entry.c.length + (entry.p?.length ?? 0)
      if (entry.p !== undefined) {
        await out.write(join(site, postingPlacesPath(n)), JSON.stringify(entry.p))
        delete entry.p
      }
      await out.write(join(site, postingFilePath(n)), JSON.stringify(file))
      inBucket[bucketOf(text, buckets)]!.push([text, [n, size, rows]])
    }
    for (const [n, entries] of inBucket.entries()) {
      const file = this.file(entries.filter((entry): entry is [string, Key] => !Array.isArray(entry[1])))
      for (const [text, entry] of entries) if (Array.isArray(entry)) file.keys[text] = entry
      await out.write(join(site, postingBucketPath(n)), JSON.stringify(file))
      inBucket[n] = []
    }
    for (let from = 0; from < this.transcripts.length; from += TRANSCRIPTS_PER_FILE) {
      const part = this.transcripts.slice(from, from + TRANSCRIPTS_PER_FILE)
      await out.write(join(site, postingTranscriptsPath(from / TRANSCRIPTS_PER_FILE)), JSON.stringify(part))
    }
    await out.done()
    return { buckets, own, bytes: out.bytes }
  }

  /** The file of some keys: their entries. */
  private file(keys: Array<[string, Key]>): PostingFile {
    const file: PostingFile = { keys: {} }
    for (const [text, key] of keys) {
      const isWord = 'word' in key
      const { streams, lengths } = isWord ? this.words : this.pairs
      const id = isWord ? key.word : key.pair
      const stream = streams[id]!
      const t: number[] = []
      const n: number[] = []
      const s: number[] = []
      const c: number[] = []
      const p: number[] = []
      let before = 0
      for (let i = 0; i < lengths[id]!; ) {
        const serial = stream[i]!
        const count = stream[i + 1]!
        i += 2
        t.push(serial - before)
        before = serial
        const codes = this.codes[serial]!
        let sections = 0
        let last = 0
        for (let k = 0; k < count; ) {
          const section = stream[i]!
          s.push(section - last)
          last = section
          sections += 1
          c.push(codes[section] ?? EDITORIAL_CODE)
          if (isWord) {
            i += 1
            k += 1
            continue
          }
          // This section's places, as steps, each doubled and odd when another follows (`PostingEntry.p`).
          const from = i
          while (k < count && stream[i] === section) {
            i += 2
            k += 1
          }
          let place = 0
          for (let j = from; j < i; j += 2) {
            p.push((stream[j + 1]! - place) * 2 + (j + 2 < i ? 1 : 0))
            place = stream[j + 1]!
          }
        }
        n.push(sections)
      }
      const entry: PostingEntry = {
        t: encodeNumbers(t),
        n: encodeNumbers(n),
        s: encodeNumbers(s),
        c: encodeNumbers(c),
      }
      if (!isWord) entry.p = encodeNumbers(p)
      file.keys[text] = entry
      streams[id] = new Int32Array(0)
      lengths[id] = 0
    }
    return file
  }
}
