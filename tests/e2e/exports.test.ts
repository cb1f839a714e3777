/**
 * The site's exports, on the combined fixture site (the seed and a fixture among others): each transcript's
 * `/<name>/transcript.{json,txt,xml,vtt}` is served and is exactly what the formats registry writes (the
 * CLI's `--format` output), the page links each of them, and `/transcripts.json` lists every transcript
 * with links that all resolve.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { siteFormats } from '../../src/core/formats/index.ts'
import { readTranscript } from '../../src/build/prepare/transcript-files.ts'
import { type DistServer, serveDist } from '../../scripts/lib/dist-server.ts'
import { root } from '../support/paths.ts'
import { combinedNames, EXPORT_NAME, SEED } from './support/collections.ts'
import { fixtureSite } from './support/site.ts'

const sources = {
  [SEED]: join(root, 'content/transcripts/1962-11-14-01181.txt'),
  [EXPORT_NAME]: join(root, 'tests/fixtures/parse/1961-04-20-00042.txt'),
}
let server: DistServer

// The combined fixture site (support/collections.ts): the seed and the fixture among others.
beforeAll(async () => {
  server = await serveDist((await fixtureSite('combined')).dist)
}, 900_000)

afterAll(() => server?.close())

describe('the site’s exports', () => {
  test('each transcript’s exports are served, each exactly as its format module writes it', async () => {
    for (const [name, path] of Object.entries(sources)) {
      const loaded = await readTranscript(path)
      loaded.file.path = `${name}.txt` // the build names files as found in its folder
      for (const format of siteFormats) {
        const response = await fetch(`${server.url}/${name}/transcript.${format.extension}`)
        expect(response.status, `${name} ${format.name}`).toBe(200)
        const body = await response.text()
        if (format.name === 'json') expect(JSON.parse(body).name).toBe(name)
        else expect(body, `${name} ${format.name}`).toBe(format.write(loaded))
      }
    }
  })

  test('the page links every export: Download: JSON · Text · TEI · WebVTT', async () => {
    const html = await (await fetch(`${server.url}/1962-11-14-01181/`)).text()
    const links = [...html.matchAll(/<a href="([^"]+)"[^>]*download="([^"]+)"[^>]*>\s*([^<]+?)\s*</g)].map((m) => [
      m[1],
      m[2],
      m[3],
    ])
    expect(links).toEqual(
      siteFormats.map((format) => [
        `/1962-11-14-01181/transcript.${format.extension}`,
        `1962-11-14-01181.${format.extension}`,
        format.label,
      ]),
    )
    expect(siteFormats.map((format) => format.label)).toEqual(['JSON', 'Text', 'TEI', 'WebVTT'])
  })

  test('/transcripts.json lists every transcript with its id, title, date, participants and links that resolve', async () => {
    const manifest = (await (await fetch(`${server.url}/transcripts.json`)).json()) as {
      count: number
      transcripts: Array<{
        id: string
        title: string
        date: string | null
        participants: Array<{ name: string }>
        links: Record<string, string>
      }>
    }
    // Every transcript of the collection, in order (the combined site's: support/collections.ts).
    expect(manifest.count).toBe(combinedNames.length)
    const ids = manifest.transcripts.map((entry) => entry.id)
    expect([...ids].sort()).toEqual(combinedNames)
    // In transcript order: the fixture of 20 April 1961 before the seed of 14 November 1962.
    expect(ids.filter((id) => id in sources)).toEqual(['1961-04-20-00042', '1962-11-14-01181'])
    const seed = manifest.transcripts.find((entry) => entry.id === '1962-11-14-01181')!
    expect(seed).toMatchObject({ title: 'Off-the-Record Oval Office Conversation on Cuba', date: '1962-11-14' })
    expect(seed.participants.map((person) => person.name)).toContain('McGeorge Bundy')
    for (const entry of manifest.transcripts) {
      expect(Object.keys(entry.links)).toEqual(['page', ...siteFormats.map((format) => format.name)])
      for (const link of Object.values(entry.links)) {
        const response = await fetch(new URL(link, `${server.url}/transcripts.json`))
        expect(response.status, link).toBe(200)
      }
    }
  })
})
