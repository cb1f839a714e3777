/**
 * Where each export of a transcript is published (issue 25): beside its page (`/<name>/transcript.<ext>`)
 * or in the collection's downloads (`/downloads/`, a zip per format and year). The one rule, read by the
 * page's download list and player, the manifest, and the build that places the files. No format is ever
 * lost: one the configuration leaves off the pages is in the downloads, for every transcript.
 */
import { siteFormats, type Format } from '../core/formats/index.ts'
import { publishRecording } from '../core/recording.ts'
import type { Recording } from '../core/types.ts'

/** The names of the formats the site serves (`json`, `text`, `tei`, `vtt`), the configuration's `exports`. */
export const siteFormatNames: readonly string[] = siteFormats.map((format) => format.name)

/**
 * The formats beside a transcript's page: those the configuration names (`exports`), and its WebVTT when
 * its recording is published, since the player follows the turns by that file's cues.
 */
export function pageFormats(exports: readonly string[], recording: Recording | undefined): Format[] {
  const played = recording !== undefined && publishRecording(recording) !== undefined
  return siteFormats.filter((format) => exports.includes(format.name) || (played && format.name === 'vtt'))
}

/** The formats published in the collection's downloads: every format the configuration leaves off the pages. */
export function downloadFormats(exports: readonly string[]): Format[] {
  return siteFormats.filter((format) => !exports.includes(format.name))
}
