/**
 * An aligner's file read into one list of words with their times, whatever wrote it: WhisperX's JSON
 * (`segments[].words[]`: word, start, end, score; a word it could not place, such as a number, has no
 * times), Gentle's JSON (`words[]`: word, alignedWord, start, end, `case`: a `success` is placed, a word
 * `not-found-in-transcript` is heard but the transcript lacks it, one `not-found-in-audio` is not heard) and
 * WebVTT with one cue per word (what aeneas writes given one word a line, and any subtitle tool can edit).
 * Each is checked with a schema; a problem is a message on the alignment's own file at its line and column,
 * and the file is then not used.
 */
import { z } from 'astro/zod'
import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { fileText, report } from '../diagnostics.ts'
import { type PlacedDocument, placedDocument } from '../yaml-places.ts'
import type { AlignmentFormat } from '../types.ts'
import { readWebVtt } from './webvtt.ts'

/** A word as the aligner wrote it, with its times in seconds of the recording (both or neither). */
export interface AlignerWord {
  word: string
  start?: number
  end?: number
  score?: number
}

export interface AlignerFile {
  format: AlignmentFormat
  words: AlignerWord[]
}

const seconds = z.number().nonnegative().finite()

const whisperxSchema = z.object({
  segments: z.array(
    z.object({
      words: z.array(
        z.object({
          word: z.string(),
          start: seconds.optional(),
          end: seconds.optional(),
          score: z.number().min(0).max(1).optional(),
        }),
      ),
    }),
  ),
})

const gentleSchema = z.object({
  words: z.array(
    z.object({
      // Gentle leaves `word` out of a word it heard that the transcript lacks (`not-found-in-transcript`).
      word: z.string().optional(),
      alignedWord: z.string().optional(),
      start: seconds.optional(),
      end: seconds.optional(),
      case: z.string(),
    }),
  ),
})

/** Reads the alignment `file` holds; undefined, with messages on `file`, when it cannot be used. */
export function readAlignment(file: VFile): AlignerFile | undefined {
  const text = fileText(file, 'alignment-syntax', 'alignment file')
  if (text === undefined) return undefined
  if (/^WEBVTT(?:[ \t]|\r?\n|$)/.test(text)) {
    const words = readWebVtt(file, text)
    return words && checked(file, { format: 'webvtt', words }, () => undefined)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    report(file, 'alignment-syntax', `Neither WebVTT nor JSON: ${(error as Error).message}`, syntaxPoint(text))
    return undefined
  }
  const at = jsonPlaces(text)
  const format = formatOf(value)
  if (!format) {
    report(
      file,
      'alignment-invalid',
      'Not an alignment read here: expected WhisperX JSON (`segments` with `words`), Gentle JSON (`words` with `case`) or WebVTT with a cue per word',
      { line: 1, column: 1 },
    )
    return undefined
  }
  const schema = format === 'whisperx' ? whisperxSchema : gentleSchema
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 10)) {
      report(file, 'alignment-invalid', `\`${issue.path.join('.')}\`: ${issue.message}`, at(issue.path))
    }
    return undefined
  }
  const words: Array<AlignerWord & { path: PropertyKey[] }> = []
  if (format === 'whisperx') {
    for (const [s, segment] of (parsed.data as z.infer<typeof whisperxSchema>).segments.entries())
      for (const [w, word] of segment.words.entries()) words.push({ ...word, path: ['segments', s, 'words', w] })
  } else {
    for (const [w, word] of (parsed.data as z.infer<typeof gentleSchema>).words.entries()) {
      const path = ['words', w]
      // Only a word Gentle found in the audio has its times; the others are words it did not hear.
      const text = word.word ?? word.alignedWord ?? ''
      if (word.case === 'success' || word.case === 'not-found-in-transcript')
        words.push({ word: text, start: word.start, end: word.end, path })
      else words.push({ word: text, path })
    }
  }
  return checked(file, { format, words }, (index) => at(words[index]!.path))
}

function formatOf(value: unknown): AlignmentFormat | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  if ('segments' in value) return 'whisperx'
  if ('words' in value) return 'gentle'
  return undefined
}

/**
 * A word's times both given or both absent, its end not before its start, words in the order spoken; a
 * word that breaks this is reported where it stands, and the file is not used.
 */
function checked(
  file: VFile,
  read: { format: AlignmentFormat; words: ReadonlyArray<AlignerWord & { point?: Point }> },
  at: (index: number) => Point | undefined,
): AlignerFile | undefined {
  let ok = true
  let last = 0
  for (const [index, { word, start, end, point }] of read.words.entries()) {
    let problem: string | undefined
    if ((start === undefined) !== (end === undefined))
      problem = `“${word}” has a ${start === undefined ? 'end' : 'start'} but no ${start === undefined ? 'start' : 'end'}`
    else if (start !== undefined && end !== undefined && end < start)
      problem = `“${word}” ends (${end} s) before it starts (${start} s)`
    else if (start !== undefined && start < last) problem = `“${word}” starts (${start} s) before the word before it (${last} s)`
    if (problem) {
      report(file, 'alignment-invalid', problem, point ?? at(index))
      ok = false
    }
    if (start !== undefined) last = Math.max(last, start)
  }
  if (!ok) return undefined
  return {
    format: read.format,
    words: read.words.map(({ word, start, end, score }) => ({
      word,
      ...(start === undefined ? {} : { start, end: end! }),
      ...(score === undefined ? {} : { score }),
    })),
  }
}

/** Where each value of a JSON text stands, read again only for messages (JSON is YAML 1.2). */
function jsonPlaces(text: string): (path: readonly PropertyKey[]) => Point {
  let placed: PlacedDocument | undefined
  return (path) => {
    placed ??= placedDocument(text)
    return placed.nearest(path)
  }
}

/** The place of a JSON syntax error, from yaml's parser (it reports the offset). */
function syntaxPoint(text: string): Point {
  const { doc, at } = placedDocument(text)
  return at(doc.errors[0]?.pos[0] ?? 0)
}
