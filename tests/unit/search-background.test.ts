/**
 * The search build beside Astro's (src/build/search/background.ts): a real worker thread and the real
 * Pagefind build two transcripts' JSON from a site cache, and the output lands in the site beside what
 * Astro wrote there; a transcript that is not JSON fails with its name; a worker that cannot start
 * leaves the same build to this thread; a rebuild with nothing changed places the kept output again; in
 * parts, a rebuild indexes only the part that changed, and (24 transcripts, the passages in a worker of
 * their own) reads back only that part, writing what a build from nothing writes.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { cachedTranscripts, stagingFolder, startSearchBuild } from '../../src/build/search/background.ts'
import { PART_SIZE } from '../../src/build/search/parts.ts'
import { transcriptLabel } from '../../src/build/search/records.ts'
import { jsonArtifact } from '../../src/build/prepare/artifacts.ts'
import { manifestArtifact, readManifestLabels, writeManifest } from '../../src/build/manifest.ts'
import { siteFormatNames } from '../../src/collection/exports.ts'
import { writeCollection } from '../../src/build/collection.ts'
import { summarize } from '../../src/collection/summary.ts'
import type { TranscriptJson } from '../../src/core/schema.ts'
import { jsonText } from '../../src/core/formats/json.ts'
import { loadTranscript } from '../../src/core/load.ts'
import { makeTranscript } from '../../scripts/make-corpus.ts'
import { fixtures, root } from '../support/paths.ts'

const folders: string[] = []
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true })
})

/** A site cache holding the JSON of synthetic transcripts `numbers`, and a site where Astro wrote `/search/`. */
async function setUp(numbers: number[]): Promise<{ cache: string; site: string; names: string[] }> {
  const folder = await mkdtemp(join(tmpdir(), 'search-background-'))
  folders.push(folder)
  const cache = join(folder, 'cache')
  const site = join(folder, 'dist')
  await mkdir(join(cache, 'transcripts'), { recursive: true })
  await mkdir(join(site, 'search'), { recursive: true })
  await writeFile(join(site, 'search', 'index.html'), '<title>Search</title>')
  const names: string[] = []
  for (const n of numbers) {
    const { name, text } = makeTranscript(n)
    await writeFile(jsonArtifact(name, cache), jsonText(loadTranscript(text, `${name}.txt`).json))
    names.push(name)
  }
  return { cache, site, names: names.sort() }
}

describe('the search build beside Astro', () => {
  test('a worker builds the index from the cache, and it is placed in the site', async () => {
    const { cache, site, names } = await setUp([1, 2])
    expect((await cachedTranscripts(cache)).names).toEqual(names)
    const lines: string[] = []
    const build = startSearchBuild({
      root,
      cache,
      partSize: PART_SIZE,
      log: (line) => lines.push(line),
    })
    const outcome = await build.finish(site)
    expect(outcome).toMatchObject({ ok: true, manifest: { records: 2 } })
    // The worker's progress lines reach this thread's log.
    expect(lines.some((line) => /^search index: 2\/2 transcripts \(\d+\.\d s\); 1 part: 1 indexed, 0 kept$/.test(line))).toBe(
      true,
    )
    const [part, ...more] = outcome.ok ? (outcome.manifest.parts ?? []) : []
    expect(more, 'two transcripts: one part').toEqual([])
    expect(existsSync(join(site, 'pagefind', part!, 'pagefind-entry.json'))).toBe(true)
    expect(await readFile(join(site, 'search', 'index.html'), 'utf8')).toBe('<title>Search</title>')
    expect(existsSync(join(site, 'search', 'manifest.json'))).toBe(true)
    expect((await readdir(join(site, 'search', 'passages'))).sort()).toEqual(names.map((name) => `${name}.json.gz`))
    expect(existsSync(stagingFolder(cache))).toBe(false)
  }, 60_000)

  test('a transcript that is not JSON fails the build with its name', async () => {
    const { cache, site } = await setUp([1])
    await writeFile(jsonArtifact('broken', cache), 'not json')
    const outcome = await startSearchBuild({
      root,
      cache,
      partSize: PART_SIZE,
      log: () => {},
    }).finish(site)
    expect(outcome.ok).toBe(false)
    expect(outcome.ok ? '' : outcome.message).toMatch(/^broken\/transcript\.json is not JSON/)
    expect(existsSync(join(site, 'pagefind'))).toBe(false)
  }, 60_000)

  test('a worker that cannot start leaves the build to this thread, with the same output', async () => {
    const { cache, site, names } = await setUp([3])
    const lines: string[] = []
    const outcome = await startSearchBuild({
      root: join(root, 'no-such-folder'),
      cache,
      partSize: PART_SIZE,
      log: (line) => lines.push(line),
    }).finish(site)
    expect(outcome).toMatchObject({ ok: true, manifest: { records: 1 } })
    expect(lines).toContain('the search worker stopped; building the search in the main thread')
    expect(await readdir(join(site, 'search', 'passages'))).toEqual(names.map((name) => `${name}.json.gz`))
  }, 60_000)

  test('a rebuild with nothing changed places the kept index again without indexing; a changed transcript builds it again', async () => {
    const { cache, names } = await setUp([4, 5])
    const json = (name: string) => JSON.parse(readFileSync(jsonArtifact(name, cache), 'utf8')) as TranscriptJson
    const collection = (digests: string[]) =>
      writeCollection(
        names.map((name, i) => summarize(json(name), digests[i]!)),
        cache,
      )
    collection(['a', 'b'])
    const build = async () => {
      const site = join(cache, '..', `site-${Math.random().toString(36).slice(2)}`)
      const lines: string[] = []
      const outcome = await startSearchBuild({ root, cache, partSize: PART_SIZE, log: (line) => lines.push(line) }).finish(site)
      const files = (await readdir(site, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name).slice(site.length))
        .sort()
      const bytes = await Promise.all(files.map((file) => readFile(join(site, file))))
      return { outcome, lines, files, bytes, indexed: lines.some((line) => line.startsWith('search index:')) }
    }
    const first = await build()
    expect(first.outcome).toMatchObject({ ok: true, manifest: { records: 2 } })
    expect(first.indexed, 'the first build indexes').toBe(true)
    const parts = first.outcome.ok ? (first.outcome.manifest.parts ?? []) : []
    expect(parts).toHaveLength(1)
    expect(first.files).toContain(`/pagefind/${parts[0]}/pagefind-entry.json`)

    const again = await build()
    expect(again.indexed, 'nothing changed: no indexing').toBe(false)
    expect(again.lines).toContain('search build: nothing it reads has changed since the last build; its index is placed again')
    expect(again.outcome).toEqual(first.outcome)
    expect(again.files).toEqual(first.files)
    expect(again.bytes).toEqual(first.bytes)

    // One transcript's digest changed (its text, sidecar, history or the code that read it): built again.
    collection(['a', 'b2'])
    const changed = await build()
    expect(changed.indexed, 'a digest changed: indexed again').toBe(true)
    expect(changed.outcome).toMatchObject({ ok: true, manifest: { records: 2 } })
    // The kept index cannot be used when its files are gone.
    await rm(join(cache, 'search-kept'), { recursive: true, force: true })
    expect((await build()).indexed, 'the kept index gone: indexed again').toBe(true)
  }, 120_000)

  test('in parts: a rebuild indexes again only the part whose transcript changed, and places the others as they were', async () => {
    const { cache, names } = await setUp([6, 7, 8])
    // The collection's summaries, as the steps write them: each transcript's digest.
    const json = (name: string) => JSON.parse(readFileSync(jsonArtifact(name, cache), 'utf8')) as TranscriptJson
    const collection = (digest: (name: string) => string) =>
      writeCollection(
        names.map((name) => summarize(json(name), digest(name))),
        cache,
      )
    collection((name) => `first ${name}`)
    const build = async () => {
      const site = join(cache, '..', `site-${Math.random().toString(36).slice(2)}`)
      const lines: string[] = []
      // One transcript a part: three parts.
      const outcome = await startSearchBuild({ root, cache, partSize: 1, log: (line) => lines.push(line) }).finish(site)
      if (!outcome.ok) throw new Error(outcome.message)
      const parts = outcome.manifest.parts ?? []
      const inodes = new Map<string, number>()
      for (const part of parts)
        for (const entry of await readdir(join(site, 'pagefind', part), { recursive: true, withFileTypes: true }))
          if (entry.isFile())
            inodes.set(
              join(entry.parentPath, entry.name).slice(join(site, 'pagefind').length + 1),
              statSync(join(entry.parentPath, entry.name)).ino,
            )
      return { parts, inodes, lines }
    }
    const first = await build()
    expect(first.parts).toHaveLength(3)
    expect(first.lines.some((line) => line.endsWith('; 3 parts: 3 indexed, 0 kept'))).toBe(true)

    // One transcript's words changed: its JSON written again, as the prepare step would.
    const { name: changed, text } = makeTranscript(7)
    const at = names.indexOf(changed)
    const words = text.replace(/\bthe\b/, 'marzipan')
    expect(words).not.toBe(text)
    await writeFile(jsonArtifact(changed, cache), jsonText(loadTranscript(words, `${changed}.txt`).json))
    collection((name) => (name === changed ? 'second' : `first ${name}`))
    const second = await build()
    // The kept parts are known by their transcripts' digests: none of their transcripts is read again.
    expect(second.lines.some((line) => line.endsWith('; 3 parts: 1 indexed, 2 kept, 2 of them unread'))).toBe(true)
    expect(second.parts.map((part, k) => part === first.parts[k])).toEqual([0, 1, 2].map((k) => k !== at))
    // The kept parts are the same files (links to the cache's), the changed one new files.
    for (const [file, inode] of second.inodes) {
      const part = file.split('/')[0]!
      if (part === second.parts[at]) expect(first.inodes.get(file), file).not.toBe(inode)
      else expect(first.inodes.get(file), file).toBe(inode)
    }
    // The cache keeps this collection's parts only.
    const keptFiles = await readdir(join(cache, 'search-parts'))
    expect(keptFiles.filter((file) => !file.endsWith('.sources.json')).sort()).toEqual([...second.parts].sort())
    // and each part's sources (part-sources.ts), one file a part.
    expect(keptFiles.filter((file) => file.endsWith('.sources.json'))).toHaveLength(3)
  }, 120_000)

  test('in parts, with the passages in their own thread: a rebuild reads back only the changed part, and writes what a build from nothing writes', async () => {
    // 24 transcripts: the passages' thread is a worker of its own (passage-thread.ts), and a kept part's
    // files are linked only once that worker has written them all.
    const numbers = Array.from({ length: 24 }, (_, i) => 30 + i)
    const { cache, names } = await setUp(numbers)
    const json = (name: string) => JSON.parse(readFileSync(jsonArtifact(name, cache), 'utf8')) as TranscriptJson
    const collection = (digest: (name: string) => string) =>
      writeCollection(
        names.map((name) => summarize(json(name), digest(name))),
        cache,
      )
    const build = async (from: string) => {
      const site = join(from, '..', `site-${Math.random().toString(36).slice(2)}`)
      const lines: string[] = []
      const outcome = await startSearchBuild({ root, cache: from, partSize: 8, log: (line) => lines.push(line) }).finish(site)
      if (!outcome.ok) throw new Error(outcome.message)
      const files = new Map<string, string>()
      for (const entry of await readdir(join(site, 'search'), { recursive: true, withFileTypes: true }))
        if (entry.isFile()) {
          const path = join(entry.parentPath, entry.name)
          files.set(path.slice(site.length), (await readFile(path)).toString('base64'))
        }
      return { lines, files, parts: outcome.manifest.parts ?? [] }
    }
    collection((name) => `first ${name}`)
    const first = await build(cache)
    expect(first.parts.length).toBeGreaterThanOrEqual(2)

    const { name: changed, text } = makeTranscript(numbers[5]!)
    const words = text.replace(/\bthe\b/, 'marzipan')
    expect(words).not.toBe(text)
    await writeFile(jsonArtifact(changed, cache), jsonText(loadTranscript(words, `${changed}.txt`).json))
    collection((name) => (name === changed ? 'second' : `first ${name}`))
    const second = await build(cache)
    const kept = first.parts.length - 1
    expect(second.lines.some((line) => line.endsWith(`1 indexed, ${kept} kept, ${kept} of them unread`))).toBe(true)
    expect(
      second.lines.some((line) => /^search tables: \d+\/\d+ records \(.*; \d+ records of kept parts unread$/.test(line)),
    ).toBe(true)

    // The same collection built from a cache of its own, nothing kept: the same tables, passages and all.
    const fresh = join(cache, '..', 'fresh-cache')
    await mkdir(join(fresh, 'transcripts'), { recursive: true })
    for (const name of names) await writeFile(jsonArtifact(name, fresh), await readFile(jsonArtifact(name, cache)))
    writeCollection(
      names.map((name) => summarize(json(name), name === changed ? 'second' : `first ${name}`)),
      fresh,
    )
    const whole = await build(fresh)
    expect(whole.lines.some((line) => line.includes('records of kept parts unread'))).toBe(false)
    expect(second.files.size).toBeGreaterThan(24)
    expect(second.files).toEqual(whole.files)
  }, 180_000)

  test("the labels' first pass reads the manifest, and gets each transcript's label as its JSON gives it", async () => {
    const folder = await mkdtemp(join(tmpdir(), 'search-background-'))
    folders.push(folder)
    const parsed = readdirSync(join(fixtures, 'parse'))
      .filter((file) => file.endsWith('.json'))
      .map((file) => JSON.parse(readFileSync(join(fixtures, 'parse', file), 'utf8')) as TranscriptJson)
    // No date and no title: the label falls back to the document id, and the manifest's date is null.
    const bare: TranscriptJson = { ...parsed[0]!, name: 'bare', date: '', title: '' }
    const all = [...parsed, bare]
    await writeManifest(
      all.map((json) => summarize(json, 'digest')),
      manifestArtifact(folder),
      siteFormatNames,
      { formats: [] },
    )
    const labels = await readManifestLabels(manifestArtifact(folder))
    expect(labels?.size).toBe(all.length)
    for (const json of all) expect(transcriptLabel({ name: json.name, ...labels!.get(json.name)! })).toBe(transcriptLabel(json))
    expect(transcriptLabel({ name: 'bare', ...labels!.get('bare')! })).toBe(`Document ${bare.id}`)
    expect(await readManifestLabels(join(folder, 'none.json'))).toBeUndefined()
  })
})
