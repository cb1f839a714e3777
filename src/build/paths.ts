/**
 * Where the site build reads transcripts and keeps what it worked out, decided once for the Astro config,
 * the content loader and the pages (which cannot see the loader's context). `TRANSCRIPTS_DIR` builds the
 * site from another folder; `ASTRO_CACHE_DIR` moves Astro's cache (tests and benchmarks build side by side).
 */
import { isAbsolute, join, resolve } from 'node:path'

/** Astro's `cacheDir`, as given to `astro.config.mjs`. */
export function astroCacheDir(): string {
  return process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro'
}

/** `TRANSCRIPTS_STRICT=1`: warnings fail the build too, for editors who want a clean collection. */
export function strictBuild(): boolean {
  return process.env.TRANSCRIPTS_STRICT === '1'
}

/** The project root: Astro runs every command from it (see README, "Run tools through npm scripts"). */
export function projectRoot(): string {
  return process.cwd()
}

/** The folder of transcripts: `TRANSCRIPTS_DIR`, relative to the project root unless absolute. */
export function transcriptsFolder(root = projectRoot()): string {
  const folder = process.env.TRANSCRIPTS_DIR ?? 'content/transcripts'
  return isAbsolute(folder) ? folder : join(root, folder)
}

/** Everything the build keeps between runs: each transcript's JSON and HTML, the speaker pages' tables. */
export function siteCacheFolder(root = projectRoot()): string {
  return join(resolve(root, astroCacheDir()), 'transcript-reader')
}
