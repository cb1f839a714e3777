/**
 * The collection's downloads (issue 25): for each format the configuration leaves off the pages
 * (src/collection/exports.ts), every transcript's file in zips of one year each (src/collection/download-parts.ts),
 * `/downloads/<format>/<part>.zip`, each holding `<name>.<extension>` byte for byte as the page's export would
 * be. Zipped with yazl (Node's own zlib, streamed from the cached exports: no part is ever held in memory), into
 * the cache; a part whose transcripts did not change is kept, so a correction writes one zip per format.
 * The site's steps cut the parts and write their listing (`planDownloads`, `writeListing`), which the pages
 * read (`readDownloads`); the zips are written beside Astro's pages (`writeDownloads`, started by
 * ./integration.ts once the steps are done and awaited when the pages are written, then linked into the site).
 */
import { createHash } from 'node:crypto'
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { mkdir, readdir, rename, rm } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import yazl from 'yazl'
import { downloadParts, type DownloadPart, zipEntryName } from '../collection/download-parts.ts'
import { downloadFormats } from '../collection/exports.ts'
import type { TranscriptSummary } from '../collection/summary.ts'
import { downloadRoute } from '../contract/routes.ts'
import { exportArtifact } from './prepare/artifacts.ts'
import { partialOf } from './write-whole.ts'

/** One format's parts, as the pages and the manifest name them. */
export interface DownloadFormat {
  /** The format's name (`tei`), its label (`TEI`) and its files' extension (`xml`). */
  name: string
  label: string
  extension: string
  parts: Array<DownloadPart & { digest: string; route: string }>
}

/** The collection's downloads: the formats in them (none when every format is beside the pages). */
export interface Downloads {
  formats: DownloadFormat[]
}

const folder = (cache: string) => join(cache, 'downloads')
const listingFile = (cache: string) => join(folder(cache), 'index.json')
/** A part's zip in the cache: `<cache>/downloads/<format>/<part>.zip`. */
export const downloadArtifact = (cache: string, format: string, part: string) => join(folder(cache), format, `${part}.zip`)
/** Every entry's time in the zips: the format's first possible date, so the same files make the same zip. */
const ZIP_TIME = new Date(1980, 0, 1)

/** The parts of each format the pages leave out, cut from the exports' sizes (each transcript's file stated once). */
export function planDownloads(summaries: readonly TranscriptSummary[], exports: readonly string[], cache: string): Downloads {
  return {
    formats: downloadFormats(exports).map(({ name, label, extension }) => {
      const files = summaries.map((summary) => ({
        name: summary.name,
        date: summary.date,
        bytes: statSync(exportArtifact(summary.name, extension, cache)).size,
      }))
      const digests = new Map(summaries.map((summary) => [summary.name, summary.digest]))
      const parts = downloadParts(files).map((part) => {
        const digest = createHash('sha256').update(`${name}\0${part.label}\0`)
        for (const each of part.names) digest.update(`${each}\0${digests.get(each)}\n`)
        return { ...part, digest: digest.digest('hex'), route: downloadRoute(name, part.label) }
      })
      return { name, label, extension, parts }
    }),
  }
}

/** The listing the pages read (./downloads.ts's `readDownloads`): written by the steps, before any page. */
export function writeListing(downloads: Downloads, cache: string): void {
  mkdirSync(folder(cache), { recursive: true })
  writeFileSync(listingFile(cache), JSON.stringify(downloads))
}

/**
 * Writes the zip of each part in the listing whose transcripts changed (its digest differs from the zip's)
 * and removes the zips of parts gone. Returns how many zips were written and kept.
 */
export async function writeDownloads(cache: string): Promise<{ written: number; kept: number }> {
  const downloads = readListing(cache)
  const tasks: Array<() => Promise<void>> = []
  let kept = 0
  const wanted = new Set<string>()
  await mkdir(folder(cache), { recursive: true })
  for (const format of downloads.formats) {
    await mkdir(join(folder(cache), format.name), { recursive: true })
    for (const part of format.parts) {
      const zip = downloadArtifact(cache, format.name, part.label)
      wanted.add(zip)
      const digestFile = `${zip}.digest`
      if (existsSync(zip) && existsSync(digestFile) && readFileSync(digestFile, 'utf8') === part.digest) kept++
      else tasks.push(() => writeZip(part.names, format.extension, cache, zip, digestFile, part.digest))
    }
  }
  // Several zips at once: each compresses in Node's thread pool while the next file is read.
  const queue = [...tasks]
  await Promise.all(
    Array.from({ length: Math.min(availableParallelism(), queue.length) }, async () => {
      for (let task = queue.shift(); task; task = queue.shift()) await task()
    }),
  )
  await removeOthers(folder(cache), wanted)
  return { written: tasks.length, kept }
}

async function writeZip(names: string[], extension: string, cache: string, zip: string, digestFile: string, digest: string) {
  const file = new yazl.ZipFile()
  for (const name of names)
    file.addFile(exportArtifact(name, extension, cache), zipEntryName(name, extension), { mtime: ZIP_TIME, mode: 0o100644 })
  file.end()
  // A new file renamed over the old one: a site built before keeps its link to the old zip (./link-files.ts).
  const partial = partialOf(zip)
  await pipeline(file.outputStream, createWriteStream(partial))
  await rename(partial, zip)
  writeFileSync(digestFile, digest)
}

/** Zips (and their digests) in the folder that no part of this build wants. */
async function removeOthers(root: string, wanted: ReadonlySet<string>) {
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    const zip = path.endsWith('.zip.digest') ? path.slice(0, -'.digest'.length) : path
    if (zip.endsWith('.zip') && !wanted.has(zip)) await rm(path, { force: true })
  }
}

type Part = DownloadFormat['parts'][number]

/** Each format's part by transcript: `partsByName(d).get('tei')?.get(name)`. */
export function partsByName(downloads: Downloads): Map<string, Map<string, Part>> {
  return new Map(
    downloads.formats.map((format) => [
      format.name,
      new Map(format.parts.flatMap((part) => part.names.map((name) => [name, part] as const))),
    ]),
  )
}

let read: { cache: string; downloads: Downloads; of: Map<string, Map<string, Part>> } | undefined

function readListing(cache: string): Downloads {
  return existsSync(listingFile(cache)) ? (JSON.parse(readFileSync(listingFile(cache), 'utf8')) as Downloads) : { formats: [] }
}

/** The listing the steps wrote (none before the first build): for the pages, read once per process. */
export function readDownloads(cache: string): Downloads {
  if (read?.cache !== cache) {
    const downloads = readListing(cache)
    read = { cache, downloads, of: partsByName(downloads) }
  }
  return read.downloads
}

/** The part of a format's downloads that holds a transcript. */
export function downloadPartOf(cache: string, format: string, name: string): Part | undefined {
  readDownloads(cache)
  return read?.of.get(format)?.get(name)
}
