/**
 * Assembles a hub: one folder to serve, holding each shard (a site built on its own with
 * `SITE_BASE=/<base>/`) under its base, and the hub page searching them all at its root (page.ts,
 * client.ts, hub.json). A shard already built into `<out>/<base>` (`ASTRO_OUT_DIR`) is used where it is;
 * any other is copied there. Problems are reported as HubError with what to do, never a stack trace.
 */
import { existsSync } from 'node:fs'
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { HUB_MANIFEST_PATH, HUB_SCRIPT_PATH, HUB_STYLE_PATH, type HubManifest, type HubShard } from '../../contract/hub.ts'
import { normalizeBase, pagefindRoute, routeFile } from '../../contract/routes.ts'
import { MANIFEST_PATH, type Manifest } from '../../contract/search.ts'
import { hubHtml } from './page.ts'

export class HubError extends Error {}

export interface ShardSource {
  /** Where the shard is served (`/1962/`): the SITE_BASE it was built with. */
  base: string
  /** Its built site (the build's ASTRO_OUT_DIR). */
  dir: string
  title?: string
}

export interface HubOptions {
  out: string
  shards: ShardSource[]
  title?: string
}

/** Checks a shard's built folder (a site with its search, built for `base`); returns its index's parts. */
async function checkShard(dir: string, base: string): Promise<string[]> {
  const build = `build the shard first (SITE_BASE=${base} ASTRO_OUT_DIR=${dir} npm run build)`
  for (const file of ['index.html', MANIFEST_PATH, 'search/records']) {
    if (!existsSync(join(dir, file))) throw new HubError(`${dir} has no ${file}: ${build}`)
  }
  const home = await readFile(join(dir, 'index.html'), 'utf8')
  if (!home.includes(`href="${base}`))
    throw new HubError(`${dir} was not built for ${base}: its links do not start with it; build it with SITE_BASE=${base}`)
  let parts: string[] | undefined
  try {
    parts = (JSON.parse(await readFile(join(dir, MANIFEST_PATH), 'utf8')) as Manifest).parts
  } catch {
    throw new HubError(`${dir}/${MANIFEST_PATH} cannot be read: ${build}`)
  }
  const missing = (parts ?? []).find((part) => !existsSync(join(dir, routeFile(pagefindRoute(part)))))
  if (!parts || parts.length === 0 || missing !== undefined)
    throw new HubError(
      `${dir} has no search index in parts${missing ? ` (${routeFile(pagefindRoute(missing))} is missing)` : ''}: ${build}`,
    )
  return parts
}

/** The hub page's script: client.ts and what it imports, as one module for the browser. */
async function hubScript(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../../browser/hub/client.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.text
}

export async function assembleHub({ out, shards, title = 'the collections' }: HubOptions): Promise<HubManifest> {
  if (shards.length === 0) throw new HubError('a hub needs at least one shard (--shard /1962/=dist-1962)')
  const seen = new Set<string>()
  const listed: HubShard[] = []
  await mkdir(out, { recursive: true })
  for (const source of shards) {
    const base = normalizeBase(source.base)
    if (base === '/') throw new HubError(`a shard cannot be served at /: the hub page is there (give it a base such as /1962/)`)
    if (seen.has(base)) throw new HubError(`two shards are given the base ${base}`)
    seen.add(base)
    const parts = await checkShard(source.dir, base)
    const target = join(out, base)
    if (resolve(source.dir) !== resolve(target)) {
      if (!relative(resolve(source.dir), resolve(out)).startsWith('..'))
        throw new HubError(`the hub's folder ${out} cannot be inside the shard ${source.dir}`)
      await rm(target, { recursive: true, force: true })
      await cp(source.dir, target, { recursive: true })
    }
    const records = (await readdir(join(target, 'search', 'records')))
      .filter((file) => file.endsWith('.json'))
      .map((file) => file.slice(0, -'.json'.length))
      .sort()
    listed.push({ base, title: source.title ?? base.slice(1, -1), records, parts })
  }
  const manifest: HubManifest = { version: 1, title, shards: listed }
  await writeFile(join(out, HUB_MANIFEST_PATH), JSON.stringify(manifest))
  await writeFile(join(out, 'index.html'), hubHtml(manifest))
  await writeFile(join(out, HUB_STYLE_PATH), await readFile(new URL('../../styles/hub.css', import.meta.url)))
  await writeFile(join(out, HUB_SCRIPT_PATH), await hubScript())
  return manifest
}
