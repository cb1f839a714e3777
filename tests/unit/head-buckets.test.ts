/**
 * The heads' files (build/heads.ts writes them, client/heads.ts reads them, contract.ts `headBucketOf`
 * places each key): every key is found where the page looks, and a triple lives in its first pair's file,
 * so a phrase's heads take one file for each of its pairs.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { writeHeads } from '../../src/build/search/heads.ts'
import { wordHead } from '../../src/browser/search/heads.ts'
import type { SearchData } from '../../src/browser/search/records.ts'
import {
  headBucketOf,
  headBucketPath,
  MANIFEST_PATH,
  phraseSequences,
  type HeadBucket,
  type WordHead,
} from '../../src/contract/search.ts'

const WORDS = ['embargo', 'we', 'should', 'see', 'what', 'happens', 'with', 'the', 'tariff', 'before', 'castro', 'says']
const head = (n: number): WordHead => [n, 1, [[`t${n}`, 'a']]]

let site: string
let buckets: number
const words = new Map(WORDS.map((word, i) => [word, head(i)]))
const sequences: Array<[string, WordHead]> = []
for (let i = 0; i + 2 < WORDS.length; i++) {
  sequences.push([`${WORDS[i]} ${WORDS[i + 1]}`, head(100 + i)])
  sequences.push([`${WORDS[i]} ${WORDS[i + 1]} ${WORDS[i + 2]}`, head(200 + i)])
}

/** The page's reading of the written files, as client/data.ts does it in the browser. */
const data: SearchData = {
  pagefind: () => Promise.reject(new Error('not used')),
  json: async <T>(path: string) => {
    if (path === MANIFEST_PATH) return { heads: buckets } as T
    const bytes = await readFile(join(site, path))
    return JSON.parse(gunzipSync(bytes).toString('utf8')) as T
  },
  passages: () => Promise.reject(new Error('not used')),
}

beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), 'head-buckets-'))
  // A small target: many files for a few heads.
  ;({ buckets } = await writeHeads(
    site,
    words,
    new Map(),
    sequences.map(([key, head]) => [key, JSON.stringify(head)]),
    120,
  ))
})
afterAll(() => rm(site, { recursive: true, force: true }))

describe('heads in their files', () => {
  test('several files are written, and every word, pair and triple is read back from where the page looks', async () => {
    expect(buckets).toBeGreaterThan(4)
    expect((await readdir(join(site, 'search', 'heads'))).length).toBe(buckets)
    for (const [key, expected] of [...words, ...sequences]) expect(await wordHead(data, key), key).toEqual(expected)
    expect(await wordHead(data, 'quarantine')).toBeUndefined()
  })

  test("a triple is in its first pair's file: a phrase's heads take one file for each of its pairs", async () => {
    for (const [key] of sequences) {
      const parts = key.split(' ')
      if (parts.length !== 3) continue
      const n = headBucketOf(key, buckets)
      expect(n, key).toBe(headBucketOf(parts.slice(0, 2).join(' '), buckets))
      const file = JSON.parse(gunzipSync(await readFile(join(site, headBucketPath(n)))).toString('utf8')) as HeadBucket
      expect(Object.hasOwn(file, key), key).toBe(true)
    }
    const phrase = ['see', 'what', 'happens', 'with']
    const { pairs, triples } = phraseSequences(phrase)
    const files = new Set([...pairs, ...triples].map((key) => headBucketOf(key, buckets)))
    expect(files.size).toBeLessThanOrEqual(pairs.length)
    // Pairs are spread by their own hash: not every pair of the test in one file.
    expect(
      new Set(sequences.filter(([k]) => k.split(' ').length === 2).map(([k]) => headBucketOf(k, buckets))).size,
    ).toBeGreaterThan(1)
  })
})
