/**
 * The search record (src/build/search/records.ts) built from the seed's JSON, indexed by the real
 * Pagefind (its Node API), and read back the way the search page reads it: sections from Pagefind's own
 * word positions and anchors, counts from the section table. Expected values come from reading the seed:
 * 146 `Label:` turns by eight people and four unidentified voices, 19 notes, two excisions; `Ball:`
 * labels five turns.
 */
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import * as pagefind from 'pagefind'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { recordHtml, transcriptLabel, transcriptLabels, transcriptRecord } from '../../src/build/search/records.ts'
import { UNIDENTIFIED_LABEL } from '../../src/contract/speakers.ts'
import { countSections } from '../../src/browser/search/counts.ts'
import {
  decodeSummary,
  decodeTable,
  sectionTable,
  tableTallies,
  type RecordSummary,
  type SectionTable,
} from '../support/section-tables.ts'
import { sectionsOf, voicesOf, type Anchor } from '../../src/contract/sections.ts'
import { loadTranscript } from '../../src/core/load.ts'
import { seedPath } from '../support/paths.ts'
import { counts, jsonWords, words } from '../support/words.ts'

const { json } = loadTranscript(readFileSync(seedPath), seedPath)
const record = transcriptRecord(json)
const label = transcriptLabel(json)
const none = { q: '', speaker: [], transcript: [], kind: [] }

interface Fragment {
  url: string
  content: string
  anchors: Anchor[]
  filters: Record<string, string[]>
  meta: Record<string, string>
}
let fragment: Fragment
let table: SectionTable
let summary: RecordSummary

/** Indexes pages with the real Pagefind and reads its fragments back. */
async function indexPages(pages: Array<{ url: string; content: string }>) {
  const { index } = await pagefind.createIndex({ forceLanguage: 'en' })
  for (const page of pages) expect((await index!.addHTMLFile(page)).errors).toEqual([])
  const { files } = await index!.getFiles()
  const read = files
    .filter((file) => file.path.startsWith('fragment/'))
    .map((file) => JSON.parse(gunzipSync(Buffer.from(file.content)).toString('utf8').slice('pagefind_dcd'.length)) as Fragment)
  return { files, fragments: read }
}

beforeAll(async () => {
  const indexed = await indexPages([{ url: record.url, content: recordHtml(record, json, label) }])
  expect(indexed.fragments.length).toBe(1)
  fragment = indexed.fragments[0]!
  ;({ table, summary } = sectionTable(indexed.files))
}, 60_000)

afterAll(() => pagefind.close())

const of = (kind: string) => record.sections.filter((s) => s.kind === kind)

describe('the search record of the seed', () => {
  test('one record for the transcript, a section per passage in page order', () => {
    expect(record.url).toBe('/1962-11-14-01181/')
    expect(of('turn').length).toBe(146)
    expect(of('footnote').length).toBe(19)
    expect(
      of('footnote')
        .find((s) => s.id === 'fn-4')
        ?.paragraphs.join(''),
    ).toMatch(/^Including President Kennedy, George Ball/)
    const [header] = record.sections
    expect(header!.id).toBeUndefined()
    expect(header!.paragraphs.join('\n')).toContain('Off-the-Record Oval Office Conversation on Cuba')
    expect(record.sections[1]).toMatchObject({ id: 'intro-1', kind: 'editorial' })
    expect(record.sections[1]!.paragraphs[0]).toMatch(/^At 11 A\.M\. on Tuesday, November 13/)
    // The seed's two excisions (lines 232 and 370), between the turns, each at its own id on the page.
    expect(record.sections.filter((s) => s.id?.startsWith('excision-')).map((s) => [s.id, s.paragraphs[0]])).toEqual([
      ['excision-1', 'Seven seconds excised as classified information.'],
      ['excision-2', 'One minute, thirty-seven seconds excised as classified information.'],
    ])
    const ids = record.sections.map((s) => s.id)
    expect(ids.indexOf('excision-1')).toBeGreaterThan(ids.indexOf('t-00-35'))
    expect(ids.indexOf('excision-1')).toBeLessThan(ids.indexOf('fn-1'))
  })

  test('a turn is a section with its id, its time and its speaker; unidentified voices are one', () => {
    const turn = record.sections.find((s) => s.id === 't-05-03')!
    expect(turn).toMatchObject({ kind: 'turn', voice: 'president-kennedy', heading: '05:03' })
    expect(turn.paragraphs[0]).toMatch(/^We've got the problem of whether/)
    const ball = of('turn').filter((s) => s.voice === 'george-ball')
    expect(ball.length).toBe(5)
    // Ball's first turn has no printed time: estimated, after [03:35].
    expect(ball.find((s) => s.id === 't-03-35-2')?.heading).toMatch(/^≈0[34]:\d\d$/)
    expect(of('turn').filter((s) => s.voice === 'unidentified').length).toBe(4)
    expect([...record.voices.values()].sort()).toEqual(
      [
        'Dean Rusk',
        'Evelyn Lincoln',
        'George Ball',
        'Llewellyn Thompson',
        'McGeorge Bundy',
        'President Kennedy',
        'Robert McNamara',
        'Theodore Sorensen',
        UNIDENTIFIED_LABEL,
      ].sort(),
    )
    expect(record.labels).toContain('Ball')
    expect(record.labels).toContain('Thompson')
  })

  test('Pagefind keeps every section as an anchor at its heading, and its text is the passage', () => {
    expect(fragment.filters.transcript).toEqual([label])
    expect(fragment.filters.kind?.sort()).toEqual(['editorial', 'footnote', 'turn'])
    expect(fragment.filters.speaker?.sort()).toEqual([...record.voices.values()].sort())
    expect(voicesOf(fragment.filters)).toEqual(record.voices)
    expect(fragment.filters).toMatchObject({
      page: ['1962-11-14-01181'],
      date: ['1962-11-14'],
      title: ['Off-the-Record Oval Office Conversation on Cuba'],
    })
    expect(fragment.filters.label?.sort()).toEqual([...record.labels].sort())
    // Nothing in Pagefind's metadata, which it searches: a record is found by its passages' words only.
    expect(Object.keys(fragment.meta)).toEqual([])
    const sections = sectionsOf(fragment)
    expect(sections.map((s) => [s.id, s.kind, s.voice])).toEqual(record.sections.map((s) => [s.id, s.kind, s.voice]))
    sections.forEach((section, i) => {
      expect(words(section.text)).toEqual(words(record.sections[i]!.paragraphs.join(' ')))
      if (record.sections[i]!.id) expect(section.heading).toBe(record.sections[i]!.heading)
    })
  })

  test('the section table counts turns, notes and passages per facet value', () => {
    const rows = decodeTable(table)
    const all = countSections(tableTallies(rows, undefined), none)
    expect(all.counts.kind).toEqual({ turn: 146, footnote: 19, editorial: of('editorial').length })
    expect(all.counts.speaker['George Ball']).toBe(5)
    expect(all.counts.speaker[UNIDENTIFIED_LABEL]).toBe(4)
    expect(all.counts.transcript[label]).toBe(all.total)
    expect(all.total).toBe(record.sections.length)
    const ball = countSections(tableTallies(rows, undefined), { ...none, speaker: ['George Ball'] })
    expect(ball.total).toBe(5)
    // The speaker facet still counts every speaker (its own choice set aside); the kind facet only Ball's.
    expect(ball.counts.speaker['Dean Rusk']).toBe(all.counts.speaker['Dean Rusk'])
    expect(ball.counts.kind).toEqual({ turn: 5 })
    // The summary counts the same, without positions.
    const fromSummary = [...decodeSummary(summary).values()].flatMap((row) => row.groups)
    expect(countSections(fromSummary, none)).toEqual(all)
    expect(countSections(fromSummary, { ...none, speaker: ['George Ball'] })).toEqual(ball)
  })

  test('every word of the JSON is in the record', () => {
    // Printed times are each turn's heading; labels the record's; footnote numbers the notes' headings.
    const indexed = [...record.labels, ...record.sections.flatMap((s) => [s.heading, ...s.paragraphs])].flatMap(words)
    const have = counts(indexed)
    const stamps = json.blocks.flatMap((b) => (b.type === 'turn' ? b.timestamps.map((t) => t.label) : []))
    const missing = Object.keys(counts(jsonWords(json).filter((w) => !stamps.some((s) => words(s).includes(w))))).filter(
      (word) => !(word in have),
    )
    expect(missing).toEqual([])
    for (const block of json.blocks) {
      const texts = block.type === 'turn' ? block.paragraphs : [block.text]
      for (const text of texts)
        expect(
          record.sections.some((s) => s.paragraphs.includes(text)),
          text.slice(0, 40),
        ).toBe(true)
    }
  })

  test('markup and separators in the text stay text: the HTML is escaped, filter values whole', async () => {
    const hostile = { ...json, title: 'A <script>alert(1)</script>, "quoted": title \\ with, commas' }
    const name = 'Ball, George: "the <b>elder</b>" = ~.'
    const odd = {
      ...record,
      voices: new Map([['ball.~ x', name]]),
      sections: [
        {
          id: 't-1',
          kind: 'turn' as const,
          voice: 'ball.~ x',
          heading: '00:01',
          paragraphs: ['<img src=x onerror=alert(1)> & more'],
        },
      ],
    }
    const html = recordHtml(odd, hostile, transcriptLabel(hostile))
    // Read back by Pagefind's HTML parser: had any markup got through, the values or the text would differ.
    const [read] = (await indexPages([{ url: odd.url, content: html }])).fragments
    expect(read!.filters.speaker).toEqual([name])
    expect(voicesOf(read!.filters)).toEqual(odd.voices)
    expect(read!.filters.transcript).toEqual([transcriptLabel(hostile)])
    expect(read!.filters.title).toEqual([hostile.title])
    expect(sectionsOf(read!)).toEqual([
      {
        id: 't-1',
        kind: 'turn',
        voice: 'ball.~ x',
        speaker: name,
        heading: '00:01',
        text: '<img src=x onerror=alert(1)> & more',
      },
    ])
  })

  test('transcripts sharing a date and a title get their document ids in the facet', () => {
    const twin = { ...json, name: '1962-11-14-09999', id: '09999' }
    const labels = transcriptLabels([json, twin])
    expect(labels.get(json.name)).toBe('1962-11-14 · Off-the-Record Oval Office Conversation on Cuba · 01181')
    expect(labels.get(twin.name)).toBe('1962-11-14 · Off-the-Record Oval Office Conversation on Cuba · 09999')
  })

  test('two transcriptions of one recording with the same id too get their names: a search can take one witness', () => {
    const witness = { ...json, name: '1962-11-14-01181-b' }
    const labels = transcriptLabels([json, witness])
    expect(labels.get(json.name)).toBe('1962-11-14 · Off-the-Record Oval Office Conversation on Cuba · 01181 · 1962-11-14-01181')
    expect(labels.get(witness.name)).toBe(
      '1962-11-14 · Off-the-Record Oval Office Conversation on Cuba · 01181 · 1962-11-14-01181-b',
    )
  })
})
