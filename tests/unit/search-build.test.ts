/**
 * The index build's own behaviour (src/build/search/): failures as one readable message (its progress lines
 * are the one reporter's, tests/unit/progress.test.ts).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { builtTranscriptNames, failureMessage, readBuiltTranscript, SearchBuildError } from '../../src/build/search/index.ts'
import { groupSize } from '../../src/contract/search.ts'

describe('the search index build', () => {
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

  test('records hold one transcript up to 500, then a power of two: about 350 to 710 records', () => {
    expect(groupSize(1)).toBe(1)
    expect(groupSize(500)).toBe(1)
    // 708 / 500 is just over √2: the nearest power of two is 2.
    expect(groupSize(707)).toBe(1)
    expect(groupSize(708)).toBe(2)
    expect(groupSize(1000)).toBe(2)
    expect(groupSize(10_000)).toBe(16)
    // One transcript added leaves the records as they were.
    expect(groupSize(10_001)).toBe(16)
    for (const n of [501, 1000, 3000, 10_000, 11_313, 11_314, 50_000]) {
      const records = Math.ceil(n / groupSize(n))
      expect(records, `${n} transcripts`).toBeGreaterThanOrEqual(350)
      expect(records, `${n} transcripts`).toBeLessThanOrEqual(708)
    }
  })
})
