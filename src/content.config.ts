/**
 * The transcripts collection: every `content/transcripts/*.txt` (or `TRANSCRIPTS_DIR`), each entry a
 * transcript's summary, as the site's integration prepared it (src/build/steps.ts, src/build/loader.ts); its
 * JSON and page HTML are artifacts on disk.
 */
import { defineCollection } from 'astro:content'
import { transcriptLoader } from './build/loader.ts'
import { summarySchema } from './collection/summary.ts'

export const collections = {
  transcripts: defineCollection({
    loader: transcriptLoader(),
    schema: summarySchema,
  }),
}
