/**
 * The editor's loop (issue 25): one word of one transcript corrected, and the site built again into the
 * same output and cache, as `npm run build` does. What shows that transcript's words is written again;
 * every other transcript's page is the same bytes and its exports the same files (links to artifacts the
 * prepare step did not write again); no other page changes unless it shows the corrected words; and the
 * site's own search page, in Chromium, finds the new word in that transcript and the old one no longer
 * there, by a word (the search's tables) and by a quoted phrase (Pagefind's index, its parts merged).
 * Pagefind's index is in parts (one transcript a part here, from the site configuration's `search`): the
 * corrected transcript's part is the one indexed and written again; the others are the same files. Of
 * the search's own tables (`search/`), each transcript's passages are kept with its part: the other
 * transcripts' are the same files. The word tables, heads and postings are still written again whole from
 * the parts' kept pieces (docs/search.md, "In parts").
 *
 * The site's folder is kept from build to build, not emptied (src/build/site-prune.ts): a page Astro
 * does not render again is the very file the build before wrote. Then one transcript is taken out and the
 * site built a third time: it holds exactly the files a build of the two others from nothing holds, so
 * nothing of the one taken out (its page, exports, Pagefind part) is left behind.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { makeTranscript, speechOf } from '../../scripts/make-corpus.ts'
import { serveDist } from '../../scripts/lib/dist-server.ts'
import { writeAstroConfig } from '../../scripts/lib/astro-config.ts'
import { buildRecord } from '../../src/build/site-prune.ts'
import type { Manifest } from '../../src/contract/search.ts'
import { stem } from '../../src/contract/stem.ts'
import { root } from '../support/paths.ts'
import { resultUrls, searchSettled } from './support/search.ts'
import { closeSite, type Site, startChromium, withPage } from './support/site.ts'
import { buildStep, runBuild } from './support/sites.ts'

// Inside the repository, as every other build of the tests (tests/e2e/build.test.ts says why).
mkdirSync(join(root, 'tmp'), { recursive: true })
const scratch = mkdtempSync(join(root, 'tmp', 'rebuild-test-'))
const folder = join(scratch, 'transcripts')
const dist = join(scratch, 'dist')
/** Three generated transcripts, dated 1961, 1962 and 1963 by their generator; the middle one is corrected. */
const written = [0, 1, 2].map((index) => makeTranscript(index, 5))
const corrected = written[1]!
const NEW_WORD = 'marzipan'

/** Each file of the output: its bytes' hash and its inode (a hard link keeps the inode of what it links). */
type Snapshot = Map<string, { hash: string; inode: number }>

function snapshot(out = dist): Snapshot {
  const files: Snapshot = new Map()
  for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    const hash = createHash('sha256').update(readFileSync(path)).digest('hex')
    files.set(relative(out, path).split('\\').join('/'), { hash, inode: statSync(path).ino })
  }
  return files
}

/** A site configuration of its own: Pagefind's index in parts of one transcript. */
const config = writeAstroConfig(root, join(scratch, 'astro.config.mjs'), { search: { partSize: 1 } })

/**
 * `npm run build`'s own script, as the fixture sites are built (support/sites.ts), into the same output and
 * cache; returns the parts of Pagefind's index the search manifest lists.
 */
async function build(out = dist, cache = join(scratch, 'cache')): Promise<string[]> {
  const step = buildStep(folder, out, cache)
  const { code, output } = await runBuild({ ...step, args: [...step.args, '--config', config] })
  if (code !== 0) throw new Error(`the build failed:\n${output.slice(-4000)}`)
  return (JSON.parse(readFileSync(join(out, 'search', 'manifest.json'), 'utf8')) as Manifest).parts ?? []
}

/**
 * A word of the corrected transcript's turns (after a speaker's label), of six letters or more, that no
 * other word it prints shares a stem with (the search answers a word's stem: "figures" finds "figure"), and
 * that it prints once: after the correction nothing in the transcript answers it.
 */
function wordPrintedOnce(text: string): string {
  const stems = new Map<string, number>()
  for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) stems.set(stem(word), (stems.get(stem(word)) ?? 0) + 1)
  for (const line of text.split('\n')) {
    for (const word of speechOf(line)?.match(/\b[a-z]{6,}\b/g) ?? []) if (stems.get(stem(word)) === 1) return word
  }
  throw new Error('no word of six letters or more is alone with its stem in the transcript')
}

const OLD_WORD = wordPrintedOnce(corrected.text)
/** The word printed after the corrected one, for a phrase (Pagefind's search) that holds it. */
const NEXT_WORD = new RegExp(`\\b${OLD_WORD}\\s+([a-z]+)\\b`).exec(corrected.text)?.[1]
let before: Snapshot
let after: Snapshot
let partsBefore: string[] = []
let partsAfter: string[] = []
let opened: Partial<Site> = {}

beforeAll(async () => {
  mkdirSync(folder, { recursive: true })
  for (const { name, text } of written) writeFileSync(join(folder, `${name}.txt`), text)
  partsBefore = await build()
  before = snapshot()
  const path = join(folder, `${corrected.name}.txt`)
  writeFileSync(path, readFileSync(path, 'utf8').replace(new RegExp(`\\b${OLD_WORD}\\b`), NEW_WORD))
  partsAfter = await build()
  after = snapshot()
  opened = { server: await serveDist(dist), browser: await startChromium() }
}, 300_000)

afterAll(async () => {
  await closeSite(opened)
  rmSync(scratch, { recursive: true, force: true })
})

/** The files whose bytes changed, or that came or went, outside the search's own folders. */
function changedFiles(): string[] {
  const paths = new Set([...before.keys(), ...after.keys()])
  return [...paths]
    .filter((path) => !/^(pagefind|search)\//.test(path))
    .filter((path) => before.get(path)?.hash !== after.get(path)?.hash)
    .sort()
}

/** The transcripts a search on the site's own page finds for `q`: the names its results link to. */
async function found(page: Page, q: string): Promise<string[]> {
  await page.goto(new URL(`/search/?q=${encodeURIComponent(q)}`, opened.server!.url).href)
  await searchSettled(page, q)
  return [...new Set((await resultUrls(page)).map((url) => url.split('/')[1]!))]
}

describe('one word corrected, the site built again', () => {
  test("the corrected transcript's page and exports are written again, with the new word and without the old", () => {
    for (const file of ['index.html', 'transcript.json', 'transcript.txt', 'transcript.xml', 'transcript.vtt']) {
      const path = `${corrected.name}/${file}`
      expect(after.get(path)?.hash, path).not.toBe(before.get(path)?.hash)
      const text = readFileSync(join(dist, path), 'utf8')
      expect(text, path).toContain(NEW_WORD)
      expect(new RegExp(`\\b${OLD_WORD}\\b`).test(text), `${path} still holds “${OLD_WORD}”`).toBe(false)
    }
  })

  test("every other transcript's page is the same file, and its exports the same files", () => {
    for (const { name } of written.filter((each) => each !== corrected)) {
      // The same inode: left where it was (the site's folder kept), neither written nor copied back.
      expect(after.get(`${name}/index.html`), `${name}/index.html`).toEqual(before.get(`${name}/index.html`))
      for (const extension of ['json', 'txt', 'xml', 'vtt']) {
        const path = `${name}/transcript.${extension}`
        expect(after.get(path), path).toEqual(before.get(path))
      }
    }
  })

  test('no other page changed unless it shows the corrected words', () => {
    const pages = changedFiles().filter((path) => path.endsWith('.html'))
    expect(pages).toContain(`${corrected.name}/index.html`)
    for (const path of pages) expect(readFileSync(join(dist, path), 'utf8'), path).toContain(NEW_WORD)
    // And the files that are not pages: the corrected transcript's four exports, nothing else.
    expect(changedFiles().filter((path) => !path.endsWith('.html'))).toEqual(
      ['json', 'txt', 'vtt', 'xml'].map((extension) => `${corrected.name}/transcript.${extension}`),
    )
  })

  test("the site's search page finds the new word in the corrected transcript, and the old word no longer there", async () => {
    await withPage(opened, '/search/', async (page) => {
      expect(await found(page, NEW_WORD)).toEqual([corrected.name])
      expect(await found(page, OLD_WORD)).not.toContain(corrected.name)
      // A quoted phrase is found by Pagefind's search, over its parts merged in the page.
      expect(NEXT_WORD, `a word after “${OLD_WORD}”`).toBeDefined()
      expect(await found(page, `"${NEW_WORD} ${NEXT_WORD}"`)).toEqual([corrected.name])
      expect(await found(page, `"${OLD_WORD} ${NEXT_WORD}"`)).not.toContain(corrected.name)
    })
  })

  test("the search's passages: the corrected transcript's written again, the others the same files", () => {
    const passages = (name: string) => `search/passages/${name}.json.gz`
    expect(after.get(passages(corrected.name))?.hash).not.toBe(before.get(passages(corrected.name))?.hash)
    for (const { name } of written.filter((each) => each !== corrected)) {
      expect(after.get(passages(name)), passages(name)).toBeDefined()
      // The same bytes and the same inode: linked from the part's kept reading, not written again.
      expect(after.get(passages(name)), passages(name)).toEqual(before.get(passages(name)))
    }
  })

  test("Pagefind's index: the corrected transcript's part is indexed again, the others are the same files", () => {
    expect(partsBefore).toHaveLength(written.length)
    expect(partsAfter).toHaveLength(written.length)
    // The transcripts' names sort as they were written (dated 1961, 1962, 1963): the middle part is the corrected one's.
    expect(partsAfter.map((part, k) => part === partsBefore[k])).toEqual([true, false, true])
    const files = (snapshot: Snapshot, part: string) => [...snapshot].filter(([path]) => path.startsWith(`pagefind/${part}/`))
    for (const part of [partsAfter[0]!, partsAfter[2]!]) {
      expect(files(after, part).length, part).toBeGreaterThan(0)
      expect(files(after, part), `pagefind/${part}/: the same bytes and the same files`).toEqual(files(before, part))
    }
    expect(files(after, partsBefore[1]!), 'the replaced part is gone').toEqual([])
    expect(files(after, partsAfter[1]!).length).toBeGreaterThan(0)
    // Nothing else of Pagefind's is there: its parts only.
    const folders = new Set([...after.keys()].filter((path) => path.startsWith('pagefind/')).map((path) => path.split('/')[1]))
    expect([...folders].sort()).toEqual([...partsAfter].sort())
  })
})

describe('one transcript taken out, the site built again', () => {
  const taken = written[2]!
  let left: Snapshot
  let fresh: Snapshot
  beforeAll(async () => {
    rmSync(join(folder, `${taken.name}.txt`))
    await build()
    left = snapshot()
    // The same two transcripts, built from nothing into an output and a cache of their own.
    await build(join(scratch, 'dist-fresh'), join(scratch, 'cache-fresh'))
    fresh = snapshot(join(scratch, 'dist-fresh'))
  }, 300_000)

  test('nothing of it is left: the site holds exactly the files a build of the others from nothing holds', () => {
    expect([...left.keys()].filter((path) => path.includes(taken.name))).toEqual([])
    expect([...left.keys()].sort()).toEqual([...fresh.keys()].sort())
  })

  test("the pages that listed it say so no more: each page the same bytes as the build from nothing's", () => {
    for (const [path, { hash }] of fresh) if (path.endsWith('.html')) expect(left.get(path)?.hash, path).toBe(hash)
  })
})

describe('the same cache built into another folder, then this one again', () => {
  const moved = written[0]!
  const OTHER_WORD = 'quince'
  let page: string
  beforeAll(async () => {
    // A correction built into another folder first (a preview, say), then into this one: Astro's manifest
    // in the cache already holds the corrected page's key, and this folder holds the page before it.
    const path = join(folder, `${moved.name}.txt`)
    writeFileSync(path, readFileSync(path, 'utf8').replace(new RegExp(`\\b${wordPrintedOnce(moved.text)}\\b`), OTHER_WORD))
    await build(join(scratch, 'dist-other'))
    await build()
    page = readFileSync(join(dist, moved.name, 'index.html'), 'utf8')
  }, 300_000)

  test('the folder is not trusted: its page of that transcript is the corrected one', () => {
    expect(page).toContain(OTHER_WORD)
  })
})

describe('a build that stopped half-way, then the site built again', () => {
  const page = (name: string) => join(dist, name, 'index.html')
  const kept = written[0]!
  // The record of the site's folder in the site's cache (src/build/paths.ts `siteCacheFolder`).
  const record = buildRecord(join(scratch, 'cache', 'transcript-reader'))
  let good: string
  let afterStop: string
  beforeAll(async () => {
    good = readFileSync(page(kept.name), 'utf8')
    // What a build stopped half-way can leave: a page its cache does not know of, and its record still running.
    writeFileSync(page(kept.name), `${good}<!-- written by a build that never finished -->`)
    writeFileSync(record, JSON.stringify({ ...JSON.parse(readFileSync(record, 'utf8')), state: 'running' }))
    await build()
    afterStop = readFileSync(page(kept.name), 'utf8')
  }, 300_000)

  test('starts from an empty folder: no page of the stopped build is kept, and the build is recorded as finished', () => {
    expect(afterStop).toBe(good)
    expect(JSON.parse(readFileSync(record, 'utf8')).state).toBe('done')
  })
})
