/**
 * The search's Pagefind index in parts (src/build/search/parts.ts): where the collection is cut, and that
 * the search's tables read back from several parts are the files read back from one (the real Pagefind,
 * the real build), the postings and the heads of words and pairs saying the same (their transcripts are
 * numbered part by part, and a word triple is gathered within its part).
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, describe, expect, test } from 'vitest'
import { cutParts } from '../../src/build/search/parts.ts'
import { byCodePoint } from '../../src/build/search/pagefind-files.ts'
import { buildSearchIndex } from '../../src/build/search/index.ts'
import { decodePositions, MANIFEST_PATH, type HeadBucket, type Manifest, type WordHead } from '../../src/contract/search.ts'
import { loadTranscript } from '../../src/core/load.ts'
import { makeTranscript } from '../../scripts/make-corpus.ts'
import { postingsSaid } from '../support/postings.ts'

/** Names as a collection has them: a date, then a number. */
const collection = (count: number, from = 0) =>
  Array.from(
    { length: count },
    (_, i) => `1962-${String(1 + ((from + i) % 12)).padStart(2, '0')}-${String(from + i).padStart(5, '0')}`,
  ).sort()

describe('cutParts', () => {
  const names = collection(5000)

  test('every name once, in order, parts of half to twice the size (the last may be smaller)', () => {
    for (const size of [1, 2, 10, 100, 1000]) {
      const parts = cutParts(names, size)
      expect(parts.flat()).toEqual(names)
      for (const part of parts.slice(0, -1)) {
        expect(part.length).toBeGreaterThanOrEqual(Math.ceil(size / 2))
        expect(part.length).toBeLessThanOrEqual(2 * size)
      }
    }
    expect(cutParts([], 10)).toEqual([])
    expect(cutParts(names, 1)).toHaveLength(names.length)
    // About `size` on average: 5,000 names in parts of about 100 make 30 to 100 parts.
    expect(cutParts(names, 100).length).toBeGreaterThanOrEqual(30)
    expect(cutParts(names, 100).length).toBeLessThanOrEqual(100)
  })

  test('a name added or removed changes its own part and at most the next one', () => {
    const key = (part: string[]) => part.join('\n')
    for (const size of [10, 100]) {
      const before = new Set(cutParts(names, size).map(key))
      for (const at of [0, 17, 1234, 2500, 4999]) {
        const added = [...names.slice(0, at), `${names[at]}a`, ...names.slice(at)].sort()
        const removed = names.filter((_, i) => i !== at)
        for (const after of [added, removed]) {
          const changed = cutParts(after, size).filter((part) => !before.has(key(part)))
          expect(changed.length, `size ${size}, name ${at}`).toBeLessThanOrEqual(2)
          expect(changed.length).toBeGreaterThanOrEqual(1)
        }
      }
    }
  })
})

describe("byCodePoint: the parts' words merged in Pagefind's order", () => {
  test('code point order, as UTF-8 bytes sort, not UTF-16 units', () => {
    // U+FF01 (fullwidth !) is before U+1F600 (an emoji) as code points; JavaScript's < says the opposite.
    const words = ['😀', '！', 'zebra', 'a', 'ab', 'é', '']
    const bytes = [...words].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
    expect([...words].sort(byCodePoint)).toEqual(bytes)
    expect(bytes).toEqual(['', 'a', 'ab', 'zebra', 'é', '！', '😀'])
    expect(byCodePoint('！', '😀')).toBeLessThan(0)
    expect(byCodePoint('same', 'same')).toBe(0)
  })
})

/** Every head of a site's heads files, by key. */
function headsOf(site: string): Map<string, WordHead> {
  const heads = new Map<string, WordHead>()
  for (const file of readdirSync(join(site, 'search/heads')))
    for (const [key, head] of Object.entries(
      JSON.parse(gunzipSync(readFileSync(join(site, 'search/heads', file))).toString('utf8')) as HeadBucket,
    ))
      heads.set(key, head)
  return heads
}

/** The sections of a transcript holding a key, as the postings say (`postingsSaid`'s rows). */
function sectionsOf(said: Map<string, string[]>, key: string, name: string): number[] {
  const row = said.get(key)?.find((line) => line.startsWith(`${name}: `))
  return (row?.slice(name.length + 2).split('; ') ?? []).map((entry) => Number(entry.split(' ')[0]))
}

/** The places of a pair in one section of a transcript, as the postings say (`postingsSaid`'s rows). */
function placesOf(said: Map<string, string[]>, pair: string, name: string, section: number): number[] {
  const row = said.get(pair)?.find((line) => line.startsWith(`${name}: `))
  const at = row
    ?.slice(name.length + 2)
    .split('; ')
    .find((entry) => entry.startsWith(`${section} `))
  return at === undefined ? [] : /\[(.*)\]/.exec(at)![1]!.split(',').map(Number)
}

const folders: string[] = []
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true })
})

/** Every file under the site's `search/`, by path, with the manifest's list of parts left out. */
function tables(site: string): Map<string, string> {
  const files = new Map<string, string>()
  for (const entry of readdirSync(join(site, 'search'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name).slice(site.length + 1)
    files.set(path, readFileSync(join(site, path)).toString('base64'))
  }
  const manifest = JSON.parse(readFileSync(join(site, MANIFEST_PATH), 'utf8')) as Manifest
  files.set(MANIFEST_PATH, JSON.stringify({ ...manifest, parts: undefined }))
  return files
}

describe('the tables from an index in parts', () => {
  test('are the files the same collection gives indexed whole', async () => {
    const transcripts = [0, 1, 2, 3, 4, 5, 6].map((n) => {
      const { name, text } = makeTranscript(n)
      return loadTranscript(text, `${name}.txt`).json
    })
    const build = async (partSize: number, groupSize: number) => {
      const site = await mkdtemp(join(tmpdir(), 'search-parts-'))
      folders.push(site)
      const manifest = await buildSearchIndex({
        site,
        names: transcripts.map((t) => t.name).sort(),
        read: async (name) => transcripts.find((t) => t.name === name)!,
        log: () => {},
        groupSize,
        partSize,
        wordFileTarget: 3_000,
        headSize: 1,
      })
      return { site, manifest, files: tables(site) }
    }
    // One transcript a record, so that both index the same records (records of several are made within a part).
    const whole = await build(1000, 1)
    const inParts = await build(4, 1)
    expect(whole.manifest.parts).toHaveLength(1)
    expect(inParts.manifest.parts!.length).toBeGreaterThanOrEqual(2)
    // Every table but the heads and the postings is the same file.
    const pieces = (path: string) => /^search\/(heads|postings)\//.test(path) || path === MANIFEST_PATH
    const others = (files: Map<string, string>) => [...files].filter(([path]) => !pieces(path))
    expect(others(inParts.files)).toEqual(others(whole.files))
    const { heads: _, ...manifest } = JSON.parse(readFileSync(join(whole.site, MANIFEST_PATH), 'utf8')) as Manifest
    expect(JSON.parse(readFileSync(join(inParts.site, MANIFEST_PATH), 'utf8'))).toMatchObject({
      ...manifest,
      parts: inParts.manifest.parts,
    })
    // The postings number transcripts part by part (posting-parts.ts): the same rows, in other words.
    const said = postingsSaid(whole.site)
    expect(said.size).toBeGreaterThan(100)
    expect(postingsSaid(inParts.site)).toEqual(said)
    // The heads of words are the same. A pair's head has the same counts and its rows the same numbers
    // of passages, each the transcript's every section holding the pair (ties between transcripts are
    // kept in the order of reading, which is part by part: head-parts.ts). A triple is gathered within
    // its part, so its head may differ, but every transcript it lists holds the triple in every section it gives.
    const wholeHeads = headsOf(whole.site)
    const partHeads = headsOf(inParts.site)
    const length = (key: string) => key.split(' ').length
    const ofLength = (heads: Map<string, WordHead>, n: number) => [...heads].filter(([key]) => length(key) === n).sort()
    expect(ofLength(partHeads, 1)).toEqual(ofLength(wholeHeads, 1))
    const pairs = ofLength(partHeads, 2)
    expect(pairs.length).toBeGreaterThan(100)
    expect(pairs.map(([key]) => key)).toEqual(ofLength(wholeHeads, 2).map(([key]) => key))
    const hits = ([sections, transcripts, rows]: WordHead) => [
      sections,
      transcripts,
      rows.map((row) => decodePositions(row[1]).length),
    ]
    for (const [key, head] of pairs) {
      expect(hits(head), key).toEqual(hits(wholeHeads.get(key)!))
      for (const [name, sections] of head[2])
        expect(decodePositions(sections), `${key} in ${name}`).toEqual(sectionsOf(said, key, name))
    }
    const triples = ofLength(partHeads, 3)
    expect(triples.length).toBeGreaterThan(0)
    for (const [key, [, , rows]] of triples) {
      const [a, b, c] = key.split(' ')
      for (const [name, sections] of rows)
        for (const section of decodePositions(sections)) {
          const first = placesOf(said, `${a} ${b}`, name, section)
          const second = placesOf(said, `${b} ${c}`, name, section)
          expect(
            first.some((place) => second.includes(place + 1)),
            `${key} in ${name}, section ${section}`,
          ).toBe(true)
        }
    }
  }, 120_000)
})

describe('the postings and heads of parts an earlier build kept', () => {
  test('a rebuild after one transcript changed gathers its part only, and writes what a build from nothing writes', async () => {
    const made = [0, 1, 2, 3, 4, 5, 6].map((n) => makeTranscript(n))
    const cache = await mkdtemp(join(tmpdir(), 'search-parts-cache-'))
    folders.push(cache)
    const piecesCache = join(cache, 'pieces')
    const build = async (texts: typeof made, caches: boolean) => {
      const transcripts = texts.map(({ name, text }) => loadTranscript(text, `${name}.txt`).json)
      const site = await mkdtemp(join(tmpdir(), 'search-parts-'))
      folders.push(site)
      await buildSearchIndex({
        site,
        names: transcripts.map((t) => t.name).sort(),
        read: async (name) => transcripts.find((t) => t.name === name)!,
        log: () => {},
        groupSize: 1,
        partSize: 2,
        ...(caches ? { partsCache: join(cache, 'parts'), piecesCache } : {}),
      })
      return site
    }
    await build(made, true)
    const kept = () =>
      new Map(readdirSync(piecesCache).map((part) => [part, statSync(join(piecesCache, part, 'postings.txt')).ino]))
    const before = kept()
    expect(before.size).toBeGreaterThanOrEqual(2)

    // One word of one turn changed: “quarantine”, a word no generated transcript has, in place of its first word of four letters or more.
    const changed = made.map((each, i) =>
      i === 3 ? { ...each, text: each.text.replace(/(?<=\n[A-Z][^\n]*?: [^\n]*?)\b[a-z]{4,}\b/, 'quarantine') } : each,
    )
    expect(changed[3]!.text).not.toBe(made[3]!.text)
    const rebuilt = await build(changed, true)
    const after = kept()
    // The changed transcript's part is gathered again (a new key); every other part's pieces are the same files.
    const same = [...after].filter(([part, inode]) => before.get(part) === inode)
    expect(same.length).toBe(after.size - 1)
    expect(after.size).toBe(before.size)

    // Every table is the file a build from nothing writes: the same parts, read in the same order.
    const fresh = await build(changed, false)
    expect(tables(rebuilt)).toEqual(tables(fresh))
    const said = postingsSaid(rebuilt)
    expect(said.get('quarantine')).toHaveLength(1)
    expect(said.get('quarantine')![0]).toMatch(new RegExp(`^${made[3]!.name}: `))
  }, 120_000)
})

describe('the parts an earlier build kept, known by their transcripts’ digests', () => {
  test('a rebuild reads only the changed part’s transcripts and records, and writes what a build from nothing writes', async () => {
    const made = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => makeTranscript(n))
    const cache = await mkdtemp(join(tmpdir(), 'search-sources-cache-'))
    folders.push(cache)
    const build = async (texts: typeof made, caches: boolean) => {
      const transcripts = texts.map(({ name, text }) => ({ text, json: loadTranscript(text, `${name}.txt`).json }))
      const site = await mkdtemp(join(tmpdir(), 'search-sources-'))
      folders.push(site)
      const read: string[] = []
      const lines: string[] = []
      await buildSearchIndex({
        site,
        names: transcripts.map((t) => t.json.name).sort(),
        read: async (name) => {
          read.push(name)
          return transcripts.find((t) => t.json.name === name)!.json
        },
        // The labels' first pass reads the collection's manifest in a build, not each transcript.
        readLabel: async (name) => transcripts.find((t) => t.json.name === name)!.json,
        // As the collection's summaries give it: a hash of what the transcript's JSON is made from.
        digest: (name) =>
          createHash('sha256')
            .update(transcripts.find((t) => t.json.name === name)!.text)
            .digest('hex'),
        log: (line) => lines.push(line),
        // Records of two transcripts: what the tables need of each (its label, its filters) is kept too.
        groupSize: 2,
        partSize: 4,
        ...(caches
          ? { partsCache: join(cache, 'parts'), piecesCache: join(cache, 'pieces'), readingsCache: join(cache, 'readings') }
          : {}),
      })
      // How many of Pagefind's records were read back (part-files.ts: a kept part's are not).
      const tablesLine = lines.find((line) => line.startsWith('search tables: ') && line.includes(' records ('))
      const readBack = Number(/^search tables: (\d+)\/\d+ records/.exec(tablesLine ?? '')?.[1] ?? Number.NaN)
      return { site, read, readBack }
    }
    const first = await build(made, true)
    expect(first.read).toHaveLength(made.length)
    // Two transcripts a record, made within a part: every record read back the first time.
    const names = made.map((t) => t.name).sort()
    const cut = cutParts(names, 4)
    const records = (part: string[]) => Math.ceil(part.length / 2)
    expect(first.readBack).toBe(cut.reduce((sum, part) => sum + records(part), 0))
    const partsOf = (site: string) => (JSON.parse(readFileSync(join(site, MANIFEST_PATH), 'utf8')) as Manifest).parts!
    const parts = partsOf(first.site)
    expect(parts.length).toBeGreaterThanOrEqual(2)

    // Nothing changed: no transcript is read, every part is placed again.
    const again = await build(made, true)
    expect(again.read).toEqual([])
    expect(again.readBack).toBe(0)
    expect(tables(again.site)).toEqual(tables(first.site))

    // One word of transcript 3 changed: its part's transcripts are read, and no other.
    const changed = made.map((each, i) =>
      i === 3 ? { ...each, text: each.text.replace(/(?<=\n[A-Z][^\n]*?: [^\n]*?)\b[a-z]{4,}\b/, 'quarantine') } : each,
    )
    expect(changed[3]!.text).not.toBe(made[3]!.text)
    const rebuilt = await build(changed, true)
    const part = cut.find((p) => p.includes(made[3]!.name))!
    expect(rebuilt.read.sort()).toEqual([...part].sort())
    // and only its records are read back from Pagefind: the others' rows, words and passages are kept.
    expect(rebuilt.readBack).toBe(records(part))
    expect(partsOf(rebuilt.site).filter((p) => !parts.includes(p))).toHaveLength(1)

    // Every table (the speakers' keys, the value tables, the postings) is the file a build from nothing writes.
    const fresh = await build(changed, false)
    expect(fresh.read).toHaveLength(made.length)
    expect(tables(rebuilt.site)).toEqual(tables(fresh.site))
    expect(postingsSaid(rebuilt.site).get('quarantine')![0]).toMatch(new RegExp(`^${made[3]!.name}: `))

    // A damaged cache is read again, not trusted: one part's sources not JSON, another part's reading
    // missing a passages file. Those parts' transcripts and records are read, and the tables are the same.
    const sourcesFiles = readdirSync(join(cache, 'parts')).filter((file) => file.endsWith('.sources.json'))
    writeFileSync(join(cache, 'parts', sourcesFiles[0]!), '{"part":')
    const readings = readdirSync(join(cache, 'readings'))
    const passagesOf = (reading: string) => join(cache, 'readings', reading, 'site', 'search', 'passages')
    const damaged = readings.find((reading) => readdirSync(passagesOf(reading)).length > 0)!
    const lost = readdirSync(passagesOf(damaged))[0]!
    rmSync(join(passagesOf(damaged), lost))
    const mended = await build(changed, true)
    expect(mended.read.length).toBeGreaterThan(0)
    expect(mended.readBack).toBeGreaterThan(0)
    expect(tables(mended.site)).toEqual(tables(fresh.site))
    // and kept whole again for the build after.
    expect(existsSync(join(passagesOf(damaged), lost))).toBe(true)
    const after = await build(changed, true)
    expect(after.read).toEqual([])
    expect(after.readBack).toBe(0)
  }, 120_000)
})
