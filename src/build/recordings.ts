/**
 * Recordings that are files beside their transcripts are published beside their pages
 * (`/<name>/recording.ogg`, the name src/core/recording.ts gives). The loader, which knows the
 * transcripts' folder and every summary, writes the list of files to copy into the site cache; the site's
 * integration copies them when Astro has written the pages. A recording given as a URL is linked as it is.
 */
import { constants, existsSync } from 'node:fs'
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { publishRecording } from '../core/recording.ts'
import { recordingRoute, routeFile } from '../contract/routes.ts'
import type { TranscriptSummary } from '../collection/summary.ts'

interface RecordingCopy {
  /** The transcript's page folder. */
  name: string
  /** The recording's file, absolute. */
  from: string
  /** Its name in the page folder. */
  to: string
}

const listFile = (cache: string) => join(cache, 'recordings.json')

export async function writeRecordingList(summaries: readonly TranscriptSummary[], folder: string, cache: string) {
  const copies: RecordingCopy[] = []
  for (const summary of summaries) {
    const published = publishRecording(summary.recording)
    if (published?.copy) copies.push({ name: summary.name, from: join(folder, published.copy.from), to: published.copy.to })
  }
  await mkdir(cache, { recursive: true })
  await writeFile(listFile(cache), `${JSON.stringify(copies)}\n`)
}

/** Copies each listed recording into the built site; a file that is missing is named, and skipped. */
export async function copyRecordings(
  site: string,
  cache: string,
  warn: (message: string) => void,
  placed?: (path: string) => void,
): Promise<number> {
  if (!existsSync(listFile(cache))) return 0
  const copies = JSON.parse(await readFile(listFile(cache), 'utf8')) as RecordingCopy[]
  let copied = 0
  for (const { name, from, to } of copies) {
    if (!existsSync(from)) {
      warn(`${name}: its recording ${from} does not exist; the page's player will find nothing to play`)
      continue
    }
    const target = join(site, routeFile(recordingRoute(name, to)))
    await mkdir(dirname(target), { recursive: true })
    // A copy-on-write clone where the file system offers one, else a plain copy.
    await copyFile(from, target, constants.COPYFILE_FICLONE)
    placed?.(target)
    copied++
  }
  return copied
}
