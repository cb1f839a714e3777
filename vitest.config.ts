import { defineConfig } from 'vitest/config'

// Two projects (Vitest 5 `test.projects`; select one with `vitest run --project unit|e2e`):
// - unit: fast tests of the parser and helpers, in parallel;
// - e2e: real Chromium against the built site in dist/ (`astro build` must have run first),
//   with longer timeouts and one test file at a time.
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Project-level `fileParallelism: false` makes this project's maxWorkers 1:
          // its files run one after another (unit files still run in parallel).
          fileParallelism: false,
        },
      },
    ],
  },
})
