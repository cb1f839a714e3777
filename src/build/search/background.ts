/**
 * The search build beside Astro's own. Everything it reads, each transcript's JSON, is in the site cache
 * once the content loader has run, so it need not wait for the pages: it starts in a worker thread as
 * soon as the loader has written them (./integration.ts) and builds into a folder of the cache while Astro
 * renders the routes on the other core (Pagefind indexes in a process of its own). At `astro:build:done`
 * its output is moved into the site.
 * A worker that cannot start, or stops without a word, leaves the build to this thread, as before.
 */
import { constants, existsSync, mkdirSync, rmSync } from 'node:fs'
import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { Manifest } from '../../contract/search.ts'
import { cachedNames, jsonArtifact } from '../prepare/artifacts.ts'
import { manifestArtifact, readManifestLabels } from '../manifest.ts'
import { readTranscriptFile, readTranscriptLabel, type SearchIndexSource } from './read.ts'
import { buildSearchIndex, failureMessage } from './search-index.ts'

/** What the worker is given: the site cache to read, the folder to write. */
export interface WorkerTask {
  cache: string
  out: string
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
  return {
    names,
    read: (name) => readTranscriptFile(jsonArtifact(name, cache), shown(name)),
    readLabel: async (name) => labels?.get(name) ?? readTranscriptLabel(jsonArtifact(name, cache), shown(name)),
  }
}

/** The folder of the cache the search is built into before it is moved into the site. */
export const stagingFolder = (cache: string) => join(cache, 'search-build')

export type SearchOutcome = { ok: true; manifest: Manifest } | { ok: false; message: string }

export interface BackgroundSearch {
  /** Waits for the build (running it in this thread if the worker could not), then moves its output into `site`. */
  finish(site: string): Promise<SearchOutcome>
}

/**
 * Starts the search build in a worker thread (`root`'s src/build/search/worker.ts). When the worker
 * cannot, the same build runs in this thread, into the same folder: the result is the same either way.
 */
export function startSearchBuild(options: { root: string; cache: string; log: (message: string) => void }): BackgroundSearch {
  const task: WorkerTask = { cache: options.cache, out: stagingFolder(options.cache) }
  // The worker must not keep the process alive if Astro's build stops first; it is waited for in finish().
  let running: Worker | undefined
  // The worker starts before this returns: the loader goes straight on to the speaker pages' tables, which
  // hold this thread for seconds (11 s at 10,000 transcripts), and a step awaited here would wait for them.
  rmSync(task.out, { recursive: true, force: true })
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
    async finish(site) {
      running?.ref()
      const result = await outcome
      if (result.ok) await moveInto(task.out, site)
      return result
    },
  }
}

/** The worker's build, in this thread. */
async function inThread(task: WorkerTask, log: (message: string) => void): Promise<SearchOutcome> {
  try {
    return { ok: true, manifest: await buildSearchIndex({ site: task.out, ...(await cachedTranscripts(task.cache)), log }) }
  } catch (error) {
    return { ok: false, message: failureMessage(error) }
  }
}

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

/**
 * Moves every file of `from` to the same place under `to` (Astro wrote `search/index.html` there, so
 * folders are merged, not replaced). A rename where both are on one file system, else a copy.
 */
async function moveInto(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true })
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name)
    const target = join(to, entry.name)
    if (entry.isDirectory()) {
      if (!existsSync(target) && (await renamed(source, target))) continue
      await moveInto(source, target)
    } else if (!(await renamed(source, target))) {
      await copyFile(source, target, constants.COPYFILE_FICLONE)
    }
  }
  await rm(from, { recursive: true, force: true })
}

/** Whether `source` could be renamed to `target` (not across file systems). */
async function renamed(source: string, target: string): Promise<boolean> {
  try {
    await rename(source, target)
    return true
  } catch {
    return false
  }
}
