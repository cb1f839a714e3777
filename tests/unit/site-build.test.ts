/**
 * The site build's data layer (src/build/): the site's steps prepare each transcript once, on every core,
 * and again only when its bytes change; the content loader puts their summaries in the store; speaker pages are cut into pages
 * of 100 turns, a transcript continued across a page break says so. Expected counts come from the
 * generator's plans (what each transcript was written to hold) and from turns written by hand.
 */
import { createHash } from 'node:crypto'
import { existsSync, linkSync, readdirSync, statSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { makeTranscript, type CorpusPlan } from '../../scripts/make-corpus.ts'
import { jsonText } from '../../src/build/prepare/artifacts.ts'
import { TURNS_PER_PAGE, readSpeakerDirectory, readSpeakerPage, writeSpeakerPages } from '../../src/build/speaker-pages.ts'
import { summarize, type TranscriptSummary } from '../../src/collection/summary.ts'
import type { TranscriptJson, TurnJson } from '../../src/core/schema.ts'
import { siteFormats } from '../../src/core/formats/index.ts'
import { root } from '../support/paths.ts'

const scratch = mkdtempSync(join(tmpdir(), 'site-build-test-'))
// The unit tier shares a worker between files (vitest.config.ts): the collection's folders are given back.
afterAll(() => {
  vi.unstubAllEnvs()
  rmSync(scratch, { recursive: true, force: true })
})

/** The parts of Astro's loader context the loader uses (a store, a logger and the config), and the steps' log. */
function fakeContext(folder: string) {
  const entries = new Map<string, { id: string; data: TranscriptSummary; digest?: string }>()
  const lines: string[] = []
  const context = {
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: { id: string; data: TranscriptSummary; digest?: string }) => {
        entries.set(entry.id, entry)
        return true
      },
      keys: () => [...entries.keys()],
      delete: (id: string) => void entries.delete(id),
    },
    logger: {
      info: (line: string) => lines.push(line),
      warn: (line: string) => lines.push(line),
      error: (line: string) => lines.push(line),
    },
    config: { root: pathToFileURL(`${root}/`) },
  }
  return { context, entries, lines, folder }
}

describe("the site's steps and the transcript loader", () => {
  const folder = join(scratch, 'transcripts')
  const cache = join(scratch, 'cache')
  const plans: CorpusPlan[] = []
  let load: (context: ReturnType<typeof fakeContext>['context']) => Promise<void>
  let site: ReturnType<typeof fakeContext>

  beforeAll(async () => {
    mkdirSync(folder, { recursive: true })
    // More than the pool's threshold, so that worker threads do the work.
    for (let index = 0; index < 30; index++) {
      const { name, text, plan } = makeTranscript(index, 3)
      writeFileSync(join(folder, `${name}.txt`), text)
      plans.push(plan)
    }
    vi.stubEnv('TRANSCRIPTS_DIR', folder)
    vi.stubEnv('ASTRO_CACHE_DIR', cache)
    const { transcriptLoader } = await import('../../src/build/loader.ts')
    const { runSiteSteps } = await import('../../src/build/steps.ts')
    const { siteCacheFolder } = await import('../../src/build/paths.ts')
    const loader = transcriptLoader().load as unknown as (context: unknown) => Promise<void>
    // As a build runs them: the integration's steps, then Astro's content loader.
    load = async (context) => {
      const { logger } = context as ReturnType<typeof fakeContext>['context']
      await runSiteSteps({ root, folder, cache: siteCacheFolder(root), log: logger })
      await loader(context)
    }
    site = fakeContext(folder)
  })

  test('a first build prepares every transcript and keeps only summaries in the store', async () => {
    await load(site.context)
    expect(site.entries.size).toBe(plans.length)
    expect(site.lines).toContain(site.lines.find((line) => /^transcripts: 30\/30 read .*; 30 new or changed$/.test(line)))
    for (const plan of plans) {
      const summary = site.entries.get(plan.name)!.data
      expect(summary.turns).toBe(plan.turns)
      expect(summary.notes).toBe(plan.footnotes)
      expect(summary.title).toBe(plan.title)
      expect(summary.speakers.filter((s) => s.kind === 'person').map((s) => [s.name, s.turns])).toEqual(
        plan.people.map((p) => [p.name, p.turns]),
      )
      expect('blocks' in summary).toBe(false)
      // The JSON the page serves is on disk, whole.
      const json = JSON.parse(
        readFileSync(join(cache, 'transcript-reader/transcripts', `${plan.name}.json`), 'utf8'),
      ) as TranscriptJson
      expect(json.blocks.filter((block) => block.type === 'turn')).toHaveLength(plan.turns)
    }
  }, 120_000)

  test('a rebuild with nothing changed prepares nothing; one changed transcript is prepared alone', async () => {
    site.lines.length = 0
    await load(site.context)
    expect(site.lines.some((line) => /; 0 new or changed$/.test(line))).toBe(true)
    expect(site.lines.some((line) => /^speaker pages:/.test(line))).toBe(false)

    const changed = plans[4]!.name
    const path = join(folder, `${changed}.txt`)
    const digest = site.entries.get(changed)!.digest
    // A site built before links its exports to these files (src/build/integration.ts); it must keep its text.
    const built = join(scratch, 'built-site')
    mkdirSync(built, { recursive: true })
    const exports = siteFormats.map((format) => [
      join(cache, 'transcript-reader/transcripts', `${changed}.${format.extension}`),
      join(built, `transcript.${format.extension}`),
    ])
    for (const [artifact, page] of exports) linkSync(artifact!, page!)
    const before = exports.map(([, page]) => readFileSync(page!, 'utf8'))
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n\n([A-Z][^:\n]*): /, '\n\n$1: Indeed. '))
    site.lines.length = 0
    await load(site.context)
    expect(site.lines.some((line) => /; 1 new or changed$/.test(line))).toBe(true)
    expect(site.entries.get(changed)!.digest).not.toBe(digest)
    expect(readFileSync(join(cache, 'transcript-reader/transcripts', `${changed}.json`), 'utf8')).toContain('Indeed.')
    expect(exports.map(([, page]) => readFileSync(page!, 'utf8'))).toEqual(before)
    expect(before.every((text) => !text.includes('Indeed.'))).toBe(true)
    // The exports that print every word have the new one (a WebVTT cue holds only timed turns).
    for (const [artifact] of exports.filter(([file]) => /\.(json|txt|xml)$/.test(file!)))
      expect(readFileSync(artifact!, 'utf8')).toContain('Indeed.')
    expect(site.lines.some((line) => /^speaker pages:/.test(line))).toBe(true)
  }, 120_000)

  test('a removed transcript leaves the store, and its artifacts the cache', async () => {
    const gone = plans[7]!.name
    rmSync(join(folder, `${gone}.txt`))
    await load(site.context)
    expect(site.entries.has(gone)).toBe(false)
    expect(existsSync(join(cache, 'transcript-reader/transcripts', `${gone}.json`))).toBe(false)
    expect(existsSync(join(cache, 'transcript-reader/transcripts', `${gone}.html`))).toBe(false)
  }, 120_000)
})

describe('speaker pages', () => {
  const cache = join(scratch, 'speaker-cache')
  /** Writes a transcript's JSON artifact and returns its summary. */
  function transcript(
    name: string,
    date: string,
    turns: Array<[speaker: string, kind: 'person' | 'unidentified']>,
  ): TranscriptSummary {
    const voices = new Map<string, 'person' | 'unidentified'>(turns.map(([speaker, kind]) => [speaker, kind]))
    const json: TranscriptJson = {
      name,
      id: name.slice(-5),
      date,
      title: `Meeting ${name}`,
      status: null,
      citation: { title: `Meeting ${name}`, status: 'unstated', editors: [], site: { title: 'Transcript Reader', editors: [] } },
      dateLine: null,
      time: null,
      metadata: { id: { value: name.slice(-5), from: 'text' }, date: { value: date, from: 'text' } },
      speakers: [...voices].map(([id, kind]) => ({
        id,
        name: kind === 'person' ? id.replace(/^./, (c) => c.toUpperCase()) : 'Unidentified',
        labels: [id],
        kind,
      })),
      blocks: turns.map(
        ([speaker], index): TurnJson => ({
          type: 'turn',
          id: `t-x-${index + 1}`,
          speaker: { id: speaker, name: speaker, label: speaker },
          timestamps: [],
          paragraphs: [`${name} turn ${index + 1}`],
          footnotes: [],
          editorial: [],
          time: { start: index, end: index + 1, estimated: true },
        }),
      ),
      footnotes: [],
      diagnostics: [],
    }
    mkdirSync(join(cache, 'transcripts'), { recursive: true })
    const text = jsonText(json)
    writeFileSync(join(cache, 'transcripts', `${name}.json`), text)
    // A digest of what it says, as a build's (of its bytes): a changed transcript has a new one.
    return summarize(json, createHash('sha256').update(text).digest('hex'))
  }

  test('250 turns of one person over three transcripts make pages of 100, 100 and 50, continued across breaks', () => {
    const many = (count: number, speaker = 'ann'): Array<[string, 'person']> =>
      Array.from({ length: count }, () => [speaker, 'person'])
    const summaries = [
      transcript('1962-01-01-00001', '1962-01-01', [...many(60), ['bob', 'person'], ['unidentified-1', 'unidentified']]),
      transcript('1962-02-01-00002', '1962-02-01', many(150)),
      transcript('1962-03-01-00003', '1962-03-01', [...many(40), ...many(2, 'bob')]),
    ]
    const directory = writeSpeakerPages(summaries, cache)
    expect(
      directory.map((entry) => [entry.key, entry.turns, entry.transcripts, entry.first, entry.last, entry.pages.length]),
    ).toEqual([
      ['ann', 250, 3, '1962-01-01', '1962-03-01', 3],
      ['bob', 3, 2, '1962-01-01', '1962-03-01', 1],
      ['unidentified', 1, 1, '1962-01-01', '1962-01-01', 1],
    ])
    expect(readSpeakerDirectory(cache)).toEqual(directory)
    const pages = [1, 2, 3].map((page) => readSpeakerPage('ann', page, cache).appearances)
    expect(pages.map((appearances) => appearances.reduce((sum, a) => sum + a.turns.length, 0))).toEqual([
      TURNS_PER_PAGE,
      TURNS_PER_PAGE,
      50,
    ])
    // Page 1: 60 turns of the first transcript and 40 of the second; page 2 goes on with the second.
    expect(pages[0]!.map((a) => [a.transcript.name, a.turns.length, a.continued])).toEqual([
      ['1962-01-01-00001', 60, false],
      ['1962-02-01-00002', 40, false],
    ])
    expect(pages[1]!.map((a) => [a.transcript.name, a.turns.length, a.continued])).toEqual([['1962-02-01-00002', 100, true]])
    expect(pages[2]!.map((a) => [a.transcript.name, a.turns.length, a.continued])).toEqual([
      ['1962-02-01-00002', 10, true],
      ['1962-03-01-00003', 40, false],
    ])
    expect(pages[2]![1]!.turns[0]!.paragraphs).toEqual(['1962-03-01-00003 turn 1'])
  })

  test('a page whose turns are unchanged keeps its cache key', () => {
    const first = writeSpeakerPages([transcript('1963-01-01-00009', '1963-01-01', [['cy', 'person']])], cache)
    const again = writeSpeakerPages([transcript('1963-01-01-00009', '1963-01-01', [['cy', 'person']])], cache)
    expect(again[0]!.pages).toEqual(first[0]!.pages)
    const changed = writeSpeakerPages(
      [
        transcript('1963-01-01-00009', '1963-01-01', [
          ['cy', 'person'],
          ['cy', 'person'],
        ]),
      ],
      cache,
    )
    expect(changed[0]!.pages).not.toEqual(first[0]!.pages)
  })

  /** Every file of the speakers' tables, by path, as text. */
  const tables = (dir: string): Record<string, string> => {
    const files: Record<string, string> = {}
    const walk = (at: string, prefix: string) => {
      for (const entry of readdirSync(at, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (entry.isDirectory()) walk(join(at, entry.name), `${prefix}${entry.name}/`)
        else files[`${prefix}${entry.name}`] = readFileSync(join(at, entry.name), 'utf8')
      }
    }
    walk(join(dir, 'speakers'), '')
    return files
  }

  test('a rebuild reads only the changed transcripts and writes what a whole writing writes', () => {
    const many = (count: number, speaker: string, kind: 'person' | 'unidentified' = 'person'): Array<[string, typeof kind]> =>
      Array.from({ length: count }, () => [speaker, kind])
    const before = [
      transcript('1964-01-01-00001', '1964-01-01', [
        ...many(70, 'ann'),
        ...many(3, 'bob'),
        ...many(2, 'unidentified-1', 'unidentified'),
      ]),
      transcript('1964-02-01-00002', '1964-02-01', [...many(50, 'ann'), ...many(2, 'cy')]),
      transcript('1964-03-01-00003', '1964-03-01', [...many(90, 'ann'), ...many(4, 'bob'), ...many(2, 'eve')]),
      transcript('1964-04-01-00004', '1964-04-01', many(5, 'dee')),
    ]
    // Written whole first (tables cut by other code are not taken: the earlier tests' are left aside).
    writeSpeakerPages(before, cache, undefined, 'this test')
    const untouched = readFileSync(join(cache, 'speakers', 'dee', '1.json'), 'utf8')
    // Eve speaks only in an unchanged transcript: her folder is moved over, not written again.
    const eve = statSync(join(cache, 'speakers', 'eve', '1.json')).ino
    // The second transcript loses 30 of Ann's turns and Cy, gains Dee; the fourth is removed; a fifth is added.
    const after = [
      before[0]!,
      transcript('1964-02-01-00002', '1964-02-01', [
        ...many(20, 'ann'),
        ...many(1, 'dee'),
        ...many(1, 'unidentified-1', 'unidentified'),
      ]),
      before[2]!,
      transcript('1964-05-01-00005', '1964-05-01', many(3, 'bob')),
    ]
    const read: number[] = []
    const warned: string[] = []
    const rebuilt = writeSpeakerPages(
      after,
      cache,
      (_done, total) => read.push(total),
      'this test',
      (line) => warned.push(line),
    )
    expect(new Set(read), 'the two changed transcripts read, not four').toEqual(new Set([2]))
    expect(warned).toEqual([])
    expect(statSync(join(cache, 'speakers', 'eve', '1.json')).ino).toBe(eve)
    const incremental = tables(cache)
    expect(incremental['dee/1.json']).not.toBe(untouched)
    // The same transcripts written whole, in a cache of their own.
    const whole = mkdtempSync(join(tmpdir(), 'speakers-whole-'))
    try {
      mkdirSync(join(whole, 'transcripts'))
      for (const summary of after)
        writeFileSync(
          join(whole, 'transcripts', `${summary.name}.json`),
          readFileSync(join(cache, 'transcripts', `${summary.name}.json`)),
        )
      const directory = writeSpeakerPages(after, whole, undefined, 'this test')
      expect(rebuilt).toEqual(directory)
      expect(incremental).toEqual(tables(whole))
    } finally {
      rmSync(whole, { recursive: true, force: true })
    }
    // By hand: Ann speaks 70 + 20 + 90 = 180 turns, two pages (100 and 80); Cy no longer speaks.
    expect(rebuilt.find((entry) => entry.key === 'ann')!.turns).toBe(180)
    expect(rebuilt.find((entry) => entry.key === 'ann')!.pages).toHaveLength(2)
    expect(rebuilt.map((entry) => entry.key)).toEqual(['ann', 'bob', 'dee', 'eve', 'unidentified'])
    expect(rebuilt.find((entry) => entry.key === 'dee')!.in.map((t) => [t.name, t.turns])).toEqual([['1964-02-01-00002', 1]])
    // Tables cut by other code (another digest of speaker-pages.ts) are not taken: every transcript is read.
    const totals: number[] = []
    writeSpeakerPages(after, cache, (_done, total) => totals.push(total), 'other code')
    expect(new Set(totals)).toEqual(new Set([4]))
    expect(tables(cache)['ann/1.json']).toBe(incremental['ann/1.json'])
  })
})
