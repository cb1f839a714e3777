/**
 * The page's timed words (issue 26, part 3): each word an aligner placed is a span holding exactly its
 * printed letters with its times, held to the generator's truth (tests/fixtures/alignment/); words not
 * said, the editors' marks and everything between words stay as they were, so the text reads and copies
 * the same; words scored below the site's confidence are marked unsure only when a confidence is set.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { besideReader } from '../../src/build/prepare/transcript-files.ts'
import { loadTranscript } from '../../src/core/load.ts'
import { renderTranscript } from '../../src/core/render.ts'
import { fixtures, root } from '../support/paths.ts'

const folder = join(fixtures, 'alignment')
const name = '1961-05-03-00058'
const transcript = join(folder, `${name}.txt`)
const truth: {
  plan: { unsure: { word: string; score: number } }
  words: Array<{ turn: string; word: string; start?: number; end?: number; extra?: true }>
} = JSON.parse(readFileSync(join(folder, `${name}.truth.json`), 'utf8'))
const sidecar = readFileSync(join(folder, `${name}.yml`), 'utf8')
const load = (withAlignment: boolean) =>
  loadTranscript(readFileSync(transcript), transcript, {
    sidecar: {
      value: withAlignment ? sidecar : sidecar.replace(/^alignment: .*$/m, ''),
      path: join(folder, `${name}.yml`),
    },
    readBeside: besideReader(transcript),
  }).tree

const spanPattern = /<span class="w( unsure)?" data-s="([\d.]+)" data-e="([\d.]+)">([^<]*)<\/span>/g
/** Each turn's paragraphs (not its heading line, whose times the alignment may change) with the word spans taken out. */
const turnTexts = (html: string) =>
  [...html.matchAll(/<div class="turn"[^>]*id="([^"]+)"[^>]*>.*?<\/p>\n?(.*?)<\/div>/gs)].map(([, id, body]) => [
    id,
    body!.replace(spanPattern, '$4'),
  ])

describe('timed words on the page', () => {
  const html = renderTranscript(load(true), { confidence: 0.5 })
  const spans = [...html.matchAll(spanPattern)].map(([, unsure, start, end, text]) => ({
    unsure: unsure !== undefined,
    start: Number(start),
    end: Number(end),
    text,
  }))

  test('every word said is a span at the time it was said (within 20 ms of the truth); the word not said is none', () => {
    const said = truth.words.filter((word) => !word.extra && word.start !== undefined)
    // Numbers as printed (`15`, `1962`) hold the words said for them; the split word its parts.
    expect(spans.map((span) => span.text)).toEqual(said.map((word) => word.word))
    for (const [index, word] of said.entries()) {
      expect(Math.abs(spans[index]!.start - word.start!), word.word).toBeLessThanOrEqual(0.02)
      expect(Math.abs(spans[index]!.end - word.end!), word.word).toBeLessThanOrEqual(0.02)
    }
    const dropped = truth.words.find((word) => word.start === undefined)!
    expect(html).toContain(`>${dropped.word}.</p>`) // plain text, no span, no time
  })

  test('no mark, note marker or timestamp is inside a word span', () => {
    expect(html).not.toMatch(/<span class="w[^>]*>[^<]*\[/)
    expect(html).toContain('<span class="mark unclear" title="Unclear passage">[unclear]</span>')
  })

  test('the text between the words is unchanged: the turns read (and copy) as without word timings', () => {
    const without = renderTranscript(load(false))
    expect(without).not.toContain('class="w')
    expect(turnTexts(html)).toEqual(turnTexts(without))
    expect(turnTexts(html).length).toBeGreaterThan(5)
  })

  test("the word below the site's confidence is marked unsure, and none is without a confidence", () => {
    expect(spans.filter((span) => span.unsure).map((span) => span.text)).toEqual([truth.plan.unsure.word])
    expect(renderTranscript(load(true))).not.toContain('unsure')
    expect(renderTranscript(load(true), { confidence: truth.plan.unsure.score })).not.toContain('unsure')
  })
})

test('the seed, without an alignment, renders as before: no word spans', () => {
  const seed = join(root, 'content/transcripts/1962-11-14-01181.txt')
  const html = renderTranscript(loadTranscript(readFileSync(seed), seed).tree, { confidence: 0.5 })
  expect(html).not.toMatch(/class="w[ "]/)
})
