/** Files placed in the site from the build's cache: the exports, the versions' texts, the search's kept output. */
import { constants } from 'node:fs'
import { copyFile, link, mkdir, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'

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
  await copyFile(from, to, constants.COPYFILE_FICLONE)
}

async function sameFile(a: string, b: string): Promise<boolean> {
  const [one, two] = await Promise.all([stat(a), stat(b)])
  return one.ino === two.ino && one.dev === two.dev
}

/**
 * Every file of the folder `from` at the same place under `to`, linked (`linkOrCopy`); folders are merged.
 * `placed` is told each file's path under `to`.
 */
export async function linkInto(from: string, to: string, placed?: (path: string) => void): Promise<void> {
  await mkdir(to, { recursive: true })
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (entry.isDirectory()) await linkInto(join(from, entry.name), join(to, entry.name), placed)
    else {
      await linkOrCopy(join(from, entry.name), join(to, entry.name))
      placed?.(join(to, entry.name))
    }
  }
}
