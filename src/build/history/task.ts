/**
 * A transcript's history as the prepare step takes it: its versions with the paths of their texts in the
 * cache (./texts.ts), small enough to post to a worker thread, and a fingerprint for the transcript's
 * digest, so that a new commit, a changed note or uncommitted edits make its artifacts again.
 */
import { existsSync } from 'node:fs'
import type { TaskHistory } from '../prepare/history.ts'
import type { CollectionHistory } from './read.ts'
import { versionFile, versionSidecar } from './texts.ts'

export function taskHistory(name: string, history: CollectionHistory, cache: string): TaskHistory | undefined {
  const known = history.byName.get(name)
  if (!known) return undefined
  return {
    unpublished: known.unpublished,
    shallow: known.shallow,
    versions: known.versions.map((version) => {
      const text = versionFile(cache, name, version.commit, 'txt')
      const sidecar = versionSidecar(cache, name, version.commit)
      return { ...version, ...(existsSync(text) ? { text } : {}), ...(sidecar ? { sidecar } : {}) }
    }),
  }
}

/** What of the history the artifacts depend on (not the paths: the cache's place is no part of it). */
export function historyFingerprint(history: TaskHistory | undefined): string {
  if (!history) return ''
  const versions = history.versions.map((v) => [
    v.commit,
    v.id,
    v.date,
    v.subject,
    v.author ?? '',
    v.text ? 1 : 0,
    v.sidecar ? 1 : 0,
  ])
  return JSON.stringify([history.unpublished, history.shallow, versions])
}
