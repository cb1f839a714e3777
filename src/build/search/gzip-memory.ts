/**
 * The last search build's gzipped files, remembered by a digest of the text each was compressed from. A
 * rebuild makes every word table and head again (they gather rows from every part), but after a one-word
 * correction nearly all of them are the same text as last time (591 of 594 word tables at 10,000
 * transcripts): such a file is linked from the kept output instead of compressed again, which was 14 s
 * of one core for the word tables alone (docs/benchmarks.md). The file is the same bytes a compression
 * would write (gzip is deterministic for one text, level and zlib: all three are in the digest).
 *
 * The record (`<folder>.gzip.json`: each file's path under the folder → its text's digest) describes the
 * kept folder only while both are whole: it is removed before the kept folder is replaced and written
 * after (`replaceKept`), so a build stopped in between leaves no record, and the next compresses all.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { link, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'

/** The record of the gzipped files under `folder`, beside it. */
export const gzipRecordFile = (folder: string) => `${folder}.gzip.json`

/** What a kept file's reuse depends on besides its text: how it was compressed. */
const compression = (level: number) => `gzip level ${level}, zlib ${process.versions.zlib}\0`

export class GzipMemory {
  /** This build's files: path under `out` → digest, written beside `out` by `save`. */
  private readonly now = new Map<string, string>()
  private readonly earlier: ReadonlyMap<string, string>
  private readonly kept: string
  private readonly out: string

  /**
   * `kept`: the last build's folder (its record beside it, if any); `out`: the folder this build writes.
   * A record that cannot be read is no record.
   */
  constructor(kept: string, out: string) {
    this.kept = kept
    this.out = out
    let earlier = new Map<string, string>()
    try {
      if (existsSync(gzipRecordFile(kept)))
        earlier = new Map(Object.entries(JSON.parse(readFileSync(gzipRecordFile(kept), 'utf8')) as Record<string, string>))
    } catch {
      earlier = new Map()
    }
    this.earlier = earlier
  }

  /** The digest `text` is remembered by, compressed at `level`. */
  digest(text: string, level: number): string {
    return createHash('sha1').update(compression(level)).update(text).digest('base64url')
  }

  /**
   * Places at `path` (a file under `out`) the kept file of the same text, if the last build wrote one
   * under the same name; returns its size, or undefined when it must be compressed. Either way the
   * file is remembered for the next build.
   */
  async reuse(path: string, digest: string): Promise<number | undefined> {
    const name = relative(this.out, path).split(sep).join('/')
    this.now.set(name, digest)
    if (this.earlier.get(name) !== digest) return undefined
    const from = join(this.kept, name)
    try {
      await link(from, path)
      return (await stat(path)).size
    } catch {
      // A kept file gone or a file system without links: compressed again, as if never kept.
      await rm(path, { force: true })
      return undefined
    }
  }

  /** Writes this build's record beside `out`. */
  async save(): Promise<void> {
    await writeFile(gzipRecordFile(this.out), JSON.stringify(Object.fromEntries(this.now)))
  }
}

/**
 * Replaces the kept folder with `out`, and its record with `out`'s: the old record goes first and the
 * new one comes last, so that no record ever describes a folder it was not written for.
 */
export async function replaceKept(out: string, kept: string): Promise<void> {
  await rm(gzipRecordFile(kept), { force: true })
  await rm(kept, { recursive: true, force: true })
  await rename(out, kept)
  if (existsSync(gzipRecordFile(out))) await rename(gzipRecordFile(out), gzipRecordFile(kept))
}
