/**
 * Builds the Pagefind search index once Astro has written the site, with Pagefind's Node API (no extra
 * CLI step), from the built `/<name>/transcript.json` files (the data the loader validated). Each record is
 * a transcript as a small HTML page made from the JSON (src/integrations/search-records.ts) whose
 * sections land on turns;
 * the transcript pages themselves are not indexed, they would only duplicate the records. Then the section
 * table for turn-level counts (src/integrations/search-table.ts).
 */
import type { AstroIntegration } from 'astro'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as pagefind from 'pagefind'
import { transcriptSchema, type TranscriptJson } from '../transcript/schema.ts'
import { recordHtml, transcriptLabels, transcriptRecord } from './search-records.ts'
import { sectionTable } from './search-table.ts'

/** The transcripts Astro built: every `<site>/<name>/transcript.json`, in name order. */
export async function readBuiltTranscripts(site: string): Promise<TranscriptJson[]> {
  const entries = await readdir(site, { withFileTypes: true })
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
  const transcripts: TranscriptJson[] = []
  for (const name of names) {
    let text: string
    try {
      text = await readFile(join(site, name, 'transcript.json'), 'utf8')
    } catch {
      continue // not a transcript's folder (pagefind/, _astro/, search/, …)
    }
    const parsed = transcriptSchema.safeParse(JSON.parse(text))
    if (!parsed.success) throw new Error(`${name}/transcript.json does not match the transcript schema: ${parsed.error.message}`)
    transcripts.push(parsed.data)
  }
  return transcripts
}

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'transcript-reader:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir)
        const transcripts = await readBuiltTranscripts(site)
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' })
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`)
        try {
          let sections = 0
          const labels = transcriptLabels(transcripts)
          for (const json of transcripts) {
            const record = transcriptRecord(json)
            const added = await index.addHTMLFile({ url: record.url, content: recordHtml(record, json, labels.get(json.name)!) })
            if (added.errors.length > 0) throw new Error(`Pagefind could not index ${json.name}: ${added.errors.join('; ')}`)
            sections += record.sections.length
          }
          const { files } = await index.getFiles()
          const { table, summary } = sectionTable(files)
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') })
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`)
          await mkdir(join(site, 'search'), { recursive: true })
          await writeFile(join(site, 'search', 'sections.json'), JSON.stringify(table))
          await writeFile(join(site, 'search', 'records.json'), JSON.stringify(summary))
          logger.info(`Indexed ${sections} passages of ${transcripts.length} transcripts as ${transcripts.length} records into ${written.outputPath}`)
        } finally {
          await pagefind.close()
        }
      },
    },
  }
}
