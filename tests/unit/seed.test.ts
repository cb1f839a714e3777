/**
 * The seed, read closely: the facts below come from reading content/transcripts/1962-11-14-01181.txt
 * (line numbers in the comments), and hold for every way the same text can be stored.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { loadTranscript } from '../../src/core/load.ts'
import type { TranscriptJson, TurnJson } from '../../src/core/schema.ts'
import { seedPath } from '../support/paths.ts'
import { counts, jsonWords, words } from '../support/words.ts'

const raw = readFileSync(seedPath, 'utf8')
const variants: Record<string, string> = {
  'as published (LF)': raw,
  'CRLF line ends and a byte-order mark': `\uFEFF${raw.replace(/\n/g, '\r\n')}`,
  'lone CR line ends': raw.replace(/\n/g, '\r'),
  'trailing spaces and tabs': raw.replace(/\n/g, ' \t\n'),
}

const turns = (json: TranscriptJson) => json.blocks.filter((block): block is TurnJson => block.type === 'turn')

describe.each(Object.entries(variants))('the seed, %s', (_, text) => {
  const { json } = loadTranscript(text, seedPath)
  const reference = loadTranscript(raw, seedPath).json

  test('gives the same JSON as the published file', () => {
    expect(json).toEqual(reference)
  })

  test('reads the header (lines 3–12)', () => {
    expect(json.id).toBe('01181')
    expect(json.date).toBe('1962-11-14')
    expect(json.status).toBe(
      'This is a draft transcript subject to additional review and emendation before publication in Presidential Recordings: John F. Kennedy, Volume 4, Timothy Naftali and David Coleman, eds.',
    )
    expect(json.dateLine).toBe('Wednesday, November 14, 1962')
    expect(json.time).toBe('5:45 to 6:02 P.M. approx.')
    expect(json.title).toBe('Off-the-Record Oval Office Conversation on Cuba')
  })

  test('finds 146 turns, 2 excisions, 1 direction, 4 introduction and 3 epilogue paragraphs', () => {
    const byType = counts(json.blocks.map((block) => (block.type === 'paragraph' ? block.section : block.type)))
    expect(byType).toEqual({ introduction: 4, heading: 1, turn: 146, excision: 2, direction: 1, epilogue: 3 })
  })

  test('resolves speakers: surnames to full names, Ball from the participants note, Unidentified kept apart', () => {
    const people = Object.fromEntries(json.speakers.map((speaker) => [speaker.id, speaker.name]))
    expect(people).toMatchObject({
      'mcgeorge-bundy': 'McGeorge Bundy',
      'george-ball': 'George Ball',
      'president-kennedy': 'President Kennedy',
      'robert-mcnamara': 'Robert McNamara',
      'evelyn-lincoln': 'Evelyn Lincoln',
    })
    const unidentified = json.speakers.filter((speaker) => speaker.kind === 'unidentified')
    expect(unidentified.map((speaker) => speaker.id)).toEqual([
      'unidentified-1',
      'unidentified-2',
      'unidentified-3',
      'unidentified-4',
    ])
    const ballTurns = turns(json).filter((turn) => turn.speaker.label === 'Ball')
    expect(ballTurns).toHaveLength(5) // lines 70, 74, 78, 294, 300
    expect(new Set(ballTurns.map((turn) => turn.speaker.id))).toEqual(new Set(['george-ball']))
  })

  test('joins the paragraphs that footnote blocks cut in mid-sentence (lines 20/28, 52/56)', () => {
    const intro = json.blocks.filter((block) => block.type === 'paragraph' && block.section === 'introduction')
    expect(intro.at(-1)).toMatchObject({ text: expect.stringContaining('Bundy, Ball, and Thompson met downstairs') })
    const rusk = turns(json).find((turn) => turn.paragraphs[0]?.startsWith('Well, it seems to me that we ought go back'))!
    expect(rusk.paragraphs).toHaveLength(2)
    expect(rusk.paragraphs[0]).toContain('between the two of us we ought to be able to ensure that what we')
    expect(rusk.paragraphs[1]).toBe(
      'And secondly, it seems to me we ought to review this point of performance and non-performance.',
    )
  })

  test('places timestamps at turn starts and continuation paragraphs (lines 32, 62)', () => {
    const all = turns(json).flatMap((turn) => turn.timestamps.map((t) => t.label))
    expect(all).toEqual([
      '00:35',
      '03:01',
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
    ])
    const first = turns(json)[0]!
    expect(first).toMatchObject({ id: 't-00-35', speaker: { name: 'Llewellyn Thompson', label: 'Llewellyn Thompson' } })
    expect(first.paragraphs).toEqual(['[Unclear] Castro, with the Cubans.'])
    const withContinuation = turns(json).find((turn) => turn.timestamps.some((t) => t.label === '03:01'))!
    expect(withContinuation.speaker.label).toBe('Rusk')
    expect(withContinuation.timestamps).toEqual([{ label: '03:01', seconds: 181 }])
    expect(withContinuation.paragraphs[1]).toMatch(/^As far as safeguards are concerned/)
  })

  test('keeps footnote markers followed by punctuation (line 282) and lists every note in order', () => {
    const election = turns(json).find((turn) => turn.paragraphs[0]?.includes('a victory for peace'))!
    expect(election.footnotes).toEqual([14])
    expect(election.paragraphs[0]).toContain('this election, rather than')
    expect(json.footnotes.map((note) => note.n)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1))
    expect(json.footnotes.filter((note) => !note.referenced).map((note) => note.n)).toEqual([9])
  })

  test('warns about the unreferenced footnote 9 at its line, and about nothing else', () => {
    expect(json.diagnostics).toEqual([
      {
        severity: 'warning',
        rule: 'footnote-unreferenced',
        message: expect.stringContaining('Footnote 9'),
        line: 184,
        column: 1,
      },
    ])
  })

  test('classifies editorial marks, with the conjecture on line 368', () => {
    const lincoln = turns(json).find((turn) => turn.speaker.id === 'evelyn-lincoln')!
    expect(lincoln.editorial).toEqual([{ kind: 'direction', text: '[to the President]' }])
    const conjecture = turns(json)
      .flatMap((turn) => turn.editorial)
      .filter((mark) => mark.conjecture)
    expect(conjecture).toEqual([{ kind: 'unclear', text: '[unclear: on this]', conjecture: 'on this' }])
    const excisions = json.blocks.filter((block) => block.type === 'excision')
    expect(excisions.map((block) => block.seconds)).toEqual([7, 97])
  })

  test('loses no word: the word multiset of the source equals that of the JSON', () => {
    expect(counts(jsonWords(json))).toEqual(counts(words(text)))
  })
})
