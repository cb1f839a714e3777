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
    if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`BENCH_DIST=${given}: no index.html there; build the site first`)
    return { dir, cleanup: async () => {} }
  }
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'transcript-reader-bench-'))
  const dir = path.join(tmp, 'dist')
  process.stderr.write(`Building the site into ${dir} …\n`)
  // Astro's bin runs on this Node (22): put it first on PATH for `#!/usr/bin/env node`.
  const env = {
    ...process.env,
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${path.join(repo, 'node_modules/.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    ASTRO_OUT_DIR: dir,
    ASTRO_CACHE_DIR: path.join(tmp, 'cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
  }
  const result = spawnSync('astro', ['build'], { cwd: repo, env, stdio: ['ignore', 'ignore', 'inherit'] })
  if (result.status !== 0 || !existsSync(path.join(dir, 'index.html'))) {
    await rm(tmp, { recursive: true, force: true })
    throw new Error(`astro build failed (exit status ${result.status ?? result.signal})`)
  }
  return { dir, cleanup: () => rm(tmp, { recursive: true, force: true }) }
}
