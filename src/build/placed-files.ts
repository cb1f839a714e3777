/**
 * The files the build places in the site from its cache once Astro has written the pages (./integration.ts),
 * as `[from, to]` pairs for `linkAll` (./link-files.ts): each transcript's exports beside its page, the
 * collection's zips, and each version's text as it was. Where each comes from and goes is said here once.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pageFormats } from '../collection/exports.ts'
import type { TranscriptSummary } from '../collection/summary.ts'
import { exportRoute, routeFile, versionTextRoute } from '../contract/routes.ts'
import { downloadArtifact, readDownloads } from './downloads.ts'
import { versionFile } from './history/texts.ts'
import { exportArtifact } from './prepare/artifacts.ts'

/** A cache file and its place in the site. */
export type Placement = readonly [from: string, to: string]

/** Each transcript's exports, `/<name>/transcript.<extension>`, for the formats `exports` puts beside its page. */
export function exportPlacements(
  summaries: readonly TranscriptSummary[],
  exports: readonly string[],
  cache: string,
  site: string,
): Placement[] {
  return summaries.flatMap((summary) =>
    pageFormats(exports, summary.recording).map(
      ({ extension }): Placement => [
        exportArtifact(summary.name, extension, cache),
        join(site, routeFile(exportRoute(summary.name, extension))),
      ],
    ),
  )
}

/** The collection's zips (./downloads.ts), as the last zipping listed them. */
export function downloadPlacements(cache: string, site: string): Placement[] {
  return readDownloads(cache).formats.flatMap((format) =>
    format.parts.map((part): Placement => [downloadArtifact(cache, format.name, part.label), join(site, routeFile(part.route))]),
  )
}

/** Every version's text as it was, `/<name>/versions/<id>.txt`: the cache's copies (./history/texts.ts), where kept. */
export function versionTextPlacements(summaries: readonly TranscriptSummary[], cache: string, site: string): Placement[] {
  return summaries
    .flatMap((summary) =>
      (summary.history?.versions ?? []).map(
        (version): Placement => [
          versionFile(cache, summary.name, version.commit, 'txt'),
          join(site, routeFile(versionTextRoute(summary.name, version.id))),
        ],
      ),
    )
    .filter(([from]) => existsSync(from))
}
