/**
 * The site build as an editor meets it: a transcript with an error stops the build and names the file
 * and place, with no stack trace; warnings are listed and the build goes on; with TRANSCRIPTS_STRICT=1
 * warnings stop it too.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const scratch = mkdtempSync(join(tmpdir(), 'build-test-'))
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

  test('warnings are listed and the build goes on', () => {
    const { code, output } = build(collection('warnings-only', false))
    expect(code).toBe(0)
    expect(output).toMatch(/1962-11-14-01181\.txt:184:1: warning Footnote 9 .+ \[footnote-unreferenced\]/)
  }, 120_000)

  test('with TRANSCRIPTS_STRICT=1 a warning stops the build', () => {
    const { code, output } = build(collection('strict', false), { TRANSCRIPTS_STRICT: '1' })
    expect(code).toBe(1)
    expect(output).toMatch(/strict: warnings count as errors/)
    expect(output).toMatch(/1962-11-14-01181\.txt:184:1: warning Footnote 9 .+ \[footnote-unreferenced\]/)
  }, 120_000)
})
