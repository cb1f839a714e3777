/**
 * The fixture sites the browser tests read, each built once per run by the e2e project's global setup
 * (tests/e2e/global-setup.ts), two at a time, while the unit tier runs: what each holds, how it is built
 * (`npm run build`'s own script, scripts/build.ts) and which test files read it. A test file waits for
 * its site with `fixtureSite()` (support/site.ts); a build's result is a small JSON file beside the site,
 * so the test workers (other processes) can read it.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeAstroConfig } from '../../../scripts/lib/astro-config.ts'
import { root } from '../../support/paths.ts'
import { BASE, HOSTED_OPTIONS, writeBasePath, writeBrowse, writeCombined, writeHosted, writeShard } from './collections.ts'

export type SiteName = 'seed' | 'combined' | 'base-path' | 'browse' | 'shards' | 'hosted'

/** Where a site is served from, and where its build writes its result. */
export interface SitePlace {
  /** The folder to serve. */
  dist: string
  /** `{ ok, output }` once the build has ended; the output is the build's last lines. */
  result: string
}

interface Build {
  /** Arguments to Node (the project's Node 22). */
  args: string[]
  env?: Record<string, string>
}

interface SiteDefinition {
  /** The test files (names in tests/e2e/, without `.test.ts`) that read this site. */
  readers: string[]
  /** Writes the content folders; returns the builds to run, one after another. */
  prepare(folder: string): Build[]
  /** The folder served, given the site's scratch folder. */
  dist(folder: string): string
}

/** Every site's scratch folder lies inside the repository: Astro writes its server chunks beside the project
 * when the output folder is elsewhere (`getOutDirWithinCwd`), so two builds outside would share them. */
export const SITES_ROOT = join(root, 'tmp/e2e')

/** `npm run build`'s own script over `content`, into `out`, with its own cache. */
export const buildStep = (content: string, out: string, cache: string, env: Record<string, string> = {}): Build => ({
  args: ['scripts/build.ts'],
  env: { TRANSCRIPTS_DIR: content, ASTRO_OUT_DIR: out, ASTRO_CACHE_DIR: cache, ...env },
})

/** A site of its own content folder: `<folder>/transcripts` built into `<folder>/dist`. */
const own = (write: (content: string) => void, env: Record<string, string> = {}) => ({
  prepare(folder: string): Build[] {
    write(join(folder, 'transcripts'))
    return [buildStep(join(folder, 'transcripts'), join(folder, 'dist'), join(folder, 'cache'), env)]
  },
  dist: (folder: string) => join(folder, 'dist'),
})

export const SITES: Record<SiteName, SiteDefinition> = {
  // The seed as `npm run build` builds it, into ./dist (or a site built elsewhere: E2E_DIST_DIR, not rebuilt).
  seed: {
    readers: [
      'build',
      'citation',
      'edition',
      'quality-axe',
      'quality-axe-transcripts',
      'quality-links',
      'quality-pages',
      'quotes',
      'reader',
      'reading',
      'search',
      'speakers',
    ],
    prepare: () => (process.env.E2E_DIST_DIR ? [] : [{ args: ['scripts/build.ts'] }]),
    dist: () => process.env.E2E_DIST_DIR ?? join(root, 'dist'),
  },
  combined: {
    readers: ['audio', 'exports', 'history', 'hostile', 'real', 'witnesses', 'words', 'words-cost', 'words-links'],
    ...own(writeCombined),
  },
  'base-path': { readers: ['base-path'], ...own(writeBasePath, { SITE_BASE: BASE }) },
  browse: { readers: ['browse'], ...own(writeBrowse) },
  // Built with the options of a site that must fit a small host, from a configuration file of its own.
  hosted: {
    readers: ['hosted'],
    prepare(folder) {
      writeHosted(join(folder, 'transcripts'))
      const config = writeAstroConfig(root, join(folder, 'astro.config.mjs'), HOSTED_OPTIONS)
      const step = buildStep(join(folder, 'transcripts'), join(folder, 'dist'), join(folder, 'cache'))
      return [{ ...step, args: [...step.args, '--config', config] }]
    },
    dist: (folder) => join(folder, 'dist'),
  },
  // Two shards built on their own, each into its folder of the hub, then the hub assembled over them.
  shards: {
    readers: ['shards'],
    prepare(folder) {
      const hub = join(folder, 'hub')
      const shards = ['/1962/', '/1963/'].map((base) => {
        const name = base.slice(1, -1)
        writeShard(base, join(folder, `content-${name}`))
        return {
          base,
          name,
          build: buildStep(join(folder, `content-${name}`), join(hub, name), join(folder, `cache-${name}`), { SITE_BASE: base }),
        }
      })
      return [
        ...shards.map((shard) => shard.build),
        {
          args: [
            'scripts/hub.ts',
            '--out',
            hub,
            ...shards.flatMap(({ base, name }) => ['--shard', `${base}=${join(hub, name)}`]),
          ],
        },
      ]
    },
    dist: (folder) => join(folder, 'hub'),
  },
}

export function placeOf(name: SiteName): SitePlace {
  const folder = join(SITES_ROOT, name)
  return { dist: SITES[name].dist(folder), result: join(SITES_ROOT, `${name}.json`) }
}

/**
 * The environment of a build: this process's, less what Vitest sets for its own Vite (`BASE_URL=/`, `MODE`,
 * `DEV`, `PROD`, `SSR`), which Astro would read at build time over the site's base, and less the variables
 * that choose a collection, so that only the site's own choices apply.
 */
function environment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const {
    BASE_URL: _base,
    MODE: _mode,
    DEV: _dev,
    PROD: _prod,
    SSR: _ssr,
    TRANSCRIPTS_DIR: _transcripts,
    ASTRO_OUT_DIR: _out,
    ASTRO_CACHE_DIR: _cache,
    SITE_BASE: _siteBase,
    TRANSCRIPTS_STRICT: _strict,
    ...env
  } = process.env
  return { ...env, ...extra }
}

/** Runs one build; resolves with its exit code and its output (stdout and stderr, interleaved). */
export function runBuild(step: Build): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, step.args, { cwd: root, env: environment(step.env), stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const keep = (chunk: Buffer) => {
      // The end of the output is what explains a failure; keep the last 64 KB.
      output = (output + chunk.toString('utf8')).slice(-65_536)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', (error) => resolve({ code: 1, output: `${output}\n${error.message}` }))
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }))
  })
}

/** Writes and builds one site, then records its result (never throws: a failure is for the tests to report). */
export async function buildSite(name: SiteName): Promise<void> {
  const folder = join(SITES_ROOT, name)
  const place = placeOf(name)
  const started = performance.now()
  let result: { ok: boolean; output: string; seconds?: number }
  try {
    rmSync(folder, { recursive: true, force: true })
    mkdirSync(folder, { recursive: true })
    result = { ok: true, output: '' }
    for (const step of SITES[name].prepare(folder)) {
      const { code, output } = await runBuild(step)
      result.output += `$ node ${step.args.join(' ')}\n${output}`
      if (code !== 0) {
        result = { ok: false, output: `node ${step.args.join(' ')} exited with ${code}:\n${output.slice(-6000)}` }
        break
      }
    }
  } catch (error) {
    result = { ok: false, output: error instanceof Error ? (error.stack ?? error.message) : String(error) }
  }
  result.seconds = Math.round((performance.now() - started) / 100) / 10
  writeFileSync(place.result, JSON.stringify(result))
}

/** Runs `tasks` with at most `limit` at a time, in the order given. */
export async function inTurn(tasks: Array<() => Promise<void>>, limit: number): Promise<void> {
  const queue = [...tasks]
  await Promise.all(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let task = queue.shift(); task; task = queue.shift()) await task()
    }),
  )
}
