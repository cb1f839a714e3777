/**
 * The participants panel's, the timeline's and the speaker pages' data, computed at build time.
 * Seed counts are read from the raw file (one `Label:` line per turn): President Kennedy 47, Bundy 47 +
 * McGeorge Bundy 1, Rusk 16 + Dean Rusk 1, McNamara 11 + Robert McNamara 1, Thompson 8 + Llewellyn
 * Thompson 1, Ball 5 (lines 70, 74, 78, 294, 300), Sorensen 2 + Theodore Sorensen 1, Evelyn Lincoln 1
 * (line 366), Unidentified 4 (lines 40, 202, 224, 270): 146 turns.
 */
import { beforeAll, describe, expect, test } from 'vitest'
import { timelineLayout } from '../../src/collection/timeline-layout.ts'
import { neighbourWords, sortSpeakers, speakerAppearances } from '../../src/collection/speaker-index.ts'
import { voiceNumber } from '../../src/contract/speakers.ts'
import { countWords, formatShare, speakerGroups } from '../../src/collection/speakers.ts'
import { readTranscript } from '../../src/build/prepare/transcript-files.ts'
import type { TranscriptJson, TurnJson } from '../../src/core/schema.ts'
import { seedPath } from '../support/paths.ts'

type Voice = { id: string; name: string; kind?: 'person' | 'unidentified' }

/** A transcript with the given turns: [speaker, text, start, end, estimated]. */
function transcript(
  name: string,
  date: string,
  voices: Voice[],
  turns: Array<[string, string, number, number, boolean?]>,
): TranscriptJson {
  const byId = new Map(voices.map((voice) => [voice.id, voice]))
  return {
    name,
    id: name.slice(-5),
    date,
    title: `Meeting ${name}`,
    status: null,
    citation: { title: `Meeting ${name}`, status: 'unstated', editors: [], site: { title: 'Transcript Reader', editors: [] } },
    dateLine: null,
    time: null,
    metadata: { id: { value: name.slice(-5), from: 'text' }, date: { value: date, from: 'text' } },
    speakers: voices.map((voice) => ({ id: voice.id, name: voice.name, labels: [voice.name], kind: voice.kind ?? 'person' })),
    blocks: turns.map(
      ([speaker, text, start, end, estimated = false], index): TurnJson => ({
        type: 'turn',
        id: `t-x-${index + 1}`,
        speaker: { id: speaker, name: byId.get(speaker)!.name, label: byId.get(speaker)!.name },
        timestamps: [],
        paragraphs: [text],
        footnotes: [],
        editorial: [],
        time: { start, end, estimated },
      }),
    ),
    footnotes: [],
    diagnostics: [],
  }
}

const ann = { id: 'ann-lee', name: 'Ann Lee' }
const bob = { id: 'bob-ray', name: 'Bob Ray' }
const voice = (n: number): Voice => ({ id: `unidentified-${n}`, name: 'Unidentified', kind: 'unidentified' })

describe('speaker groups (the participants panel)', () => {
  let seed: TranscriptJson
  beforeAll(async () => {
    seed = (await readTranscript(seedPath)).json
  })

  test('the seed: turns per person, and its four unidentified voices as one group, not a person', () => {
    const groups = speakerGroups(seed)
    const turns = Object.fromEntries(groups.map((group) => [group.key, group.turns]))
    expect(turns).toEqual({
      'president-kennedy': 47,
      'mcgeorge-bundy': 48,
      'dean-rusk': 17,
      'robert-mcnamara': 12,
      'llewellyn-thompson': 9,
      'george-ball': 5,
      'theodore-sorensen': 3,
      'evelyn-lincoln': 1,
      unidentified: 4,
    })
    const voices = groups.find((group) => group.key === 'unidentified')!
    expect(voices).toMatchObject({ name: 'Unidentified voices', kind: 'unidentified' })
    expect(voices.ids).toEqual(['unidentified-1', 'unidentified-2', 'unidentified-3', 'unidentified-4'])
    expect(groups.at(-1), 'the unidentified voices come last').toBe(voices)
    expect(groups.filter((group) => group.kind === 'person').every((group) => group.ids.length === 1)).toBe(true)
    const shares = groups.reduce((sum, group) => sum + group.share, 0)
    expect(shares).toBeCloseTo(1, 10)
  })

  test('share of words: words are runs of non-space characters, over all turns', () => {
    const data = transcript(
      'a',
      '1960-01-01',
      [ann, bob, voice(1)],
      [
        ['ann-lee', 'one two three', 0, 1],
        ['bob-ray', 'four', 1, 2],
        ['ann-lee', '[unclear] five  six\tseven', 2, 3],
        ['unidentified-1', 'eight nine', 3, 4],
      ],
    )
    // Ann 3 + 4 = 7 words, Bob 1, the unidentified voice 2: 10 in all.
    expect(speakerGroups(data).map((group) => [group.key, group.turns, group.words, group.share])).toEqual([
      ['ann-lee', 2, 7, 0.7],
      ['bob-ray', 1, 1, 0.1],
      ['unidentified', 1, 2, 0.2],
    ])
    expect(countWords({ paragraphs: ['  ', 'a b', 'c'] })).toBe(3)
  })

  test('shares as percentages, never 0% for a voice that spoke', () => {
    expect(formatShare(0.314)).toBe('31%')
    expect(formatShare(0.995)).toBe('100%')
    expect(formatShare(0.004)).toBe('<1%')
    expect(formatShare(0.005)).toBe('1%')
    expect(formatShare(0)).toBe('0%')
  })
})

describe('timeline layout', () => {
  test('a bar per turn, in reading order, as wide as its words, on its speaker’s row; printed times as ticks', () => {
    const data = transcript(
      'a',
      '1960-01-01',
      [ann, voice(1), bob, voice(2)],
      [
        ['ann-lee', 'one two three', 0, 30, false],
        ['unidentified-1', 'four five', 30, 95, true],
        ['bob-ray', 'six', 95, 96, false],
        ['unidentified-2', 'seven eight nine ten', 96, 150, true],
        ['ann-lee', 'eleven', 150, 179, true],
      ],
    )
    const layout = timelineLayout(data)
    // 3 + 2 + 1 + 4 + 1 = 11 words; minimum width 11 / 200 words.
    expect(layout.domain).toBe(11)
    expect(layout.rows.map((row) => [row.group.key, row.bars.map((bar) => bar.turnId)])).toEqual([
      ['ann-lee', ['t-x-1', 't-x-5']],
      ['bob-ray', ['t-x-3']],
      ['unidentified', ['t-x-2', 't-x-4']],
    ])
    expect(layout.bars.map((bar) => [bar.turnId, bar.number, bar.x, bar.width, bar.time])).toEqual([
      ['t-x-1', 1, 0, 3, '00:00'],
      ['t-x-2', 2, 3, 2, '≈00:30'],
      ['t-x-3', 3, 5, 1, '01:35'],
      ['t-x-4', 4, 6, 4, '≈01:36'],
      ['t-x-5', 5, 10, 1, '≈02:30'],
    ])
    // Only printed times are ticks: 00:00 at word 0, 01:35 at word 5 (5 / 11 of the axis apart: more than a label).
    expect(layout.ticks).toEqual([
      { at: 0, label: '00:00', end: false },
      { at: 5, label: '01:35', end: false },
    ])
    expect([layout.printed, layout.timed]).toEqual([2, 5])
    expect(layout.bars.map((bar) => bar.group.key)).toEqual(['ann-lee', 'unidentified', 'bob-ray', 'unidentified', 'ann-lee'])
  })

  test('a transcript that gives no times: bars in order and share, no time anywhere, no tick', () => {
    const data = transcript(
      'a',
      '1960-01-01',
      [ann, bob],
      [
        ['ann-lee', 'a b', 0, 0],
        ['bob-ray', '', 0, 0],
      ],
    )
    for (const block of data.blocks) if (block.type === 'turn') block.time = null
    const layout = timelineLayout(data)
    expect(layout.ticks).toEqual([])
    expect([layout.printed, layout.timed]).toEqual([0, 0])
    // A turn with no words is widened to the minimum (2 / 200) and kept inside the axis.
    expect(layout.bars.map((bar) => [bar.x, bar.width, bar.time])).toEqual([
      [0, 2, undefined],
      [2 - 0.01, 0.01, undefined],
    ])
  })

  test('the seed: 146 bars, each inside the axis, every turn once; ticks only at printed times', async () => {
    const { json } = await readTranscript(seedPath)
    const layout = timelineLayout(json)
    expect(layout.bars).toHaveLength(146)
    expect(new Set(layout.bars.map((bar) => bar.turnId)).size).toBe(146)
    expect(layout.rows.reduce((sum, row) => sum + row.bars.length, 0)).toBe(146)
    for (const bar of layout.bars) {
      expect(bar.x).toBeGreaterThanOrEqual(0)
      expect(bar.x + bar.width).toBeLessThanOrEqual(layout.domain)
      expect(bar.width).toBeGreaterThan(0)
    }
    // 15 turns open with a printed time (lines 32, 64, 86, 94, 106, 120, 130, 142, 170, 178, 198, 234, 260,
    // 302, 307); the [03:01] at line 62 stands inside a turn.
    expect(layout.printed).toBe(15)
    const printed = [
      '00:35',
      '03:35',
      '05:03',
      '05:48',
      '06:24',
      '07:24',
      '08:25',
      '09:41',
      '10:52',
      '11:14',
      '11:59',
      '13:37',
      '14:14',
      '15:19',
      '15:37',
    ]
    for (const tick of layout.ticks) expect(printed).toContain(tick.label)
    expect(layout.ticks[0]).toEqual({ at: 0, label: '00:35', end: false })
    // No two labels overlap: each takes 0.16 of the axis, to the right of its mark or, near the end, to the left.
    const spans = layout.ticks.map((tick) => {
      const from = tick.at / layout.domain - (tick.end ? 0.16 : 0)
      return [from, from + 0.16] as const
    })
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1])
    // Line 86 of the seed: `President Kennedy: [05:03] We've got the problem…`, a printed start.
    expect(layout.bars.find((bar) => bar.turnId === 't-05-03')).toMatchObject({
      time: '05:03',
      group: { key: 'president-kennedy' },
    })
    // The turns after the last printed time, [15:37] at line 307, have none: the first of them is line 309.
    const last = layout.bars.findIndex((bar) => bar.turnId === 't-15-37')
    expect(layout.bars[last + 1]!.time).toBeUndefined()
    expect(layout.bars.slice(last + 1).every((bar) => bar.time === undefined)).toBe(true)
    expect(layout.bars.slice(0, last + 1).every((bar) => bar.time !== undefined)).toBe(true)
  })
})

describe('speaker index (the speaker pages)', () => {
  const early = transcript(
    '1961-01-01-00001',
    '1961-01-01',
    [bob, voice(1), ann],
    [
      ['bob-ray', 'a', 0, 1],
      ['unidentified-1', 'b', 1, 2],
      ['ann-lee', 'c', 2, 3],
      ['bob-ray', 'd', 3, 4],
    ],
  )
  const late = transcript(
    '1962-01-01-00002',
    '1962-01-01',
    [ann, voice(1), voice(2)],
    [
      ['unidentified-1', 'e', 0, 1],
      ['ann-lee', 'f', 1, 2],
      ['unidentified-2', 'g', 2, 3],
    ],
  )

  test('a neighbouring turn: its last 15 words before the speaker’s turn, its first 15 after, across paragraphs', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `w${i + 1}`)
    const paragraphs = [twenty.slice(0, 8).join(' '), twenty.slice(8).join('  ')]
    expect(neighbourWords(paragraphs, 'before')).toEqual({
      words: '… w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20',
      cut: true,
    })
    expect(neighbourWords(paragraphs, 'after')).toEqual({
      words: 'w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 …',
      cut: true,
    })
    // Fifteen words are the whole turn: nothing cut.
    expect(neighbourWords([twenty.slice(0, 15).join(' ')], 'before')).toEqual({
      words: twenty.slice(0, 15).join(' '),
      cut: false,
    })
  })

  test('a printed ellipsis (`. . .`) is one word: never cut in two, so no `. .` the transcript does not print', () => {
    // The seed's house style spaces its ellipses: `morning . . . he was not encouraging`.
    const fourteen = Array.from({ length: 14 }, (_, i) => `w${i + 1}`)
    const after = [`${fourteen.join(' ')} . . . w15 w16`]
    expect(neighbourWords(after, 'after')).toEqual({ words: `${fourteen.join(' ')} . . . …`, cut: true })
    const before = [`w0 w1 . . . ${fourteen.join(' ')}`]
    expect(neighbourWords(before, 'before')).toEqual({ words: `… . . . ${fourteen.join(' ')}`, cut: true })
    // Fifteen words with the ellipsis as one: nothing cut.
    expect(neighbourWords([`${fourteen.join(' ')} . . .`], 'after')).toEqual({ words: `${fourteen.join(' ')} . . .`, cut: false })
    // Its first dot on the word before (`said. . .`), and a line break inside it: one word still, spaced as printed.
    expect(neighbourWords([`w0 said. . . ${fourteen.join(' ')}`], 'before')).toEqual({
      words: `… said. . . ${fourteen.join(' ')}`,
      cut: true,
    })
    expect(neighbourWords([`${fourteen.join(' ')} .\n. . w15`], 'after')).toEqual({
      words: `${fourteen.join(' ')} . . . …`,
      cut: true,
    })
  })

  test('one transcript: each speaker’s turns, in its exchange (the turn before and after); unidentified voices apart', () => {
    const byKey = (data: TranscriptJson) => new Map(speakerAppearances(data).map((a) => [a.key, a]))
    const ann = byKey(early).get('ann-lee')!
    // Each neighbour by its words: t-x-2 says `b`, t-x-4 `d`.
    expect(ann.turns.map((turn) => [turn.id, turn.before?.words, turn.before?.name, turn.after?.words])).toEqual([
      ['t-x-3', 'b', 'Unidentified', 'd'],
    ])
    expect(ann.turns[0]!.after).toEqual({ name: 'Bob Ray', words: 'd', cut: false })
    // The first turn has no turn before it, the last none after.
    const bob = byKey(early).get('bob-ray')!
    expect(bob.turns.map((turn) => [turn.before?.words ?? null, turn.after?.words ?? null])).toEqual([
      [null, 'b'],
      ['c', null],
    ])
    const voices = byKey(late).get('unidentified')!
    expect(voices.name).toBe('Unidentified voices')
    expect(voices.turns.map((turn) => turn.speaker.id)).toEqual(['unidentified-1', 'unidentified-2'])
    // Two turns under the generic `Unidentified`: one voice or two, the transcript does not say.
    expect(voices.voices).toEqual({ voices: 1, exact: false })
    expect(sortSpeakers([...speakerAppearances(late), ...speakerAppearances(early)]).map((a) => a.key)).toEqual([
      'ann-lee',
      'ann-lee',
      'bob-ray',
      'unidentified',
      'unidentified',
    ])
    expect(voiceNumber('unidentified-12')).toBe('12')
  })

  test('a person whose id would take the unidentified voices’ address is refused', () => {
    const clash = transcript('x', '1960-01-01', [{ id: 'unidentified', name: 'Unidentified' }], [['unidentified', 'a', 0, 1]])
    expect(() => speakerAppearances(clash)).toThrow(/unidentified voices' page/)
  })
})
