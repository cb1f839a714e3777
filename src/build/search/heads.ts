/**
 * The word heads (src/contract/search.ts, `WordHead`): while the word tables are written, word by word in
 * Pagefind's order, each indexed word's head is gathered from its own rows and those of every word starting
 * with it (they follow it in that order, so only the words the current one starts with are open at a
 * time). Then each printed word is filed under the head of the word Pagefind indexed for it.
 */
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { GzipFiles } from './gzip-files.ts'
import type { GzipMemory } from './gzip-memory.ts'
import {
  encodePositions,
  HEAD_SIZE,
  headBucketOf,
  headBucketPath,
  labelPlaces,
  piecesFor,
  placeOf,
  ranksBefore,
  type WordHead,
} from '../../contract/search.ts'

/** A transcript's sections holding a word, numbered as its passages number them. */
export interface HeadRow {
  name: string
  label: string
  sections: number[]
}

interface Open {
  word: string
  transcripts: Map<string, { label: string; sections: Set<number> }>
}

/** About this many bytes of JSON to a bucket of heads. */
export const HEAD_FILE_TARGET = 40_000

export class HeadCollector {
  private readonly open: Open[] = []
  readonly heads = new Map<string, WordHead>()
  private readonly size: number
  /** Each label's place in the labels' order (`labelPlaces`): the heads rank by places, not the collator. */
  private readonly places: Map<string, number>

  /** `labels`: every transcript's label that a row can carry. */
  constructor(labels: Iterable<string>, size = HEAD_SIZE) {
    this.places = labelPlaces(labels)
    this.size = size
  }

  /** An indexed word's rows, words taken in Pagefind's order. */
  add(word: string, rows: HeadRow[]): void {
    while (this.open.length > 0 && !word.startsWith(this.open.at(-1)!.word)) this.close(this.open.pop()!)
    this.open.push({ word, transcripts: new Map() })
    for (const group of this.open) {
      for (const row of rows) {
        let known = group.transcripts.get(row.name)
        if (!known) {
          known = { label: row.label, sections: new Set() }
          group.transcripts.set(row.name, known)
        }
        for (const section of row.sections) known.sections.add(section)
      }
    }
  }

  /** Closes the words still open; every indexed word has its head. */
  end(): Map<string, WordHead> {
    while (this.open.length > 0) this.close(this.open.pop()!)
    return this.heads
  }

  /** A word's head: ranked as the page ranks a word's transcripts (most sections, then label: `rankByHits`). */
  private close({ word, transcripts }: Open): void {
    let sections = 0
    const ranked = [...transcripts].map(([name, { label, sections: held }]) => {
      sections += held.size
      return { name, place: placeOf(this.places, name, label), held }
    })
    const first = (a: (typeof ranked)[number], b: (typeof ranked)[number]) =>
      ranksBefore(a.held.size, a.place, b.held.size, b.place)
    ranked.sort((a, b) => (first(a, b) ? -1 : first(b, a) ? 1 : 0))
    const rows = ranked
      .slice(0, this.size)
      .map(({ name, held }): [string, string] => [name, encodePositions([...held].sort((x, y) => x - y))])
    this.heads.set(word, [sections, transcripts.size, rows])
  }
}

/**
 * Writes the heads in buckets, each indexed word under its own name, each printed word (`indexedAs`,
 * printed → indexed, only where they differ) under its indexed word's, and the word sequences'
 * (sequences.ts, each with its head as JSON text already). Each head is made JSON once, and each bucket
 * written from those texts (a bucket of the same text as the last build's linked from it: `memory`).
 * Returns the buckets and bytes.
 */
export async function writeHeads(
  site: string,
  heads: Map<string, WordHead>,
  indexedAs: Map<string, string>,
  sequences: Iterable<[key: string, json: string]> = [],
  target = HEAD_FILE_TARGET,
  memory?: GzipMemory,
): Promise<{ buckets: number; bytes: number }> {
  const entries = new Map<string, string>()
  for (const [word, head] of heads) entries.set(word, JSON.stringify(head))
  for (const [printed, word] of indexedAs) if (printed !== word && heads.has(word)) entries.set(printed, entries.get(word)!)
  // Sequences' keys hold a space, which no word's does.
  for (const [key, json] of sequences) entries.set(key, json)
  let total = 0
  for (const [word, json] of entries) total += word.length + json.length + 4
  const buckets = piecesFor(total, target)
  const files: string[][] = Array.from({ length: buckets }, () => [])
  for (const [word, json] of entries) files[headBucketOf(word, buckets)]!.push(`${JSON.stringify(word)}:${json}`)
  entries.clear()
  await mkdir(join(site, dirname(headBucketPath(0))), { recursive: true })
  const out = new GzipFiles(undefined, memory)
  for (const [n, file] of files.entries()) {
    await out.write(join(site, headBucketPath(n)), `{${file.join(',')}}`)
    files[n] = []
  }
  await out.done()
  return { buckets, bytes: out.bytes }
}
