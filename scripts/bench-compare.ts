/**
 * `node scripts/bench-compare.ts`: the time to compare two transcriptions (src/core/compare/), the trees
 * already parsed, as the build's witnesses step does it: the three of 15 September 1972 pairwise (413, 388
 * and 21 turns); the seed (146 turns) against the House Judiciary Committee's, two unrelated
 * transcripts; and the worst case, A against B with B's turns in reverse order: the same words, nothing in
 * order, where Myers' search stops at its edit limit and the patience anchors cut the stretch.
 */
import { readFileSync } from 'node:fs'
import { compareTranscripts } from '../src/core/compare/align.ts'
import { loadTranscript } from '../src/core/load.ts'
import type { TranscriptRoot } from '../src/core/types.ts'

const tree = (path: string): TranscriptRoot => loadTranscript(readFileSync(path, 'utf8'), path).tree
const nixon = (copy: string) => tree(`tests/fixtures/parse/nixon-1972-09-15-${copy}.txt`)
const [A, B, C] = [nixon('A'), nixon('B'), nixon('C')] as const
const seed = tree('content/transcripts/1962-11-14-01181.txt')
const reversed = structuredClone(B)
for (const child of reversed.children) if (child.type === 'conversation') child.children.reverse()

/** Best and median of `repeat` runs, in ms. */
function time(left: TranscriptRoot, right: TranscriptRoot, repeat = 5): { best: number; median: number; rows: number } {
  const runs: number[] = []
  let rows = 0
  for (let i = 0; i < repeat; i++) {
    const started = performance.now()
    rows = compareTranscripts(left, right).rows.length
    runs.push(performance.now() - started)
  }
  runs.sort((x, y) => x - y)
  return { best: runs[0]!, median: runs[Math.floor(runs.length / 2)]!, rows }
}

time(A, B, 2) // warm up the JIT
console.log('pair                          best ms  median ms  rows')
for (const [name, left, right] of [
  ['A–B (413 and 388 turns)', A, B],
  ['A–C (413 and 21)', A, C],
  ['B–C (388 and 21)', B, C],
  ['seed–A (unrelated, 146 and 413)', seed, A],
  ['A–B reversed (413 and 388)', A, reversed],
] as const) {
  const { best, median, rows } = time(left, right)
  console.log(`${name.padEnd(30)}${best.toFixed(0).padStart(7)}${median.toFixed(0).padStart(11)}${String(rows).padStart(6)}`)
}
