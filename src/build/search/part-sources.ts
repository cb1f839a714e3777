/**
 * What a kept part of Pagefind's index was made from (issue 25, item 1). A part is named by the hash of
 * its records (./parts.ts), so knowing whether it changed took reading every transcript's JSON and making
 * its record again: at 10,000 transcripts, 25–35 s of a one-word rebuild, the longest step before the
 * search's tables. Each part's sources are kept beside it instead, under a key made from what its records
 * are made from (each transcript's digest, which covers its text, sidecar, history and the code that made
 * its JSON; its facet label; the record size; the search's code; Pagefind's version): a part whose key is
 * kept is placed again without reading a transcript, and what the tables need of its transcripts (their
 * labels and filters, the speakers' keys, the passages) is read from here.
 */
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { TranscriptInfo } from './tables.ts'

/** What the search needs of a part it does not make again. */
export interface PartSources {
  /** The part's name (its folder under `pagefind/`). */
  part: string
  records: number
  passages: number
  /** Each speaker's key and facet value, in the order the part's transcripts first give them. */
  voices: Array<[string, string]>
  /** Each transcript of a record of several: its label and its passages' filters. */
  info: Array<[string, TranscriptInfo]>
}

/** What a part's key is made from besides its transcripts. */
export interface SourcesContext {
  /** Each transcript's digest (the collection's summaries); a part with a transcript without one has no key. */
  digest: (name: string) => string | undefined
  labels: ReadonlyMap<string, string>
  /** Transcripts per record. */
  size: number
  /** The search build's code and Pagefind's version. */
  code: string
}

/** The key of a part of `names`, or undefined when a transcript has no digest. */
export function sourcesKey(names: readonly string[], context: SourcesContext): string | undefined {
  const hash = createHash('sha256').update(`sources 1\0${context.code}\0${context.size}\0`)
  for (const name of names) {
    const digest = context.digest(name)
    if (digest === undefined) return undefined
    hash.update(`${name}\0${digest}\0${context.labels.get(name) ?? ''}\n`)
  }
  return hash.digest('hex').slice(0, 32)
}

/** The file a part's sources are kept in, in the parts' cache folder (beside the parts, never in the site). */
export const sourcesFile = (key: string) => `${key}.sources.json`

/** A part's kept sources, or undefined when none are kept under `key` (or they cannot be read). */
export async function readSources(folder: string, key: string): Promise<PartSources | undefined> {
  try {
    const kept = JSON.parse(await readFile(join(folder, sourcesFile(key)), 'utf8')) as PartSources
    const whole =
      typeof kept.part === 'string' &&
      Number.isInteger(kept.records) &&
      Number.isInteger(kept.passages) &&
      Array.isArray(kept.voices) &&
      Array.isArray(kept.info)
    return whole ? kept : undefined
  } catch {
    return undefined
  }
}

/** Keeps a part's sources under `key`, once the part itself is kept. */
export async function writeSources(folder: string, key: string, sources: PartSources): Promise<void> {
  await writeFile(join(folder, sourcesFile(key)), JSON.stringify(sources))
}
