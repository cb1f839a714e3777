/**
 * How the collection's downloads are cut (issue 25): one part a year, in transcript order, so a historian
 * takes the years they study and a correction makes only its year's part again; a year whose files pass
 * the cap goes on in a second part (`1962-2`), so that no zip can pass a host's limit on a file (25 MiB on
 * Cloudflare Pages; a zip is never larger than its files and a few bytes a file of headers).
 */

import { monthOf } from './browse.ts'

/** A transcript's file inside a part's zip: `<name>.<extension>`, the name its page would have saved it under. */
export const zipEntryName = (name: string, extension: string): string => `${name}.${extension}`

/** The name a reader's browser saves a part's zip under: `transcripts-tei-1962.zip`. */
export const zipFileName = (format: string, part: string): string => `transcripts-${format}-${part}.zip`

/** One transcript's file in a format, as the parts are cut from them. */
export interface PartFile {
  name: string
  /** `1962-11-14`, or '' when undated. */
  date: string
  bytes: number
}

export interface DownloadPart {
  /** `1962`, `1962-2`, `undated`: the part's file is `<label>.zip`. */
  label: string
  /** Its transcripts, in the order given. */
  names: string[]
  /** Their files' bytes, before compression. */
  bytes: number
}

/** The most bytes of files a part holds before compression: 24 MiB, under the smallest host limit on a file. */
export const PART_CAP = 24 * 1024 * 1024

/** The parts, in the order of `files` (transcript order: by date, then name). */
export function downloadParts(files: readonly PartFile[], cap: number = PART_CAP): DownloadPart[] {
  const parts: DownloadPart[] = []
  const counts = new Map<string, number>()
  let open: { year: string; part: DownloadPart } | undefined
  for (const file of files) {
    // The year as the browse pages give it (an unreadable date is undated there too).
    const year = monthOf(file.date)?.year ?? 'undated'
    // A new part at each year, and when this file would pass the cap (a part always takes its first file).
    if (!open || open.year !== year || (open.part.names.length > 0 && open.part.bytes + file.bytes > cap)) {
      const n = (counts.get(year) ?? 0) + 1
      counts.set(year, n)
      open = { year, part: { label: n === 1 ? year : `${year}-${n}`, names: [], bytes: 0 } }
      parts.push(open.part)
    }
    open.part.names.push(file.name)
    open.part.bytes += file.bytes
  }
  return parts
}
