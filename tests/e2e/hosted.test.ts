/**
 * A site that must fit its host (issue 25, item 3), built from its own configuration file
 * (support/collections.ts, `HOSTED_OPTIONS`): only the JSON beside each page, the other formats in the
 * collection's downloads, and a host too small for it. The files are checked on disk (the zips read back
 * with yauzl), the pages in Chromium without JavaScript.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import yauzl from 'yauzl'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { formatBytes } from '../../src/build/output-size.ts'
import { AxeBuilder } from './support/axe.ts'
import { AUDIO_NAME, EXPORT_NAME, HOSTED_GENERATED, HOSTED_NAMES, SEED } from './support/collections.ts'
import { closeSite, openFixtureSite, type Site, withPage } from './support/site.ts'

let opened: Partial<Site> = {}
let dist = ''
let output = ''
const site = () => opened

beforeAll(async () => {
  const built = await openFixtureSite('hosted')
  opened = built
  dist = built.dist
  output = built.output
}, 900_000)

afterAll(() => closeSite(opened))

/** The years of the collection, each with its transcripts, as the names (their dates) say. */
const YEARS: Record<string, string[]> = {
  '1961': [EXPORT_NAME, AUDIO_NAME].sort(),
  '1962': [SEED],
  '1963': [HOSTED_GENERATED[0]!.name],
  '1964': [HOSTED_GENERATED[1]!.name],
  '1965': [HOSTED_GENERATED[2]!.name],
}
/** The exports the prepare step wrote, in the site's cache. */
const cacheOf = () => join(dirname(dist), 'cache', 'transcript-reader', 'transcripts')
/** The formats the configuration leaves off the pages, with their files' extensions. */
const ZIPPED = { text: 'txt', tei: 'xml', vtt: 'vtt' } as const

/** Every file of a zip, by name, as yauzl reads it. */
function unzip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error)
      const files = new Map<string, Buffer>()
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (failed, stream) => {
          if (failed) return reject(failed)
          const chunks: Buffer[] = []
          stream.on('data', (chunk: Buffer) => chunks.push(chunk))
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks))
            zip.readEntry()
          })
        })
      })
      zip.on('end', () => resolve(files))
      zip.on('error', reject)
      zip.readEntry()
    })
  })
}

describe('a site that fits its host', () => {
  test('the build ends with its size and warns of each limit of the tiny host it passes', () => {
    expect(output).toMatch(/output: [\d.]+ [KM]B in [\d,]+ files; largest \S+ \([\d.]+ [KM]B\)/)
    expect(output).toMatch(/the site is [\d.]+ [KM]B: Tiny host takes 100 KB at most; the upload will be refused/)
    expect(output).toMatch(/the site has [\d,]+ files: Tiny host takes 20 at most; the upload will be refused/)
  })

  test('only the JSON beside each page, and the WebVTT of the transcript whose recording plays there', () => {
    for (const name of HOSTED_NAMES) {
      const exports = readdirSync(join(dist, name)).filter((file) => file.startsWith('transcript.'))
      expect(exports.sort(), name).toEqual(name === AUDIO_NAME ? ['transcript.json', 'transcript.vtt'] : ['transcript.json'])
    }
  })

  test("every transcript's file in its year's zip, the same bytes as the export the prepare step wrote", async () => {
    const cache = cacheOf()
    for (const [format, extension] of Object.entries(ZIPPED)) {
      expect(readdirSync(join(dist, 'downloads', format)).sort(), format).toEqual(Object.keys(YEARS).map((year) => `${year}.zip`))
      for (const [year, names] of Object.entries(YEARS)) {
        const files = await unzip(join(dist, 'downloads', format, `${year}.zip`))
        expect([...files.keys()].sort(), `${format} ${year}`).toEqual(names.map((name) => `${name}.${extension}`))
        for (const name of names)
          expect(
            files.get(`${name}.${extension}`)!.equals(readFileSync(join(cache, `${name}.${extension}`))),
            `${name}.${extension}`,
          ).toBe(true)
      }
    }
    // The text in the zip is the transcript's: its first line is the document id the seed prints first.
    const seedText = (await unzip(join(dist, 'downloads/text/1962.zip'))).get(`${SEED}.txt`)!.toString('utf8')
    expect(seedText.split('\n')[0]).toBe('01181')
  })

  test('the manifest links each transcript to its exports and to the zips that hold its other formats', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'transcripts.json'), 'utf8')) as {
      transcripts: Array<{ id: string; links: Record<string, string>; downloads?: Record<string, string> }>
    }
    const entry = (name: string) => manifest.transcripts.find((each) => each.id === name)!
    expect(entry(SEED).links).toEqual({ page: `${SEED}/`, json: `${SEED}/transcript.json` })
    expect(entry(SEED).downloads).toEqual({
      text: 'downloads/text/1962.zip',
      tei: 'downloads/tei/1962.zip',
      vtt: 'downloads/vtt/1962.zip',
    })
    expect(entry(AUDIO_NAME).links.vtt).toBe(`${AUDIO_NAME}/transcript.vtt`)
    expect(entry(AUDIO_NAME).downloads).toEqual({
      text: 'downloads/text/1961.zip',
      tei: 'downloads/tei/1961.zip',
      vtt: 'downloads/vtt/1961.zip',
    })
  })

  test('without JavaScript, a page says which zip holds each other format, and /downloads/ lists them all', async () => {
    await withPage(
      site(),
      `/${SEED}/`,
      async (page) => {
        const items = await page.locator('.downloads-list li').allInnerTexts()
        expect(items.map((item) => item.split(' – ')[0])).toEqual([
          'JSON',
          'Text, in the 1962 zip',
          'TEI, in the 1962 zip',
          'WebVTT, in the 1962 zip',
        ])
        expect(items[2]).toContain(`this transcript is ${SEED}.xml in it`)
        for (const link of await page.locator('.downloads-list a').all()) {
          const href = (await link.getAttribute('href'))!
          expect(existsSync(join(dist, href)), href).toBe(true)
        }
        await page.getByRole('link', { name: 'Every transcript’s files, in zips by year' }).click()
        await page.waitForURL('**/downloads/')
        const tei = page.locator('section', { has: page.getByRole('heading', { name: 'TEI' }) })
        const parts = await tei.locator('li').allInnerTexts()
        expect(parts.map((part) => part.replace(/, [\d.]+ KB unzipped$/, ''))).toEqual([
          '1961: 2 transcripts',
          '1962: 1 transcript',
          '1963: 1 transcript',
          '1964: 1 transcript',
          '1965: 1 transcript',
        ])
        // Each part's size is its files' before compression: the 1961 part, the two TEI files of that year.
        const teiBytes = YEARS['1961']!.reduce((sum, name) => sum + statSync(join(cacheOf(), `${name}.xml`)).size, 0)
        expect(parts[0]).toBe(`1961: 2 transcripts, ${formatBytes(teiBytes)} unzipped`)
      },
      { javaScriptEnabled: false },
    )
  })

  test('axe finds no violation on /downloads/', async () => {
    await withPage(site(), '/downloads/', async (page) => {
      const scan = await new AxeBuilder({ page }).analyze()
      expect(scan.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])
    })
  })
})
