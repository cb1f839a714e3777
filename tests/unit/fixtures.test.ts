/**
 * Fixture pairs: raw transcript → expected JSON. The expected files were written by reading the
 * transcripts, before the parser existed; `UPDATE=1 npm test` rewrites them from the parser's output, to
 * be reviewed line by line in the diff before committing (refused when CI is set).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { loadTranscript } from '../../src/core/load.ts'
import { fixtures, root } from '../support/paths.ts'
import { updating } from '../support/update.ts'

const folder = `${fixtures}parse/`
const cases = readdirSync(folder)
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.replace(/\.json$/, ''))

/** A fixture's input sits beside its JSON, or is a transcript of the site itself. */
function inputPath(name: string): string {
  const local = `${folder}${name}.txt`
  return existsSync(local) ? local : `${root}content/transcripts/${name}.txt`
}

describe('fixtures: raw transcript → JSON', () => {
  test('there are fixtures, the seed among them', () => {
    expect(cases).toContain('1962-11-14-01181')
    expect(cases.length).toBeGreaterThanOrEqual(3)
  })

  test.each(cases)('%s', (name) => {
    const { json } = loadTranscript(readFileSync(inputPath(name)), inputPath(name))
    const expectedPath = `${folder}${name}.json`
    if (updating()) writeFileSync(expectedPath, `${JSON.stringify(json, null, 2)}\n`)
    expect(json).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')))
  })
})
