/**
 * Reading a transcript from disk for the CLI, the site's prepare step and the tests: its file and the optional
 * sidecar `<name>.yml` beside it (src/core/sidecar.ts), handed to the core's `loadTranscript`, which parses text
 * already in memory. File reading lives here, in the build, so that the core stays free of Node.
 */
import { existsSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { type LoadedTranscript, type LoadOptions, loadTranscript, type SidecarInput, transcriptName } from '../../core/load.ts'

/** `folder/<name>.txt` → `folder/<name>.yml`. */
export function sidecarPath(path: string): string {
  return join(dirname(path), `${transcriptName(path)}.yml`)
}

/** The sidecar beside a transcript file, when there is one. */
export function findSidecar(path: string): SidecarInput | undefined {
  const sidecar = sidecarPath(path)
  return existsSync(sidecar) ? { value: readFileSync(sidecar), path: sidecar } : undefined
}

/** Reads and parses a file and its sidecar; rejects only when a file cannot be read. */
export async function readTranscript(path: string, options: Omit<LoadOptions, 'sidecar'> = {}): Promise<LoadedTranscript> {
  return loadTranscript(await readFile(path), path, { ...options, sidecar: findSidecar(path) })
}
