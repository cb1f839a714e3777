/**
 * Builds the Pagefind search index over the built site once Astro has written it, with Pagefind's Node
 * API (no extra CLI step). Only elements marked `data-pagefind-body` (the transcript articles) are indexed.
 */
import type { AstroIntegration } from 'astro'
import { fileURLToPath } from 'node:url'
import * as pagefind from 'pagefind'

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'transcript-reader:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir)
        const { index, errors } = await pagefind.createIndex({})
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`)
        try {
          const added = await index.addDirectory({ path: site })
          if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`)
          const written = await index.writeFiles({ outputPath: `${site}/pagefind` })
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`)
          logger.info(`Indexed ${added.page_count} pages into ${written.outputPath}`)
        } finally {
          await pagefind.close()
        }
      },
    },
  }
}
