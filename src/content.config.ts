/**
 * The transcripts collection: every `content/transcripts/*.txt` (or `TRANSCRIPTS_DIR`), each entry a
 * transcript's summary; its JSON and page HTML are artifacts on disk (src/site/loader.ts). The site
 * configuration's house style reads every transcript whose sidecar names none.
 */
import { defineCollection } from 'astro:content'
import config from 'virtual:transcript-reader/config'
import { transcriptLoader } from './site/loader.ts'
import { summarySchema } from './site/summary.ts'

export const collections = {
  transcripts: defineCollection({
    loader: transcriptLoader({ site: config, ...(config.style !== undefined ? { style: config.style } : {}) }),
    schema: summarySchema,
  }),
}
