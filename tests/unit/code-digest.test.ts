/**
 * The code digest (src/build/prepare/artifacts.ts) hashes whole folders, not a list of files: every project
 * file the prepare worker imports, followed through all its imports by esbuild, must lie in one of them, or
 * a change to it would leave stale artifacts behind. And the digest moves with a file of those folders and
 * with the lockfile, not with code outside them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { build } from 'esbuild'
import { afterAll, describe, expect, test } from 'vitest'
import { codeDigest, DIGESTED_FOLDERS } from '../../src/build/prepare/artifacts.ts'
import { root } from '../support/paths.ts'

const scratch = mkdtempSync(join(tmpdir(), 'code-digest-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('the code digest', () => {
  test('every project file the prepare worker imports lies in a digested folder', async () => {
    const result = await build({
      entryPoints: [join(root, 'src/build/prepare/worker.ts')],
      absWorkingDir: root,
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      write: false,
      metafile: true,
      logLevel: 'silent',
    })
    const imported = Object.keys(result.metafile.inputs).map((input) => relative(root, join(root, input)))
    // The walk reached the transcript core and the summary, so it follows imports at all.
    expect(imported).toContain('src/core/load.ts')
    expect(imported).toContain('src/collection/summary.ts')
    const outside = imported.filter((file) => !DIGESTED_FOLDERS.some((folder) => file.startsWith(`${folder}/`)))
    expect(outside).toEqual([])
  })

  test('a file of a digested folder, the lockfile and the Astro configuration change the digest; code outside them does not', () => {
    const write = (path: string, text: string) => {
      mkdirSync(join(scratch, path, '..'), { recursive: true })
      writeFileSync(join(scratch, path), text)
    }
    for (const folder of DIGESTED_FOLDERS) write(`${folder}/a.ts`, 'export const a = 1\n')
    write('package-lock.json', '{}\n')
    write('astro.config.mjs', 'export default {}\n')
    write('src/build/loader.ts', 'export const loader = 1\n')
    const first = codeDigest(scratch)
    write('src/build/loader.ts', 'export const loader = 2\n')
    expect(codeDigest(scratch)).toBe(first)
    const digests = new Set([first])
    for (const folder of DIGESTED_FOLDERS) {
      write(`${folder}/deeper/b.ts`, 'export const b = 1\n')
      digests.add(codeDigest(scratch))
    }
    write('package-lock.json', '{"lockfileVersion": 3}\n')
    digests.add(codeDigest(scratch))
    write('astro.config.mjs', 'export default { build: { inlineStylesheets: "never" } }\n')
    digests.add(codeDigest(scratch))
    expect(digests.size).toBe(DIGESTED_FOLDERS.length + 3)
  })
})
