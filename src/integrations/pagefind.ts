/**
 * Builds the Pagefind search index once Astro has written the site, with Pagefind's Node API (no extra
 * CLI step). The index is made of custom records, one per turn, footnote and editorial passage, read from
 * the built `/<name>/transcript.json` files (the data the loader validated), so a result lands on a turn,
 * not on a whole page. The HTML pages themselves are not indexed: they would only duplicate the records.
 */
import type { AstroIntegration } from 'astro'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as pagefind from 'pagefind'
import type { CustomRecord } from 'pagefind'
import { transcriptSchema, type TranscriptJson } from '../transcript/schema.ts'
import { shownTime } from '../transcript/time.ts'

/** The one speaker filter value for every unidentified voice: they are never one person. */
export const UNIDENTIFIED = 'Unidentified voices'

export type RecordKind = 'turn' | 'footnote' | 'editorial'

/** A transcript's title as shown to readers. */
export function transcriptTitle(json: TranscriptJson): string {
  return json.title || `Document ${json.id}`
}

/** The transcript facet's value: readable in the list and in a shared URL (`1962-11-14 · Title`). */
export function transcriptLabel(json: TranscriptJson, withId = false): string {
  return `${json.date} · ${transcriptTitle(json)}${withId ? ` · ${json.id}` : ''}`
}

/** Facet values for a collection: two transcripts with the same date and title are told apart by their ids. */
export function transcriptLabels(transcripts: TranscriptJson[]): Map<string, string> {
  const seen = new Map<string, number>()
  for (const json of transcripts) seen.set(transcriptLabel(json), (seen.get(transcriptLabel(json)) ?? 0) + 1)
  return new Map(transcripts.map((json) => [json.name, transcriptLabel(json, (seen.get(transcriptLabel(json)) ?? 0) > 1)]))
}

/** `≈mm:ss` when the time is estimated, `mm:ss` when printed. */
export function turnTime(time: { start: number; estimated: boolean }): string {
  return shownTime(time.start, time.estimated)
}

/**
 * Every searchable passage of one transcript as a Pagefind record. Together the records' content holds
 * every word of the JSON's plain text (turn paragraphs, notes, narrative, heading, excisions, stage
 * directions and the header's lines): nothing is lost on the way to the index.
 */
export function transcriptRecords(json: TranscriptJson, label = transcriptLabel(json)): CustomRecord[] {
  const page = `/${json.name}/`
  const title = transcriptTitle(json)
  const common = { transcript: title, date: json.date, name: json.name }
  const unidentifiedIds = new Set(json.speakers.filter((s) => s.kind === 'unidentified').map((s) => s.id))
  const records: CustomRecord[] = []
  const add = (kind: RecordKind, url: string, content: string, meta: Record<string, string>, speaker?: string) => {
    if (content.trim() === '') return
    const filters: Record<string, string[]> = { transcript: [label], kind: [kind] }
    if (speaker) filters.speaker = [speaker]
    records.push({ url, content, language: 'en', meta: { ...common, kind, ...meta }, filters })
  }

  // Pagefind keeps one record per URL, so the title and the header's lines share the page's own URL.
  const heading = json.blocks.find((block) => block.type === 'heading')
  const header = [heading?.text, `Document ${json.id}`, json.status, json.dateLine, json.time].filter((line): line is string => !!line)
  add('editorial', page, header.join('\n'), { title: 'About this transcript' })

  for (const block of json.blocks) {
    switch (block.type) {
      case 'turn': {
        const unidentified = unidentifiedIds.has(block.speaker.id)
        const speakerName = unidentified ? 'Unidentified' : block.speaker.name
        add(
          'turn',
          `${page}#${block.id}`,
          block.paragraphs.join('\n'),
          { title: speakerName, speaker: speakerName, label: block.speaker.label, time: turnTime(block.time), id: block.id },
          unidentified ? UNIDENTIFIED : block.speaker.name,
        )
        break
      }
      case 'paragraph': {
        const section = { introduction: 'Introduction', epilogue: 'Afterwards', conversation: 'Editorial note' }[block.section]
        add('editorial', `${page}#${block.id}`, block.text, { title: section, id: block.id })
        break
      }
      case 'excision':
      case 'direction': {
        add('editorial', `${page}#${block.id}`, block.text, {
          title: block.type === 'excision' ? 'Excision' : 'Stage direction',
          id: block.id,
        })
        break
      }
    }
  }
  const printed = new Map<number, number>()
  for (const note of json.footnotes) {
    // A number printed twice: the second note has its own id on the page (`fn-2-x2`), as here.
    const times = (printed.get(note.n) ?? 0) + 1
    printed.set(note.n, times)
    const id = times === 1 ? `fn-${note.n}` : `fn-${note.n}-x${times}`
    add('footnote', `${page}#${id}`, note.text, { title: `Note ${note.n}`, id })
  }
  return records
}

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
          let count = 0
          const labels = transcriptLabels(transcripts)
          for (const json of transcripts) {
            const records = transcriptRecords(json, labels.get(json.name))
            const added = await Promise.all(records.map((record) => index.addCustomRecord(record)))
            const failed = added.flatMap((result) => result.errors)
            if (failed.length > 0) throw new Error(`Pagefind could not index ${json.name}: ${failed.join('; ')}`)
            count += records.length
          }
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') })
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`)
          logger.info(`Indexed ${count} passages of ${transcripts.length} transcripts into ${written.outputPath}`)
        } finally {
          await pagefind.close()
        }
      },
    },
  }
}
