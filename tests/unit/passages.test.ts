/**
 * How a passage is named to a reader (src/contract/passages.ts), the one wording of the search page and
 * the hub: by hand for each kind, then for passages of the seed as the search build writes them. Expected
 * names are read from the seed (content/transcripts/1962-11-14-01181.txt): Llewellyn Thompson's turn
 * printed `[00:35]` (line 32), President Kennedy's "Yeah." after it (no printed time: estimated), the
 * unidentified voice's "[Unclear] Cubans." (line 40), note 4 (the participants), the four introduction
 * paragraphs, the excision ("One minute, thirty-seven seconds excised") and the epilogue that follows it.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { transcriptRecord } from '../../src/build/search/records.ts'
import { KIND_NAMES, kindName, passageName, passageTime, passageTitle } from '../../src/contract/passages.ts'
import { UNIDENTIFIED_LABEL } from '../../src/contract/speakers.ts'
import { readShownTime, shownTime } from '../../src/contract/time.ts'
import { loadTranscript } from '../../src/core/load.ts'
import { excerptSpan } from '../../src/browser/search/result.ts'
import { seedPath } from '../support/paths.ts'

describe('a shown time read back', () => {
  test('printed and estimated times, with and without hours', () => {
    expect(readShownTime('05:03')).toEqual({ seconds: 303, estimated: false })
    expect(readShownTime('≈03:48')).toEqual({ seconds: 228, estimated: true })
    expect(readShownTime('≈1:02:03')).toEqual({ seconds: 3723, estimated: true })
    for (const [seconds, estimated] of [
      [0, false],
      [59, true],
      [3599, false],
      [3723, true],
    ] as const)
      expect(readShownTime(shownTime(seconds, estimated))).toEqual({ seconds, estimated })
  })
  test('a heading that is no time is none', () => {
    for (const word of ['§', '4', '', '≈', 'at 05:03', '05:03≈']) expect(readShownTime(word)).toBeUndefined()
  })
})

describe('passageName', () => {
  test('a turn by its speaker and time: `at` a printed time, `≈` an estimated one', () => {
    expect(passageName({ kind: 'turn', pageId: 't-05-03', speaker: 'George Ball', heading: '05:03' })).toEqual({
      name: 'George Ball',
      time: 'at 05:03',
    })
    expect(passageTitle({ kind: 'turn', pageId: 't-05-03-1', speaker: 'Dean Rusk', heading: '≈05:34' })).toBe(
      'Dean Rusk · ≈05:34',
    )
    expect(passageTime({ kind: 'turn', speaker: 'Dean Rusk', heading: '≈05:34' })).toEqual({ seconds: 334, estimated: true })
    // Every unidentified voice is one facet value, but each turn is one voice: not "Unidentified voices".
    expect(passageTitle({ kind: 'turn', speaker: UNIDENTIFIED_LABEL, heading: '≈00:48' })).toBe('Unidentified · ≈00:48')
    expect(passageName({ kind: 'turn', speaker: 'George Ball' })).toEqual({ name: 'George Ball' })
  })
  test('a note by its number; its number is no time', () => {
    expect(passageName({ kind: 'footnote', pageId: 'fn-4', heading: '4' })).toEqual({ name: 'Note 4' })
    expect(passageTime({ kind: 'footnote', pageId: 'fn-4', heading: '4' })).toBeUndefined()
  })
  test('editorial text by where it stands', () => {
    const named = (pageId?: string) => passageTitle({ kind: 'editorial', heading: '§', ...(pageId ? { pageId } : {}) })
    expect(named()).toBe('About this transcript')
    expect(named('intro-2')).toBe('Introduction')
    expect(named('epilogue-1')).toBe('Afterwards')
    expect(named('excision-1')).toBe('Excision')
    expect(named('direction-3')).toBe('Stage direction')
    expect(named('conversation-1')).toBe('Editorial note')
  })
  test('the kind facet’s names', () => {
    expect(Object.keys(KIND_NAMES).map(kindName)).toEqual(['Spoken turns', 'Notes', 'Editorial text'])
    expect(kindName('constructor')).toBe('constructor')
  })
})

describe('the seed’s passages, as the search build writes them, named', () => {
  const { json } = loadTranscript(readFileSync(seedPath), seedPath)
  const record = transcriptRecord(json)
  const title = (id: string | undefined) => {
    const section = record.sections.find((s) => s.id === id)
    expect(section, `a passage ${id}`).toBeDefined()
    const { kind, voice, heading } = section!
    return passageTitle({ kind, heading, pageId: id, speaker: voice === undefined ? undefined : record.voices.get(voice) })
  }
  test('turns, notes and editorial text', () => {
    expect(title('t-00-35')).toBe('Llewellyn Thompson · at 00:35')
    expect(title('t-00-35-1')).toMatch(/^President Kennedy · ≈00:\d\d$/)
    expect(title('t-00-35-4')).toMatch(/^Unidentified · ≈00:\d\d$/)
    expect(title('fn-4')).toBe('Note 4')
    expect(title(undefined)).toBe('About this transcript')
    for (const n of [1, 2, 3, 4]) expect(title(`intro-${n}`)).toBe('Introduction')
    expect(title('excision-1')).toBe('Excision')
    const afterwards = record.sections.filter((s) => s.id?.startsWith('epilogue-'))
    expect(afterwards.length).toBeGreaterThan(0)
    for (const section of afterwards) expect(title(section.id)).toBe('Afterwards')
  })
})

describe('excerptSpan', () => {
  test('eight words before the first match, thirty in all, within the passage', () => {
    expect(excerptSpan(100, 50)).toEqual({ from: 42, to: 72 })
    expect(excerptSpan(100, 3)).toEqual({ from: 0, to: 30 })
    expect(excerptSpan(12, 11)).toEqual({ from: 3, to: 12 })
    expect(excerptSpan(100, 50, 10)).toEqual({ from: 42, to: 52 })
  })
})
