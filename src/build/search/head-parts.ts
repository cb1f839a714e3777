/**
 * The heads of word sequences in parts (sequences.ts gathers a part's; ./part-pieces.ts keeps them):
 * each part's heads kept as lines in key order, then merged key by key (./sorted-lines.ts). A pair's head
 * merged from its parts' is the head of the whole: its counts summed, its rows the best `size` of its
 * parts' rows by passages and label (`ranksBefore`), ties in the parts' order, as one collector reading
 * the parts one after another keeps them. A triple is gathered within its part, once both of its pairs
 * are met in more than their head's share of the part (sequences.ts `tripleAfter`): its head lists
 * transcripts that hold it, its counts are those met since in each part (docs/search.md, "Triples").
 */
import { join } from 'node:path'
import { decodePositions, ranksBefore, type WordHead } from '../../contract/search.ts'
import type { SequenceCollector } from './sequences.ts'
import { mergeLines, writeLines } from './sorted-lines.ts'

const LINES = 'heads.txt'

/** Writes a part's heads, gathered by `collector`, into its folder. */
export function saveHeads(folder: string, collector: SequenceCollector): void {
  const heads: Array<[string, string]> = []
  for (const [key, head] of collector.heads()) heads.push([key, JSON.stringify(head)])
  heads.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  writeLines(
    join(folder, LINES),
    heads.map(([key, json]) => `${key}\t${json}`),
  )
}

export interface HeadRanking {
  /** A transcript's label's place in the labels' order (`labelPlaces`). */
  place(name: string): number
  /** Transcripts in the head of a pair, and of a triple. */
  pairSize: number
  tripleSize: number
}

/** Every head of the parts' folders, in key order, as its key and its JSON text; `count` is told pairs and triples. */
export function* mergeHeads(
  folders: readonly string[],
  ranking: HeadRanking,
  count: { pairs: number; triples: number },
): Generator<[string, string]> {
  for (const { key, lines } of mergeLines(folders.map((folder) => join(folder, LINES)))) {
    const triple = key.indexOf(' ') !== key.lastIndexOf(' ')
    if (triple) count.triples += 1
    else count.pairs += 1
    const texts = lines.map(({ line }) => line.slice(key.length + 1))
    if (texts.length === 1) {
      yield [key, texts[0]!]
      continue
    }
    let sections = 0
    let transcripts = 0
    const rows: Array<{ row: [string, string]; hits: number; place: number }> = []
    for (const text of texts) {
      const head = JSON.parse(text) as WordHead
      sections += head[0]
      transcripts += head[1]
      for (const row of head[2]) rows.push({ row, hits: decodePositions(row[1]).length, place: ranking.place(row[0]) })
    }
    // Stable: rows that rank alike stay in the parts' order.
    rows.sort((a, b) =>
      ranksBefore(a.hits, a.place, b.hits, b.place) ? -1 : ranksBefore(b.hits, b.place, a.hits, a.place) ? 1 : 0,
    )
    const size = triple ? ranking.tripleSize : ranking.pairSize
    const head: WordHead = [sections, transcripts, rows.slice(0, size).map(({ row }) => row)]
    yield [key, JSON.stringify(head)]
  }
}
