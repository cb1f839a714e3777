/**
 * A by-hand check of the build benchmark's memory sampler (process-tree.ts), not a test:
 *   npx node scripts/bench/check-sampler.ts
 * 1. One process: a Node that fills 300 MB and holds it, run under `/usr/bin/time -v`. The kernel's
 *    maxRSS for it should match the sampler's peak for the tree, less /usr/bin/time's own few MB.
 * 2. A tree: a Node that starts two such children at once. /usr/bin/time sees only the largest single
 *    process; the sampler should see the sum, about twice as much.
 * Exits 1 when the sampler is off by more than 5 % (plus 10 MB for /usr/bin/time itself).
 */
import { runMeasured } from './process-tree.ts'

const MB = 1e6
const hold = (mb: number) => `const b = Buffer.alloc(${mb} * 1e6, 1); setTimeout(() => console.log(b.length), 1500)`
const tree = (mb: number) =>
  `const { spawn } = require('node:child_process'); let left = 2; for (let i = 0; i < 2; i++) spawn(process.execPath, ['-e', ${JSON.stringify(hold(mb))}], { stdio: 'inherit' }).on('exit', () => --left || process.exit(0))`

/** Runs `node -e code` under /usr/bin/time -v; returns the sampler's peak and time's maxRSS, in bytes. */
async function compare(code: string): Promise<{ sampler: number; maxRss: number }> {
  const m = await runMeasured('/usr/bin/time', ['-v', process.execPath, '-e', code], { cwd: process.cwd(), env: process.env })
  if (!m.ok) throw new Error(`/usr/bin/time failed (${m.status}):\n${m.tail}`)
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(m.tail)
  if (!kb) throw new Error(`no maxRSS in /usr/bin/time's output:\n${m.tail}`)
  return { sampler: m.peakBytes, maxRss: Number(kb[1]) * 1024 }
}

const line = (label: string, r: { sampler: number; maxRss: number }, expected: number) =>
  `${label}: sampler peak ${(r.sampler / MB).toFixed(1)} MB, /usr/bin/time maxRSS ${(r.maxRss / MB).toFixed(1)} MB, expected ≈ ${(expected / MB).toFixed(1)} MB`

const single = await compare(hold(300))
const multi = await compare(tree(200))
const within = (measured: number, expected: number) => Math.abs(measured - expected) <= expected * 0.05 + 10 * MB
// One process: the tree is that process plus /usr/bin/time (a few MB).
const okSingle = within(single.sampler, single.maxRss)
// Two children at once: about twice the largest one, plus the parent Node (its RSS is not in maxRSS).
const okMulti = multi.sampler >= 2 * multi.maxRss * 0.95
process.stdout.write(`${line('one process', single, single.maxRss)} ${okSingle ? 'ok' : 'OFF'}\n`)
process.stdout.write(`${line('a parent and two children', multi, 2 * multi.maxRss)} or more ${okMulti ? 'ok' : 'OFF'}\n`)
process.exitCode = okSingle && okMulti ? 0 : 1
