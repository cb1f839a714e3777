/**
 * The floor: the least a static site of these transcripts can cost with the same tools. A minimal Astro
 * project (a page per .txt file showing its raw text in a <pre>, and an index) built with the project's
 * own installed Astro, then indexed by the project's own Pagefind through its Node API. Whatever the
 * project spends beyond this is spent on its own work (parsing, rendering, search records).
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { runMeasured, type Measured } from './process-tree.ts'

const config = `import { defineConfig } from 'astro/config'

// Output and caches in the bench's temporary folders: node_modules is a link to the project's, and
// Astro's and Vite's default caches would land inside it.
export default defineConfig({
  output: 'static',
  outDir: process.env.ASTRO_OUT_DIR,
  cacheDir: process.env.ASTRO_CACHE_DIR,
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  vite: { cacheDir: process.env.ASTRO_CACHE_DIR + '/vite' },
})
`

// getStaticPaths runs in a scope of its own (imports only), so the folder is written out in both places.
const page = (dir: string) => `---
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export function getStaticPaths() {
  return readdirSync(${JSON.stringify(dir)})
    .filter((file) => file.endsWith('.txt'))
    .map((file) => ({ params: { name: file.slice(0, -4) } }))
}

const { name } = Astro.params
const text = readFileSync(join(${JSON.stringify(dir)}, name + '.txt'), 'utf8')
---
<html lang="en">
  <head><meta charset="utf-8" /><title>{name}</title></head>
  <body><h1>{name}</h1><pre>{text}</pre></body>
</html>
`

const index = (dir: string) => `---
import { readdirSync } from 'node:fs'

const names = readdirSync(${JSON.stringify(dir)}).filter((file) => file.endsWith('.txt')).map((file) => file.slice(0, -4)).sort()
---
<html lang="en">
  <head><meta charset="utf-8" /><title>Transcripts</title></head>
  <body><h1>Transcripts</h1><ul>{names.map((name) => <li><a href={'/' + name + '/'}>{name}</a></li>)}</ul></body>
</html>
`

// Pagefind over the built pages, as a site without its own indexing step would run it.
const indexer = `import path from 'node:path'
import * as pagefind from 'pagefind'

const site = process.argv[2]
const fail = (what, errors) => {
  console.error('pagefind: ' + what + ': ' + errors.join('; '))
  process.exit(1)
}
const { index, errors } = await pagefind.createIndex({})
if (!index) fail('could not start', errors)
const added = await index.addDirectory({ path: site })
if (added.errors.length > 0) fail('could not index ' + site, added.errors)
const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') })
if (written.errors.length > 0) fail('could not write the index', written.errors)
console.log('Pagefind indexed ' + added.page_count + ' pages into ' + written.outputPath)
await pagefind.close()
`

export interface Floor {
  dir: string
  /** Astro build into `outDir`, then Pagefind over it (not when Astro failed); each measured. */
  build(outDir: string, cacheDir: string): Promise<{ astro: Measured; pagefind?: Measured }>
}

/**
 * Writes the floor project into `dir`, reading transcripts from `corpus`, using `repo`'s node_modules
 * (linked into the parent of `dir`: build the floor into folders under that parent).
 */
export async function createFloor(dir: string, corpus: string, repo: string): Promise<Floor> {
  await mkdir(path.join(dir, 'src', 'pages'), { recursive: true })
  await writeFile(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'bench-floor', private: true, type: 'module' }, null, 2)}\n`,
  )
  await writeFile(path.join(dir, 'astro.config.mjs'), config)
  await writeFile(path.join(dir, 'src', 'pages', '[name].astro'), page(corpus))
  await writeFile(path.join(dir, 'src', 'pages', 'index.astro'), index(corpus))
  await writeFile(path.join(dir, 'pagefind.mjs'), indexer)
  // The project's packages, linked beside the floor and its output folders rather than inside the floor:
  // Astro's prerender chunks in <outDir>/.prerender import packages (piccolore, …) by bare name, which
  // Node resolves by walking up from the output folder, so the link must be in a folder above both.
  await symlink(path.join(repo, 'node_modules'), path.join(path.dirname(dir), 'node_modules'), 'dir')
  const astroBin = path.join(repo, 'node_modules', 'astro', 'bin', 'astro.mjs')
  return {
    dir,
    async build(outDir, cacheDir) {
      const env = { ...process.env, ASTRO_OUT_DIR: outDir, ASTRO_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1' }
      const astro = await runMeasured(process.execPath, [astroBin, 'build'], { cwd: dir, env })
      if (!astro.ok) return { astro }
      const pagefind = await runMeasured(process.execPath, [path.join(dir, 'pagefind.mjs'), outDir], { cwd: dir, env })
      return { astro, pagefind }
    },
  }
}
