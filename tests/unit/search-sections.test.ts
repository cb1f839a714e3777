/**
 * From Pagefind's word positions to sections (src/contract/sections.ts) and counts
 * (src/browser/search/counts.ts; a record's sections read back by tests/support/section-tables.ts), on
 * small hand-made records.
 */
import { describe, expect, test } from 'vitest'
import { countSections, decodePositions, EDITORIAL, encodePositions, NOTE } from '../../src/browser/search/counts.ts'
import { decodeTable, tableTallies, type SectionTable } from '../support/section-tables.ts'
import { anchorId, matchingSections, parseAnchorId, sectionsOf, termPositions } from '../../src/contract/sections.ts'

const none = { q: '', speaker: [], transcript: [], kind: [] }

describe('search sections', () => {
  test('positions round-trip through the table encoding', () => {
    for (const positions of [[], [0], [0, 7, 8, 300, 46_655, 46_656, 1_000_000]])
      expect(decodePositions(encodePositions(positions))).toEqual(positions)
    expect(encodePositions([0, 36, 37])).toBe('0.10.1')
  })

  test("a section matches when every unit has a word in it; a heading word is not its section's", () => {
    // Headings at 0, 5 and 9: sections [1-4], [6-8], [10-…].
    const headings = [0, 5, 9]
    expect(matchingSections(headings, [])).toEqual([0, 1, 2])
    expect(matchingSections(headings, [[2, 7]])).toEqual([0, 1])
    expect(
      matchingSections(headings, [
        [2, 7],
        [8, 12],
      ]),
    ).toEqual([1])
    expect(matchingSections(headings, [[5]]), 'the heading word of section 1').toEqual([])
    expect(matchingSections(headings, [[40]])).toEqual([2])
    // Words before the first heading are a section of their own (a transcript's header lines).
    expect(matchingSections([4, 9], [[0], [3]])).toEqual([0])
    expect(matchingSections([4, 9], [])).toEqual([0, 1, 2])
    expect(matchingSections([], [[3]])).toEqual([0])
  })

  test("sections take their text from Pagefind's content, between the anchors, and their kind and speaker from the ids", () => {
    // No `voice` filter here: a speaker's name falls back to their key.
    const fragment = {
      content: 'Header line. 00:01. we could— second line 00:02. third § last words',
      anchors: [
        { element: 'h2', id: 't.george-ball~a', text: '00:01', location: 2 },
        { element: 'h2', id: 'n~b', text: '00:02', location: 7 },
        { element: 'h2', id: 'e~c', text: '§', location: 9 },
        { element: 'span', id: 'not-a-heading', text: 'x', location: 8 },
      ],
    }
    expect(sectionsOf(fragment)).toEqual([
      { kind: 'editorial', text: 'Header line.' },
      { id: 'a', kind: 'turn', voice: 'george-ball', speaker: 'george-ball', heading: '00:01', text: 'we could— second line' },
      { id: 'b', kind: 'footnote', heading: '00:02', text: 'third' },
      { id: 'c', kind: 'editorial', heading: '§', text: 'last words' },
    ])
    // Ids round-trip, whatever the speaker's key holds.
    for (const [kind, id, voice] of [
      ['turn', 't-05-03', 'a.b~c d'],
      ['footnote', 'fn-2-x2', undefined],
      ['editorial', 'intro-1', undefined],
    ] as const) {
      expect(parseAnchorId(anchorId(kind, id, voice))).toEqual({ kind, voice, pageId: id })
    }
  })

  test('each matched position goes to the free word it stands for', () => {
    const content = '00:01. The quarantined ships, the quarantine line. 00:02. Castro’s theory'
    // Pagefind matched "the" (and words starting with it), "quarantine" (and its stem) and "castro".
    const positions = [1, 2, 4, 5, 8, 9]
    expect(termPositions(content, positions, ['the', 'quarantine', 'castro'])).toEqual([[1, 4, 9], [2, 5], [8]])
    expect(termPositions(content, positions, ['quarantine'])).toEqual([positions])
    // A stem the prefix rule misses ("skies" for "sky"): the position goes to the term left without any.
    expect(termPositions('clear skies over the bay', [1, 3], ['sky', 'the'])).toEqual([[1], [3]])
    // One printed word holding two terms counts for both.
    expect(termPositions('"><svg/onload=alert(1)> and', [0, 1], ['svg', 'onload'])).toEqual([[0], [0]])
  })

  test("counts: each facet value as if that facet's own choices were not made", () => {
    const table: SectionTable = {
      values: { speaker: ['Ball', 'Rusk'], transcript: ['T1', 'T2'], kind: ['turn', 'footnote', 'editorial'] },
      records: {
        // T1: turns by Ball, Ball, Rusk, Ball, Rusk at 0, 10, 20, 30, 40.
        a: [0, encodePositions([0, 10, 20, 30, 40]), '0.0.1.0.1'],
        // T2: header lines (words 0–4), a turn by Ball at 5, notes at 10 and 13.
        b: [1, encodePositions([5, 10, 13]), `0.${NOTE}.${NOTE}`],
      },
    }
    const rows = decodeTable(table)
    const all = countSections(tableTallies(rows, undefined), none)
    expect(all.total).toBe(9)
    expect(all.counts).toEqual({
      speaker: { Ball: 4, Rusk: 2 },
      transcript: { T1: 5, T2: 4 },
      kind: { turn: 6, footnote: 2, editorial: 1 },
    })

    const ballInT2 = countSections(tableTallies(rows, undefined), { ...none, speaker: ['Ball'], transcript: ['T2'] })
    expect(ballInT2.total).toBe(1)
    expect(ballInT2.counts).toEqual({ speaker: { Ball: 1 }, transcript: { T1: 3, T2: 1 }, kind: { turn: 1 } })

    // A word at 12 (Ball's second turn in T1), at 2 (T2's header) and at 11 (T2's first note).
    const matches = new Map([
      ['a', [[12]]],
      ['b', [[2, 11]]],
    ])
    const found = countSections(tableTallies(rows, matches), none)
    expect(found.total).toBe(3)
    expect(found.counts).toEqual({
      speaker: { Ball: 1 },
      transcript: { T1: 1, T2: 2 },
      kind: { turn: 1, editorial: 1, footnote: 1 },
    })
  })

  test('speakers numbered past 13 are never taken for notes or editorial text', () => {
    const speaker = Array.from({ length: 40 }, (_, i) => `Speaker ${i}`)
    // Speakers 14 and 23 are `e` and `n` in base 36.
    const table: SectionTable = {
      values: { speaker, transcript: ['T'], kind: [] },
      records: { a: [0, encodePositions([0, 5, 9, 12]), `e.n.${NOTE}.${EDITORIAL}`] },
    }
    const counted = countSections(tableTallies(decodeTable(table), undefined), none)
    expect(counted.counts.speaker).toEqual({ 'Speaker 14': 1, 'Speaker 23': 1 })
    expect(counted.counts.kind).toEqual({ turn: 2, footnote: 1, editorial: 1 })
  })
})
