/**
 * Word timings out again (issue 26, part 4), for the fixture of tests/fixtures/alignment/ and each aligner
 * format: the JSON's turns list their words with times (checked against the schema), the WebVTT puts each
 * word's time inside its turn's cue and passes the W3C's parser, the TEI gives each word a `when` on its
 * timeline and an `anchor` before it, and is valid TEI P5 by jing. Times are held to the generator's truth.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { scratchDir } from '../support/scratch.ts'
import { besideReader } from '../../src/build/prepare/transcript-files.ts'
import { formatNamed } from '../../src/core/formats/index.ts'
import { loadTranscript } from '../../src/core/load.ts'
import { transcriptSchema } from '../../src/core/schema.ts'
import { fixtures, root } from '../support/paths.ts'

const require = createRequire(import.meta.url)
const { WebVTTParser } = require('webvtt-parser') as {
  WebVTTParser: new () => { parse(input: string, mode: string): { errors: Array<{ message: string; line: number }> } }
}

const folder = join(fixtures, 'alignment')
const name = '1961-05-03-00058'
const transcript = join(folder, `${name}.txt`)
const truth: { words: Array<{ turn: string; word: string; start?: number; extra?: true }> } = JSON.parse(
  readFileSync(join(folder, `${name}.truth.json`), 'utf8'),
)
const spoken = truth.words.filter((word) => !word.extra)
const sidecar = readFileSync(join(folder, `${name}.yml`), 'utf8')
const within = (got: number | undefined, want: number | undefined) =>
  want === undefined ? got === undefined : got !== undefined && Math.abs(got - want) <= 0.02

const formats = [`${name}.whisperx.json`, `${name}.gentle.json`, `${name}.vtt`]
const loaded = formats.map((alignment) =>
  loadTranscript(readFileSync(transcript), transcript, {
    sidecar: { value: sidecar.replace(/^alignment: .*$/m, `alignment: ${alignment}`), path: join(folder, `${name}.yml`) },
    readBeside: besideReader(transcript),
  }),
)

describe.each(formats.map((alignment, index) => [alignment, loaded[index]!] as const))('%s', (alignment, transcriptLoaded) => {
  test('the JSON lists each turn’s words, with the times said, and matches the schema', () => {
    const json = transcriptSchema.parse(transcriptLoaded.json)
    expect(json.alignment).toMatchObject({ src: alignment, words: spoken.length, aligned: spoken.length - 1 })
    const words = json.blocks.flatMap((block) =>
      block.type === 'turn' ? (block.words ?? []).map((word) => ({ ...word, turn: block.id })) : [],
    )
    expect(words.map(({ turn, text }) => [turn, text])).toEqual(spoken.map(({ turn, word }) => [turn, word]))
    expect(words.filter((word, index) => !within(word.start, spoken[index]!.start))).toEqual([])
    // Where each word stands in the raw text: the line and column of its first letter.
    const lines = readFileSync(transcript, 'utf8').split('\n')
    expect(words.filter(({ line, column, text }) => !lines[line - 1]!.startsWith(text, column - 1))).toEqual([])
  })

  test('the WebVTT has each word’s time inside its cue and passes the W3C parser', () => {
    const vtt = formatNamed('vtt')!.write(transcriptLoaded)
    expect(new WebVTTParser().parse(vtt, 'subtitles').errors).toEqual([])
    // `<00:00:02.250>Good`: the time before each word, in order; the word not said has none.
    const timed = [...vtt.matchAll(/<(\d\d):(\d\d):(\d\d\.\d{3})>([^\s<]+)/g)].map((match) => ({
      word: match[4]!.replace(/[.,?!]+$/, ''),
      start: Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]),
    }))
    const said = spoken.filter((word) => word.start !== undefined)
    expect(timed.map((word) => word.word)).toEqual(said.map((word) => word.word))
    expect(timed.filter((word, index) => !within(word.start, said[index]!.start))).toEqual([])
  })

  test('the TEI has a when per word said, an anchor before each, and is valid TEI P5 (jing)', () => {
    const tei = formatNamed('tei')!.write(transcriptLoaded)
    const whens = new Map(
      [...tei.matchAll(/<when xml:id="(tl-[^"]+\.w\d+)" interval="([\d.]+)"/g)].map((m) => [m[1]!, Number(m[2])]),
    )
    const anchored = [...tei.matchAll(/<anchor synch="#(tl-[^"]+\.w\d+)"\/>([^\s<]+)/g)].map((m) => ({
      word: m[2]!.replace(/[.,?!]+$/, ''),
      start: whens.get(m[1]!),
    }))
    const said = spoken.filter((word) => word.start !== undefined)
    expect(whens.size).toBe(said.length)
    expect(anchored.map((word) => word.word)).toEqual(said.map((word) => word.word))
    expect(anchored.filter((word, index) => !within(word.start, said[index]!.start))).toEqual([])
    const file = join(scratchDir('alignment-tei-'), `${name}.xml`)
    writeFileSync(file, tei)
    const schema = process.env.TEI_SCHEMA || join(root, 'tests/schemas/tei-p5/tei_all.rng')
    const jing = spawnSync(process.env.JING ?? 'jing', [schema, file], { encoding: 'utf8' })
    expect(jing.error, 'jing (apt-get install jing)').toBeUndefined()
    expect(jing.stdout).toBe('')
    expect(jing.status).toBe(0)
  })
})
