/** Every diagnostic rule, each from a small transcript that breaks it once, at a known place. */
import { readdirSync, readFileSync } from 'node:fs'
import { VFile } from 'vfile'
import { describe, expect, test } from 'vitest'
import { messageLimit, rules, type RuleId } from '../../src/core/diagnostics.ts'
import { loadTranscript } from '../../src/core/load.ts'
import { parse, parseString } from '../../src/core/parse/index.ts'
import { toJson } from '../../src/core/to-json.ts'
import { fixtures } from '../support/paths.ts'

/** A clean transcript; the cases below change one thing in it. */
const header = '01181\n\n1962/11/14\n\nMeeting on the Budget\n\n'
const clean = `${header}Harold P. Quist: [00:10] We begin.\n\nQuist: And we end.\n`

interface Case {
  rule: RuleId
  input: string
  line: number
  column: number
}

const cases: Case[] = [
  { rule: 'empty-file', input: ' \n\t\n', line: 1, column: 1 },
  { rule: 'missing-id', input: '1962/11/14\n\nMeeting\n\nAnn Lee: Hi.\n', line: 1, column: 1 },
  { rule: 'missing-date', input: '01181\n\nMeeting\n\nAnn Lee: Hi.\n', line: 3, column: 1 },
  { rule: 'invalid-date', input: '01181\n\n1962/02/30\n\nMeeting\n\nAnn Lee: Hi.\n', line: 3, column: 1 },
  { rule: 'no-turns', input: '01181\n\n1962/11/14\n\nOnly prose here.\n', line: 5, column: 1 },
  { rule: 'undated', input: 'Meeting on the Budget\n\nAnn Lee: Hi.\n', line: 1, column: 1 },
  { rule: 'missing-heading', input: '01181\n\n1962/11/14\n\nAnn Lee: Hi.\n', line: 5, column: 1 },
  { rule: 'footnote-unreferenced', input: `${clean}\n¹ A note.\n`, line: 11, column: 1 },
  { rule: 'footnote-undefined', input: `${header}Ann Lee: Hi.³\n`, line: 7, column: 13 },
  { rule: 'footnote-duplicate', input: `${header}Ann Lee: Hi.¹\n\n¹ One.\n\n¹ Again.\n`, line: 11, column: 1 },
  { rule: 'timestamp-backwards', input: `${header}Ann Lee: [02:00] Hi.\n\nLee: [01:59] Yes.\n`, line: 9, column: 6 },
  { rule: 'timestamp-out-of-range', input: `${header}Ann Lee: [75:99] Hi.\n`, line: 7, column: 10 },
  { rule: 'speaker-unresolved', input: `${header}Ann Lee: Hi.\n\nBundy: Yes.\n`, line: 9, column: 1 },
  {
    rule: 'speaker-ambiguous',
    input: `${header}Robert Kennedy: Hi.\n\nJohn Kennedy: Hello.\n\nKennedy: Yes.\n`,
    line: 11,
    column: 1,
  },
  { rule: 'bracket-unclosed', input: `${header}Ann Lee: It was [unclear so.\n`, line: 7, column: 17 },
  { rule: 'bracket-unopened', input: `${header}Ann Lee: It was] so.\n`, line: 7, column: 16 },
  { rule: 'empty-turn', input: `${header}Ann Lee:\n\nLee: Yes.\n`, line: 7, column: 1 },
  {
    rule: 'unattributed-paragraph',
    input: `${header}Ann Lee: Hi.\n\nFive seconds excised as classified information.\n\nWho said this?\n\nLee: Yes.\n`,
    line: 11,
    column: 1,
  },
  {
    rule: 'excision-duration',
    input: `${header}Ann Lee: Hi.\n\nSome time excised as classified information.\n\nLee: Yes.\n`,
    line: 9,
    column: 1,
  },
  { rule: 'control-character', input: `${header}Ann Lee: H\u0007i.\n`, line: 7, column: 11 },
  { rule: 'binary-content', input: '\u0000\u0001\u0002\u0003', line: 1, column: 1 },
  { rule: 'text-before-header', input: `Draft.\n\n${clean}`, line: 1, column: 1 },
  { rule: 'footnote-order', input: `${header}Ann Lee: Hi.²\n\nLee: Yes.¹\n\n¹ One.\n\n² Two.\n`, line: 9, column: 10 },
  { rule: 'footnote-in-number', input: `${header}Ann Lee: In 19¹62.\n\n¹ One.\n`, line: 7, column: 15 },
  { rule: 'empty-label', input: `${header}Ann Lee: Hi.\n\n: Yes.\n`, line: 9, column: 1 },
  { rule: 'label-invalid', input: `${header}Ann Lee: Hi.\n\n<b>Lee</b>: Yes.\n`, line: 9, column: 1 },
  { rule: 'bracket-nested', input: `${header}Ann Lee: It [was [so]] true.\n`, line: 7, column: 13 },
]

/** Rules about the house style (styles/): each case gives every message it expects, in order. */
const watergate = '898-006\n\n1973/04/17\n\nTRANSCRIPT OF A MEETING BETWEEN THE PRESIDENT AND H.R. HALDEMAN\n\n'
const styleCases: Array<{ rule: RuleId; input: string; style?: string; expected: Array<[RuleId, number, number]> }> = [
  {
    rule: 'house-style',
    input: `${watergate}HALDEMAN: Yes, sir. (unintelligible)\n`,
    style: 'watergate',
    expected: [['house-style', 1, 1]],
  },
  {
    rule: 'house-style-unknown',
    input: clean,
    style: 'hansard',
    expected: [['house-style-unknown', 1, 1]],
  },
  {
    rule: 'label-separator',
    input: `${watergate}HALDEMAN: Yes, sir.\n\nHALDEMAN; And then.\n`,
    style: 'watergate',
    expected: [
      ['house-style', 1, 1],
      ['label-separator', 9, 1],
    ],
  },
]

/** Rules about the file's bytes, from files read as bytes. */
const byteCases: Array<Case & { bytes: Uint8Array; message: string }> = [
  {
    rule: 'invalid-encoding',
    input: 'Latin-1 é in a UTF-8 file',
    // The header is 42 bytes, `Ann Lee: caf` 12 more: 0xE9 is byte 54, line 7, column 13.
    bytes: new Uint8Array([...new TextEncoder().encode(`${header}Ann Lee: caf`), 0xe9, ...new TextEncoder().encode('.\n')]),
    message: 'Byte 0xE9 at byte offset 54',
    line: 7,
    column: 13,
  },
]

describe('diagnostics', () => {
  test('the clean transcript has none', () => {
    const { file } = parseString(clean, 'clean.txt')
    expect(file.messages).toEqual([])
  })

  test.each(cases)('$rule at $line:$column', ({ rule, input, line, column }) => {
    const { tree, file } = parseString(input, `${rule}.txt`)
    const json = toJson(tree, file)
    expect(json.diagnostics).toEqual([{ severity: rules[rule].severity, rule, message: expect.any(String), line, column }])
  })

  test.each(byteCases)('$rule at $line:$column ($input)', ({ rule, bytes, line, column, message }) => {
    const { json } = loadTranscript(bytes, `${rule}.txt`)
    expect(json.diagnostics).toEqual([
      { severity: rules[rule].severity, rule, message: expect.stringContaining(message), line, column },
    ])
  })

  test.each(styleCases)('$rule (house style $style)', ({ input, style, expected }) => {
    const { tree, file } = parseString(input, 'style.txt', style === undefined ? {} : { style })
    expect(toJson(tree, file).diagnostics).toEqual(
      expected.map(([rule, line, column]) => ({
        severity: rules[rule].severity,
        rule,
        message: expect.any(String),
        line,
        column,
      })),
    )
  })

  test('a rule reported many times lists the first ones and sums up the rest at the first left out', () => {
    const brackets = `${header}Ann Lee: ${'['.repeat(messageLimit + 10)}\n`
    const { tree, file } = parseString(brackets, 'many.txt')
    const found = toJson(tree, file).diagnostics
    expect(found).toHaveLength(messageLimit + 1)
    expect(found.map((diagnostic) => diagnostic.column)).toEqual(Array.from({ length: messageLimit + 1 }, (_, i) => 10 + i))
    expect(found.at(-1)!.message).toMatch(/^10 more problems of this kind/)
  })

  test('a failure inside the parser is a diagnostic, not an exception', () => {
    const file = new VFile({ path: 'broken.txt' })
    Object.defineProperty(file, 'value', {
      get() {
        throw new Error('disk went away')
      },
    })
    const tree = parse(file)
    expect(tree.type).toBe('root')
    expect(file.messages.map((message) => [message.ruleId, message.fatal])).toEqual([['internal-error', true]])
    expect(file.messages[0]!.reason).toContain('disk went away')
  })

  test('every rule has a case', () => {
    // The sidecar's rules have their cases in tests/fixtures/sidecar/ (tests/unit/sidecar.test.ts).
    const sidecar = `${fixtures}sidecar/`
    const sidecarRules = readdirSync(sidecar)
      .filter((name) => name.endsWith('.expected.json'))
      .flatMap((name) => JSON.parse(readFileSync(`${sidecar}${name}`, 'utf8')).diagnostics.map((d: { rule: string }) => d.rule))
    const tested = new Set<string>([
      ...cases.map((c) => c.rule),
      ...byteCases.map((c) => c.rule),
      ...sidecarRules,
      ...styleCases.map((c) => c.rule),
      'internal-error',
      // A witness naming itself, or naming no transcript of the collection: tests/unit/witness-pairs.test.ts.
      'witness-self',
      'witness-unknown',
      // A sidecar's `revisions` note for no version of the history: tests/unit/history.test.ts.
      'sidecar-unknown-version',
      // An alignment file missing, malformed or invalid, a printed time it disagrees with, words it left
      // without a time: tests/unit/alignment.test.ts.
      'alignment-missing',
      'alignment-syntax',
      'alignment-invalid',
      'alignment-disagrees',
      'alignment-unaligned',
    ])
    expect(Object.keys(rules).filter((rule) => !tested.has(rule))).toEqual([])
  })
})
