/**
 * A printed key of the speakers (issue 21, item 5), read from tests/fixtures/styles/watergate-submission.txt:
 * a transcript in the layout of the White House's 1974 *Submission of Recorded Presidential Conversations*.
 * What a reader finds in that file:
 * - the key, lines 7–11: `P = President`, `H = Haldeman`, `D = Dean`, `UN = Unidentified`, `UNK = Unknown`;
 * - nine turns: `P:` 3 (lines 15, 23, 27), `D:` 2, `H:` 1, `UN:` 2 (lines 21, 29), `UNK:` 1 (line 25);
 * - so three people and two unidentified voices (`UN` and `UNK`), whose three turns are not three voices.
 * Its options file gives `D` a role alone (`Counsel to the President`), as a sidecar's `speakers` may.
 */
import { readFileSync } from 'node:fs'
import { VFile } from 'vfile'
import { describe, expect, test } from 'vitest'
import { parse } from '../../src/core/parse/index.ts'
import { renderTranscript } from '../../src/core/render.ts'
import { toJson } from '../../src/core/to-json.ts'
import { parseString } from '../../src/core/parse/index.ts'
import { speakerGroups } from '../../src/collection/speakers.ts'
import { participants } from '../../src/collection/browse.ts'
import { summarize } from '../../src/collection/summary.ts'
import { fixtures } from '../support/paths.ts'

const name = 'watergate-submission'
const text = readFileSync(`${fixtures}styles/${name}.txt`, 'utf8')
const options = JSON.parse(readFileSync(`${fixtures}styles/${name}.options.json`, 'utf8'))

function read() {
  const file = new VFile({ value: text, path: `${name}.txt` })
  const tree = parse(file, { name, ...options })
  return { tree, file, json: toJson(tree, file) }
}

describe('a printed key of the speakers', () => {
  test('names each label from the key; the label as printed stays in every turn', () => {
    const { json } = read()
    expect(json.speakers.filter((s) => s.kind === 'person').map((s) => [s.labels, s.name])).toEqual([
      [['P'], 'President'],
      [['D'], 'Dean'],
      [['H'], 'Haldeman'],
    ])
    const turns = json.blocks.flatMap((block) => (block.type === 'turn' ? [block.speaker] : []))
    expect(turns.map((speaker) => speaker.label)).toEqual(['P', 'D', 'H', 'UN', 'P', 'UNK', 'P', 'UN', 'D'])
    expect(turns.map((speaker) => speaker.name)).toEqual([
      'President',
      'Dean',
      'Haldeman',
      'Unidentified',
      'President',
      'Unknown',
      'President',
      'Unidentified',
      'Dean',
    ])
    // The style is read from the text: the Submission's title and its `MEETING:` heading, which is no speaker.
    expect(json.diagnostics.map((d) => d.rule)).toEqual(['house-style'])
    expect(json.title).toBe('MEETING: THE PRESIDENT, HALDEMAN AND DEAN, OVAL OFFICE, SEPTEMBER 15, 1972. (5:27 - 6:17 P.M.)')
  })

  test('the key is in the tree and the JSON with its places, and its paragraph stays in the introduction', () => {
    const { tree, json } = read()
    expect(
      tree.speakerKey?.map((entry) => [entry.code, entry.name, entry.position?.start.line, entry.position?.start.column]),
    ).toEqual([
      ['P', 'President', 7, 1],
      ['H', 'Haldeman', 8, 1],
      ['D', 'Dean', 9, 1],
      ['UN', 'Unidentified', 10, 1],
      ['UNK', 'Unknown', 11, 1],
    ])
    expect(json.speakerKey?.[4]).toEqual({ code: 'UNK', name: 'Unknown', line: 11, column: 1 })
    const intro = json.blocks.filter((block) => block.type === 'paragraph').map((block) => block.text)
    expect(intro[1]).toBe('P = President H = Haldeman D = Dean UN = Unidentified UNK = Unknown')
  })

  test('unknown voices are counted as voices, never as turns: two labels, three turns, two voices', () => {
    const { tree, json } = read()
    const voices = json.speakers.filter((s) => s.kind === 'unidentified')
    expect(voices.map((voice) => voice.labels)).toEqual([['UN'], ['UNK']])
    const html = renderTranscript(tree)
    expect(html).toContain('<dt>Participants</dt><dd>President, Dean, Haldeman, and 2 unidentified voices</dd>')
    // The lists say the same as the title block.
    const summary = summarize(json, 'digest')
    expect(participants(summary.speakers).map((p) => p.text)).toEqual(['President', 'Dean', 'Haldeman', '2 unidentified voices'])
    expect(speakerGroups(json).find((g) => g.kind === 'unidentified')?.turns).toBe(3)
  })

  test('a sidecar may give a role alone: the name still comes from the key', () => {
    const { json } = read()
    expect(json.speakers.find((s) => s.labels.includes('D'))).toMatchObject({ name: 'Dean', role: 'Counsel to the President' })
  })

  test('several entries on one line, and a dash or spaces as the separator', () => {
    const head = '779-002\n\n1972/09/15\n\nSubmission of Recorded Presidential Conversations.\n\n'
    const one = parseString(
      `${head}P = President, H = Haldeman; D = Dean\n\nMEETING: THE PRESIDENT\n\nP: Yes.\n\nH: No.\n\nD: Well.\n`,
    ).tree
    expect(one.speakers.map((s) => s.name)).toEqual(['President', 'Haldeman', 'Dean'])
    expect(one.speakerKey?.map((e) => [e.code, e.position?.start.column])).toEqual([
      ['P', 1],
      ['H', 16],
      ['D', 30],
    ])
    const dash = parseString(
      `${head}P - President\nX   Unknown No. 1 (either E or K)\n\nMEETING: THE PRESIDENT\n\nP: Yes.\n\nX: No.\n\nX: Well.\n`,
    ).tree
    expect(dash.speakers.map((s) => [s.name, s.kind])).toEqual([
      ['President', 'person'],
      ['Unknown No. 1', 'unidentified'],
    ])
    expect(dash.speakerKey?.[1]).toMatchObject({ code: 'X', name: 'Unknown No. 1', note: 'either E or K' })
  })

  test('a generic `Unidentified` label tells no voice from another: each turn its own, their number not given', () => {
    const raw = '01181\n\n1962/11/14\n\nMeeting\n\nAnn Lee: Hi.\n\nUnidentified: Yes.\n\nUnidentified: Maybe.\n'
    const { tree } = parseString(raw)
    expect(tree.speakers.filter((s) => s.kind === 'unidentified')).toHaveLength(2)
    expect(renderTranscript(tree)).toContain('<dd>Ann Lee and unidentified voices</dd>')
    const once = parseString('01181\n\n1962/11/14\n\nMeeting\n\nAnn Lee: Hi.\n\nUnidentified: Yes.\n').tree
    expect(renderTranscript(once)).toContain('<dd>Ann Lee and an unidentified voice</dd>')
  })
})
