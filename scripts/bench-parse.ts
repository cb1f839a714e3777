/**
 * `npm run bench:parse`: parse time per byte of the seed against big and adversarial inputs
 * (scripts/lib/hostile-inputs.ts), printed as µs/KB and as a ratio to the seed's. Linear parsing
 * keeps every ratio a small number; a super-linear path shows as a ratio that grows with the size.
 */
import { loadTranscript } from '../src/core/load.ts'
import { adversarial, bigTranscript, longLine, seed } from './lib/hostile-inputs.ts'

const MB = 1024 * 1024

/** Best of a few runs, in ms: parse and JSON, as the CLI and the site do. */
function time(text: string, repeat: number): number {
  let best = Infinity
  for (let i = 0; i < repeat; i++) {
    const started = performance.now()
    loadTranscript(text, 'bench.txt')
    best = Math.min(best, performance.now() - started)
  }
  return best
}

const rows: Array<[string, number, number]> = []
const measure = (name: string, text: string, repeat = 3) => {
  const bytes = Buffer.byteLength(text)
  rows.push([name, bytes, time(text, repeat)])
}

const seedText = seed()
time(seedText, 20) // warm up the JIT
measure('seed (1962-11-14-01181)', seedText, 30)
measure('10 MB transcript', bigTranscript(10 * MB), 2)
measure('single 1 MB line', longLine(MB))
for (const [name, make] of Object.entries(adversarial)) {
  measure(`${name}, 100 KB`, make(100 * 1024))
  measure(`${name}, 1 MB`, make(MB))
}

const perKB = (bytes: number, ms: number) => (ms * 1000) / (bytes / 1024)
const base = perKB(rows[0]![1], rows[0]![2])
const pad = (value: string, width: number) => value.padStart(width)
process.stdout.write(`${'input'.padEnd(38)}${pad('bytes', 11)}${pad('ms', 10)}${pad('µs/KB', 9)}${pad('× seed', 8)}\n`)
for (const [name, bytes, ms] of rows) {
  const rate = perKB(bytes, ms)
  process.stdout.write(
    `${name.padEnd(38)}${pad(String(bytes), 11)}${pad(ms.toFixed(1), 10)}${pad(rate.toFixed(0), 9)}${pad((rate / base).toFixed(2), 8)}\n`,
  )
}
