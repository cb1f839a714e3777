/**
 * Three transcriptions of one meeting (Nixon, Haldeman and Dean, 15 September 1972), as archives hold them:
 * the House Judiciary Committee staff's (A), the special prosecutor's trial exhibit (B), a re-keyed White
 * House text (C). Copies of ../shared/witnesses/ (public domain; its README beside them), byte-identical,
 * with no seed header. The counts below were made by reading the files: every turn is a line that opens
 * with its label, so `grep -cE '^LABEL: |^LABEL:$'` counts them, checked by eye against the text.
 * Their whole JSON is checked by fixtures.test.ts; this says what matters in it.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { withoutPositions } from '../../scripts/lib/hostile-inputs.ts'
import { loadTranscript } from '../../src/core/load.ts'
import { parseString } from '../../src/core/parse/index.ts'
import type { TranscriptJson, TurnJson } from '../../src/core/schema.ts'
import { serialize } from '../../src/core/serialize.ts'
import { fixtures } from '../support/paths.ts'
import { counts, jsonWords, words } from '../support/words.ts'

const path = (copy: string) => `${fixtures}parse/nixon-1972-09-15-${copy}.txt`
const load = (copy: string) => {
  const raw = readFileSync(path(copy), 'utf8')
  const { tree, json } = loadTranscript(raw, path(copy))
  return { raw, tree, json }
}
const turns = (json: TranscriptJson) => json.blocks.filter((block): block is TurnJson => block.type === 'turn')
const errors = (json: TranscriptJson) => json.diagnostics.filter((d) => d.severity === 'error')
const furniture = (json: TranscriptJson) => [
  ...json.blocks.filter((block) => block.type === 'pageFurniture'),
  ...turns(json).flatMap((turn) => turn.furniture ?? []),
]

/** The JSON's text in reading order: heading, paragraphs, furniture where it stood, each turn as `LABEL: words`. */
function plainText(json: TranscriptJson): string {
  const parts: string[] = []
  for (const block of json.blocks) {
    if (block.type !== 'turn') {
      parts.push(block.text)
      continue
    }
    const shown = block.paragraphs.map((paragraph, index) => [
      ...(block.furniture ?? []).filter((item) => item.before === index).map((item) => item.text),
      paragraph,
    ])
    const after = (block.furniture ?? []).filter((item) => item.before === block.paragraphs.length).map((item) => item.text)
    parts.push(`${block.speaker.label}:`, ...shown.flat(), ...after)
  }
  parts.push(...json.footnotes.map((note) => note.text))
  return parts.join(' ')
}

describe.each(['A', 'B', 'C'])('witness %s', (copy) => {
  const { raw, tree, json } = load(copy)

  test('the JSON holds every word of the file, as many times', () => {
    expect(counts(jsonWords(json))).toEqual(counts(words(raw)))
  })

  test('the raw round trip gives the same tree', () => {
    const again = parseString(serialize(tree), path(copy)).tree
    expect(withoutPositions(again)).toEqual(withoutPositions(tree))
  })

  test('parses with no error, and says nothing is missing but what is', () => {
    expect(errors(json)).toEqual([])
    expect(json.diagnostics.map((d) => d.rule)).not.toContain('undated')
  })

  test('no word lost: every whitespace-separated token of the file is in the JSON’s text, in order', () => {
    const text = plainText(json)
    let from = 0
    const missing: string[] = []
    for (const token of raw.split(/\s+/).filter(Boolean)) {
      const at = text.indexOf(token, from)
      if (at === -1) missing.push(token)
      else from = at + token.length
    }
    expect(missing).toEqual([])
  })

  test('the date and time come from the heading, as printed; the id is the file’s name', () => {
    expect(json.date).toBe('1972-09-15')
    expect(json.metadata.date).toMatchObject({ value: '1972-09-15', from: 'text', in: 'heading' })
    expect(json.metadata.id).toEqual({ value: `nixon-1972-09-15-${copy}`, from: 'name' })
  })
})

describe('A: the House Judiciary Committee staff (1974)', () => {
  const { json } = load('A')

  test('413 turns: PRESIDENT 168, DEAN 144, HALDEMAN 100, UNIDENTIFIED 1 (two of them empty: lines 183 and 392)', () => {
    expect(counts(turns(json).map((turn) => turn.speaker.label))).toEqual({
      PRESIDENT: 168,
      DEAN: 144,
      HALDEMAN: 100,
      UNIDENTIFIED: 1,
    })
    expect(json.diagnostics.filter((d) => d.rule === 'empty-turn').map((d) => d.line)).toEqual([183, 392])
  })

  test('its heading, glued as the PDF gave it (`STAFFFOR THEHOUSE`), is the heading, kept whole, its facts read', () => {
    const heading = json.blocks[0]!
    expect(heading).toMatchObject({ type: 'heading' })
    expect(
      heading.type === 'heading' && heading.text.startsWith('TRANSCRIPT PREPARED BY THE IMPEACHMENT INQUIRY STAFFFOR THEHOUSE'),
    ).toBe(true)
    expect(json.metadata.heading).toBe('judiciary')
    // The heading says 5:24, not 5:27 (line 1): what is printed is what is read.
    expect(json.metadata.time).toMatchObject({ value: { start: '17:24', end: '18:17' }, printed: '5:24 to 6:17 P.M.' })
    expect(json.metadata.participants?.value).toEqual(['THE PRESIDENT', 'H.R. HALDEMAN', 'JOHN DEAN'])
  })

  test('35 page numbers (`-2-`, `--3-`) and the note on quotation marks (line 9) are furniture, not speech', () => {
    const found = furniture(json)
    expect(found.filter((item) => item.kind === 'pageNumber')).toHaveLength(35)
    expect(found.filter((item) => item.kind === 'note').map((item) => item.text)).toEqual([
      '_______________*The quotation marks used in this transcriptare for convenience and do not indicateverbatim quotation by the speaker.',
    ])
    for (const turn of turns(json)) for (const paragraph of turn.paragraphs) expect(paragraph).not.toMatch(/^-+\d+-+$/)
  })

  test('a line after a page number continues the turn before it (lines 46–48)', () => {
    const turn = turns(json).find((t) => t.paragraphs[0]?.endsWith('takes the edge off whitewash'))!
    expect(turn.paragraphs[1]).toBe('really -- which -- that was the thing Mitchell kept saying that,')
    expect(turn.furniture).toEqual([{ type: 'pageFurniture', kind: 'pageNumber', text: '-4-', page: '4', before: 1 }])
  })

  test('names only as the heading prints them: HALDEMAN is H.R. HALDEMAN, DEAN is JOHN DEAN, PRESIDENT stays as printed', () => {
    expect(json.speakers.map((s) => [s.name, s.labels])).toEqual([
      ['PRESIDENT', ['PRESIDENT']],
      ['H.R. HALDEMAN', ['HALDEMAN']],
      ['JOHN DEAN', ['DEAN']],
      ['UNIDENTIFIED', ['UNIDENTIFIED']],
    ])
  })
})

describe('B: the special prosecutor’s trial exhibit (1974)', () => {
  const { json } = load('B')

  test('388 turns: PRESIDENT 153, DEAN 148, HALDEMAN 86, UNIDENTIFIED 1', () => {
    expect(counts(turns(json).map((turn) => turn.speaker.label))).toEqual({
      PRESIDENT: 153,
      DEAN: 148,
      HALDEMAN: 86,
      UNIDENTIFIED: 1,
    })
    expect(turns(json)[0]).toMatchObject({ speaker: { label: 'DEAN' }, paragraphs: ['Yes sir.'] })
  })

  test('the heading over three lines (with `(FIRST INSTALLMENT)`) is one heading; its facts read', () => {
    expect(json.blocks[0]).toMatchObject({
      type: 'heading',
      text: 'TRANSCRIPT OF A RECORDING OF A MEETINGAMONG THE PRESIDENT, H.R.HALDEMAN,AND JOHN DEAN, ON SEPTEMBER 15, 1972,AT 5:27 TO 6:17 P.M. (FIRST INSTALLMENT)',
    })
    expect(json.metadata).toMatchObject({
      heading: 'prosecutor',
      date: { printed: 'SEPTEMBER 15, 1972', line: 2, column: 1 },
      time: { value: { start: '17:27', end: '18:17' }, printed: '5:27 TO 6:17 P.M.' },
      participants: { value: ['THE PRESIDENT', 'H.R.HALDEMAN', 'JOHN DEAN'] },
    })
    expect(json.time).toBe('5:27 TO 6:17 P.M.')
  })

  test('29 running heads with their page glued on (`…P.M.2` to `…P.M.30`) are furniture, pages 2 to 30', () => {
    const heads = furniture(json).filter((item) => item.kind === 'runningHead')
    expect(heads.map((item) => item.page)).toEqual(Array.from({ length: 29 }, (_, i) => String(i + 2)))
    expect(heads[0]!.text).toBe('SEPTEMBER 15, 1972 FROM 5:27 TO 6:17 P.M.2')
  })

  test('no name is invented: `H.R.HALDEMAN` (glued) gives HALDEMAN none', () => {
    expect(json.speakers.map((s) => s.name)).toEqual(['JOHN DEAN', 'PRESIDENT', 'HALDEMAN', 'UNIDENTIFIED'])
  })
})

describe('C: a re-keyed White House text', () => {
  const { json } = load('C')

  test('21 turns, every label as printed, none joined: Pres. Nixon 6, John Dean 8, HR Haldeman 6, J. Haldeman 1', () => {
    expect(counts(turns(json).map((turn) => turn.speaker.label))).toEqual({
      'Pres. Nixon': 6,
      'John Dean': 8,
      'HR Haldeman': 6,
      'J. Haldeman': 1,
    })
    expect(json.speakers.map((s) => s.name)).toEqual(['Pres. Nixon', 'John Dean', 'HR Haldeman', 'J. Haldeman'])
  })

  test('the dated line and the `Meeting:` line are the heading: date, time, participants and place', () => {
    expect(json.blocks[0]).toMatchObject({
      type: 'heading',
      text: 'September 15, 1972. (5:27pm - 6:17pm) Meeting: President Nixon, HR Haldeman and John Dean, Oval Office',
    })
    expect(json.metadata).toMatchObject({
      heading: 'dated',
      time: { value: { start: '17:27', end: '18:17' }, printed: '5:27pm - 6:17pm', line: 1, column: 22 },
      participants: { value: ['President Nixon', 'HR Haldeman', 'John Dean'], line: 2, column: 10 },
      place: { value: 'Oval Office', from: 'text', line: 2, column: 54 },
    })
  })

  test('the note between rules (lines 3–5) is introduction, after the heading', () => {
    expect(json.blocks[1]).toMatchObject({
      type: 'paragraph',
      section: 'introduction',
      text: '-------------------------- This opens just as Dean comes in the door --------------------------',
    })
  })
})
