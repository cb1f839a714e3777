/**
 * The site's folder is kept from one build to the next instead of emptied (Astro's `emptyOutDir`, turned
 * off by ./integration.ts): at 10,000 transcripts emptying it removed 120,000 files, then Astro copied
 * back from its cache every page it did not render again and the build linked every export again, about
 * 30 s of a rebuild's main thread spent in the file system. Astro leaves a page it would not render again
 * where it is (its incremental build checks the folder first). What no part of this build wrote or
 * placed is then removed here: the page of a transcript taken out of the collection, an export the
 * configuration no longer puts beside the pages, a search file of an earlier index.
 *
 * What this build keeps: every route's file Astro lists (`astro:build:done`'s `assets`, rendered or kept),
 * every file the build placed (`SiteFiles.add`: exports, versions' texts, zips, the search), every file
 * written since the build started (Vite's scripts and stylesheets, the public folder's files) and the
 * public folder's files by name. A top-level `.git` (a site published from its own repository) is never
 * touched, as Astro's own emptying spared it.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { lstat, readdir, rm, rmdir } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'

/** The site-relative paths (`/`-separated) of the files this build put in the site's folder. */
export class SiteFiles {
  readonly site: string
  private readonly paths = new Set<string>()

  constructor(site: string) {
    this.site = site
  }

  /** A file of the site, by its absolute path. */
  add(path: string): void {
    this.paths.add(relative(this.site, path).split(sep).join('/'))
  }

  has(path: string): boolean {
    return this.paths.has(path)
  }
}

/** Every file under `folder`, relative to it and `/`-separated. */
export async function filesUnder(folder: string): Promise<string[]> {
  if (!existsSync(folder)) return []
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
}

export interface PruneOptions {
  /** What this build wrote or placed (route files and placed files). */
  kept: SiteFiles
  /** When this build started (ms since the epoch): a file written since is this build's. */
  since: number
  /** The public folder's files, site-relative: Astro copies them in every build. */
  publicFiles: ReadonlySet<string>
}

/** Removes every file of the site's folder this build did not keep, then the folders left empty. Returns how many files. */
export async function pruneSite(site: string, { kept, since, publicFiles }: PruneOptions): Promise<number> {
  let removed = 0
  const folders: string[] = []
  for (const entry of await readdir(site, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name)
    const name = relative(site, path).split(sep).join('/')
    if (name === '.git' || name.startsWith('.git/')) continue
    if (entry.isDirectory()) {
      folders.push(path)
      continue
    }
    if (kept.has(name) || publicFiles.has(name)) continue
    const written = await lstat(path).then(
      (stats) => stats.mtimeMs,
      () => undefined, // gone since the folder was read
    )
    if (written === undefined || written >= since) continue
    await rm(path, { force: true })
    removed++
  }
  // Deepest first, so that a folder emptied by its children's removal goes too.
  folders.sort((a, b) => b.length - a.length)
  for (const folder of folders) await rmdir(folder).catch(() => undefined)
  return removed
}

/**
 * A build in progress, marked in the cache: a build that stopped half-way may have written pages its
 * cache does not know of, so the next one starts from an empty folder, as Astro would have.
 */
export const buildMark = (cache: string) => join(cache, 'site-build-running')

/** Marks a build as started; returns whether the one before it stopped half-way. */
export function markBuildStarted(cache: string): boolean {
  const unfinished = existsSync(buildMark(cache))
  mkdirSync(cache, { recursive: true })
  writeFileSync(buildMark(cache), String(process.pid))
  return unfinished
}

export function markBuildFinished(cache: string): void {
  rmSync(buildMark(cache), { force: true })
}

/** Everything in the site's folder but a top-level `.git`, removed. */
export function emptySite(site: string): void {
  if (!existsSync(site)) return
  for (const entry of readdirSync(site)) if (entry !== '.git') rmSync(join(site, entry), { recursive: true, force: true })
}
