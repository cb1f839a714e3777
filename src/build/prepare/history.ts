/**
 * A transcript's history as the prepare step receives it (from src/build/history/task.ts): its versions with
 * the paths of their texts in the cache, small enough to post to a worker thread; read back here, in the
 * worker, as the core's input.
 */
import { readFileSync } from 'node:fs'
import type { HistoryInput } from '../../core/revisions/history.ts'

/** A version as git gives it (src/build/history/read.ts `GitVersion`), with its files in the cache. */
export interface TaskVersion {
  commit: string
  id: string
  date: string
  subject: string
  author?: string
  /** The version's text in the cache, when it could be read. */
  text?: string
  /** Its sidecar in the cache, when it had one. */
  sidecar?: string
}

export interface TaskHistory {
  versions: TaskVersion[]
  unpublished: boolean
  shallow: boolean
}

/** The core's input: each version's text and sidecar read back from the cache (in the worker). */
export function historyInput(history: TaskHistory): HistoryInput {
  return {
    unpublished: history.unpublished,
    shallow: history.shallow,
    versions: history.versions.map(({ text, sidecar, ...version }, index) => {
      // The newest version is the text on disk when nothing is uncommitted: not read twice.
      if (index === history.versions.length - 1 && !history.unpublished) return version
      return { ...version, ...(text ? { text: readFileSync(text) } : {}), ...(sidecar ? { sidecar: readFileSync(sidecar) } : {}) }
    }),
  }
}
