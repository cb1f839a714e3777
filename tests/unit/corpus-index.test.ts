/**
 * The search records (src/integrations/search-records.ts) built from the seed's JSON, indexed by the real
 * Pagefind (its Node API), and read back the way the search page reads them: sections from Pagefind's own
 * word positions, counts from the section table. Expected values come from reading the seed: 146
 * `Label:` turns by eight people and four unidentified voices, 19 notes, two excisions; `Ball:` labels
 * five turns.
 */
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import * as pagefind from 'pagefind'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { recordHtml, transcriptLabel, transcriptLabels, transcriptRecords, UNIDENTIFIED } from '../../src/integrations/search-records.ts'
import { sectionTable } from '../../src/integrations/search-table.ts'
import { countSections, decodeTable, sectionsOf, tableTallies, type Anchor, type SectionTable } from '../../src/scripts/search-sections.ts'
import { loadTranscript } from '../../src/transcript/load.ts'
import { seedPath } from '../support/paths.ts'
import { counts, jsonWords, words } from '../support/words.ts'

const { json } = loadTranscript(readFileSync(seedPath), seedPath)
const records = transcriptRecords(json)
const page = '/1962-11-14-01181/'
const label = transcriptLabel(json)
const turnRecord = (speaker: string) => records.find((r) => r.kind === 'turn' && r.speaker === speaker)!

interface Fragment {
  url: string
  content: string
  anchors: Anchor[]
  filters: Record<string, string[]>
  meta: Record<string, string>
}
let fragments: Fragment[] = []
let table: SectionTable

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
  const indexed = await indexPages(records.map((record) => ({ url: record.url, content: recordHtml(record, json, label) })))
  fragments = indexed.fragments
  table = sectionTable(indexed.files)
}, 60_000)

afterAll(() => pagefind.close())

describe('search records of the seed', () => {
  test('one record per speaker, one for the notes, one for the editorial text; a section per passage', () => {
    expect(new Set(records.map((r) => r.url)).size).toBe(records.length)
    const speakers = records.filter((r) => r.kind === 'turn').map((r) => r.speaker)
    expect(speakers.sort()).toEqual(
      ['Dean Rusk', 'Evelyn Lincoln', 'George Ball', 'Llewellyn Thompson', 'McGeorge Bundy', 'President Kennedy', 'Robert McNamara', 'Theodore Sorensen', UNIDENTIFIED].sort(),
    )
    expect(records.filter((r) => r.kind === 'turn').reduce((n, r) => n + r.sections.length, 0)).toBe(146)
    const notes = records.find((r) => r.kind === 'footnote')!
    expect(notes.sections.length).toBe(19)
    expect(notes.sections.find((s) => s.id === 'fn-4')?.paragraphs.join('')).toMatch(/^Including President Kennedy, George Ball/)
    const editorial = records.find((r) => r.kind === 'editorial')!
    expect(editorial.url).toBe(page)
    expect(editorial.sections[0]!.id).toBeUndefined()
    expect(editorial.sections[0]!.paragraphs.join('\n')).toContain('Off-the-Record Oval Office Conversation on Cuba')
    expect(editorial.sections.find((s) => s.id === 'intro-1')?.paragraphs[0]).toMatch(/^At 11 A\.M\. on Tuesday, November 13/)
    // The seed's two excisions (lines 232 and 370), each at its own id on the page.
    expect(editorial.sections.filter((s) => s.id?.startsWith('excision-')).map((s) => [s.id, s.paragraphs[0]])).toEqual([
      ['excision-1', 'Seven seconds excised as classified information.'],
      ['excision-2', 'One minute, thirty-seven seconds excised as classified information.'],
    ])
  })

  test('a turn is a section with its id and its time; the record carries the speaker and the labels', () => {
    const kennedy = turnRecord('President Kennedy')
    expect(kennedy.sections.find((s) => s.id === 't-05-03')).toMatchObject({ heading: '05:03' })
    expect(kennedy.sections.find((s) => s.id === 't-05-03')?.paragraphs[0]).toMatch(/^We've got the problem of whether/)
    const ball = turnRecord('George Ball')
    expect(ball.sections.length).toBe(5)
    expect(ball.labels).toEqual(['Ball'])
    // Ball's first turn has no printed time: estimated, after [03:35].
    expect(ball.sections.find((s) => s.id === 't-03-35-2')?.heading).toMatch(/^≈0[34]:\d\d$/)
    expect(turnRecord('Llewellyn Thompson').labels).toEqual(['Llewellyn Thompson', 'Thompson'])
    // The four unidentified voices are one record, apart from the people.
    const voices = turnRecord(UNIDENTIFIED)
    expect(voices.sections.length).toBe(4)
  })

  test('Pagefind keeps every section as an anchor at its heading, and its text is the passage', () => {
    expect(fragments.length).toBe(records.length)
    for (const record of records) {
      const fragment = fragments.find((f) => f.url === record.url)!
      expect(fragment.filters.transcript).toEqual([label])
      expect(fragment.filters.kind).toEqual([record.kind])
      expect(fragment.filters.speaker).toEqual(record.speaker ? [record.speaker] : undefined)
      expect(fragment.filters).toMatchObject({ page: ['1962-11-14-01181'], date: ['1962-11-14'], title: ['Off-the-Record Oval Office Conversation on Cuba'] })
      expect(fragment.filters.label).toEqual(record.labels)
      // Nothing in Pagefind's metadata, which it searches: a record is found by its passages' words only.
      expect(Object.keys(fragment.meta)).toEqual([])
      const sections = sectionsOf(fragment)
      expect(sections.map((s) => s.id)).toEqual(record.sections.map((s) => s.id))
      sections.forEach((section, i) => {
        expect(words(section.text)).toEqual(words(record.sections[i]!.paragraphs.join(' ')))
        if (record.sections[i]!.id) expect(section.heading).toBe(record.sections[i]!.heading)
      })
    }
  })

  test('the section table counts turns, notes and passages per facet value', () => {
    const all = countSections(tableTallies(decodeTable(table), undefined), { q: '', speaker: [], transcript: [], kind: [] })
    expect(all.counts.kind).toEqual({ turn: 146, footnote: 19, editorial: records.find((r) => r.kind === 'editorial')!.sections.length })
    expect(all.counts.speaker['George Ball']).toBe(5)
    expect(all.counts.speaker[UNIDENTIFIED]).toBe(4)
    expect(all.counts.transcript[label]).toBe(all.total)
    const ball = countSections(tableTallies(decodeTable(table), undefined), { q: '', speaker: ['George Ball'], transcript: [], kind: [] })
    expect(ball.total).toBe(5)
    // The speaker facet still counts every speaker (its own choice set aside); the kind facet only Ball's.
    expect(ball.counts.speaker['Dean Rusk']).toBe(all.counts.speaker['Dean Rusk'])
    expect(ball.counts.kind).toEqual({ turn: 5 })
  })

  test('every word of the JSON is in the records', () => {
    // Printed times are each turn's heading; labels the record's; footnote numbers the notes' headings.
    const indexed = records.flatMap((r) => [...(r.labels ?? []), ...r.sections.flatMap((s) => [s.heading, ...s.paragraphs])].flatMap(words))
    const have = counts(indexed)
    const stamps = json.blocks.flatMap((b) => (b.type === 'turn' ? b.timestamps.map((t) => t.label) : []))
    const missing = Object.keys(counts(jsonWords(json).filter((w) => !stamps.some((s) => words(s).includes(w))))).filter((word) => !(word in have))
    expect(missing).toEqual([])
    for (const block of json.blocks) {
      const texts = block.type === 'turn' ? block.paragraphs : [block.text]
      for (const text of texts) expect(records.some((r) => r.sections.some((s) => s.paragraphs.includes(text))), text.slice(0, 40)).toBe(true)
    }
  })

  test('markup and separators in the text stay text: the HTML is escaped, filter values whole', async () => {
    const hostile = { ...json, title: 'A <script>alert(1)</script>, "quoted": title \\ with, commas' }
    const ball = turnRecord('George Ball')
    const record = { ...ball, speaker: 'Ball, George: "the <b>elder</b>"', sections: [{ id: 't-1', heading: '00:01', paragraphs: ['<img src=x onerror=alert(1)> & more'] }] }
    const html = recordHtml(record, hostile, transcriptLabel(hostile))
    // Read back by Pagefind's HTML parser: had any markup got through, the values or the text would differ.
    const [fragment] = (await indexPages([{ url: record.url, content: html }])).fragments
    expect(fragment!.filters.speaker).toEqual([record.speaker])
    expect(fragment!.filters.transcript).toEqual([transcriptLabel(hostile)])
    expect(fragment!.filters.title).toEqual([hostile.title])
    expect(sectionsOf(fragment!)[0]).toEqual({ id: 't-1', heading: '00:01', text: '<img src=x onerror=alert(1)> & more' })
  })

  test('transcripts sharing a date and a title get their document ids in the facet', () => {
    const twin = { ...json, name: '1962-11-14-09999', id: '09999' }
    const labels = transcriptLabels([json, twin])
    expect(labels.get(json.name)).toBe('1962-11-14 · Off-the-Record Oval Office Conversation on Cuba · 01181')
    expect(labels.get(twin.name)).toBe('1962-11-14 · Off-the-Record Oval Office Conversation on Cuba · 09999')
  })
})
