/**
 * The site to measure: the folder in BENCH_DIST when set, else a fresh `astro build` into a temporary
 * folder of its own (never ./dist, which other builds and tests use).
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

export interface Site {
  dir: string
  /** Removes the folder when this script built it. */
  cleanup(): Promise<void>
}

export async function siteToMeasure(repo: string): Promise<Site> {
  const given = process.env.BENCH_DIST
  if (given) {
    const dir = path.resolve(given)
    if (!existsSync(path.join(dir, 'index.html')))
      throw new Error(`BENCH_DIST=${given}: no index.html there; build the site first`)
    return { dir, cleanup: async () => {} }
  }
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'transcript-reader-bench-'))
  const dir = path.join(tmp, 'dist')
  process.stderr.write(`Building the site into ${dir} …\n`)
  try {
    astroBuild(repo, dir, path.join(tmp, 'cache'))
  } catch (error) {
    await rm(tmp, { recursive: true, force: true })
    throw error
  }
  return { dir, cleanup: () => rm(tmp, { recursive: true, force: true }) }
}

/**
 * `astro build` of the repo into `outDir`, on this Node (22), with `env` added (TRANSCRIPTS_DIR, say).
 * Returns the build's output; throws with its tail when the build fails.
 */
export function astroBuild(repo: string, outDir: string, cacheDir: string, env: Record<string, string> = {}): string {
  const result = spawnSync(process.execPath, [path.join(repo, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: repo,
    env: { ...process.env, ...env, ASTRO_OUT_DIR: outDir, ASTRO_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  })
  const log = `${result.stdout ?? ''}${result.stderr ?? ''}`
  if (result.status !== 0 || !existsSync(path.join(outDir, 'index.html'))) {
    throw new Error(`astro build failed (exit status ${result.status ?? result.signal}):\n${log.slice(-3000)}`)
  }
  return log
}
