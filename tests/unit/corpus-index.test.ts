/**
 * The search records (src/integrations/pagefind.ts) built from the seed's JSON: one per turn, note and
 * editorial passage, each URL unique (Pagefind keeps one record per URL) and landing on the passage's id,
 * the filters and meta as the search page reads them, and every word of the JSON in some record.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { transcriptLabels, transcriptRecords, UNIDENTIFIED } from '../../src/integrations/pagefind.ts'
import { loadTranscript } from '../../src/transcript/load.ts'
import { seedPath } from '../support/paths.ts'
import { counts, jsonWords, words } from '../support/words.ts'

const { json } = loadTranscript(readFileSync(seedPath), seedPath)
const records = transcriptRecords(json)
const byUrl = new Map(records.map((record) => [record.url, record]))
const page = '/1962-11-14-01181/'

describe('search records of the seed', () => {
  test('one record per turn, note and passage, each at its own URL', () => {
    const turns = records.filter((r) => r.filters?.kind?.[0] === 'turn')
    // Read from the seed: 146 `Label:` turns, 19 notes.
    expect(turns.length).toBe(146)
    expect(records.filter((r) => r.filters?.kind?.[0] === 'footnote').length).toBe(19)
    expect(byUrl.size).toBe(records.length)
    expect(byUrl.get(`${page}#fn-4`)?.content).toMatch(/^Including President Kennedy, George Ball/)
    expect(byUrl.get(`${page}#intro-1`)?.content).toMatch(/^At 11 A\.M\. on Tuesday, November 13/)
    expect(byUrl.get(`${page}#intro-1`)?.filters?.kind).toEqual(['editorial'])
    expect(byUrl.get(page)?.content).toContain('Off-the-Record Oval Office Conversation on Cuba')
    // The seed's two excisions (lines 232 and 370), each at its own id on the page.
    const excisions = records.filter((r) => r.meta?.title === 'Excision')
    expect(excisions.map((r) => r.content)).toEqual([
      'Seven seconds excised as classified information.',
      'One minute, thirty-seven seconds excised as classified information.',
    ])
    expect(excisions.map((r) => r.url)).toEqual([`${page}#excision-1`, `${page}#excision-2`])
  })

  test('a turn carries its speaker, transcript, kind, time and its fragment', () => {
    const turn = byUrl.get(`${page}#t-05-03`)!
    expect(turn.content).toMatch(/^We've got the problem of whether/)
    expect(turn.filters).toEqual({ speaker: ['President Kennedy'], transcript: ['1962-11-14 · Off-the-Record Oval Office Conversation on Cuba'], kind: ['turn'] })
    expect(turn.meta).toMatchObject({ speaker: 'President Kennedy', time: '05:03', date: '1962-11-14', transcript: 'Off-the-Record Oval Office Conversation on Cuba', kind: 'turn' })
    // Ball's first turn has no printed time: estimated, after [03:35].
    const ball = byUrl.get(`${page}#t-03-35-2`)!
    expect(ball.filters?.speaker).toEqual(['George Ball'])
    expect(ball.meta?.label).toBe('Ball')
    expect(ball.meta?.time).toMatch(/^≈0[34]:\d\d$/)
    // The seed's four `Unidentified` turns are one filter value, apart from the people.
    const voices = records.filter((r) => r.filters?.speaker?.[0] === UNIDENTIFIED)
    expect(voices.length).toBe(4)
    expect(voices.every((r) => r.meta?.speaker === 'Unidentified')).toBe(true)
  })

  test('every word of the JSON is in the records', () => {
    // Labels and printed times are the record's speaker and time, not its text; footnote numbers its title.
    const indexed = records.flatMap((r) => [...words(r.content), ...words(r.meta?.label ?? ''), ...words(r.meta?.title ?? '')])
    const have = counts(indexed)
    const stamps = json.blocks.flatMap((b) => (b.type === 'turn' ? b.timestamps.map((t) => t.label) : []))
    const missing = Object.entries(counts(jsonWords(json).filter((w) => !stamps.some((s) => words(s).includes(w)))))
      .filter(([word]) => !(word in have))
      .map(([word]) => word)
    expect(missing).toEqual([])
    for (const block of json.blocks) {
      const texts = block.type === 'turn' ? block.paragraphs : [block.text]
      for (const text of texts) expect(records.some((r) => r.content.includes(text)), text.slice(0, 40)).toBe(true)
    }
    for (const note of json.footnotes) expect(byUrl.get(`${page}#fn-${note.n}`)?.content).toBe(note.text)
  })

  test('transcripts sharing a date and a title get their document ids in the facet', () => {
    const twin = { ...json, name: '1962-11-14-09999', id: '09999' }
    const labels = transcriptLabels([json, twin])
    expect(labels.get(json.name)).toBe('1962-11-14 · Off-the-Record Oval Office Conversation on Cuba · 01181')
    expect(labels.get(twin.name)).toBe('1962-11-14 · Off-the-Record Oval Office Conversation on Cuba · 09999')
  })
})
