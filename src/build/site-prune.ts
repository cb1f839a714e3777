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
 * touched, as Astro's own emptying spared it. Astro trusts a page it finds in the folder, so the folder is
 * kept only while it is the output of this cache's last finished build (`markBuildStarted`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { lstat, readdir, rm, rmdir } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'

/** The site-relative paths (`/`-separated) of the files this build put in the site's folder. */
export class SiteFiles {
  readonly site: string
  private readonly paths = new Set<string>()
  /** The same, lower-cased: a file system that ignores case finds `Foo/` under the name `foo/`. */
  private readonly folded = new Set<string>()

  constructor(site: string) {
    this.site = site
  }

  /** A file of the site, by its absolute path. */
  add(path: string): void {
    const name = relative(this.site, path).split(sep).join('/')
    this.paths.add(name)
    this.folded.add(name.toLowerCase())
  }

  has(path: string, ignoringCase = false): boolean {
    return ignoringCase ? this.folded.has(path.toLowerCase()) : this.paths.has(path)
  }
}

export interface PruneOptions {
  /** What this build wrote or placed (route files and placed files). */
  kept: SiteFiles
  /** When this build started (ms since the epoch): a file written since is this build's. */
  since: number
  /** The public folder's files, site-relative: Astro copies them in every build. */
  publicFiles: ReadonlySet<string>
}

/**
 * Removes every file of the site's folder this build did not keep, then the folders left empty. Returns
 * how many files it removed, and the files left (a `.git`'s too), for the build to measure without
 * reading the folder again (./output-size.ts).
 */
export async function pruneSite(
  site: string,
  { kept, since, publicFiles }: PruneOptions,
): Promise<{ removed: number; left: string[] }> {
  let removed = 0
  /** The folders that may be empty now: those the listing shows empty, and each holding a file removed. */
  const emptied = new Set<string>()
  const folders: string[] = []
  /** Every folder holding something. */
  const holding = new Set<string>()
  const left: string[] = []
  const ignoringCase = ignoresCase(site)
  for (const entry of await readdir(site, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name)
    holding.add(entry.parentPath)
    const name = relative(site, path).split(sep).join('/')
    if (name === '.git' || name.startsWith('.git/')) {
      if (entry.isFile()) left.push(path)
      continue
    }
    if (entry.isDirectory()) {
      folders.push(path)
      continue
    }
    // A file kept is measured; a link or anything else of the folder is not (as a walk of it would not).
    const keep = () => entry.isFile() && left.push(path)
    if (kept.has(name, ignoringCase) || publicFiles.has(name)) {
      keep()
      continue
    }
    const written = await lstat(path).then(
      (stats) => stats.mtimeMs,
      () => undefined, // gone since the folder was read
    )
    if (written === undefined) continue
    if (written >= since) {
      keep()
      continue
    }
    await rm(path, { force: true })
    removed++
    emptied.add(dirname(path))
  }
  for (const folder of folders) if (!holding.has(folder)) emptied.add(folder)
  // Only these are tried, and the folder above each one removed (at 10,000 transcripts with their history,
  // trying every one of the site's 40,000 folders took 3 s of every build); deepest first, so that a
  // folder emptied by its children's removal goes too.
  const removeEmpty = async (folder: string): Promise<void> => {
    if (folder.length <= site.length) return
    const gone = await rmdir(folder).then(
      () => true,
      () => false,
    )
    if (gone) await removeEmpty(dirname(folder))
  }
  for (const folder of [...emptied].sort((a, b) => b.length - a.length)) await removeEmpty(folder)
  return { removed, left }
}

/** Whether the file system under `site` ignores case (macOS and Windows by default): its name in another case is it. */
function ignoresCase(site: string): boolean {
  const path = site.replace(/[/\\]+$/, '')
  const other = path.replace(/[A-Za-z](?=[^/\\]*$)/, (letter) =>
    letter === letter.toLowerCase() ? letter.toUpperCase() : letter.toLowerCase(),
  )
  if (other === path || !existsSync(other)) return false
  const [a, b] = [statSync(path), statSync(other)]
  return a.ino === b.ino && a.dev === b.dev
}

/**
 * What the cache knows of the site's folder: the folder its last build wrote into, whether that build
 * finished, and the time it left on the folder's `/transcripts.json` (copied at every build, by any
 * cache). The folder is kept for the next build only when all three say it is still that build's output.
 */
export const buildRecord = (cache: string) => join(cache, 'site-build.json')

interface BuildRecord {
  state: 'running' | 'done'
  site: string
  /** The stamp file's mtime when the build finished. */
  stamp?: number
}

/** Why a site's folder cannot be kept for this build, or undefined when it can. */
export type NotKept = 'unfinished' | 'elsewhere' | 'changed since'

const where = (site: string) => (existsSync(site) ? realpathSync(site) : resolve(site))
const stampOf = (file: string) => (existsSync(file) ? statSync(file).mtimeMs : undefined)

/**
 * Marks a build into `site` as started (`stamp`: the file every build rewrites there). Returns why the
 * folder cannot be kept: the last build stopped half-way (it may have left pages its cache does not know of),
 * the cache's last build was into another folder, or another build wrote into this one since. A folder
 * without files needs no reason.
 */
export function markBuildStarted(cache: string, site: string, stamp: string): NotKept | undefined {
  let last: BuildRecord | undefined
  try {
    last = JSON.parse(readFileSync(buildRecord(cache), 'utf8')) as BuildRecord
  } catch {
    last = undefined
  }
  const empty = !existsSync(site) || readdirSync(site).every((entry) => entry === '.git')
  let reason: NotKept | undefined
  if (!empty) {
    if (last?.state === 'running') reason = 'unfinished'
    else if (last?.site !== where(site)) reason = 'elsewhere'
    else if (last.stamp === undefined || last.stamp !== stampOf(stamp)) reason = 'changed since'
  }
  mkdirSync(cache, { recursive: true })
  writeFileSync(buildRecord(cache), JSON.stringify({ state: 'running', site: where(site) } satisfies BuildRecord))
  return reason
}

/** Marks the build into `site` as finished, with the time it left on `stamp`. */
export function markBuildFinished(cache: string, site: string, stamp: string): void {
  const record: BuildRecord = { state: 'done', site: where(site), ...(existsSync(stamp) ? { stamp: stampOf(stamp)! } : {}) }
  writeFileSync(buildRecord(cache), JSON.stringify(record))
}

/** Everything in the site's folder but a top-level `.git`, removed. */
export function emptySite(site: string): void {
  if (!existsSync(site)) return
  for (const entry of readdirSync(site)) if (entry !== '.git') rmSync(join(site, entry), { recursive: true, force: true })
}
