/**
 * The postings (src/contract/postings.ts): every place of every word, as the phrase check reads words, in
 * every transcript, gathered as each transcript's passages are written (passage-thread.ts) and written at
 * the end, a bucket of words to a file and a file of its own for each common word. They let the page count
 * a quoted phrase exactly (src/browser/search/exact-count.ts) from the places of its words, never by
 * reading passages' text. Kept compact while gathered: one flat array of numbers per word.
 */
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { words } from '../../contract/query.ts'
import { EDITORIAL, encodePositions, NOTE, piecesFor, bucketOf, type Fragment } from '../../contract/search.ts'
import {
  OWN_FILE_BYTES,
  POSTING_FILE_TARGET,
  postingBucketPath,
  postingFilePath,
  type PostingFile,
  type PostingRow,
} from '../../contract/postings.ts'
import { fragmentWords, sectionRanges, sectionsOf } from '../../contract/sections.ts'
import { GzipFiles } from './gzip-files.ts'

/** A section's speaker (≥ 0, an index into the speakers met), or a note, or editorial text. */
const NOTE_CODE = -1
const EDITORIAL_CODE = -2
/** About this many characters of JSON per place written (base-36 steps and separators), to size the files. */
const CHARS_PER_NUMBER = 2.6

export interface PostingsWritten {
  buckets: number
  /** Words with a file of their own. */
  own: number
  bytes: number
}

export class PostingCollector {
  private readonly wordIds = new Map<string, number>()
  private readonly wordList: string[] = []
  /** A Pagefind word's phrase-check words as ids, each spelling split once. */
  private readonly tokenIds = new Map<string, number[]>()
  /**
   * Per word: for each transcript holding it, its serial, its number of places, then (section, place)
   * pairs; in an Int32Array grown by doubling (`lengths` says how much is used): 31 million places at
   * 10,000 generated transcripts, half the memory of arrays of numbers.
   */
  private readonly streams: Int32Array[] = []
  private readonly lengths: number[] = []
  private readonly transcripts: Array<[name: string, label: string]> = []
  /** Per transcript, each section's code (`NOTE_CODE`, `EDITORIAL_CODE` or a speaker's index). */
  private readonly codes: Int32Array[] = []
  private readonly speakerIds = new Map<string, number>()
  private readonly speakers: string[] = []

  private idsOf(token: string): number[] {
    let ids = this.tokenIds.get(token)
    if (ids) return ids
    ids = words(token).map((word) => {
      let id = this.wordIds.get(word)
      if (id === undefined) {
        id = this.wordList.push(word) - 1
        this.wordIds.set(word, id)
        this.streams.push(new Int32Array(8))
        this.lengths.push(0)
      }
      return id
    })
    this.tokenIds.set(token, ids)
    return ids
  }

  private speakerId(name: string): number {
    let id = this.speakerIds.get(name)
    if (id === undefined) {
      id = this.speakers.push(name) - 1
      this.speakerIds.set(name, id)
    }
    return id
  }

  /** One transcript's passages (numbered as the page numbers them). */
  add(name: string, label: string, passages: Fragment): void {
    const serial = this.transcripts.push([name, label]) - 1
    const tokens = fragmentWords(passages.content)
    const ranges = sectionRanges(passages.anchors, tokens.length)
    const sections = sectionsOf(passages)
    this.codes.push(
      Int32Array.from(sections, (section) =>
        section.kind === 'footnote'
          ? NOTE_CODE
          : section.kind === 'editorial'
            ? EDITORIAL_CODE
            : this.speakerId(section.speaker ?? section.voice ?? ''),
      ),
    )
    const local = new Map<number, number[]>()
    ranges.forEach(({ start, end }, section) => {
      // Places count from each section's first word: small numbers, and a phrase never spans two sections.
      let place = 0
      for (let t = start; t < end; t++) {
        for (const id of this.idsOf(tokens[t]!)) {
          const list = local.get(id)
          if (list) list.push(section, place++)
          else local.set(id, [section, place++])
        }
      }
    })
    for (const [id, list] of local) {
      const at = this.lengths[id]!
      const needed = at + 2 + list.length
      let stream = this.streams[id]!
      if (needed > stream.length) {
        const grown = new Int32Array(Math.max(needed, stream.length * 2))
        grown.set(stream.subarray(0, at))
        this.streams[id] = stream = grown
      }
      stream[at] = serial
      stream[at + 1] = list.length / 2
      stream.set(list, at + 2)
      this.lengths[id] = needed
    }
  }

  /** Every word's rows, written into `site`; the streams are let go of as they are written. */
  async write(site: string): Promise<PostingsWritten> {
    await mkdir(join(site, dirname(postingBucketPath(0))), { recursive: true })
    const out = new GzipFiles()
    const size = (id: number) => this.lengths[id]! * CHARS_PER_NUMBER
    const own: number[] = []
    let rest = 0
    for (let id = 0; id < this.wordList.length; id++) {
      if (size(id) > OWN_FILE_BYTES) own.push(id)
      else rest += size(id) + this.wordList[id]!.length + 6
    }
    const buckets = piecesFor(rest, POSTING_FILE_TARGET)
    const inBucket: Array<Array<[string, number]>> = Array.from({ length: buckets }, () => [])
    for (const [n, id] of own.entries()) {
      const word = this.wordList[id]!
      await out.write(join(site, postingFilePath(n)), JSON.stringify(this.file([id])), 9)
      inBucket[bucketOf(word, buckets)]!.push([word, n])
    }
    const owned = new Set(own)
    for (let id = 0; id < this.wordList.length; id++)
      if (!owned.has(id)) inBucket[bucketOf(this.wordList[id]!, buckets)]!.push([this.wordList[id]!, id])
    for (const [n, entries] of inBucket.entries()) {
      const file = this.file(entries.filter(([word]) => !owned.has(this.wordIds.get(word)!)).map(([, id]) => id))
      for (const [word, k] of entries) if (owned.has(this.wordIds.get(word)!)) file.words[word] = k
      await out.write(join(site, postingBucketPath(n)), JSON.stringify(file), 9)
      inBucket[n] = []
    }
    await out.done()
    return { buckets, own: own.length, bytes: out.bytes }
  }

  /** The file of some words: their rows, with the transcripts and speakers they name listed once. */
  private file(ids: number[]): PostingFile {
    const file: PostingFile = { speakers: [], transcripts: [], words: {} }
    const transcriptAt = new Map<number, number>()
    const speakerAt = new Map<number, number>()
    const codeOf = (code: number) => {
      if (code === NOTE_CODE) return NOTE
      if (code === EDITORIAL_CODE) return EDITORIAL
      let at = speakerAt.get(code)
      if (at === undefined) {
        at = file.speakers.push(this.speakers[code]!) - 1
        speakerAt.set(code, at)
      }
      return at.toString(36)
    }
    for (const id of ids) {
      const stream = this.streams[id]!
      const rows: PostingRow[] = []
      for (let i = 0; i < this.lengths[id]!; ) {
        const serial = stream[i]!
        const count = stream[i + 1]!
        i += 2
        let t = transcriptAt.get(serial)
        if (t === undefined) {
          t = file.transcripts.push(this.transcripts[serial]!) - 1
          transcriptAt.set(serial, t)
        }
        const sections: number[] = []
        const places: number[][] = []
        for (let k = 0; k < count; k++, i += 2) {
          const section = stream[i]!
          if (sections.at(-1) !== section) {
            sections.push(section)
            places.push([])
          }
          places.at(-1)!.push(stream[i + 1]!)
        }
        const codes = sections.map((section) => codeOf(this.codes[serial]![section] ?? EDITORIAL_CODE))
        rows.push([t, encodePositions(sections), codes.join('.'), places.map(encodePositions).join(',')])
      }
      file.words[this.wordList[id]!] = rows
      this.streams[id] = new Int32Array(0)
      this.lengths[id] = 0
    }
    return file
  }
}
