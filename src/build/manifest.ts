/**
 * The collection manifest, `/transcripts.json`: every transcript with its id, title, date, participants
 * and a link to its page, to each export beside it and to the collection's download holding each other
 * format (src/collection/exports.ts).
 * Built from the summaries the content store keeps and streamed to disk one line a transcript, so ten
 * thousand transcripts never stand in memory as one string. Links are relative to the manifest's own
 * address, so the file is right under any base path (`SITE_BASE`).
 */
import { createWriteStream } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { z } from 'astro/zod'
import { dirname, join } from 'node:path'
import { once } from 'node:events'
import { siteFormats } from '../core/formats/index.ts'
import { pageFormats } from '../collection/exports.ts'
import { partsByName, type Downloads } from './downloads.ts'
import type { TranscriptSummary } from '../collection/summary.ts'
import { exportRoute, fromRoot, manifestRoute, routeFile, transcriptRoute } from '../contract/routes.ts'

export const manifestFile = routeFile(manifestRoute())

export function manifestArtifact(cache: string): string {
  return join(cache, manifestFile)
}

/** One transcript's entry: `links` to its page and exports, `downloads` to the zips holding its other formats. */
export function manifestEntry(
  summary: TranscriptSummary,
  exports: readonly string[],
  parts: ReturnType<typeof partsByName> = new Map(),
) {
  const inDownloads = [...parts].flatMap(([format, of]) => {
    const part = of.get(summary.name)
    return part ? [[format, fromRoot(part.route)] as const] : []
  })
  return {
    id: summary.name,
    document: summary.id,
    title: summary.title,
    date: summary.date === '' ? null : summary.date,
    ...(summary.series !== undefined ? { series: summary.series } : {}),
    participants: summary.speakers.map(({ key, name, kind }) => ({ id: key, name, kind })),
    links: {
      page: fromRoot(transcriptRoute(summary.name)),
      ...Object.fromEntries(
        pageFormats(exports, summary.recording).map((format) => [
          format.name,
          fromRoot(exportRoute(summary.name, format.extension)),
        ]),
      ),
    },
    ...(inDownloads.length > 0 ? { downloads: Object.fromEntries(inDownloads) } : {}),
  }
}

export async function writeManifest(
  summaries: readonly TranscriptSummary[],
  path: string,
  exports: readonly string[],
  downloads: Downloads,
): Promise<void> {
  const parts = partsByName(downloads)
  await mkdir(dirname(path), { recursive: true })
  const out = createWriteStream(path)
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain')
  }
  const formats = siteFormats.map(({ name, extension, mediaType }) => ({ name, extension, mediaType }))
  await write(`{\n"count": ${summaries.length},\n"formats": ${JSON.stringify(formats)},\n"transcripts": [`)
  for (const [index, summary] of summaries.entries()) {
    await write(`${index === 0 ? '\n' : ',\n'}${JSON.stringify(manifestEntry(summary, exports, parts))}`)
  }
  out.end(`${summaries.length > 0 ? '\n' : ''}]\n}\n`)
  await once(out, 'finish')
}

/** What the search's labels need of an entry, checked; the rest is left as it is. */
const labelled = z.object({
  transcripts: z.array(z.object({ id: z.string(), document: z.string(), title: z.string(), date: z.string().nullable() })),
})

/**
 * Each transcript's document id, date and title, by name, as its JSON has them (the manifest's `null` date
 * is the JSON's empty one): one file for the search's labels instead of every transcript's JSON.
 * Undefined when the file is missing or not a manifest.
 */
export async function readManifestLabels(
  path: string,
): Promise<Map<string, { id: string; date: string; title: string }> | undefined> {
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(path, 'utf8'))
  } catch {
    return undefined
  }
  const parsed = labelled.safeParse(raw)
  if (!parsed.success) return undefined
  return new Map(
    parsed.data.transcripts.map((entry) => [entry.id, { id: entry.document, date: entry.date ?? '', title: entry.title }]),
  )
}
