/**
 * The collection's downloads (issue 25): which formats stay beside a page (src/collection/exports.ts), how
 * the zips are cut (src/collection/download-parts.ts), and that a rebuild after one transcript changed writes
 * only the zips of its year (src/build/downloads.ts, through the site's steps).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { makeTranscript } from '../../scripts/make-corpus.ts'
import { downloadArtifact, readDownloads, writeDownloads } from '../../src/build/downloads.ts'
import { runSiteSteps } from '../../src/build/steps.ts'
import { downloadParts } from '../../src/collection/download-parts.ts'
import { downloadFormats, pageFormats } from '../../src/collection/exports.ts'
import { root } from '../support/paths.ts'

const scratch = mkdtempSync(join(tmpdir(), 'downloads-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const names = (formats: Array<{ name: string }>) => formats.map((format) => format.name)

describe('which formats are beside a page', () => {
  test('the configured ones; the others in the downloads, so none is lost', () => {
    expect(names(pageFormats(['json'], undefined))).toEqual(['json'])
    expect(names(downloadFormats(['json']))).toEqual(['text', 'tei', 'vtt'])
    expect(names(pageFormats(['json', 'text', 'tei', 'vtt'], undefined))).toEqual(['json', 'text', 'tei', 'vtt'])
    expect(names(downloadFormats(['json', 'text', 'tei', 'vtt']))).toEqual([])
    expect(names(pageFormats([], undefined))).toEqual([])
  })

  test('a transcript whose recording is published keeps its WebVTT beside the page: the player follows it', () => {
    expect(names(pageFormats(['json'], { src: 'tape.ogg' }))).toEqual(['json', 'vtt'])
    // A recording that cannot be published (it leaves the transcripts' folder) has no player: no WebVTT.
    expect(names(pageFormats(['json'], { src: '../tape.ogg' }))).toEqual(['json'])
  })
})

describe('the parts', () => {
  const file = (name: string, date: string, bytes = 10) => ({ name, date, bytes })

  test('one a year, in the order given; undated transcripts in a part of their own', () => {
    const parts = downloadParts([file('a', '1961-04-20'), file('b', '1961-05-02'), file('c', '1962-11-14'), file('d', '')])
    expect(parts).toEqual([
      { label: '1961', names: ['a', 'b'], bytes: 20 },
      { label: '1962', names: ['c'], bytes: 10 },
      { label: 'undated', names: ['d'], bytes: 10 },
    ])
  })

  test('a year whose files pass the cap goes on in a second part; a file larger than the cap is a part alone', () => {
    const parts = downloadParts(
      [file('a', '1961-01-01', 40), file('b', '1961-02-01', 60), file('c', '1961-03-01', 1), file('d', '1961-04-01', 150)],
      100,
    )
    expect(parts.map(({ label, names }) => [label, names])).toEqual([
      ['1961', ['a', 'b']],
      ['1961-2', ['c']],
      ['1961-3', ['d']],
    ])
  })
})

describe('a rebuild', () => {
  test("after one transcript changed, only its year's zips are written again", async () => {
    const folder = join(scratch, 'rebuild', 'transcripts')
    const cache = join(scratch, 'rebuild', 'cache')
    mkdirSync(folder, { recursive: true })
    // make-corpus dates transcript i in 1961 + i % 9: 0 and 9 in 1961, 1 in 1962, 2 in 1963.
    const written = [0, 1, 2, 9].map((index) => makeTranscript(index, 3))
    for (const { name, text } of written) writeFileSync(join(folder, `${name}.txt`), text)
    // The steps cut the parts; the integration then writes the zips beside Astro's pages.
    const steps = async () => {
      await runSiteSteps({ root, folder, cache, log: { info: () => {}, warn: () => {} }, exports: ['json'] })
      return writeDownloads(cache)
    }
    expect(await steps()).toEqual({ written: 9, kept: 0 })
    const zips = readDownloads(cache).formats.flatMap((format) =>
      format.parts.map((part) => ({
        format: format.name,
        label: part.label,
        file: downloadArtifact(cache, format.name, part.label),
      })),
    )
    expect([...new Set(zips.map(({ label }) => label))]).toEqual(['1961', '1962', '1963'])
    const before = new Map(zips.map(({ file }) => [file, statSync(file).ino]))

    // One word of the 1962 transcript changes.
    const changed = written[1]!
    const path = join(folder, `${changed.name}.txt`)
    const text = readFileSync(path, 'utf8')
    const at = text.lastIndexOf(' the ')
    expect(at).toBeGreaterThan(0)
    writeFileSync(path, `${text.slice(0, at)} marzipan ${text.slice(at + ' the '.length)}`)
    expect(await steps()).toEqual({ written: 3, kept: 6 })
    for (const { format, label, file } of zips)
      expect(statSync(file).ino !== before.get(file), `${format} ${label}`).toBe(label === '1962')
  }, 120_000)
})
