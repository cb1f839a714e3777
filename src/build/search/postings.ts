/**
 * The postings (src/contract/postings.ts): for every word, the sections holding it, and for every pair of
 * words side by side, the sections holding it with its places; gathered as each transcript's passages are
 * read (passage-thread.ts, from the one reading of passage-words.ts). A collector gathers one part of the
 * collection (./parts.ts); its entries, in key order, are kept in the cache and merged with the other
 * parts' into the files the page reads (./posting-parts.ts), so a rebuild gathers only the parts that
 * changed. They let the page count a quoted phrase exactly (src/browser/search/exact-count.ts), never by
 * reading passages' text.
 */
import { sequenceKey } from '../../contract/search.ts'
import {
  EDITORIAL_CODE,
  encodeNumbers,
  NOTE_CODE,
  SPEAKER_CODE,
  type PostingEntry,
  type PostingTranscripts,
} from '../../contract/postings.ts'
import type { TranscriptWords, WordDictionary } from './passage-words.ts'

/** One key's entry in a part: its serials count from the part's first transcript. */
export interface PartEntry {
  key: string
  /** The numbers its stream held (two a row, and its sections or (section, place) pairs): what sizes its file. */
  numbers: number
  /** Transcripts holding it. */
  rows: number
  /** Its last row's serial. */
  last: number
  entry: PostingEntry
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

  /** The transcripts added, by serial (from 0). */
  get transcriptList(): PostingTranscripts {
    return this.transcripts
  }

  /**
   * Every key's entry, in key order (`<` on the keys' text), with its serials counted from this collector's
   * first transcript; the streams are let go of as the entries are given.
   */
  *entries(): Generator<PartEntry> {
    const keys: Array<[string, Key]> = []
    for (let word = 0; word < this.dictionary.words.length; word++)
      if (this.words.lengths[word]) keys.push([this.keyOf({ word }), { word }])
    for (let pair = 0; pair < this.pairs.lengths.length; pair++)
      if (this.pairs.lengths[pair]) keys.push([this.keyOf({ pair }), { pair }])
    keys.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    for (const [text, key] of keys) {
      const numbers = 'word' in key ? this.words.lengths[key.word]! : this.pairs.lengths[key.pair]!
      const rows = this.rowsOf(key)
      const { entry, last } = this.entry(key)
      yield { key: text, numbers, rows, last, entry }
    }
  }

  /** One key's entry, and its last row's serial. */
  private entry(key: Key): { entry: PostingEntry; last: number } {
    {
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
      streams[id] = new Int32Array(0)
      lengths[id] = 0
      return { entry, last: before }
    }
  }
}
