/**
 * The cache's files and folders are written whole: beside their place (`<path>.partial`), then renamed over
 * it. A build stopped half-way (an error, Ctrl-C, a full disk) leaves the last good one or none, never half
 * of one a later build would take for whole. Every writer of the cache goes through here, so the rule and
 * the suffix a later build clears are one; but the prepare worker's (prepare/transcript.ts `replaceFile`),
 * which imports only the folders its code digest covers (prepare/artifacts.ts `DIGESTED_FOLDERS`).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'

/** Where `path` is written before it is put in place. */
export const partialOf = (path: string): string => `${path}.partial`

/** `data` written to `path` whole (its folder made if need be). */
export function writeFileWhole(path: string, data: string | NodeJS.ArrayBufferView): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(partialOf(path), data)
  renameSync(partialOf(path), path)
}

/** An empty folder beside `path` for `fill` to write into; then it replaces whatever `path` held. */
export function replaceFolder(path: string, fill: (partial: string) => void): void {
  const partial = partialOf(path)
  rmSync(partial, { recursive: true, force: true })
  mkdirSync(partial, { recursive: true })
  fill(partial)
  rmSync(path, { recursive: true, force: true })
  renameSync(partial, path)
}

/** `replaceFolder`, for a `fill` that writes with Node's promises. */
export async function replaceFolderAsync(path: string, fill: (partial: string) => Promise<void>): Promise<void> {
  const partial = partialOf(path)
  await rm(partial, { recursive: true, force: true })
  await mkdir(partial, { recursive: true })
  await fill(partial)
  await rm(path, { recursive: true, force: true })
  await rename(partial, path)
}
