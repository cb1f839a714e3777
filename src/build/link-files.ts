/** Files placed in the site from the build's cache: the exports, the versions' texts, the search's kept output. */
import { constants, existsSync } from 'node:fs'
import { copyFile, link, mkdir, readdir, rm, stat } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'

/**
 * `to` as a hard link to `from`, else (another file system, or one without links) a copy-on-write clone or
 * a plain copy. A link writes nothing: at 10,000 transcripts the exports are 1.2 GB, which copying wrote
 * again at every build. The cache's files are replaced by new ones, never rewritten in place (the prepare
 * step, src/build/prepare/transcript.ts; the search's kept output, ./search/background.ts), so a site built
 * before keeps what it was built with.
 */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  // A file left there by an earlier build is replaced (a link cannot overwrite it), unless it is already
  // this one: the site's folder is kept from build to build (./site-prune.ts).
  for (const last of [false, true]) {
    try {
      await link(from, to)
      return
    } catch (error) {
      if (last || (error as NodeJS.ErrnoException).code !== 'EEXIST') break
      if (await sameFile(from, to)) return
      await rm(to, { force: true })
    }
  }
  // Never copied into what is there: it may be a link to another file of the cache, which the copy would overwrite.
  await rm(to, { force: true })
  await copyFile(from, to, constants.COPYFILE_FICLONE)
}

async function sameFile(a: string, b: string): Promise<boolean> {
  const [one, two] = await Promise.all([stat(a), stat(b)])
  return one.ino === two.ino && one.dev === two.dev
}

/** How many files are linked at once: each link is a few system calls, run in Node's thread pool. */
const AT_ONCE = 32

/**
 * Each `[from, to]` linked (`linkOrCopy`), `AT_ONCE` at a time, each file's folder made first; `placed` is
 * told each `to` when it is in place. Linked one after the other, the search's 20,000 files at 10,000
 * transcripts took 6 s of a rebuild, each waiting for the last.
 */
export async function linkAll(
  pairs: ReadonlyArray<readonly [from: string, to: string]>,
  placed?: (to: string) => void,
): Promise<void> {
  // Two links to one place at once would race: each place is linked once, from the last pair that names it.
  const unique = [...new Map(pairs.map(([from, to]) => [to, from] as const))].map(([to, from]) => [from, to] as const)
  const folders = new Set(unique.map(([, to]) => dirname(to)))
  for (const folder of folders) await mkdir(folder, { recursive: true })
  let next = 0
  let failed = false
  const worker = async () => {
    while (!failed && next < unique.length) {
      const [from, to] = unique[next++]!
      try {
        await linkOrCopy(from, to)
      } catch (error) {
        failed = true // the others stop at their next file
        throw error
      }
      placed?.(to)
    }
  }
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, unique.length) }, worker))
}

/**
 * Every file of the folder `from` at the same place under `to`, linked (`linkAll`); folders are merged.
 * `placed` is told each file's path under `to`.
 */
export async function linkInto(from: string, to: string, placed?: (path: string) => void): Promise<void> {
  const pairs = (await filesUnder(from)).map((file) => [join(from, file), join(to, file)] as const)
  await mkdir(to, { recursive: true })
  await linkAll(pairs, placed)
}

/** Every file under `folder`, relative to it and `/`-separated. */
export async function filesUnder(folder: string): Promise<string[]> {
  if (!existsSync(folder)) return []
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
}
