/**
 * The index build's own behaviour (src/build/search/integration.ts): progress lines at a readable rate,
 * and failures as one readable message.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import {
  builtTranscriptNames,
  failureMessage,
  progress,
  readBuiltTranscript,
  SearchBuildError,
} from '../../src/build/search/integration.ts'
import { groupSize } from '../../src/contract/search.ts'

describe('the search index build', () => {
  test('progress is logged about every 10 % and at the end, not at every step', () => {
    const lines: string[] = []
    const stage = progress((line) => lines.push(line), 'search index', 10_000, 'transcripts')
    for (let i = 1; i <= 10_000; i++) stage.step(i)
    stage.end()
    expect(lines.length).toBeGreaterThanOrEqual(10)
    expect(lines.length).toBeLessThanOrEqual(12)
    expect(lines[0]).toMatch(/^search index: 1,000\/10,000 transcripts \(\d+\.\d s\)$/)
    expect(lines.at(-2)).toMatch(/^search index: 10,000\/10,000 transcripts/)
    expect(lines.at(-1)).toMatch(/^search index: 10,000 transcripts in \d+\.\d s$/)
  })

  test('a transcript.json that is not a transcript fails with its name and no stack trace', async () => {
    const site = await mkdtemp(join(tmpdir(), 'search-build-'))
    try {
      await mkdir(join(site, 'a'))
      await writeFile(join(site, 'a', 'transcript.json'), '{"name": "a"}')
      await mkdir(join(site, 'b'))
      await writeFile(join(site, 'b', 'transcript.json'), 'not json')
      await mkdir(join(site, '_astro'))
      expect(await builtTranscriptNames(site)).toEqual(['a', 'b'])
      const schema = await readBuiltTranscript(site, 'a').catch((error: unknown) => error)
      expect(schema).toBeInstanceOf(SearchBuildError)
      expect(failureMessage(schema)).toMatch(/^a\/transcript\.json does not match the transcript schema/)
      expect(failureMessage(await readBuiltTranscript(site, 'b').catch((error: unknown) => error))).toMatch(
        /^b\/transcript\.json is not JSON/,
      )
      expect(failureMessage(new Error('Pagefind exited'))).toBe('the search index could not be built: Pagefind exited')
    } finally {
      await rm(site, { recursive: true, force: true })
    }
  })

  test('records hold one transcript up to 500, then about 500 records', () => {
    expect(groupSize(1)).toBe(1)
    expect(groupSize(500)).toBe(1)
    expect(groupSize(1000)).toBe(2)
    expect(groupSize(10_000)).toBe(20)
  })
})
