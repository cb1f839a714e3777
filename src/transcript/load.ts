/**
 * Reading a transcript file: bytes → text → tree → JSON, in one place for the CLI, the site's content
 * loader and the tests. The name of a transcript is its file name without `.txt`.
 */
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { VFile } from 'vfile'
import { parse } from './parse/index.ts'
import { toJson } from './to-json.ts'
import type { TranscriptJson } from './schema.ts'
import type { TranscriptRoot } from './types.ts'

export interface LoadedTranscript {
  tree: TranscriptRoot
  file: VFile
  json: TranscriptJson
}

export function transcriptName(path: string): string {
  return basename(path).replace(/\.txt$/i, '')
}

/**
 * Parses text or bytes already in memory. Bytes are decoded by the parser (parse/decode.ts), which reports
 * bytes that are not UTF-8 with their offsets; the file then holds the decoded text.
 */
export function loadTranscript(value: string | Uint8Array, path: string): LoadedTranscript {
  const file = new VFile({ path, value })
  const tree = parse(file, { name: transcriptName(path) })
  return { tree, file, json: toJson(tree, file) }
}

/** Reads and parses a file; rejects only when the file cannot be read. */
export async function readTranscript(path: string): Promise<LoadedTranscript> {
  return loadTranscript(await readFile(path), path)
}
