/**
 * The site build as an editor meets it: a transcript with an error stops the build and names the file
 * and place, with no stack trace; warnings are listed and the build goes on; with TRANSCRIPTS_STRICT=1
 * warnings stop it too.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'
import { fixtureSite } from './support/site.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))
// Inside the repository, as every other build of the tests: Astro writes a build's server chunks beside the
// project when its output folder is elsewhere, where a build running beside it would share them.
mkdirSync(join(root, 'tmp'), { recursive: true })
const scratch = mkdtempSync(join(root, 'tmp', 'build-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** A folder holding the seed (one warning: footnote 9) and, optionally, a broken transcript. */
function collection(name: string, broken: boolean): string {
  const folder = join(scratch, name)
  mkdirSync(folder)
  copyFileSync(join(root, 'content/transcripts/1962-11-14-01181.txt'), join(folder, '1962-11-14-01181.txt'))
  if (broken) writeFileSync(join(folder, 'broken.txt'), '01181\n\nno date here\n\nAnn Lee: Hi.\n')
  return folder
}

function build(folder: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...env,
      TRANSCRIPTS_DIR: folder,
      ASTRO_OUT_DIR: join(folder, 'dist'),
      ASTRO_CACHE_DIR: join(folder, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  })
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` }
}

describe('building the site', () => {
  test('an error in a transcript stops the build, naming file, place and rule, without a stack trace', () => {
    const { code, output } = build(collection('with-error', true))
    expect(code).toBe(1)
    expect(output).toMatch(/broken\.txt:3:1: error Expected the recording date .+ \[missing-date\]/)
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
    expect(output).not.toMatch(/Stack trace/i)
  }, 120_000)

  // The seed site's own build (`npm run build` of content/transcripts, the seed alone, in the global setup)
  // is this case; a site built elsewhere (E2E_DIST_DIR) left no output here, so the seed is built again.
  test('warnings are listed and the build goes on', async () => {
    const seed = await fixtureSite('seed')
    const { code, output } = seed.output ? { code: 0, output: seed.output } : build(collection('warnings-only', false))
    expect(code).toBe(0)
    expect(output).toMatch(/1962-11-14-01181\.txt:184:1: warning Footnote 9 .+ \[footnote-unreferenced\]/)
  }, 900_000)

  test("the build's last line says the site's size, its number of files and its largest file", async () => {
    const seed = await fixtureSite('seed')
    const folder = seed.output ? undefined : collection('measured', false)
    const { output } = seed.output ? { output: seed.output } : build(folder!)
    const dist = folder ? join(folder, 'dist') : seed.dist
    // The site as it lies on disk, walked here: every file and its size.
    const files = readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => ({
        path: relative(dist, join(entry.parentPath, entry.name)),
        bytes: statSync(join(entry.parentPath, entry.name)).size,
      }))
    const largest = files.reduce((a, b) => (b.bytes > a.bytes ? b : a))
    const line = /output: ([\d.]+) (B|KB|MB|GB) in ([\d,]+) files; largest (\S+) \(([\d.]+) (B|KB|MB)\)/.exec(output)
    expect(line, 'the output line').not.toBeNull()
    const [, size, unit, count, path] = line!
    expect(Number(count!.replaceAll(',', ''))).toBe(files.length)
    const total = files.reduce((sum, file) => sum + file.bytes, 0)
    const scale = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9 }[unit as 'B' | 'KB' | 'MB' | 'GB']
    // The size as printed: one decimal below 100 of its unit, none from 100 (src/build/output-size.ts).
    expect(Number(size)).toBeCloseTo(total / scale, size!.includes('.') ? 1 : 0)
    expect(statSync(join(dist, path!)).size).toBe(largest.bytes)
    // It is Astro's last word but its own: nothing of the integration's comes after it.
    expect(output.slice(output.indexOf(line![0])).split('\n').slice(1).join('\n')).not.toMatch(/\[transcript-reader\]/)
  }, 900_000)

  test('with TRANSCRIPTS_STRICT=1 a warning stops the build', () => {
    const { code, output } = build(collection('strict', false), { TRANSCRIPTS_STRICT: '1' })
    expect(code).toBe(1)
    expect(output).toMatch(/strict: warnings count as errors/)
    expect(output).toMatch(/1962-11-14-01181\.txt:184:1: warning Footnote 9 .+ \[footnote-unreferenced\]/)
  }, 120_000)
})
