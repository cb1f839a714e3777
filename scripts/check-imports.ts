/**
 * `npm run lint`'s import-graph check: dependency-cruiser with the rules of .dependency-cruiser.mjs over src/ and
 * scripts/, .astro files included. dependency-cruiser cannot read .astro, so each is copied out first into
 * tmp/import-graph/ as two TypeScript modules, its front matter (`X.astro.ts`: runs in the build) and its `<script>`s
 * (`X.astro.client.ts`: bundled for the page), with relative imports pointed back at the real files (an imported
 * .astro at its copied front matter). A violation prints the importing file and the import, and exits 1.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const copies = join(root, 'tmp/import-graph')

/** Every .astro file under a folder. */
function astroFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.astro'))
    .map((entry) => join(entry.parentPath, entry.name))
}

/** `---` … `---` at the top, and the `<script>`s after it (an `is:inline` script is left as written: no imports). */
function astroParts(text: string): { frontMatter: string; scripts: string[] } {
  const fence = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(text)
  const template = fence ? text.slice(fence[0].length) : text
  const scripts: string[] = []
  for (const [, attributes = '', body = ''] of template.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (/\bis:inline\b/.test(attributes)) continue
    const src = /\bsrc=["']([^"']+)["']/.exec(attributes)?.[1]
    scripts.push(src ? `import '${src}'\n${body}` : body)
  }
  return { frontMatter: fence?.[1] ?? '', scripts }
}

/** Where a .astro file's front matter (or client scripts) is copied to. */
function copyOf(file: string, part: 'front' | 'client'): string {
  return join(copies, `${relative(root, file)}${part === 'front' ? '.ts' : '.client.ts'}`)
}

/** The module's relative imports (static, dynamic, re-exports) pointed from the copy back at the real files. */
function pointBack(code: string, file: string, copy: string): string {
  return code.replace(/(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"\n]*)\2/g, (_, lead, quote, specifier) => {
    const target = resolve(dirname(file), specifier)
    const real = target.endsWith('.astro') ? copyOf(target, 'front') : target
    const path = relative(dirname(copy), real)
    return `${lead}${quote}${path.startsWith('.') ? path : `./${path}`}${quote}`
  })
}

/** Copies every .astro file's parts; returns how many files it copied. */
function copyAstroFiles(): number {
  rmSync(copies, { recursive: true, force: true })
  const files = astroFiles(join(root, 'src'))
  for (const file of files) {
    const { frontMatter, scripts } = astroParts(readFileSync(file, 'utf8'))
    const front = copyOf(file, 'front')
    mkdirSync(dirname(front), { recursive: true })
    writeFileSync(front, pointBack(frontMatter, file, front))
    if (scripts.length === 0) continue
    const client = copyOf(file, 'client')
    writeFileSync(client, pointBack(scripts.join('\n'), file, client))
  }
  return files.length
}

/** `tmp/import-graph/src/components/Player.astro.client.ts` → `src/components/Player.astro (<script>)`. */
function named(output: string): string {
  return output
    .replace(/tmp\/import-graph\/(\S+?\.astro)\.client\.ts/g, '$1 (<script>)')
    .replace(/tmp\/import-graph\/(\S+?\.astro)\.ts/g, '$1 (front matter)')
}

if (copyAstroFiles() === 0) {
  process.stderr.write('check-imports: no .astro file found under src/: nothing of the pages would be checked\n')
  process.exit(1)
}
const cruise = spawnSync(
  join(root, 'node_modules/.bin/depcruise'),
  ['src', 'scripts', 'tmp/import-graph', '--config', '.dependency-cruiser.mjs', '--output-type', 'err'],
  { cwd: root, encoding: 'utf8' },
)
process.stdout.write(named(cruise.stdout ?? ''))
process.stderr.write(named(cruise.stderr ?? ''))
if (cruise.error) process.stderr.write(`check-imports: ${cruise.error.message}\n`)
process.exitCode = cruise.status ?? 1
