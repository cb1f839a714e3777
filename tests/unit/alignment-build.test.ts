/**
 * An alignment in the site build (src/build/steps.ts, prepare/): the worker reads the file the sidecar
 * names beside the transcript, its messages join the build's, and its bytes are part of the transcript's
 * digest, so that a new alignment prepares the transcript again and an unchanged one does not.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { jsonArtifact } from '../../src/build/prepare/artifacts.ts'
import { runSiteSteps } from '../../src/build/steps.ts'
import { fixtures, root } from '../support/paths.ts'

const scratch = mkdtempSync(join(tmpdir(), 'alignment-build-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
const name = '1961-05-03-00058'

test('the build reads the alignment beside the transcript and prepares it again when the alignment changes', async () => {
  const folder = join(scratch, 'transcripts')
  const cache = join(scratch, 'cache')
  mkdirSync(folder, { recursive: true })
  for (const extension of ['txt', 'yml', 'whisperx.json'])
    copyFileSync(join(fixtures, 'alignment', `${name}.${extension}`), join(folder, `${name}.${extension}`))
  const lines: string[] = []
  const log = { info: (line: string) => lines.push(line), warn: (line: string) => lines.push(line) }
  const build = async () => {
    lines.length = 0
    await runSiteSteps({ root, folder, cache, log })
    return JSON.parse(readFileSync(jsonArtifact(name, cache), 'utf8'))
  }

  const first = await build()
  expect(first.alignment).toEqual({ src: `${name}.whisperx.json`, format: 'whisperx', words: 41, aligned: 40 })
  expect(lines.some((line) => /; 1 new or changed$/.test(line))).toBe(true)
  expect(lines.some((line) => line.includes(`${name}.txt:24:20: warning The printed time [00:20] stands`))).toBe(true)

  await build()
  expect(lines.some((line) => /; 0 new or changed$/.test(line))).toBe(true)

  // Another aligner's output under the same name: the transcript is prepared again, from it.
  copyFileSync(join(fixtures, 'alignment', `${name}.gentle.json`), join(folder, `${name}.whisperx.json`))
  const again = await build()
  expect(lines.some((line) => /; 1 new or changed$/.test(line))).toBe(true)
  expect(again.alignment.format).toBe('gentle')
}, 120_000)
