/**
 * A guard against catastrophic backtracking and quadratic loops, with bounds far above the real times
 * (`npm run bench:parse` measures those), in the parsing thread's CPU time: a 10 MB transcript, a single 1 MB line and 1 MB of each
 * adversarial pattern parse in seconds, with a readable number of diagnostics.
 */
import { VFile } from 'vfile'
import { describe, expect, test } from 'vitest'
import { messageLimit, rules } from '../../src/core/diagnostics.ts'
import { parse } from '../../src/core/parse/index.ts'
import { toJson } from '../../src/core/to-json.ts'
import { adversarial, bigTranscript, longLine } from '../../scripts/lib/hostile-inputs.ts'

const MB = 1024 * 1024

/**
 * The parse's own time: this thread's CPU time (user and system), not the wall clock, so that the bound
 * measures the parser, not the other tests and fixture builds sharing the machine (a wall-clock run at
 * 10.04 s failed a CI whose usual time here is 2.5–5 s). A slow path costs CPU time the same.
 */
function timed(text: string) {
  const cpu = () => {
    const { user, system } = process.threadCpuUsage()
    return (user + system) / 1e6
  }
  const started = cpu()
  const file = new VFile({ path: 'big.txt', value: text })
  const json = toJson(parse(file), file)
  return { json, seconds: cpu() - started }
}

describe('no catastrophic slow path', () => {
  test('a 10 MB transcript parses in under 20 s, every turn kept', { timeout: 120_000 }, () => {
    const text = bigTranscript(10 * MB)
    const { json, seconds } = timed(text)
    expect(seconds).toBeLessThan(20)
    // 146 turns a copy of the seed's conversation; the copies fill at least 10 MB.
    const turns = json.blocks.filter((block) => block.type === 'turn').length
    expect(turns % 146).toBe(0)
    expect(turns / 146).toBeGreaterThan(350)
    expect(json.diagnostics.every((diagnostic) => diagnostic.severity === 'warning')).toBe(true)
  })

  test('a single 1 MB line parses in under 10 s, as one paragraph', { timeout: 60_000 }, () => {
    const { json, seconds } = timed(longLine(MB))
    expect(seconds).toBeLessThan(10)
    expect(json.diagnostics).toEqual([])
    const turn = json.blocks.findLast((block) => block.type === 'turn')!
    expect(turn.type === 'turn' && turn.paragraphs[0]!.length).toBeGreaterThan(MB - 100)
  })

  test.each(Object.keys(adversarial))(
    '1 MB of %s parses in under 10 s, with a readable list of problems',
    { timeout: 60_000 },
    (name) => {
      const { json, seconds } = timed(adversarial[name]!(MB))
      expect(seconds).toBeLessThan(10)
      expect(json.diagnostics.length).toBeLessThanOrEqual(Object.keys(rules).length * (messageLimit + 1))
    },
  )
})
