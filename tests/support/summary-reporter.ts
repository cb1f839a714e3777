/**
 * Ends a Vitest run with one plain line, `Tests: N passed, N failed, N skipped`, that CI logs and
 * humans can read without colours. A module that failed to load counts as a failure.
 */
import type { Reporter, TestModule } from 'vitest/node'

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    const tally = { passed: 0, failed: errors.length, skipped: 0 }
    for (const module of modules) {
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) tally.failed++
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') tally.passed++
        else if (state === 'failed') tally.failed++
        else tally.skipped++
      }
    }
    process.stdout.write(`\nTests: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped\n`)
  }
}
