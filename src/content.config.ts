/**
 * The transcripts collection: every `content/transcripts/*.txt` (or `TRANSCRIPTS_DIR`), each entry a
 * transcript's summary; its JSON and page HTML are artifacts on disk (src/build/loader.ts). The site
 * configuration's house style reads every transcript whose sidecar names none.
 */
import { defineCollection } from 'astro:content'
import config from 'virtual:transcript-reader/config'
import { transcriptLoader } from './build/loader.ts'
import { summarySchema } from './collection/summary.ts'

export const collections = {
  transcripts: defineCollection({
    loader: transcriptLoader({ site: config, base: config.base, ...(config.style !== undefined ? { style: config.style } : {}) }),
    schema: summarySchema,
  }),
}
