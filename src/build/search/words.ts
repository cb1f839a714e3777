/**
 * The word tables (src/contract/search.ts, `WordChunk`): Pagefind's own index read back chunk by chunk
 * (pagefind-files.ts), each word's positions turned into the sections holding it with the records' rows
 * (tables.ts), and a dictionary from each word of the text to the word Pagefind indexed for it, taken from
 * the first place the word is printed. One index chunk is held at a time.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import {
  chunkFor,
  EDITORIAL,
  encodePositions,
  hasLeadingSection,
  pagefindTerm,
  wordChunkPath,
  wordDictionaryPath,
  WORDS_PATH,
  type WordChunk,
  type WordDirectory,
  UNNAMED_LABEL,
} from '../../contract/search.ts'
import { sectionAt } from '../../contract/sections.ts'
import { GzipFiles } from './gzip-files.ts'
import type { GzipMemory } from './gzip-memory.ts'
import type { HeadCollector } from './heads.ts'
import { indexedWords, type PagefindParts } from './pagefind-files.ts'
import { Values, type RecordRow } from './tables.ts'

/** A record's sections as the page numbers them: where each starts, its transcript and its code. */
export interface Sections {
  row: RecordRow
  /** Section i starts after the word at starts[i] (a heading's own word is no section's), or at 0 for a leading section. */
  starts: number[]
  leading: boolean
  transcript: number[]
  /** Section i's number in its transcript's passages. */
  local: number[]
  codes: string[]
}

export function sectionsOf(row: RecordRow): Sections {
  const leading = row.starts.length === 0 && hasLeadingSection(row.positions)
  const starts = leading ? [0, ...row.positions] : [...row.positions]
  const codes = leading ? [EDITORIAL, ...row.sections] : [...row.sections]
  const transcript: number[] = []
  const local: number[] = []
  let t = 0
  let first = 0
  starts.forEach((start, i) => {
    while (t + 1 < row.starts.length && row.starts[t + 1]! <= start) {
      t += 1
      first = i
    }
    transcript.push(t)
    // In a record of several, a transcript's opening heading starts its header lines, which its passages
    // hold as their leading section (0).
    local.push(i - first)
  })
  return { row, starts, leading, transcript, local, codes }
}

/**
 * The sections holding a word's positions on a page, each once and in order, none for a heading's own
 * word: `sectionAt` (the one rule: contract/sections.ts) asked only where a position leaves the section of
 * the one before it. Pagefind lists a page's positions in order, but for a change of weight, after which
 * they start again: a section met out of order sorts them at the end.
 */
export function heldSections(sections: Sections, positions: readonly number[]): number[] {
  const { starts, leading } = sections
  const held: number[] = []
  let last = -1
  let ordered = true
  for (const position of positions) {
    // Inside the last section, past its heading's word and before the next heading: the same section.
    const section =
      last >= 0 && starts[last]! < position && (last + 1 === starts.length || position < starts[last + 1]!)
        ? last
        : sectionAt(starts, leading, position)
    if (section < 0 || section === last) continue
    if (section < last) ordered = false
    held.push(section)
    last = section
  }
  if (ordered) return held
  return [...new Set(held)].sort((a, b) => a - b)
}

/**
 * Collects, while the fragments are read, the first place each word of the text is printed plainly (its
 * page and position), for the dictionary; a word never printed plainly, its first place. Plainly: in lower
 * case as its term, nothing attached. Where a word is printed with a dash or a mark attached (`briefing—`),
 * Pagefind indexes that spelling too, and a word's first place there would name it, not the stem every
 * plain place has (`brief`), as the word's indexed form: 3 passages of 1,023 found at 240 generated transcripts.
 */
export class Spellings {
  /** Every spelling met, so that each is worked out once (the text repeats its words a thousandfold). */
  private readonly seen = new Set<string>()
  /** Each word's place so far, and whether it is printed plainly there. */
  private readonly first = new Map<string, { page: number; position: number; plain: boolean }>()
  /** By page, each position where a word is first printed: small integer keys, looked up at every position. */
  private readonly at = new Map<number, Map<number, string>>()

  add(page: number, content: string): void {
    content.split(/[\r\n\s]+/g).forEach((printed, position) => {
      if (this.seen.has(printed)) return
      this.seen.add(printed)
      const word = pagefindTerm(printed)
      if (word === '') return
      this.place(word, page, position, printed.toLocaleLowerCase() === word)
    })
  }

  /**
   * What one part's reading found (the part read alone, its pages from `offset`): each word's place,
   * numbered within the part, and whether it is printed plainly there; for the part's kept files
   * (part-files.ts).
   */
  entries(offset: number): Array<[word: string, page: number, position: number, plain: boolean]> {
    // A page Pagefind's metadata does not list (-1) stays unlisted wherever the part comes to start.
    return [...this.first].map(([word, { page, position, plain }]) => [word, page < 0 ? page : page - offset, position, plain])
  }

  /**
   * A part's entries (`entries`) taken in after the parts before it, its pages from `offset`: the same
   * places reading its records here would find. A part read alone finds each word's first plain place in
   * it, or its first place; taken part after part by the rule `add` keeps, that is the first plain place
   * in the collection, or its first place.
   */
  merge(entries: ReadonlyArray<[word: string, page: number, position: number, plain: boolean]>, offset: number): void {
    for (const [word, local, position, plain] of entries) this.place(word, local < 0 ? local : local + offset, position, plain)
  }

  private place(word: string, page: number, position: number, plain: boolean): void {
    const known = this.first.get(word)
    if (known && (known.plain || !plain)) return
    if (known) this.at.get(known.page)?.delete(known.position)
    this.first.set(word, { page, position, plain })
    let positions = this.at.get(page)
    if (!positions) {
      positions = new Map()
      this.at.set(page, positions)
    }
    positions.set(position, word)
  }

  /** The positions of a page where a word is first printed, with the word; none for most pages. */
  onPage(page: number): ReadonlyMap<number, string> | undefined {
    return this.at.get(page)
  }
}

/** About this many bytes of JSON to a word table file (about a quarter of it gzipped). */
export const WORD_FILE_TARGET = 120_000

/** How alike two words are: the length of their shared start. */
function shared(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}

/**
 * Writes the word tables, their dictionaries and directory under `site`, from Pagefind's index in parts;
 * `rows` by Pagefind page id. Returns the bytes written and the dictionary (printed word → indexed word).
 * `step` is told the index chunks read so far; `heads` is given each word's rows, in Pagefind's order;
 * a file of the same text as the last build's is linked from it (`memory`).
 */
export async function writeWordTables(
  site: string,
  index: PagefindParts,
  rows: Map<string, RecordRow>,
  spellings: Spellings,
  step: (done: number) => void,
  fileTarget = WORD_FILE_TARGET,
  heads?: HeadCollector,
  memory?: GzipMemory,
): Promise<{ bytes: number; indexedAs: Map<string, string> }> {
  const sections = new Map<number, Sections>()
  const sectionsOfPage = (page: number): Sections | undefined => {
    let known = sections.get(page)
    if (!known) {
      const row = rows.get(index.pages[page] ?? '')
      if (!row) return undefined
      known = sectionsOf(row)
      sections.set(page, known)
    }
    return known
  }
  /** Each printed word's candidates: the words indexed at its first place. */
  const indexedAs = new Map<string, string>()
  const directory: WordDirectory = { chunks: [] }
  let bytes = 0
  await mkdir(join(site, dirname(wordChunkPath(0))), { recursive: true })

  // Files of about WORD_FILE_TARGET bytes of JSON, cut between words (a word's rows stay together), in
  // Pagefind's word order: a query fetches the few files its words' rows are in, not Pagefind's chunks.
  let file:
    | { values: Values; table: WordChunk; index: Map<string, number>; size: number; first?: string; last?: string }
    | undefined
  const open = () => {
    const values = new Values()
    return {
      values,
      table: {
        values: { speaker: values.lists.speaker, transcript: values.lists.transcript },
        transcripts: [],
        words: {},
      } as WordChunk,
      index: new Map<string, number>(),
      size: 0,
    }
  }
  // Compressed on zlib's threads while the next file is gathered; each file's size is filled in when written.
  const out = new GzipFiles(undefined, memory)
  const flush = async () => {
    if (!file || file.first === undefined) return
    const entry: WordDirectory['chunks'][number] = [file.first, file.last!, 0, 0]
    const text = JSON.stringify(file.table)
    file = undefined
    await out.write(join(site, wordChunkPath(directory.chunks.push(entry) - 1)), text, (size) => {
      entry[2] = size
    })
  }
  for await (const { word, pages } of indexedWords(index, step)) {
    const rows: Array<{ name: string; label: string; sections: number[]; codes: string[] }> = []
    for (const { page, positions } of pages) {
      const known = sectionsOfPage(page)
      if (!known) continue
      const firsts = spellings.onPage(page)
      if (firsts !== undefined)
        for (const position of positions) {
          const printed = firsts.get(position)
          if (printed === undefined) continue
          const before = indexedAs.get(printed)
          if (before === undefined || shared(word, printed) > shared(before, printed)) indexedAs.set(printed, word)
        }
      const held = heldSections(known, positions)
      // A row a transcript: its sections are consecutive, since sections are numbered transcript by transcript.
      for (let from = 0, to = 1; from < held.length; from = to++) {
        const t = known.transcript[held[from]!]!
        while (to < held.length && known.transcript[held[to]!] === t) to++
        const list = held.slice(from, to)
        rows.push({
          name: known.row.names[t] ?? '',
          label: known.row.labels[t] ?? UNNAMED_LABEL,
          sections: list.map((i) => known.local[i]!),
          codes: list.map((i) => known.codes[i]!),
        })
      }
    }
    if (rows.length === 0) continue
    heads?.add(word, rows)
    file ??= open()
    const target = file
    target.table.words[word] = rows.map((row) => {
      let index = target.index.get(row.name)
      if (index === undefined)
        index = target.table.transcripts.push([row.name, target.values.indexOf('transcript', row.label)]) - 1
      target.index.set(row.name, index)
      const entry: [number, string, string] = [
        index,
        encodePositions(row.sections),
        row.codes.map((code) => target.values.code(code)).join('.'),
      ]
      target.size += entry[1].length + entry[2].length + 12
      return entry
    })
    target.first ??= word
    target.last = word
    target.size += word.length
    if (target.size >= fileTarget) await flush()
  }
  await flush()
  await out.done()
  bytes += out.bytes

  // Each printed word under the chunk its spelling falls in.
  const dictionaries = new Map<number, Record<string, string>>()
  // In word order, not in the order their first places were met (which the order of reading decides).
  for (const [printed, word] of [...indexedAs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (printed === word) continue // the page takes a word as its own stem when it finds none
    const n = chunkFor(directory.chunks, printed)
    const dictionary = dictionaries.get(n) ?? {}
    dictionary[printed] = word
    dictionaries.set(n, dictionary)
  }
  for (const [n, dictionary] of dictionaries) {
    const text = JSON.stringify(dictionary)
    await writeFile(join(site, wordDictionaryPath(n)), text)
    bytes += text.length
    directory.chunks[n]![3] = 1
  }
  const text = JSON.stringify(directory)
  await writeFile(join(site, WORDS_PATH), text)
  return { bytes: bytes + text.length, indexedAs }
}
