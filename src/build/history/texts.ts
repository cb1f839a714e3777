/**
 * The texts of earlier versions, as they were: `<cache>/versions/<name>/<commit>.txt` (and `.yml`, the
 * sidecar of that version, when it had one). Written once per commit (a commit's text never changes), all
 * with ONE `git cat-file --batch` for the whole collection and streamed to disk, so old texts never sit in
 * memory together and the number of processes does not grow with the collection. The newest version of a
 * transcript without uncommitted edits is the file on disk: copied from there, git is not asked for it (a
 * collection whose transcripts have one version each starts no `cat-file` at all). The prepare step reads
 * them back to compare versions; the site serves each `.txt` as `/<name>/versions/<short id>.txt`.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { catFiles, type BlobRequest } from './git.ts'
import type { CollectionHistory } from './read.ts'
import { writeFileWhole } from '../write-whole.ts'

export function versionsFolder(cache: string): string {
  return join(cache, 'versions')
}

/** Where a version's text (`txt`) or sidecar (`yml`) is kept. */
export function versionFile(cache: string, name: string, commit: string, extension: 'txt' | 'yml'): string {
  return join(versionsFolder(cache), name, `${commit}.${extension}`)
}

/** Whether the version had a sidecar, once its files are fetched. */
export function versionSidecar(cache: string, name: string, commit: string): string | undefined {
  const path = versionFile(cache, name, commit, 'yml')
  return existsSync(path) ? path : undefined
}

/** Fetches every version's text and sidecar not yet in the cache. Returns how many files were written. */
export async function fetchVersionTexts(history: CollectionHistory, cache: string, folder?: string): Promise<number> {
  const repository = history.repository
  if (!repository) return 0
  const requests: BlobRequest[] = []
  let written = 0
  const write = (path: string, bytes: Buffer) => {
    writeFileWhole(path, bytes)
    written++
  }
  for (const [name, { versions, blobs, unpublished }] of history.byName) {
    for (const [index, { commit }] of versions.entries()) {
      const text = versionFile(cache, name, commit, 'txt')
      if (existsSync(text)) continue
      const sidecar = versionFile(cache, name, commit, 'yml')
      if (folder && !unpublished && index === versions.length - 1) {
        // The file on disk is this version (git status says nothing differs): the sidecar first, as below.
        const onDisk = join(folder, `${name}.yml`)
        if (existsSync(onDisk)) write(sidecar, readFileSync(onDisk))
        write(text, readFileSync(join(folder, `${name}.txt`)))
        continue
      }
      // The sidecar first, so that a text on disk means its sidecar (or its absence) is on disk too. Each by its
      // blob's id when the log gave it (at 10,000 transcripts in one folder, `commit:path` made git read a tree
      // of 10,000 entries for every request: 40 s of the build, against a few), none when it was not there.
      const known = blobs.get(commit) ?? {}
      for (const [extension, path] of [
        ['yml', sidecar],
        ['txt', text],
      ] as const) {
        const blob = known[extension]
        if (blob === null) continue
        const spec = blob ?? `${commit}:${repository.prefix}${name}.${extension}`
        requests.push({ spec, found: (bytes) => write(path, bytes) })
      }
    }
  }
  await catFiles(requests, repository.top)
  return written
}
