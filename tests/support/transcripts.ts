/**
 * The transcripts every export is checked on: the seed and every fixture in tests/fixtures/parse (the
 * folder is read, so a fixture added there is checked too).
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fixtures, seedPath } from './paths.ts'

export const exportedTranscripts: string[] = [
  seedPath,
  ...readdirSync(join(fixtures, 'parse'))
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => join(fixtures, 'parse', file)),
]
