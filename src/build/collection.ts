/**
 * The prepared collection: every transcript's summary, in transcript order, as the site's steps
 * (./steps.ts) last wrote it to the site cache. The content loader (./loader.ts) fills Astro's store from
 * it, and the next build's steps read each transcript's digest back from it to skip what did not change.
 * A file, not a shared object: Astro loads the content config and the integrations as separate module
 * instances, and a file is what both can read (docs/build.md, "One integration").
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { summarySchema, type TranscriptSummary } from '../collection/summary.ts'
import { writeFileWhole } from './write-whole.ts'

export const collectionFile = (cache: string) => join(cache, 'collection.json')

/** Written whole beside the old one and renamed over it: a failed build leaves the last good one. */
export function writeCollection(summaries: readonly TranscriptSummary[], cache: string): void {
  writeFileWhole(collectionFile(cache), JSON.stringify(summaries))
}

/** The summaries the steps wrote (each one checked; one that is not a summary is left out), or undefined. */
export function readCollection(cache: string): TranscriptSummary[] | undefined {
  const path = collectionFile(cache)
  if (!existsSync(path)) return undefined
  let stored: unknown
  try {
    stored = JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return undefined
  }
  if (!Array.isArray(stored)) return undefined
  return stored.flatMap((entry) => {
    const summary = summarySchema.safeParse(entry)
    return summary.success ? [summary.data] : []
  })
}
