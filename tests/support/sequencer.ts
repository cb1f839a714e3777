/**
 * The order the test files start in. Vitest runs the files it has timed before longest first (its cache of
 * results, kept in node_modules/.vite), and files it has not timed largest first: in a fresh clone (CI) the
 * e2e tier then started quality-axe.test.ts, 0.5 KB that runs 43 s of scans written in a support module,
 * last of all, and one worker ran it alone at the end. Here a file Vitest has not timed takes the duration
 * it had in a full run of this machine (EXPECTED_SECONDS, a hint for the order only: a file missing from
 * it, a new one, runs first, as Vitest runs unknown files first), so the longest start first in a fresh
 * clone too and the workers end together.
 */
import { basename } from 'node:path'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

/** Seconds each e2e file took in `bash .ci/run` at 0a43c04 (2 workers, the headless shell). */
const EXPECTED_SECONDS: Record<string, number> = {
  'quality-pages': 67,
  'quality-axe': 43,
  browse: 40,
  shards: 32,
  search: 31,
  real: 29,
  speakers: 28,
  'quality-links': 25,
  'quality-axe-transcripts': 24,
  witnesses: 24,
  audio: 21,
  edition: 21,
  'words-links': 15,
  citation: 15,
  words: 13,
  'base-path': 12,
  hostile: 12,
  reader: 12,
  quotes: 11,
  history: 8,
  'words-cost': 7,
  build: 5,
  reading: 5,
  exports: 0.3,
}

/** A file with no timing and no hint: first. */
const UNKNOWN = 1e9

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const cache = this.ctx.cache
    const seconds = (spec: TestSpecification): number => {
      const timed = cache.getTestSpecificationResult(spec)
      if (timed) return timed.duration / 1000
      return EXPECTED_SECONDS[basename(spec.moduleId).replace(/\.test\.ts$/, '')] ?? UNKNOWN
    }
    // Within a project (the tiers keep Vitest's order, from `sequence.groupOrder`), longest first; the sort
    // is stable, so Vitest's own order stays between equals (unit files, which have no hint, among them).
    const projects = new Map<string, TestSpecification[]>()
    for (const spec of sorted) projects.set(spec.project.name, [...(projects.get(spec.project.name) ?? []), spec])
    return [...projects.values()].flatMap((specs) => specs.sort((a, b) => seconds(b) - seconds(a)))
  }
}
