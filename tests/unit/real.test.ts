/**
 * The two real transcripts from other editions (tests/fixtures/parse/real-*.txt, byte-identical to
 * ../shared/real/), read closely: the facts below come from reading them (line numbers in comments).
 * Their whole expected JSON is checked by fixtures.test.ts; this says what matters in it, and why.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { loadTranscript } from '../../src/core/load.ts'
import { parseString } from '../../src/core/parse/index.ts'
import type { TranscriptJson, TurnJson } from '../../src/core/schema.ts'
import { serialize } from '../../src/core/serialize.ts'
import { withoutPositions } from '../../scripts/lib/hostile-inputs.ts'
import { fixtures } from '../support/paths.ts'
import { counts, jsonWords, words } from '../support/words.ts'

const rowePath = `${fixtures}parse/real-2-lbj-rowe.txt`
const nixonPath = `${fixtures}parse/real-4-nixon-haldeman-meeting.txt`
const turns = (json: TranscriptJson) => json.blocks.filter((block): block is TurnJson => block.type === 'turn')
const byLabel = (json: TranscriptJson) => counts(turns(json).map((turn) => turn.speaker.label))
const rules = (json: TranscriptJson) => json.diagnostics.map((d) => `${d.severity} ${d.rule}`)

describe.each([rowePath, nixonPath])('%s', (path) => {
  const raw = readFileSync(path, 'utf8')
  const { tree, json } = loadTranscript(raw, path)

  test('no word is lost: the JSON holds every word of the file', () => {
    expect(counts(jsonWords(json))).toEqual(counts(words(raw)))
  })

  test('the raw round trip gives the same tree', () => {
    const again = parseString(serialize(tree), path).tree
    expect(withoutPositions(again)).toEqual(withoutPositions(tree))
  })
})

describe('Johnson and Rowe, FRUS 1964–68 vol. VII doc. 173', () => {
  const { json } = loadTranscript(readFileSync(rowePath), rowePath)

  test('is read in the FRUS house style, detected, and says so', () => {
    expect(rules(json)).toEqual(['info house-style'])
    expect(json.diagnostics[0]!.message).toContain('`frus`')
  })

  test('70 turns, President 35 and Rowe 35, alternating from `President: Jim?` (line 19)', () => {
    expect(byLabel(json)).toEqual({ President: 35, Rowe: 35 })
    expect(turns(json)[0]!.paragraphs).toEqual(['Jim?'])
    expect(turns(json).at(-1)!.paragraphs).toEqual(['All right, sir. Thank you.'])
  })

  test('names come from the heading (line 15), never invented: President Johnson, James Rowe', () => {
    expect(json.title).toBe('173. Telephone Conversation Between President Johnson and James Rowe')
    expect(json.speakers).toEqual([
      { id: 'president-johnson', name: 'President Johnson', labels: ['President'], kind: 'person' },
      { id: 'james-rowe', name: 'James Rowe', labels: ['Rowe'], kind: 'person' },
    ])
  })

  test('the dateline (line 17) stands between the heading and the first turn, without a warning', () => {
    const [heading, dateline, first] = json.blocks
    expect(heading).toMatchObject({ type: 'heading', footnotes: [1] })
    expect(dateline).toMatchObject({ type: 'paragraph', section: 'conversation', text: 'November 1, 1968, 1:58 p.m.' })
    expect(first).toMatchObject({ type: 'turn', speaker: { label: 'President' } })
  })

  test('11 footnotes, all referenced; the blocks in mid-sentence are joined back (lines 101–107, 171–175)', () => {
    expect(json.footnotes.map((note) => [note.n, note.referenced])).toEqual(Array.from({ length: 11 }, (_, i) => [i + 1, true]))
    const letter = turns(json).find((turn) => turn.footnotes.includes(8))!
    expect(letter.paragraphs).toHaveLength(1)
    expect(letter.paragraphs[0]).toContain('I feel it more deeply than ever before. Your performance on the Vietnam cessation')
    const houston = turns(json).find((turn) => turn.paragraphs[0]!.startsWith('I think it might be helpful'))!
    expect(houston.paragraphs).toEqual([
      "I think it might be helpful with all this churning around that that can sort of—that he, you know, the President, is too busy with this problem—he can't get to Houston. He's going to make a television speech—he's not going to turn up at that big rally, or something like that.",
    ])
  })

  test('square brackets are supplied words: [Senate], [campaign rally]; no page furniture', () => {
    const marks = turns(json).flatMap((turn) => turn.editorial)
    expect(marks).toEqual([
      { kind: 'supplied', text: '[Senate]' },
      { kind: 'supplied', text: '[campaign rally]' },
    ])
    expect(json.blocks.some((block) => block.type === 'pageFurniture')).toBe(false)
  })
})

describe('Nixon and Haldeman, 17 April 1973, WSPF 898-006', () => {
  const { json } = loadTranscript(readFileSync(nixonPath), nixonPath)

  test('is read in the Watergate house style, detected; PRESIDENT and WOODS have no name to give', () => {
    expect(rules(json)).toEqual(['info house-style', 'warning speaker-unresolved', 'warning speaker-unresolved'])
    expect(json.diagnostics[0]!.message).toContain('`watergate`')
    expect(json.diagnostics.slice(1).map((d) => d.line)).toEqual([22, 24])
  })

  test('92 turns: HALDEMAN 46, PRESIDENT 45, WOODS 1', () => {
    expect(byLabel(json)).toEqual({ HALDEMAN: 46, PRESIDENT: 45, WOODS: 1 })
  })

  test('HALDEMAN is H.R. HALDEMAN as the heading prints him (not "R. HALDEMAN"); the others as printed', () => {
    expect(json.speakers).toEqual([
      { id: 'h-r-haldeman', name: 'H.R. HALDEMAN', labels: ['HALDEMAN'], kind: 'person' },
      { id: 'president', name: 'PRESIDENT', labels: ['PRESIDENT'], kind: 'person' },
      { id: 'woods', name: 'WOODS', labels: ['WOODS'], kind: 'person' },
    ])
  })

  test('the heading is the second title line (line 15); the cover title (line 13) is the introduction', () => {
    expect(json.title).toBe(
      'TRANSCRIPT OF A MEETING BETWEEN THEPRESIDENT AND H.R. HALDEMAN, ON APRIL 17,1973, FROM 9:47 TO 9:59 A.M.',
    )
    expect(json.blocks[0]).toMatchObject({ type: 'paragraph', section: 'introduction' })
    expect(json.blocks[2]).toMatchObject({ type: 'direction', text: '(Door Closing in Background)' })
  })

  test('six running heads, pages 2 to 7, each its own block between turns, none inside speech', () => {
    const furniture = json.blocks.filter((block) => block.type === 'pageFurniture')
    expect(furniture).toEqual(
      [2, 3, 4, 5, 6, 7].map((page) => ({
        type: 'pageFurniture',
        kind: 'runningHead',
        text: `APRIL 17, 1973 FROM 9:47 TO 9:59 A.M.${page}`,
        page: String(page),
      })),
    )
    for (const turn of turns(json)) for (const paragraph of turn.paragraphs) expect(paragraph).not.toContain('9:59 A.M.')
  })

  test('every parenthesised note in speech is typed: 12 unclear, 3 directions, 1 omission', () => {
    const marks = counts(turns(json).flatMap((turn) => turn.editorial.map((mark) => `${mark.kind} ${mark.text}`)))
    expect(marks).toEqual({
      'unclear (unintelligible)': 9,
      'unclear (Unintelligible)': 1,
      'unclear (unintelligible with tape noise)': 1,
      'unclear (unintelligible/REMOVED)': 1,
      'direction (Doorcloses)': 1,
      'direction (Pause)': 1,
      'direction (15 Second Pause)': 1,
      'omission (Privileged Material Deleted)': 1,
    })
  })

  test('a stray `)` in speech (line 40) stays the speaker’s text', () => {
    const turn = turns(json).find((t) => t.paragraphs[0]!.startsWith('The reason being'))!
    expect(turn.paragraphs[0]).toContain('we may not want to react to it) but we may')
  })
})

// The same transcripts with a sidecar naming their speakers (issue 10: "every speaker's label and name,
// with and without a sidecar"). The names are the editions' own: FRUS's document heading names Johnson and
// Rowe; the Watergate transcript's participants are the President (Nixon), H. R. Haldeman and Rose Mary
// Woods, his secretary, who is named in the tape's log though not in the typed text.
describe('with a sidecar naming the speakers', () => {
  const load = (path: string, yaml: string) =>
    loadTranscript(readFileSync(path), path, { sidecar: { value: yaml, path: path.replace(/\.txt$/, '.yml') } })

  test('Rowe: the printed labels keep their turns; the sidecar names them, with a role', () => {
    const { json } = load(
      rowePath,
      [
        'speakers:',
        '  President:',
        '    name: Lyndon B. Johnson',
        '    role: President of the United States',
        '  Rowe:',
        '    name: James H. Rowe Jr.',
        '',
      ].join('\n'),
    )
    expect(byLabel(json)).toEqual({ President: 35, Rowe: 35 })
    expect(json.speakers.map((s) => [s.labels, s.name])).toEqual([
      [['President'], 'Lyndon B. Johnson'],
      [['Rowe'], 'James H. Rowe Jr.'],
    ])
    expect(rules(json)).toEqual(['info house-style'])
  })

  test('Nixon: every label named by the sidecar, no speaker left unresolved, the turn counts unchanged', () => {
    const { json } = load(
      nixonPath,
      [
        'speakers:',
        '  PRESIDENT:',
        '    name: Richard Nixon',
        '  HALDEMAN:',
        '    name: H. R. Haldeman',
        '  WOODS:',
        '    name: Rose Mary Woods',
        '',
      ].join('\n'),
    )
    expect(byLabel(json)).toEqual({ HALDEMAN: 46, PRESIDENT: 45, WOODS: 1 })
    expect(Object.fromEntries(json.speakers.map((s) => [s.labels.join(' '), s.name]))).toEqual({
      HALDEMAN: 'H. R. Haldeman',
      PRESIDENT: 'Richard Nixon',
      WOODS: 'Rose Mary Woods',
    })
    expect(rules(json)).not.toContain('warning speaker-unresolved')
  })

  test('a sidecar naming only one label leaves the others as printed, never guessed', () => {
    const { json } = load(nixonPath, ['speakers:', '  PRESIDENT:', '    name: Richard Nixon', ''].join('\n'))
    const names = Object.fromEntries(json.speakers.map((s) => [s.labels.join(' '), s.name]))
    expect(names.PRESIDENT).toBe('Richard Nixon')
    expect(names.WOODS).toBe('WOODS')
  })
})
