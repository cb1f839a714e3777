/**
 * The parts of the search's Pagefind index (issue 25, item 1). Pagefind cannot update an index in place,
 * so the collection is indexed in parts, each a Pagefind bundle of its own (`/pagefind/<part>/`) that the
 * search page merges (`mergeIndex`): a rebuild indexes again only the parts whose records changed, and
 * places the others as they were kept in the cache.
 *
 * Where a part starts is decided by the names alone, so that a change stays in its part:
 * - a part is at least half of `size` transcripts, then ends before the first name whose hash says so
 *   (one name in `size / 2`), or at twice `size`; an added transcript changes its own part, and at most
 *   the next one until the cuts meet again;
 * - a part is named by the hash of what Pagefind is given for it (every record's URL and HTML, and
 *   Pagefind's version): the same records are the same part, kept or built, and its URLs never serve
 *   another index.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readdir, rename, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bucketOf } from '../../contract/search.ts'
import { linkInto } from '../link-files.ts'
import { partialOf } from '../write-whole.ts'

/** Transcripts in a part, about: ten parts at 10,000. */
export const PART_SIZE = 1000

/** The collection's names (in order) cut into parts of about `size`. */
export function cutParts(names: readonly string[], size = PART_SIZE): string[][] {
  const least = Math.ceil(size / 2)
  const parts: string[][] = []
  let part: string[] = []
  for (const name of names) {
    // FNV-1a of the name (the tables' own bucketing): whether a part may end before it, whatever else the collection holds.
    if (part.length >= 2 * size || (part.length >= least && bucketOf(name, least) === 0)) {
      parts.push(part)
      part = []
    }
    part.push(name)
  }
  if (part.length > 0) parts.push(part)
  return parts
}

/** Pagefind's version: a part indexed by another version is another part. */
export const pagefindVersion = (() => {
  try {
    const main = fileURLToPath(import.meta.resolve('pagefind'))
    return (JSON.parse(readFileSync(join(dirname(main), '..', 'package.json'), 'utf8')) as { version: string }).version
  } catch {
    return 'unknown'
  }
})()

/** A part's name, from what Pagefind is given for it: add each record, then `name()`. */
export class PartName {
  private readonly hash = createHash('sha256').update(`pagefind ${pagefindVersion}\0`)
  add(url: string, html: string): void {
    this.hash.update(`${url}\0${html}\0`)
  }
  name(): string {
    return this.hash.digest('hex').slice(0, 16)
  }
}

/**
 * What Pagefind writes and no page reads: its own search interfaces, its web worker (both the search page
 * and the hub search without one: `noWorker`) and the WebAssembly for a language the site is not indexed
 * in. Left out of every part: ten parts would publish ten copies, half a megabyte each.
 */
const UNREAD = /^(?:pagefind-(?:ui|modular-ui|component-ui|highlight|worker)\.(?:js|css)|wasm\.unknown\.pagefind)$/

/** Removes from a part's folder the files no page reads (UNREAD). */
export async function dropUnread(folder: string): Promise<void> {
  for (const file of await readdir(folder)) if (UNREAD.test(file)) await rm(join(folder, file))
}

/** The folder of the site (or of the build's staging folder) that holds Pagefind's parts. */
export const partsFolder = (site: string) => join(site, 'pagefind')

/**
 * The parts kept between builds (a folder of the cache, one folder per part). A part is written into
 * the store and placed in the site as links; without a store (a build with no cache) it is written in the
 * site itself.
 */
export class PartStore {
  private readonly site: string
  private readonly store: string | undefined
  constructor(site: string, store?: string) {
    this.site = site
    this.store = store
  }

  /** The cache's folder of kept parts, or undefined for a build with no cache. */
  get folder(): string | undefined {
    return this.store
  }

  /** Whether the part was kept by an earlier build (its entry file is written last, by Pagefind). */
  has(part: string): boolean {
    return this.store !== undefined && existsSync(join(this.store, part, 'pagefind-entry.json'))
  }

  /** Where Pagefind writes a part to be built: a scratch folder of the store, or the site's own. */
  async scratch(part: string): Promise<string> {
    if (this.store === undefined) return join(partsFolder(this.site), part)
    const folder = partialOf(join(this.store, part))
    await rm(folder, { recursive: true, force: true })
    await mkdir(this.store, { recursive: true })
    return folder
  }

  /** A part built into `scratch()` kept (in the store) and placed in the site. */
  async built(part: string): Promise<void> {
    if (this.store === undefined) return
    await rm(join(this.store, part), { recursive: true, force: true })
    await rename(partialOf(join(this.store, part)), join(this.store, part))
    await this.place(part)
  }

  /** A kept part placed in the site, as links to the store's files. */
  async place(part: string): Promise<void> {
    if (this.store !== undefined) await linkInto(join(this.store, part), join(partsFolder(this.site), part))
  }

  /** Forgets the kept parts this build does not use, so that the store holds one collection's parts. */
  async prune(used: readonly string[]): Promise<void> {
    if (this.store !== undefined) await forgetOthers(this.store, used)
  }
}

/** Removes every entry of a cache's folder but those `used` names, so that it holds one collection's (part-pieces.ts too). */
export async function forgetOthers(folder: string, used: readonly string[]): Promise<void> {
  if (!existsSync(folder)) return
  const keep = new Set(used)
  for (const entry of await readdir(folder)) if (!keep.has(entry)) await rm(join(folder, entry), { recursive: true, force: true })
}
