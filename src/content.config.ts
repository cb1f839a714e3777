/**
 * The transcripts collection: every `content/transcripts/*.txt` (or `TRANSCRIPTS_DIR`), each entry a
 * transcript's summary; its JSON and page HTML are artifacts on disk (src/site/loader.ts).
 */
import { defineCollection } from 'astro:content'
import { transcriptLoader } from './site/loader.ts'
import { summarySchema } from './site/summary.ts'

export const collections = {
  transcripts: defineCollection({
    loader: transcriptLoader(),
    schema: summarySchema,
  }),
}
