/**
 * `npm run fuzz [-- RUNS]`: feeds the parser hostile strings and bytes (scripts/lib/hostile-arbitraries.ts)
 * — 100,000 runs unless told otherwise — and prints how many it ran, how many threw (must be 0; a
 * failure the parser catches itself, `internal-error`, counts as a throw) and how long it took.
 * Exits 1 when anything threw, printing the first inputs that did.
 */
import fc from 'fast-check'
import { loadTranscript } from '../src/core/load.ts'
import { serialize } from '../src/core/serialize.ts'
import { hostileBytes, hostileString } from './lib/hostile-arbitraries.ts'

const runs = Number(process.argv[2] ?? 100_000)
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31)
const failures: Array<{ input: string; error: string }> = []
let count = 0

function attempt(value: string | Uint8Array): void {
  count++
  try {
    const { tree, json } = loadTranscript(value, 'fuzz.txt')
    serialize(tree)
    const internal = json.diagnostics.find((diagnostic) => diagnostic.rule === 'internal-error')
    if (internal) throw new Error(internal.message)
  } catch (error) {
    if (failures.length < 5) {
      const input = typeof value === 'string' ? JSON.stringify(value) : `bytes ${Buffer.from(value).toString('hex')}`
      failures.push({ input: input.slice(0, 2000), error: error instanceof Error ? error.message : String(error) })
    } else failures.push({ input: '', error: '' })
  }
}

const started = performance.now()
const bytesShare = Math.floor(runs / 5)
fc.assert(
  fc.property(hostileString, (value) => attempt(value)),
  { numRuns: runs - bytesShare, seed, endOnFailure: true },
)
fc.assert(
  fc.property(hostileBytes, (value) => attempt(value)),
  { numRuns: bytesShare, seed, endOnFailure: true },
)
const seconds = (performance.now() - started) / 1000

process.stdout.write(`fuzz: seed ${seed}\n`)
process.stdout.write(`runs: ${count} (${runs - bytesShare} strings, ${bytesShare} byte sequences)\n`)
process.stdout.write(`throws: ${failures.length}\n`)
process.stdout.write(`time: ${seconds.toFixed(1)} s (${((seconds * 1e6) / count).toFixed(0)} µs a run)\n`)
for (const { input, error } of failures.filter(({ input }) => input)) process.stdout.write(`\n${error}\n  input: ${input}\n`)
process.exitCode = failures.length > 0 ? 1 : 0
