/**
 * The search build beside Astro's own. Everything it reads, each transcript's JSON, is in the site cache
 * once the content loader has run, so it need not wait for the pages: it starts in a worker thread as
 * soon as the loader has written them (./integration.ts) and builds into a folder of the cache while Astro
 * renders the routes on the other core (Pagefind indexes in a process of its own). At `astro:build:done`
 * its output is kept in the cache and placed in the site as links. When nothing the search reads has
 * changed since (`searchDigest`: every transcript's digest and the build's code), the next build places
 * the kept output again instead of building it: a rebuild with nothing changed does not index again.
 * A worker that cannot start, or stops without a word, leaves the build to this thread, as before.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { MANIFEST_PATH, type Manifest } from '../../contract/search.ts'
import { readCollection } from '../collection.ts'
import { linkInto } from '../link-files.ts'
import { cachedNames, filesDigest, jsonArtifact } from '../prepare/artifacts.ts'
import { manifestArtifact, readManifestLabels } from '../manifest.ts'
import { readTranscriptFile, readTranscriptLabel, type SearchIndexSource } from './read.ts'
import { gzipRecordFile, replaceKept } from './gzip-memory.ts'
import { buildSearchIndex, failureMessage } from './search-index.ts'

/** The site configuration's `search` (../config.ts). */
export interface SearchConfig {
  /** Transcripts in a part of Pagefind's index, about (./parts.ts). */
  partSize: number
}

/** What the worker is given: the site cache to read, the folder to write, the configuration's `search`. */
export interface WorkerTask extends SearchConfig {
  cache: string
  out: string
  /** A digest of the code that builds the search (`searchCode`): what it kept with other code is not taken. */
  code?: string
}

export type WorkerMessage =
  | { type: 'log'; message: string }
  | { type: 'done'; manifest: Manifest }
  | { type: 'failed'; message: string }

/** The transcripts the prepare step wrote to the cache (the JSON each page serves), in name order. */
export async function cachedTranscripts(cache: string): Promise<SearchIndexSource> {
  const names = await cachedNames(cache)
  const shown = (name: string) => `${name}/transcript.json`
  // The labels' first pass reads the collection manifest the loader wrote beside the JSON, not 10,000 files.
  const labels = await readManifestLabels(manifestArtifact(cache))
  const digests = new Map(readCollection(cache)?.map((summary) => [summary.name, summary.digest]))
  return {
    names,
    digest: (name) => digests.get(name),
    read: (name) => readTranscriptFile(jsonArtifact(name, cache), shown(name)),
    readLabel: async (name) => labels?.get(name) ?? readTranscriptLabel(jsonArtifact(name, cache), shown(name)),
  }
}

/** The folder of the cache the search is built into before it is kept (`keptFolder`) and placed in the site. */
export const stagingFolder = (cache: string) => join(cache, 'search-build')

export type SearchOutcome = { ok: true; manifest: Manifest } | { ok: false; message: string }

export interface BackgroundSearch {
  /** The kept output is placed again: nothing is built. */
  reused: boolean
  /**
   * Waits for the build (running it in this thread if the worker could not), then places its output in
   * `site`; `placed` is told each file's path.
   */
  finish(site: string, placed?: (path: string) => void): Promise<SearchOutcome>
}

/**
 * Starts the search build in a worker thread (`root`'s src/build/search/worker.ts). When the worker
 * cannot, the same build runs in this thread, into the same folder: the result is the same either way.
 */
export function startSearchBuild(
  options: SearchConfig & { root: string; cache: string; log: (message: string) => void },
): BackgroundSearch {
  const code = searchCode(options.root)
  const digest = searchDigest(options.root, options.cache, options, code)
  const kept = keptSearch(options.cache, digest)
  if (kept) {
    options.log('search build: nothing it reads has changed since the last build; its index is placed again')
    return {
      reused: true,
      async finish(site, placed) {
        await linkInto(keptFolder(options.cache), site, placed)
        return { ok: true, manifest: kept }
      },
    }
  }
  // What was kept no longer matches: forgotten before the new build starts, so that a build stopped
  // halfway never leaves an index that seems to match.
  rmSync(keptDigestFile(options.cache), { force: true })
  const task: WorkerTask = { cache: options.cache, out: stagingFolder(options.cache), partSize: options.partSize, code }
  // The worker must not keep the process alive if Astro's build stops first; it is waited for in finish().
  let running: Worker | undefined
  // The worker starts before this returns: the loader goes straight on to the speaker pages' tables, which
  // hold this thread for seconds (11 s at 10,000 transcripts), and a step awaited here would wait for them.
  rmSync(task.out, { recursive: true, force: true })
  rmSync(gzipRecordFile(task.out), { force: true })
  mkdirSync(task.out, { recursive: true })
  const started = inWorker(options.root, task, options.log, (worker) => {
    running = worker
    worker.unref()
  })
  const outcome = (async (): Promise<SearchOutcome> => {
    const result = await started
    running = undefined
    if (result !== undefined) return result
    options.log('the search worker stopped; building the search in the main thread')
    await rm(task.out, { recursive: true, force: true })
    await mkdir(task.out, { recursive: true })
    return inThread(task, options.log)
  })()
  return {
    reused: false,
    async finish(site, placed) {
      running?.ref()
      const result = await outcome
      if (!result.ok) return result
      // Kept in the cache for the next build, and placed in the site as links to it.
      const keep = keptFolder(options.cache)
      await replaceKept(task.out, keep)
      if (digest !== undefined) await writeFile(keptDigestFile(options.cache), digest)
      await linkInto(keep, site, placed)
      return result
    },
  }
}

/** The worker's build, in this thread. */
async function inThread(task: WorkerTask, log: (message: string) => void): Promise<SearchOutcome> {
  try {
    return {
      ok: true,
      manifest: await buildSearchIndex({ ...searchOptions(task), ...(await cachedTranscripts(task.cache)), log }),
    }
  } catch (error) {
    return { ok: false, message: failureMessage(error) }
  }
}

/** What the site's search build is given besides the transcripts: where to write, how to cut and keep the parts. */
export const searchOptions = (task: WorkerTask) => ({
  site: task.out,
  partSize: task.partSize,
  partsCache: partsCacheFolder(task.cache),
  piecesCache: piecesCacheFolder(task.cache),
  readingsCache: readingsCacheFolder(task.cache),
  code: task.code,
  keptOutput: keptFolder(task.cache),
})

/** The worker's outcome, or undefined when it could not start or stopped without one. */
function inWorker(
  root: string,
  task: WorkerTask,
  log: (message: string) => void,
  started: (worker: Worker) => void,
): Promise<SearchOutcome | undefined> {
  return new Promise((resolve) => {
    let worker: Worker
    try {
      worker = new Worker(join(root, 'src/build/search/worker.ts'))
    } catch {
      return resolve(undefined)
    }
    started(worker)
    let settled = false
    const settle = (value: SearchOutcome | undefined) => {
      if (settled) return
      settled = true
      resolve(value)
      void worker.terminate()
    }
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'log') log(message.message)
      else if (message.type === 'done') settle({ ok: true, manifest: message.manifest })
      else settle({ ok: false, message: message.message })
    })
    worker.on('error', () => settle(undefined))
    worker.on('exit', () => settle(undefined))
    worker.postMessage(task)
  })
}

/** Pagefind's parts kept between builds (./parts.ts): a part whose records did not change is not indexed again. */
export const partsCacheFolder = (cache: string) => join(cache, 'search-parts')

/** Each part's postings and heads kept between builds (./part-pieces.ts): a part whose records did not change is not gathered again. */
export const piecesCacheFolder = (cache: string) => join(cache, 'search-pieces')

/** Each part's reading back from Pagefind kept between builds (./part-files.ts): a kept part is not read again. */
export const readingsCacheFolder = (cache: string) => join(cache, 'search-readings')

/** The search's last output, kept in the cache: the next build places it again when nothing it reads changed. */
export const keptFolder = (cache: string) => join(cache, 'search-kept')
const keptDigestFile = (cache: string) => join(cache, 'search-kept.digest')

/**
 * A digest of the code the search build runs: src/build, where it lives, and the modules it shares with
 * the page (src/contract: the tables' layouts) and the parser (src/core).
 */
export const searchCode = (root: string): string => filesDigest(root, ['src/build', 'src/contract', 'src/core'])

/**
 * What the search is built from: each transcript's digest (its bytes, sidecar, alignment and history, and
 * the code and configuration that made its JSON: ../steps.ts), the search build's code (`searchCode`) and
 * the configuration's `search`. `undefined` when the steps wrote no collection.
 */
export function searchDigest(root: string, cache: string, config: SearchConfig, code = searchCode(root)): string | undefined {
  const collection = readCollection(cache)
  if (!collection) return undefined
  const hash = createHash('sha256')
    .update(code)
    .update(`\0${JSON.stringify(config)}\0`)
  for (const summary of collection) hash.update(`${summary.name}\0${summary.digest}\n`)
  return hash.digest('hex')
}

/** The kept output's manifest when it was built from `digest` and is all there, else undefined. */
function keptSearch(cache: string, digest: string | undefined): Manifest | undefined {
  if (digest === undefined || !existsSync(keptDigestFile(cache))) return undefined
  if (readFileSync(keptDigestFile(cache), 'utf8') !== digest) return undefined
  try {
    return JSON.parse(readFileSync(join(keptFolder(cache), MANIFEST_PATH), 'utf8')) as Manifest
  } catch {
    return undefined
  }
}
