/**
 * Reading a transcript from disk for the CLI, the site's prepare step and the tests: its file and the optional
 * sidecar `<name>.yml` beside it (src/core/sidecar.ts), handed to the core's `loadTranscript`, which parses text
 * already in memory. File reading lives here, in the build, so that the core stays free of Node.
 */
import { existsSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { namedAlignment } from '../../core/sidecar.ts'
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

/** A reader of the files a sidecar names beside the transcript at `path` (its alignment): undefined when absent. */
export function besideReader(path: string): (src: string) => Uint8Array | undefined {
  return (src) => {
    const file = join(dirname(path), src)
    return existsSync(file) ? readFileSync(file) : undefined
  }
}

/** The bytes of the alignment a transcript's sidecar names, when it names one and it is there (for the cache's digest). */
export function alignmentBytes(path: string, sidecar: Uint8Array): Uint8Array | undefined {
  const src = namedAlignment(sidecar)
  return src === undefined ? undefined : besideReader(path)(src)
}

/** Reads and parses a file and its sidecar (and what the sidecar names); rejects only when a file cannot be read. */
export async function readTranscript(path: string, options: Omit<LoadOptions, 'sidecar'> = {}): Promise<LoadedTranscript> {
  return loadTranscript(await readFile(path), path, { readBeside: besideReader(path), ...options, sidecar: findSidecar(path) })
}
