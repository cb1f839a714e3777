/**
 * The build's per-transcript artifacts: the public JSON (exactly as `/<name>/transcript.json` serves it)
 * and the page body's HTML, written once by the prepare step and read by the one page that shows them.
 * A digest of the source bytes and of the code that reads them says whether an artifact is still good.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { siteFormats } from '../../core/formats/index.ts'
import type { TranscriptJson } from '../../core/schema.ts'

export function artifactFolder(cache: string): string {
  return join(cache, 'transcripts')
}

/** The transcripts whose artifacts the prepare step wrote (each has its JSON), in name order. */
export async function cachedNames(cache: string): Promise<string[]> {
  const files = await readdir(artifactFolder(cache)).catch(() => [] as string[])
  return files
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort()
}

export function jsonArtifact(name: string, cache: string): string {
  return exportArtifact(name, 'json', cache)
}

/** An export of the formats registry (`siteFormats`), served as `/<name>/transcript.<extension>`. */
export function exportArtifact(name: string, extension: string, cache: string): string {
  return join(artifactFolder(cache), `${name}.${extension}`)
}

/** Every file the prepare step writes for a transcript: its exports and its page body. */
export function artifactFiles(name: string, cache: string): string[] {
  return [...siteFormats.map((format) => exportArtifact(name, format.extension, cache)), htmlArtifact(name, cache)]
}

/** What else it may write: the revisions page's body (removed with the transcript). */
export function optionalArtifacts(name: string, cache: string): string[] {
  return [revisionsArtifact(name, cache)]
}

export function htmlArtifact(name: string, cache: string): string {
  return join(artifactFolder(cache), `${name}.html`)
}

export { jsonText } from '../../core/formats/json.ts'

export function readJsonText(name: string, cache: string): string {
  return readFileSync(jsonArtifact(name, cache), 'utf8')
}

export function readTranscriptJson(name: string, cache: string): TranscriptJson {
  return JSON.parse(readJsonText(name, cache)) as TranscriptJson
}

export function readTranscriptHtml(name: string, cache: string): string {
  return readFileSync(htmlArtifact(name, cache), 'utf8')
}

/** The revisions page's body (`/<name>/revisions/`), written only for a transcript whose history is known. */
export function revisionsArtifact(name: string, cache: string): string {
  return join(cache, 'revisions', `${name}.html`)
}

export function readRevisionsHtml(name: string, cache: string): string {
  return readFileSync(revisionsArtifact(name, cache), 'utf8')
}

export function hasArtifacts(name: string, cache: string): boolean {
  return artifactFiles(name, cache).every((file) => existsSync(file))
}

/**
 * The folders whose code turns a transcript into its artifacts and summary: everything the prepare
 * worker (./worker.ts) imports lies in one of them (tests/unit/code-digest.test.ts walks its imports), so
 * no list of files is kept by hand. Code that only builds pages from the artifacts (src/build/ outside
 * this folder, the pages) is left out: a change there renders pages again, it does not parse again.
 */
export const DIGESTED_FOLDERS = ['src/core', 'src/contract', 'src/collection', 'src/build/prepare'] as const

/**
 * A hash of the code that turns a transcript into its JSON, HTML and summary (every file of
 * DIGESTED_FOLDERS), of the dependencies' versions (package-lock.json) and of the Astro configuration
 * (astro.config.mjs): when any of it changes, every artifact is made again. The configuration is in it
 * because a transcript page's cache key is its digest, and Astro's incremental build does not look at
 * its own configuration: with `vite.build.cssCodeSplit` changed, pages copied from the build before
 * linked stylesheets the new build no longer wrote.
 */
export function codeDigest(root: string): string {
  return filesDigest(root, [...DIGESTED_FOLDERS, 'package-lock.json', 'astro.config.mjs'])
}

/**
 * A hash of every file under `paths` (folders walked, files taken as they are; one that is missing is
 * left out), by their places relative to `root` and their bytes.
 */
export function filesDigest(root: string, paths: readonly string[]): string {
  const hash = createHash('sha256')
  const files: string[] = []
  const walk = (path: string) => {
    if (!existsSync(path)) return
    if (statSync(path).isFile()) return void files.push(path)
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const inner = join(path, entry.name)
      if (entry.isDirectory()) walk(inner)
      else if (entry.isFile()) files.push(inner)
    }
  }
  for (const path of paths) walk(join(root, path))
  for (const path of files.sort()) hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0')
  return hash.digest('hex').slice(0, 16)
}

/**
 * The digest of one transcript: its bytes, its sidecar's and its alignment's (an edited sidecar or a new
 * alignment rebuilds it), read by this code.
 */
export function sourceDigest(bytes: Uint8Array, code: string, sidecar?: Uint8Array, alignment?: Uint8Array): string {
  const hash = createHash('sha256').update(code).update('\0').update(bytes)
  if (sidecar) hash.update('\0sidecar\0').update(sidecar)
  if (alignment) hash.update('\0alignment\0').update(alignment)
  return hash.digest('hex').slice(0, 24)
}
