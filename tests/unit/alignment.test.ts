/**
 * Word timings from an aligner (src/core/alignment/, src/core/timing.ts), held to the truth that
 * scripts/make-alignment-fixture.ts wrote with the tape in tests/fixtures/alignment/: when each word was
 * spoken (sample-exact), which turn was not said, which passage the transcript lacks. Each of the three
 * formats read must give every transcript word its time within 20 ms, or none where it was not said.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { Nodes } from 'mdast'
import { besideReader } from '../../src/build/prepare/transcript-files.ts'
import { loadTranscript } from '../../src/core/load.ts'
import type { Conversation, SpokenWord, TranscriptRoot, Turn } from '../../src/core/types.ts'
import { turnTimes } from '../../src/core/timing.ts'
import { eachNode } from '../../src/core/walk.ts'
import { fixtures } from '../support/paths.ts'

const folder = join(fixtures, 'alignment')
const name = '1961-05-03-00058'
const transcript = join(folder, `${name}.txt`)
interface Truth {
  offset: number
  plan: { unsure: { word: string; score: number }; dropped: number }
  words: Array<{ turn: string; word: string; start?: number; end?: number; extra?: true }>
}
const truth: Truth = JSON.parse(readFileSync(join(folder, `${name}.truth.json`), 'utf8'))
const spoken = truth.words.filter((word) => !word.extra)
const sidecar = readFileSync(join(folder, `${name}.yml`), 'utf8')

/** The fixture read with its sidecar naming `alignment` (or the sidecar's own text as given). */
function load(alignment: string, files: Record<string, string> = {}, sidecarText?: string) {
  const text = sidecarText ?? sidecar.replace(/^alignment: .*$/m, `alignment: ${alignment}`)
  const disk = besideReader(transcript)
  return loadTranscript(readFileSync(transcript), transcript, {
    sidecar: { value: text, path: join(folder, `${name}.yml`) },
    readBeside: (src) => files[src] ?? disk(src),
  })
}

function turnsOf(tree: TranscriptRoot): Turn[] {
  const conversation = tree.children.find((child): child is Conversation => child.type === 'conversation')!
  return conversation.children.filter((block): block is Turn => block.type === 'turn')
}

const words = (tree: TranscriptRoot): Array<SpokenWord & { turn: string }> =>
  turnsOf(tree).flatMap((turn) => (turn.words ?? []).map((word) => ({ ...word, turn: turn.id })))

describe.each([
  ['WhisperX JSON', `${name}.whisperx.json`, 'whisperx'],
  ['Gentle JSON', `${name}.gentle.json`, 'gentle'],
  ['WebVTT, a cue per word', `${name}.vtt`, 'webvtt'],
])('%s', (_, file, format) => {
  const { tree, file: vfile } = load(file)
  const found = words(tree)

  test('every transcript word is listed once, in order, in its turn', () => {
    expect(found.map(({ turn, value }) => [turn, value])).toEqual(spoken.map(({ turn, word }) => [turn, word]))
    expect(tree.meta?.alignment).toEqual({ src: file, format, words: spoken.length, aligned: spoken.length - 1 })
  })

  test('each word said gets the time it was said at, within 20 ms; the word not said gets none', () => {
    const off = spoken.flatMap((word, index) => {
      const got = found[index]!
      if (word.start === undefined) return got.start === undefined ? [] : [`${word.word}: ${got.start}, but it was not said`]
      const close = got.start !== undefined && Math.abs(got.start - word.start) <= 0.02 && Math.abs(got.end! - word.end!) <= 0.02
      return close ? [] : [`${word.word}: ${got.start}–${got.end}, said ${word.start}–${word.end}`]
    })
    expect(off).toEqual([])
    expect(found.filter((word) => word.start !== undefined)).toHaveLength(spoken.length - 1)
  })

  test('editorial marks get no time: no word stands inside one', () => {
    const marks: Array<[number, number]> = []
    eachNode(tree, (node: Nodes) => {
      if (['unclear', 'direction', 'supplied', 'omission', 'timestamp'].includes(node.type) && node.position)
        marks.push([node.position.start.offset!, node.position.end.offset!])
    })
    expect(marks.length).toBeGreaterThanOrEqual(4) // [unclear], [laughing], [*to Pell*] and the printed times
    const inside = found.filter(({ position }) =>
      marks.some(([from, to]) => position.start.offset! >= from && position.start.offset! < to),
    )
    expect(inside).toEqual([])
  })

  test('the word not said is reported once, with the count', () => {
    const unaligned = vfile.messages.filter((message) => message.ruleId === 'alignment-unaligned')
    expect(unaligned.map((message) => [message.line, message.column, message.reason])).toEqual([
      [22, 7, `1 of ${spoken.length} words have no time in \`${file}\` (the aligner did not place them), the first “Right” here`],
    ])
  })
})

describe('turn times with an alignment (src/core/timing.ts)', () => {
  const { tree, file } = load(`${name}.whisperx.json`)
  const times = turnTimes(tree)
  const byId = new Map(turnsOf(tree).map((turn) => [turn.id, times.get(turn)]))
  const said = (turn: string) => spoken.filter((word) => word.turn === turn && word.start !== undefined)

  test('a turn starts at its first word as said, exactly, to the second below', () => {
    for (const id of ['t-00-02-1', 't-00-02-2', 't-00-20-1']) {
      expect(byId.get(id), id).toMatchObject({ start: Math.floor(said(id)[0]!.start!), estimated: false })
    }
  })

  test('a printed time within the tolerance stands, without a warning', () => {
    expect(said('t-00-02')[0]!.start).toBeCloseTo(2.25, 3)
    expect(byId.get('t-00-02')).toMatchObject({ start: 2, estimated: false })
  })

  test('a printed time the aligner disagrees with stands, and the build says where, with both times', () => {
    expect(byId.get('t-00-20')).toMatchObject({ start: 20, estimated: false })
    const warnings = file.messages.filter((message) => message.ruleId === 'alignment-disagrees')
    // The aligner's time for the turn's first word, as its file gives it (in the recording: less the offset).
    const whisperx = JSON.parse(readFileSync(join(folder, `${name}.whisperx.json`), 'utf8'))
    const then = whisperx.segments
      .flatMap((segment: { words: Array<{ word: string; start: number }> }) => segment.words)
      .find((word: { word: string }) => word.word === 'Then')
    const first = Math.round((then.start - truth.offset) * 1000) / 1000
    expect(Math.abs(first - said('t-00-20')[0]!.start!)).toBeLessThanOrEqual(0.02)
    expect(warnings.map((message) => [message.line, message.column, message.fatal])).toEqual([[24, 20, false]])
    expect(warnings[0]!.reason).toBe(
      `The printed time [00:20] stands, but \`${name}.whisperx.json\` places “Then”, the turn's first word, at 00:${first.toFixed(3).padStart(6, '0')} (${(first - 20).toFixed(1)} s apart; the tolerance is 2 s)`,
    )
  })

  test('the turn not said keeps an estimate between the times around it, and says so', () => {
    const before = said('t-00-02-2').at(-1)!.end!
    const time = byId.get('t-00-02-3')!
    expect(time.estimated).toBe(true)
    expect(time.start).toBeGreaterThanOrEqual(Math.floor(before))
    expect(time.start).toBeLessThanOrEqual(20)
  })

  test('the last turn ends where its last word ends, to the second above', () => {
    expect(byId.get('t-00-20-1')!.end).toBe(Math.ceil(said('t-00-20-1').at(-1)!.end!))
  })

  test('the aligner’s confidence is kept with the word (WhisperX)', () => {
    const unsure = words(tree).find((word) => word.value === truth.plan.unsure.word)!
    expect(unsure.score).toBe(truth.plan.unsure.score)
    expect(words(tree).filter((word) => word.score !== undefined && word.score < 0.5)).toHaveLength(1)
  })
})

describe('an alignment that cannot be used: a warning at its line and column, and the transcript read without it', () => {
  const problems = (alignment: string, text?: string, sidecarText?: string) => {
    const { tree, file } = load(alignment, text === undefined ? {} : { [alignment]: text }, sidecarText)
    expect(words(tree)).toEqual([])
    expect(tree.meta?.alignment).toBeUndefined()
    expect(turnTimes(tree).get(turnsOf(tree)[1]!)).toMatchObject({ estimated: true }) // as without an alignment
    return file.messages
      .filter((message) => String(message.ruleId).startsWith('alignment-'))
      .map((message) => [
        (message.file ?? '').replace(/^.*\//, ''),
        message.ruleId,
        message.line,
        message.column,
        message.fatal,
        message.reason,
      ])
  }

  test('a file that is not there (alignment-missing, at the sidecar’s key)', () => {
    expect(problems('gone.json')).toEqual([
      [
        `${name}.yml`,
        'alignment-missing',
        4,
        1,
        false,
        '`alignment`: no file `gone.json` beside the transcript; it is read without word timings',
      ],
    ])
  })

  test('JSON that is not well formed (alignment-syntax)', () => {
    const [problem] = problems('bad.json', '{\n  "segments": [\n    { "words": [ } ]\n}\n')
    expect(problem?.slice(0, 5)).toEqual(['bad.json', 'alignment-syntax', 3, 18, false])
  })

  test('a word of the wrong type (alignment-invalid, where it stands)', () => {
    const text = '{\n  "segments": [\n    { "words": [\n      { "word": "Good", "start": "2.5", "end": 2.7 }\n    ] }\n  ]\n}\n'
    const [problem, ...rest] = problems('typed.json', text)
    expect(rest).toEqual([])
    expect(problem?.slice(0, 5)).toEqual(['typed.json', 'alignment-invalid', 4, 34, false])
    expect(problem?.[5]).toMatch(/^`segments\.0\.words\.0\.start`: /)
  })

  test('a word that ends before it starts, a Gentle word out of order', () => {
    const gentle = JSON.stringify(
      {
        words: [
          { word: 'Good', case: 'success', start: 3, end: 2.5 },
          { word: 'morning', case: 'success', start: 1, end: 1.2 },
        ],
      },
      null,
      1,
    )
    expect(problems('order.json', gentle).map((problem) => problem.slice(1, 4))).toEqual([
      ['alignment-invalid', 3, 3],
      ['alignment-invalid', 9, 3],
    ])
  })

  test('JSON of another kind, and a WebVTT cue without its timing', () => {
    expect(problems('other.json', '{ "results": [] }').map((problem) => problem.slice(1, 4))).toEqual([
      ['alignment-invalid', 1, 1],
    ])
    const vtt = 'WEBVTT\n\n00:00:02.750 --> 00:00:02.979\nGood\n\nw2\n00:03.039 -> 00:03.491\nmorning\n'
    expect(problems('cues.vtt', vtt)).toEqual([
      [
        'cues.vtt',
        'alignment-invalid',
        7,
        1,
        false,
        "Expected a cue's timing (`00:01.500 --> 00:01.900`), found “00:03.039 -> 00:03.491”",
      ],
    ])
  })

  test('a path out of the transcript’s folder is the sidecar’s error', () => {
    const { file } = load('../secret.json')
    expect(file.messages.map((message) => [message.ruleId, message.line])).toEqual([['sidecar-invalid', 4]])
  })
})

describe('the recording’s offset', () => {
  test('a word placed before the tape’s 0:00 (in the recording’s leader) is not placed', () => {
    const vtt = 'WEBVTT\n\n00:00:00.200 --> 00:00:00.400\nGood\n\n00:00:03.039 --> 00:00:03.491\nmorning\n'
    const { tree } = load('leader.vtt', { 'leader.vtt': vtt })
    const [good, morning] = words(tree)
    expect(good).toMatchObject({ value: 'Good' })
    expect(good!.start).toBeUndefined()
    expect(morning).toMatchObject({ value: 'morning', start: 3.039 - truth.offset, end: 3.491 - truth.offset })
  })
})

describe('any file named as an alignment', () => {
  test('is read or reported, never thrown: words with times, or an alignment warning and no words', () => {
    const word = fc.record(
      {
        word: fc.string({ maxLength: 8 }),
        start: fc.double({ min: -1, max: 60, noNaN: true }),
        end: fc.double({ min: -1, max: 60, noNaN: true }),
        score: fc.double({ min: -0.5, max: 1.5, noNaN: true }),
        case: fc.constantFrom('success', 'not-found-in-audio', 'x'),
      },
      { requiredKeys: [] },
    )
    const file = fc.oneof(
      fc.string(),
      fc.json().map((json) => json),
      fc.array(word, { maxLength: 20 }).map((words) => JSON.stringify({ segments: [{ words }] })),
      fc.array(word, { maxLength: 20 }).map((words) => JSON.stringify({ words })),
      fc
        .array(fc.tuple(fc.nat(99_999), fc.nat(9_999), fc.string({ maxLength: 10 })), { maxLength: 10 })
        .map(
          (cues) =>
            `WEBVTT\n\n${cues.map(([start, length, text]) => `${cueAt(start)} --> ${cueAt(start + length)}\n${text}`).join('\n\n')}\n`,
        ),
    )
    fc.assert(
      fc.property(file, (text) => {
        const { tree, file: vfile } = load('any.json', { 'any.json': text })
        const warned = vfile.messages.some((message) =>
          ['alignment-syntax', 'alignment-invalid'].includes(String(message.ruleId)),
        )
        expect(
          warned ? words(tree).length === 0 && tree.meta?.alignment === undefined : words(tree).length === spoken.length,
        ).toBe(true)
        expect(() => turnTimes(tree)).not.toThrow()
      }),
      { numRuns: 300 },
    )
  })
})

/** Milliseconds as a WebVTT time (`00:01.500`). */
function cueAt(millis: number): string {
  const pad = (value: number, size = 2) => String(value).padStart(size, '0')
  return `${pad(Math.floor(millis / 60_000))}:${pad(Math.floor(millis / 1000) % 60)}.${pad(millis % 1000, 3)}`
}
