/**
 * Reading the transcripts the search is built from: each one's public JSON, checked against the
 * transcript schema, from a built site (`/<name>/transcript.json`) or from the site cache where the
 * prepare step wrote it (the same bytes). A file that is not JSON, or not a transcript, fails with the
 * name a reader of the site knows it by and no stack trace.
 */
import { readdir, readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { z } from 'astro/zod'
import { transcriptSchema, type TranscriptJson } from '../../core/schema.ts'
import { exportRoute, routeFile } from '../../contract/routes.ts'

/** A failure to report as it is: a message for the person building the site, no stack trace. */
export class SearchBuildError extends Error {}

/** The fields of a transcript its facet label is made from. */
export type TranscriptLabelSource = Pick<TranscriptJson, 'id' | 'date' | 'title'>

/** The transcripts a search index is built from: their names in order, and how to read each. */
export interface SearchIndexSource {
  names: string[]
  read: (name: string) => Promise<TranscriptJson>
  /** Reads only what the facet labels need (a first pass over every transcript); by default `read`. */
  readLabel?: (name: string) => Promise<TranscriptLabelSource>
  /**
   * Each transcript's digest (its text, sidecar, history and the code that made its JSON): a kept part of
   * the index whose transcripts' digests are unchanged is placed again without reading them
   * (./part-sources.ts). Without it, every transcript is read.
   */
  digest?: (name: string) => string | undefined
}

/** A transcript's JSON export in the built site's folder: `<name>/transcript.json`. */
const jsonFile = (name: string) => routeFile(exportRoute(name, 'json'))

/** The folders of a built site that hold a `transcript.json`, in name order. */
export async function builtTranscriptNames(site: string): Promise<string[]> {
  const entries = await readdir(site, { withFileTypes: true })
  const names: string[] = []
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const files = await readdir(join(site, entry.name)).catch(() => [] as string[])
    if (files.includes(basename(jsonFile(entry.name)))) names.push(entry.name)
  }
  return names
}

/** One built transcript's JSON, validated. */
export function readBuiltTranscript(site: string, name: string): Promise<TranscriptJson> {
  return readTranscriptFile(join(site, jsonFile(name)), jsonFile(name))
}

/** A built transcript's id, date and title, without checking the whole tree. */
export function readBuiltLabel(site: string, name: string): Promise<TranscriptLabelSource> {
  return readTranscriptLabel(join(site, jsonFile(name)), jsonFile(name))
}

/** Every built transcript, one at a time (tests and tools; the build itself never holds them all). */
export async function* readBuiltTranscripts(site: string): AsyncGenerator<TranscriptJson> {
  for (const name of await builtTranscriptNames(site)) yield await readBuiltTranscript(site, name)
}

/** A transcript's JSON file, validated; `shown` names it in a failure. */
export async function readTranscriptFile(file: string, shown: string): Promise<TranscriptJson> {
  return checked(shown, transcriptSchema, await readJson(file, shown))
}

/** What the facet labels need of a transcript: its id, date and title (the rest is checked when it is indexed). */
const labelFields = transcriptSchema.pick({ id: true, date: true, title: true })

/** A transcript's id, date and title, from its JSON file, without checking the whole tree. */
export async function readTranscriptLabel(file: string, shown: string): Promise<TranscriptLabelSource> {
  return checked(shown, labelFields, await readJson(file, shown))
}

/** A JSON file, parsed; a file that is not JSON fails with its name. */
async function readJson(file: string, shown: string): Promise<unknown> {
  const text = await readFile(file, 'utf8')
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new SearchBuildError(`${shown} is not JSON: ${(error as Error).message}`)
  }
}

/** `raw` checked against `schema`; a mismatch fails with the file's name. */
function checked<T>(shown: string, schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw)
  if (!parsed.success) throw new SearchBuildError(`${shown} does not match the transcript schema: ${parsed.error.message}`)
  return parsed.data
}
