import { defineConfig } from 'vitest/config'
import LongestFirst from './tests/support/sequencer.ts'

// Two projects (Vitest 5 `test.projects`), two tiers: `npm run test:unit`, `npm run test:e2e`; `npm test`
// runs both, the unit tier first (`sequence.groupOrder`):
// - unit: fast tests of the parser and helpers, in no browser and no build;
// - e2e: real Chromium against built sites. The project's global setup builds each fixture site once
//   (tests/e2e/support/sites.ts: ./dist of the seed, a combined site, base-path, browse, shards), two at
//   a time and in the background, so that they are built while the unit tier runs; each e2e file waits
//   for its own site. Four e2e files run side by side, each serving its site on a port of its own and
//   starting its own Chromium (the headless shell: scripts/lib/browser.ts): a test waiting on its page
//   leaves a core to the others. `npm test` from a fresh clone, one run each: 319 s with three, 306 s
//   with four (vmstat: the cores 0–3 % idle in the e2e tier). docs/benchmarks.md, "The test suite".
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // The longest files start first, in a fresh clone too (tests/support/sequencer.ts).
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Correctness tests, not timings (those are the benchmarks' and hostile-performance's own budgets):
          // a parse or a search that takes 6 s on a loaded two-core machine is not a failure.
          testTimeout: 20_000,
          // Two workers: with one (Vitest's own number on two cores) a core stood idle once the fixture
          // builds beside the tier had ended. Trial of two before, on a machine shared with other builds
          // (load average ~20), pushed the parser's time budgets (tests/unit/hostile-performance.test.ts)
          // over: 10 MB in 50.7 s for 20 s.
          maxWorkers: 2,
          // A worker's files share its modules (each file imports src/ once per worker, not once per file):
          // the tier alone, 60 s instead of 85 s. The files give back what they change (environment variables
          // through vi.stubEnv, mocks through vi.restoreAllMocks).
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A page's scripts run when it is idle: on a loaded machine marking the turn a link arrives at can take
          // more than expect.poll's default second. A page that never does still fails, after 10 s.
          expect: { poll: { timeout: 10_000 } },
          maxWorkers: 4,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
})
