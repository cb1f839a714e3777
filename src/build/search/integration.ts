/**
 * The search's Astro integration. Everything the search is built from, each transcript's JSON, is in the
 * site cache once the content loader has written it: the build starts then (src/build/cache-ready.ts; at
 * `astro:build:start` at the latest) in a worker thread (./background.ts) and runs while Astro renders the
 * pages; at `astro:build:done` it is waited for and its
 * output moved into the site. A failure stops the build with one message and no stack trace.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro'
import { fileURLToPath } from 'node:url'
import { whenCacheReady } from '../cache-ready.ts'
import { siteCacheFolder } from '../paths.ts'
import { startSearchBuild, type BackgroundSearch } from './background.ts'
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

export default function searchIntegration(): AstroIntegration {
  let background: BackgroundSearch | undefined
  let forget: (() => void) | undefined
  const start = (logger: AstroIntegrationLogger) => {
    forget?.()
    if (background) return
    const log = logger.fork(SEARCH_LOG_LABEL)
    background = startSearchBuild({
      root: process.cwd(),
      cache: siteCacheFolder(),
      log: (message) => log.info(message),
    })
  }
  return {
    name: 'transcript-reader:search',
    hooks: {
      // A build's search starts, in a worker thread, as soon as the content loader has written every
      // transcript's JSON to the cache (src/build/cache-ready.ts), and runs while Astro renders the pages.
      'astro:config:setup': ({ command, logger }) => {
        if (command === 'build') forget = whenCacheReady(() => start(logger))
      },
      // Else (the loader did not say so) now.
      'astro:build:start': ({ logger }) => start(logger),
      'astro:build:done': async ({ dir, logger }) => {
        const log = logger.fork(SEARCH_LOG_LABEL)
        if (!background) fail(log, new SearchBuildError('the search build was never started'))
        const outcome = await background.finish(fileURLToPath(dir))
        if (!outcome.ok) fail(log, new SearchBuildError(outcome.message))
        const { manifest } = outcome
        log.info(
          `Indexed ${manifest.passages} passages of ${manifest.records} transcripts as ${Math.ceil(manifest.records / manifest.groupSize)} records`,
        )
      },
    },
  }
}

/**
 * Stops the build with one message and nothing else: a thrown error would add a stack trace (as the
 * content loader does for a transcript's errors).
 */
function fail(log: AstroIntegrationLogger, error: unknown): never {
  log.error(`${failureMessage(error)}\nThe search index was not built; the build stops here.`)
  process.exit(1)
}
