/**
 * The build's step for witnesses (src/build/witnesses.ts, run by src/build/steps.ts after every transcript
 * is prepared): each pair compared once into the cache, read from either side; compared again only when
 * one side changes; removed when the pair is no more; a sidecar naming a transcript the folder lacks is a
 * warning at its line and column, and the build goes on.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { makeTranscript } from '../../scripts/make-corpus.ts'
import { runSiteSteps } from '../../src/build/steps.ts'
import { comparisonsFolder, readComparison } from '../../src/build/witnesses.ts'
import { fixtures, root } from '../support/paths.ts'

const scratch = mkdtempSync(join(tmpdir(), 'witness-build-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const COMMITTEE = '1971-06-14-harbor-committee'
const EXCERPT = '1971-06-14-harbor-excerpt'
const folder = join(scratch, 'transcripts')
const cache = join(scratch, 'cache')

async function steps(): Promise<{ info: string[]; warn: string[] }> {
  const log = { info: [] as string[], warn: [] as string[] }
  await runSiteSteps({ root, folder, cache, log: { info: (line) => log.info.push(line), warn: (line) => log.warn.push(line) } })
  return log
}

describe('the witnesses step', () => {
  mkdirSync(folder, { recursive: true })
  for (const name of [COMMITTEE, EXCERPT])
    for (const extension of ['txt', 'yml'])
      copyFileSync(join(fixtures, `witnesses/${name}.${extension}`), join(folder, `${name}.${extension}`))
  const other = makeTranscript(0, 2)
  writeFileSync(join(folder, `${other.name}.txt`), other.text)
  writeFileSync(join(folder, `${other.name}.yml`), '# names a transcript the folder lacks\nwitnesses:\n  - missing-one\n')

  test('compares the pair once both are prepared, readable from either side; an unknown witness is a warning at 3:5', async () => {
    const log = await steps()
    expect(log.warn.filter((line) => line.includes('[witness-'))).toEqual([
      `${relative(root, join(folder, `${other.name}.yml`))}:3:5: warning \`witnesses\`: no transcript \`missing-one\` in the collection (no \`missing-one.txt\` beside this sidecar); it is not compared [witness-unknown]`,
    ])
    expect(log.info.some((line) => line.startsWith('comparisons: 1/1 compared'))).toBe(true)
    expect(readComparison(COMMITTEE, EXCERPT, cache).counts).toEqual({ same: 52, left: 29, right: 2 })
    expect(readComparison(EXCERPT, COMMITTEE, cache).counts).toEqual({ same: 53, left: 2, right: 29 })
    expect(readComparison(EXCERPT, COMMITTEE, cache).left).toBe(EXCERPT)
  }, 60_000)

  test('nothing is compared again when neither side changed; a change to one side compares the pair again', async () => {
    expect((await steps()).info.some((line) => line.startsWith('comparisons:'))).toBe(false)
    const path = join(folder, `${EXCERPT}.txt`)
    writeFileSync(path, readFileSync(path, 'utf8').replace('from the state and the city.', 'from the state and the county.'))
    expect((await steps()).info.some((line) => line.startsWith('comparisons: 1/1 compared'))).toBe(true)
    expect(readComparison(COMMITTEE, EXCERPT, cache).counts).toEqual({ same: 53, left: 28, right: 1 })
  }, 60_000)

  test('a pair no sidecar declares any more is removed from the cache', async () => {
    writeFileSync(join(folder, `${COMMITTEE}.yml`), 'transcriber: Committee staff\n')
    await steps()
    expect(existsSync(join(comparisonsFolder(cache), COMMITTEE, `${EXCERPT}.json`))).toBe(false)
  }, 60_000)
})
