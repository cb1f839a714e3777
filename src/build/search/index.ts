/**
 * The search build, as the site's integration (../integration.ts) runs it: `startSearch` as soon as the
 * site's steps have written every transcript's JSON and the manifest (before the speaker pages' tables),
 * in a worker thread (./background.ts) that runs while Astro renders the pages; `finish` at
 * `astro:build:done` waits for it and places its output in the site (kept in the cache, and placed again
 * unbuilt when nothing it reads changed). A failure stops the build with one message and no stack trace.
 * Also the search build's API for tools and tests.
 */
import type { AstroIntegrationLogger } from 'astro'
import { startSearchBuild, type SearchConfig } from './background.ts'
import { SEARCH_LOG_LABEL } from './log-label.ts'
import { SearchBuildError } from './read.ts'
import { failureMessage } from './search-index.ts'

export { buildSearchIndex, failureMessage, type SearchIndexOptions } from './search-index.ts'
export {
  builtTranscriptNames,
  readBuiltLabel,
  readBuiltTranscript,
  readBuiltTranscripts,
  SearchBuildError,
  type TranscriptLabelSource,
} from './read.ts'

export interface SearchStep {
  /** Waits for the build and places its output in `site` (`placed` told each file); a failure stops the build here. */
  finish(site: string, placed?: (path: string) => void): Promise<void>
}

/** Starts the search build of the site cache `cache` (its lines logged as `[search]`); returns at once. */
export function startSearch(logger: AstroIntegrationLogger, cache: string, options: SearchConfig): SearchStep {
  const log = logger.fork(SEARCH_LOG_LABEL)
  const background = startSearchBuild({ root: process.cwd(), cache, ...options, log: (message) => log.info(message) })
  // Said from this thread: the worker's own lines wait while this thread writes the speaker pages' tables.
  if (!background.reused) log.info('search build: started in a worker thread')
  return {
    async finish(site, placed) {
      const outcome = await background.finish(site, placed)
      if (!outcome.ok) fail(log, new SearchBuildError(outcome.message))
      const { manifest } = outcome
      log.info(
        `${background.reused ? 'The index placed again holds' : 'Indexed'} ${manifest.passages} passages of ${manifest.records} transcripts as ${Math.ceil(manifest.records / manifest.groupSize)} records`,
      )
    },
  }
}

/**
 * Stops the build with one message and nothing else: a thrown error would add a stack trace (as the site's
 * steps do for a transcript's errors).
 */
function fail(log: AstroIntegrationLogger, error: unknown): never {
  log.error(`${failureMessage(error)}\nThe search index was not built; the build stops here.`)
  process.exit(1)
}
