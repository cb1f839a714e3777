/** Bytes on disk as the build benchmark reports them: a folder's files, and Node's compile cache. */
import { readdirSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** Sum of the sizes of the regular files under `dir` (apparent size, not blocks; links not followed). */
export function folderBytes(dir: string): { bytes: number; files: number; largest: number } {
  let bytes = 0
  let files = 0
  let largest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    try {
      const size = statSync(path.join(entry.parentPath, entry.name)).size
      bytes += size
      files += 1
      largest = Math.max(largest, size)
    } catch {
      // removed while counting (only possible for the shared compile cache)
    }
  }
  return { bytes, files, largest }
}

export interface CompileCache {
  /** The folders found, e.g. /tmp/node-compile-cache (Astro's CLI calls module.enableCompileCache()). */
  dirs: string[]
  bytes: number
  files: number
}

/**
 * Node's on-disk compile cache: `module.enableCompileCache()` without a folder writes under
 * os.tmpdir() and nothing removes it, so each build may leave bytes behind. Every folder there whose
 * name holds `node-compile-cache` is counted.
 */
export function compileCache(): CompileCache {
  const tmp = os.tmpdir()
  const dirs = readdirSync(tmp, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.includes('node-compile-cache'))
    .map((entry) => path.join(tmp, entry.name))
  let bytes = 0
  let files = 0
  for (const dir of dirs) {
    try {
      const size = folderBytes(dir)
      bytes += size.bytes
      files += size.files
    } catch {
      // not readable by this user: not counted
    }
  }
  return { dirs, bytes, files }
}
