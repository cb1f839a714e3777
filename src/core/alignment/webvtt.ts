/**
 * WebVTT with one cue per word, as aligners write it (W3C WebVTT: a `WEBVTT` line, then blocks apart by
 * blank lines; a cue is an optional id, `00:01.500 --> 00:01.900`, and its text). NOTE, STYLE and REGION
 * blocks are skipped; tags and character references in the text are read as text. A cue holding several
 * words is kept as one: the words share its time.
 */
import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { report } from '../diagnostics.ts'

const timing = /^((?:\d+:)?[0-5]\d:[0-5]\d\.\d{3})[ \t]+-->[ \t]+((?:\d+:)?[0-5]\d:[0-5]\d\.\d{3})(?:[ \t].*)?$/

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f' }

/** A cue's words and times, and where its timing line stands. */
export interface Cue {
  word: string
  start: number
  end: number
  point: Point
}

/** The cues' words in order; undefined (reported) when a cue is bad. */
export function readWebVtt(file: VFile, text: string): Cue[] | undefined {
  const lines = text.split(/\r\n|\r|\n/)
  const words: Cue[] = []
  let ok = true
  let index = 1 // past the WEBVTT line and its header block
  while (index < lines.length && lines[index] !== '') index++
  while (index < lines.length) {
    while (index < lines.length && lines[index]!.trim() === '') index++
    const block: Array<{ text: string; line: number }> = []
    while (index < lines.length && lines[index]!.trim() !== '') block.push({ text: lines[index]!, line: ++index })
    if (block.length === 0) break
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(block[0]!.text)) continue
    const at = block[0]!.text.includes('-->') ? 0 : 1
    const cue = block[at]
    const match = cue && timing.exec(cue.text.trim())
    if (!cue || !match) {
      const where = cue ?? block[0]!
      report(file, 'alignment-invalid', `Expected a cue's timing (\`00:01.500 --> 00:01.900\`), found “${where.text.trim()}”`, {
        line: where.line,
        column: 1,
      })
      ok = false
      continue
    }
    const word = block
      .slice(at + 1)
      .map((line) => payload(line.text))
      .join(' ')
      .trim()
    if (word === '') continue // an empty cue times nothing
    words.push({ word, start: time(match[1]!), end: time(match[2]!), point: { line: cue.line, column: 1 } })
  }
  return ok ? words : undefined
}

/** `01:02.500` or `1:01:02.500` in seconds, to the millisecond. */
function time(value: string): number {
  const parts = value.split(':').map(Number)
  return Math.round(parts.reduce((sum, part) => sum * 60 + part, 0) * 1000) / 1000
}

/** A cue's text without its tags (`<v Ann>`, `<c.x>`, `<00:01.000>`) and with its character references read. */
function payload(line: string): string {
  return line
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#(\d+)|#x([\da-f]+)|(\w+));/gi, (whole, decimal, hex, name) =>
      decimal ? String.fromCodePoint(Number(decimal)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (entities[name] ?? whole),
    )
}
