/**
 * Each part's pieces of the search's tables (its postings, ./posting-parts.ts, and its heads of word
 * sequences, ./head-parts.ts), a folder a part named by the part's key: kept in the cache between builds,
 * or, without one, in a folder of their own for this build, removed once the tables are written. A part
 * an earlier build kept is not gathered again: a rebuild after one word changed gathers one part's pieces
 * and merges, where it gathered the whole collection's.
 */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { forgetOthers } from './parts.ts'
import { replaceFolder } from '../write-whole.ts'

/** How the name of a part no build takes again starts. */
const UNNAMED = 'unnamed-'
/** Written last into a part's folder: a folder without it is not taken. */
const DONE = 'done'

/** Whether the pieces of the part `key` names are kept in the cache's `folder` (read where no PartPieces is made). */
export function piecesKept(folder: string | undefined, key: string): boolean {
  return folder !== undefined && !key.startsWith(UNNAMED) && existsSync(join(folder, key, DONE))
}

export class PartPieces {
  private readonly folder: string
  private readonly kept: boolean
  private made = 0
  /** Parts gathered and saved by this build. */
  saved = 0

  constructor(folder?: string) {
    this.kept = folder !== undefined
    this.folder = folder ?? mkdtempSync(join(tmpdir(), 'search-pieces-'))
    mkdirSync(this.folder, { recursive: true })
  }

  /** Whether an earlier build kept the pieces of the part `key` names. */
  has(key: string): boolean {
    return this.kept && piecesKept(this.folder, key)
  }

  /** Whether the part's pieces are in place, kept or gathered by this build. */
  holds(key: string): boolean {
    return existsSync(join(this.folder, key, DONE))
  }

  /** A name for a part that no build will take again (records added without a part named). */
  unnamed(): string {
    return `${UNNAMED}${this.made++}`
  }

  /** A part's folder. */
  folderOf(key: string): string {
    return join(this.folder, key)
  }

  /** Keeps a part's pieces, which `write` writes into the folder it is given: beside, then put in place, so a stopped build keeps nothing half-written. */
  save(key: string, write: (folder: string) => void): void {
    replaceFolder(join(this.folder, key), (partial) => {
      write(partial)
      mkdirSync(join(partial, DONE))
    })
    this.saved += 1
  }

  /** After a failure: forgets the pieces if they are this build's only. */
  async discard(): Promise<void> {
    if (!this.kept) await rm(this.folder, { recursive: true, force: true })
  }

  /** Forgets the parts this build did not use (the folder keeps one collection's), or, not kept, all of them. */
  async prune(used: readonly string[]): Promise<void> {
    if (!this.kept) return rm(this.folder, { recursive: true, force: true })
    await forgetOthers(this.folder, used)
  }
}
