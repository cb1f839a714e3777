/**
 * Prepares one transcript for the site: parse, check against the public schema, render the page body,
 * write it and every export the site serves (JSON, text, TEI, WebVTT: the formats registry's `siteFormats`),
 * and return the summary the content store keeps. Runs in a worker thread (./worker.ts) or, for a handful
 * of files, in the loader's own thread.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { threadId } from 'node:worker_threads'
import { dirname } from 'node:path'
import { loadWithHistory } from '../../core/revisions/load.ts'
import { renderRevisions } from '../../core/revisions/render.ts'
import { transcriptTitle } from '../../core/names.ts'
import { historyInput, type TaskHistory } from './history.ts'
import { besideReader, sidecarPath } from './transcript-files.ts'
import { speakerKey } from '../../contract/speakers.ts'
import { aboutRoute, revisionsRoute, sitePath, speakerRoute } from '../../contract/routes.ts'
import type { CitationDefaults } from '../../core/citation.ts'
import { renderTranscript } from '../../core/render.ts'
import { transcriptSchema } from '../../core/schema.ts'
import { siteFormats } from '../../core/formats/index.ts'
import { json as jsonFormat } from '../../core/formats/json.ts'
import { exportArtifact, htmlArtifact, jsonArtifact, jsonText, revisionsArtifact } from './artifacts.ts'
import { summarize, type TranscriptSummary } from '../../collection/summary.ts'

export interface PrepareTask {
  /** The file as the editor names it (relative to the project), for messages. */
  shown: string
  /** Where to read it. */
  path: string
  /** Where to read its sidecar (`<name>.yml`), when it has one. */
  sidecar?: string
  /** The house style to read with when the sidecar names none (the site configuration's default). */
  style?: string
  digest: string
  /** The site cache folder (./paths.ts `siteCacheFolder`). */
  cache: string
  /** The site's base path (`/`, `/tapes/`): the page's links carry it, so it is part of `digest`. */
  base: string
  /** What every citation takes from the site's configuration (part of `digest`). */
  citation?: CitationDefaults
  /** The configuration's `alignment.confidence`: words scored below it are marked unsure (part of `digest`). */
  confidence?: number
  /** The transcript's versions, read from git by the steps (src/build/history/), when its history is known. */
  history?: TaskHistory
}

export type PrepareResult = { ok: true; summary: TranscriptSummary } | { ok: false; shown: string; message: string }

export function prepareTranscript(task: PrepareTask): PrepareResult {
  try {
    const sidecar = task.sidecar && { value: readFileSync(task.sidecar), path: sidecarPath(task.shown) }
    const { tree, file, json, changes } = loadWithHistory(readFileSync(task.path), task.shown, {
      ...(sidecar ? { sidecar, readBeside: besideReader(task.path) } : {}),
      ...(task.style !== undefined ? { style: task.style } : {}),
      ...(task.citation ? { citation: task.citation } : {}),
      ...(task.history ? { history: historyInput(task.history) } : {}),
    })
    const checked = transcriptSchema.safeParse(json)
    if (!checked.success)
      return { ok: false, shown: task.shown, message: `its JSON does not match the schema: ${checked.error.message}` }
    const jsonPath = jsonArtifact(json.name, task.cache)
    mkdirSync(dirname(jsonPath), { recursive: true })
    // Each export of the formats registry the site serves; the JSON as checked against the schema.
    for (const format of siteFormats) {
      const text =
        format === jsonFormat
          ? jsonText(checked.data)
          : format.write({ tree, file, ...(task.citation ? { citation: task.citation } : {}) })
      replaceFile(exportArtifact(json.name, format.extension, task.cache), text)
    }
    const revisionsHref = changes ? sitePath(revisionsRoute(json.name), task.base) : undefined
    writeFileSync(
      htmlArtifact(json.name, task.cache),
      renderTranscript(tree, {
        speakerHref: (speaker) => sitePath(speakerRoute(speakerKey(speaker)), task.base),
        aboutHref: sitePath(aboutRoute(), task.base),
        ...(task.citation ? { citation: task.citation } : {}),
        ...(revisionsHref ? { revisionsHref } : {}),
        ...(task.confidence !== undefined ? { confidence: task.confidence } : {}),
      }),
    )
    // The revisions page's body, when the history is known; none (and no page) otherwise.
    const revisions = revisionsArtifact(json.name, task.cache)
    if (changes) {
      mkdirSync(dirname(revisions), { recursive: true })
      const locale = task.citation?.locale
      const options = { base: task.base, title: transcriptTitle(json), ...(locale ? { locale } : {}) }
      writeFileSync(revisions, renderRevisions(tree, changes, options))
    } else rmSync(revisions, { force: true })
    return { ok: true, summary: summarize(checked.data, task.digest, changes) }
  } catch (error) {
    // The parser reports its own failures as diagnostics; this is a disk or schema surprise.
    return { ok: false, shown: task.shown, message: error instanceof Error ? error.message : String(error) }
  }
}

/**
 * Writes `path` as a new file (a temporary one renamed over it), never into the old one: the site links its
 * exports to these files (../integration.ts), so a site built before keeps the text it was built with.
 */
function replaceFile(path: string, text: string): void {
  const temporary = `${path}.${threadId}.tmp`
  writeFileSync(temporary, text)
  renameSync(temporary, path)
}
