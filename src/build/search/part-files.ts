/**
 * What reading a part's records back from Pagefind gives the search, kept between builds (issue 25,
 * item 1): each record's row of the tables, the places where the part's words are first printed (for the
 * dictionary), and the files the passages' thread wrote for it (each transcript's passages, each record's
 * list of transcripts). A rebuild reads back only the parts whose key changed (the key of its pieces,
 * ./part-pieces.ts: its records, its transcripts' labels, the code); a kept part's rows and places are
 * read from here and its files linked into the site. At 10,000 transcripts the reading took 20 s of a
 * one-word rebuild, every part's records read, parsed and their passages compressed again.
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { passagesPath, recordPath } from '../../contract/search.ts'
import { linkInto, linkOrCopy } from '../link-files.ts'
import { forgetOthers } from './parts.ts'
import type { RecordRow } from './tables.ts'
import type { Spellings } from './words.ts'
import { replaceFolderAsync } from '../write-whole.ts'

/** One part's reading, as kept. */
export interface PartReading {
  /** Each record's row, in the order the part's records were read. */
  rows: RecordRow[]
  /** The part's first places of words (`Spellings.entries`), its pages numbered within the part. */
  spellings: ReturnType<Spellings['entries']>
  /** The transcripts whose passages the part's records hold. */
  names: string[]
}

/** The site's files a part's reading wrote: its transcripts' passages and its records' lists. */
const filesOf = (reading: PartReading) => [...reading.names.map(passagesPath), ...reading.rows.map((row) => recordPath(row.id))]

/** Where the reading itself is kept in a part's folder; its files are under `site/`, as the site has them. */
const READING = 'reading.json'
const SITE = 'site'

export class PartFiles {
  private readonly folder: string | undefined
  constructor(folder?: string) {
    this.folder = folder
  }

  /**
   * A part's kept reading, or undefined when none is kept for `key`, or it cannot be read, or a file of
   * it is missing: the part is then read back again.
   */
  async read(key: string): Promise<PartReading | undefined> {
    if (this.folder === undefined || !existsSync(join(this.folder, key, READING))) return undefined
    try {
      const kept = JSON.parse(await readFile(join(this.folder, key, READING), 'utf8')) as PartReading
      const whole =
        Array.isArray(kept.rows) &&
        kept.rows.every((row) => typeof row?.id === 'string' && Array.isArray(row.names) && Array.isArray(row.positions)) &&
        Array.isArray(kept.spellings) &&
        Array.isArray(kept.names) &&
        filesOf(kept).every((file) => existsSync(join(this.folder!, key, SITE, file)))
      return whole ? kept : undefined
    } catch {
      return undefined
    }
  }

  /** A kept part's files linked into the site's folder (its passages and records). */
  async place(key: string, site: string): Promise<void> {
    if (this.folder !== undefined && existsSync(join(this.folder, key, SITE))) await linkInto(join(this.folder, key, SITE), site)
  }

  /**
   * Keeps a part's reading, and links from the site's folder the files the passages' thread wrote for
   * it (once it has written them all): beside, then put in place, so a stopped build keeps nothing
   * half-written.
   */
  async save(key: string, reading: PartReading, site: string): Promise<void> {
    if (this.folder === undefined) return
    await replaceFolderAsync(join(this.folder, key), async (partial) => {
      for (const file of filesOf(reading)) {
        const to = join(partial, SITE, file)
        await mkdir(dirname(to), { recursive: true })
        await linkOrCopy(join(site, file), to)
      }
      await writeFile(join(partial, READING), JSON.stringify(reading))
    })
  }

  /** Forgets the parts this build did not use, so that the folder holds one collection's. */
  async prune(used: readonly string[]): Promise<void> {
    if (this.folder !== undefined) await forgetOthers(this.folder, used)
  }
}
