/**
 * The transcripts collection's loader: Astro's content store gets each transcript's summary, as the
 * site's steps (./steps.ts, run by the integration in `astro:config:done`, before Astro loads any
 * collection) prepared and wrote them (./collection.ts). The store keeps only summaries; a transcript's
 * JSON and page HTML are artifacts on disk. An entry whose digest is unchanged is left as it is, and a
 * transcript no longer in the collection leaves the store.
 */
import type { Loader } from 'astro/loaders'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readCollection } from './collection.ts'
import { siteCacheFolder, transcriptsFolder } from './paths.ts'

export function transcriptLoader(): Loader {
  return {
    name: 'transcript-loader',
    async load({ store, logger, config }) {
      const root = fileURLToPath(config.root)
      const summaries = readCollection(siteCacheFolder(root))
      if (summaries === undefined) {
        // A thrown error would add a stack trace to the one thing to say.
        logger.error(
          'astro.config.mjs: no prepared transcripts in the site cache; list `transcriptReader()` in `integrations`: it prepares them before Astro loads this collection',
        )
        process.exit(1)
      }
      const folder = transcriptsFolder(root)
      const present = new Set<string>()
      for (const summary of summaries) {
        present.add(summary.name)
        store.set({
          id: summary.name,
          data: summary,
          digest: summary.digest,
          filePath: relative(root, join(folder, `${summary.name}.txt`)),
        })
      }
      for (const id of store.keys()) if (!present.has(id)) store.delete(id)
    },
  }
}
