/**
 * What the built site weighs, as a host counts it before it accepts an upload: bytes, files and the
 * largest file. A hard-linked export (./integration.ts links them from the cache) is uploaded as a file of
 * its own, so it counts in full. Read once at the end of the build, for the build's last line and the host
 * check (./hosts.ts).
 */
import { readdir, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'

export interface OutputSize {
  bytes: number
  files: number
  /** The largest file, relative to the output folder (`/` separated); absent in an empty folder. */
  largest?: { path: string; bytes: number }
}

/** The folder's files measured: every file under it, or `files` (their paths) when the caller has just listed them. */
export async function measureOutput(folder: string, files?: readonly string[]): Promise<OutputSize> {
  const size: OutputSize = { bytes: 0, files: 0 }
  files ??= (await readdir(folder, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
  // In small batches: 100,000 stats at once would open as many requests as there are files.
  for (let start = 0; start < files.length; start += 256) {
    const batch = files.slice(start, start + 256)
    const sizes = await Promise.all(batch.map(async (file) => (await stat(file)).size))
    for (const [index, bytes] of sizes.entries()) {
      size.bytes += bytes
      size.files++
      if (!size.largest || bytes > size.largest.bytes)
        size.largest = { path: relative(folder, batch[index]!).split('\\').join('/'), bytes }
    }
  }
  return size
}

/** `1.2 GB`, `328 MB`, `94 KB`, `812 B`: decimal units, as hosts state their limits. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'] as const
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  // One decimal below 100 of a unit, none from 100 (99.96 KB is `100 KB`); 999,950 bytes, which would round
  // to `1000 KB`, is written in the next unit, `1.0 MB`.
  const shown = () => {
    const one = value.toFixed(unit === 0 ? 0 : 1)
    return Number(one) >= 100 ? value.toFixed(0) : one
  }
  if (Number(shown()) >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return `${shown()} ${units[unit]}`
}

/** The build's last line: `output: 328 MB in 9,855 files; largest pagefind/x.pf_index (2.1 MB)`. */
export function outputLine(size: OutputSize): string {
  const files = `${size.files.toLocaleString('en-US')} file${size.files === 1 ? '' : 's'}`
  const largest = size.largest ? `; largest ${size.largest.path} (${formatBytes(size.largest.bytes)})` : ''
  return `output: ${formatBytes(size.bytes)} in ${files}${largest}`
}
