/**
 * The word tables in parts (./words.ts). Each part of Pagefind's index (./parts.ts) has its words' rows and
 * its spellings (each word's first place, and the word indexed there) gathered from that part's index
 * alone, and kept (./part-pieces.ts) as lines in Pagefind's word order; the tables are then written from
 * every part's lines merged word by word, one line of each part held at a time (./sorted-lines.ts). A
 * rebuild after one word changed reads one part's index again, not the collection's.
 *
 * The merge is exact: a word's rows are its parts' rows one after another (Pagefind's pages are numbered
 * part after part, ./pagefind-files.ts), and a printed word's indexed word is the one found at its place in
 * the first part that prints it plainly, or else in the first part that prints it: what one reading of
 * every part in turn finds (`Spellings`).
 */
import { join } from 'node:path'
import { byCodePoint, partWords, type PagefindParts } from './pagefind-files.ts'
import { SearchBuildError } from './read.ts'
import { mergeLines, writeLines } from './sorted-lines.ts'
import type { RecordRow } from './tables.ts'
import { type Spellings, type WordRow, WordRows } from './words.ts'

const WORDS = 'words.txt'
const SPELLINGS = 'spellings.txt'

/** A row as a line keeps it: `[name, label, sections, codes]`. */
type Kept = [string, string, number[], string[]]

/**
 * Gathers one part's words from its index (`part`, `pages`: every part's page ids) and returns the
 * writer of its pieces, for `PartPieces.save`. `chunkRead` after each index chunk.
 */
export async function gatherWords(
  part: PagefindParts['parts'][number],
  pages: readonly string[],
  rows: ReadonlyMap<string, RecordRow>,
  spellings: Spellings,
  chunkRead: () => void,
): Promise<(folder: string) => void> {
  const words = new WordRows(pages, rows, spellings)
  const lines: string[] = []
  for await (const { word, pages: held } of partWords(part, chunkRead)) {
    const found = words.of(word, held)
    if (found.length === 0) continue
    if (/[\t\n]/.test(word)) throw new SearchBuildError(`the search's word tables cannot keep the word “${word}”`)
    lines.push(`${word}\t${JSON.stringify(found.map((row): Kept => [row.name, row.label, row.sections, row.codes]))}`)
  }
  const spelled: string[] = []
  for (const [word, plain] of spellings.words()) spelled.push(`${word}\t${plain ? 1 : 0}\t${words.indexedAs.get(word) ?? ''}`)
  spelled.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return (folder) => {
    writeLines(join(folder, WORDS), lines)
    writeLines(join(folder, SPELLINGS), spelled)
  }
}

/** Every word of the parts' pieces (their folders, in the parts' order), with its rows, in Pagefind's order. */
export function* mergedWords(folders: readonly string[]): Generator<{ word: string; rows: WordRow[] }> {
  for (const { key, lines } of mergeLines(
    folders.map((folder) => join(folder, WORDS)),
    byCodePoint,
  )) {
    const rows: WordRow[] = []
    for (const { line } of lines)
      for (const [name, label, sections, codes] of JSON.parse(line.slice(line.indexOf('\t') + 1)) as Kept[])
        rows.push({ name, label, sections, codes })
    yield { word: key, rows }
  }
}

/** The dictionary's candidates (printed word → indexed word) of the parts' pieces, merged. */
export function mergedSpellings(folders: readonly string[]): Map<string, string> {
  const indexedAs = new Map<string, string>()
  for (const { key, lines } of mergeLines(folders.map((folder) => join(folder, SPELLINGS)))) {
    const fields = lines.map(({ line }) => line.split('\t'))
    const chosen = fields.find((field) => field[1] === '1') ?? fields[0]!
    if (chosen[2]) indexedAs.set(key, chosen[2])
  }
  return indexedAs
}
