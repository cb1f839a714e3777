/**
 * A transcript's sidecar, `<name>.yml` beside `<name>.txt`: what the raw text lacks, supplied without
 * editing the transcript (title, speakers' names, series, source, recording, house style). Read with the
 * `yaml` library's Document API, which keeps every node's place, and checked with zod; each problem is a
 * vfile message on the sidecar's file at the line and column of the key or value at fault, so an editor
 * meets a bad sidecar exactly like a bad transcript. No Astro imports: the CLI and the tests use it.
 */
import { z } from 'astro/zod'
import type { Point } from 'unist'
import { VFile } from 'vfile'
import { isMap, isPair, isScalar, visit, type Document, type Node as YamlNode, type YAMLError } from 'yaml'
import { fileText, report } from './diagnostics.ts'
import { nearestNode, placedDocument } from './yaml-places.ts'
import { houseStyles } from './styles/index.ts'
import { isoDate as calendarDate } from './parse/dates.ts'
import type { GivenFacts } from './parse/facts.ts'
import type { TranscriptMeta, WitnessRef } from './types.ts'

/** Text, not empty. */
const text = z.string().trim().min(1)
/** Volume, document and tape numbers are often typed bare (`volume: 4`): kept as text. */
const number = z.union([text, z.number().transform(String)])
const url = z.url({ protocol: /^https?$/, error: 'expected an http or https URL' })

/** A recording beside the transcript (a relative path inside its folder) or on the web. */
const recordingSource = text.refine(
  (src) => /^https?:\/\//i.test(src) || !(/^[/\\]|^[a-z]:/i.test(src) || src.split(/[/\\]/).includes('..')),
  'expected a file beside the transcript (a relative path, without `..`) or an http or https URL',
)

/** A file beside the transcript: a relative path inside its folder, no URL (the build reads it). */
const besideFile = text.refine(
  (src) => !(/^[/\\]|^[a-z]:/i.test(src) || /^[a-z][a-z\d+.-]*:\/\//i.test(src) || src.split(/[/\\]/).includes('..')),
  'expected a file beside the transcript (a relative path, without `..`)',
)

/** `1972-09-15`: a calendar date, ISO (YAML 1.2 keeps it as text). */
const isoDate = text.refine((value) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  return !!match && calendarDate(Number(match[1]), Number(match[2]), Number(match[3])) !== undefined
}, 'expected a calendar date as YYYY-MM-DD')

/** `17:27` or `17:27-18:17`: a 24-hour time of day, or a span. */
const clockTime = text.refine(
  (value) => /^(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*[-–]\s*(?:[01]?\d|2[0-3]):[0-5]\d)?$/.test(value),
  'expected a 24-hour time or span, such as `17:27-18:17`',
)

export const sidecarSchema = z.strictObject({
  /** Shown instead of the transcript's heading. */
  title: text.optional(),
  /**
   * Printed label → who speaks under it: `name` (the full name, shown instead of the label and before any
   * name the transcript's key or notes give) and `role` (what they were: `Counsel to the President`,
   * shown on their speaker page). Either may come alone: a role alone keeps the name the transcript gives.
   *
   * ```yaml
   * speakers:
   *   P: { name: Richard Nixon, role: President of the United States }
   *   D: { role: Counsel to the President }
   * ```
   */
  speakers: z
    .record(
      text,
      z
        .strictObject({ name: text.optional(), role: text.optional() })
        .refine((speaker) => speaker.name !== undefined || speaker.role !== undefined, 'expected a `name`, a `role` or both'),
    )
    .optional(),
  /** The series the transcript belongs to (`Presidential Recordings: John F. Kennedy, Volume 4`). */
  series: text.optional(),
  /**
   * Where the transcript was published and where its recording is kept: what its citation and source note
   * say (src/core/citation.ts). Each key overrides what the transcript's status note prints.
   */
  source: z
    .strictObject({
      /** Who published the edition (`Government Printing Office`). */
      publisher: text.optional(),
      /** Where the edition was published (`Washington`). */
      place: text.optional(),
      /** The year the edition was published (`2003`). */
      year: number.optional(),
      /** The edition (`Foreign Relations of the United States, 1964–1968`). */
      edition: text.optional(),
      /** Its volume (`VII`, `4`). */
      volume: number.optional(),
      /** The volume's own title (`Vietnam, September 1968–January 1969`). */
      volumeTitle: text.optional(),
      /** The edition's editors, one name each (`[Timothy Naftali, David Coleman]`). */
      editors: z.array(text).min(1).optional(),
      /** `draft` (to appear in the edition) or `published` in it; when absent, the status note decides. */
      status: z.enum(['draft', 'published']).optional(),
      /** The document's number in the edition (`173`). */
      document: number.optional(),
      /** The archive holding the recording (`John F. Kennedy Library`). */
      archive: text.optional(),
      /** The archive's collection (`President's Office Files, Presidential Recordings Collection`). */
      collection: text.optional(),
      /** The tape or conversation number in the archive (`58`, `F6811.01`). */
      tape: number.optional(),
      /** The archive's own copy of the recording or document: its catalogue page or file. */
      archiveUrl: url.optional(),
      /** Where the edition's text can be read (`https://history.state.gov/…/d173`). */
      url: url.optional(),
    })
    .optional(),
  recording: z
    .strictObject({
      src: recordingSource,
      offset: z.number().nonnegative().finite().optional(),
    })
    .optional(),
  /**
   * Word timings from a forced aligner, in a file beside the transcript (src/core/alignment/): WhisperX's
   * JSON, Gentle's JSON, or WebVTT with one cue per word. A file that cannot be read is a warning; the
   * transcript is then read without it.
   */
  alignment: besideFile.optional(),
  /** The house style to read the transcript with, by name. */
  conventions: text.optional(),
  /**
   * The edition's own word for where this transcript stands (`draft`, `checked`, `final`): free text, shown
   * to readers in the title block. Not `source.status`, which says only whether the text is published in
   * its printed edition (`draft` | `published`), for the citation.
   */
  status: text.optional(),
  /**
   * Editors' notes on versions, over the commit message's first line (which stays the note otherwise): each
   * key a commit id, short or full (`3f2a9c1`), or a date (`2026-12-06`: every version of that day), read as
   * printed (`0123456`, `12e4567` stay ids). A key that names no version of the transcript is a warning at its place.
   *
   * ```yaml
   * revisions:
   *   3f2a9c1: Corrected "Dobrinin" to "Dobrynin" after listening again
   *   2026-12-06: Split the President's turn at 05:48, where Bundy interrupts
   * ```
   */
  revisions: z.record(text, text).optional(),
  /**
   * What the text does not print, or prints wrongly: each overrides the header's or the printed heading's
   * (src/core/parse/facts.ts), and the JSON says it came from the sidecar. `id`: the document id (else the
   * header's, a numbered heading's, or the file's name); `date`: `YYYY-MM-DD`; `time`: 24-hour, a time or
   * a span (`17:27-18:17`); `place`: where the conversation was held (`Oval Office`).
   */
  id: number.optional(),
  date: isoDate.optional(),
  time: clockTime.optional(),
  place: text.optional(),
  /** Who made this transcription (`House Judiciary Committee, Impeachment Inquiry staff`). */
  transcriber: text.optional(),
  /**
   * Other transcriptions of the same recording in the collection, by transcript name, each alone or with who
   * made it and where it comes from; naming them on one side is enough (src/collection/witnesses.ts).
   *
   * ```yaml
   * witnesses:
   *   - transcript: nixon-1972-09-15-B
   *     transcriber: Watergate Special Prosecution Force
   *     source: Trial exhibit 4, United States v. Mitchell et al.
   *   - nixon-1972-09-15-C
   * ```
   */
  witnesses: z
    .array(
      z.union([
        text.transform((transcript) => ({ transcript })),
        z.strictObject({ transcript: text, transcriber: text.optional(), source: text.optional() }),
      ]),
    )
    .optional(),
})

/** A valid sidecar; its witnesses carry where the sidecar names each (`WitnessRef.position`). */
export type Sidecar = Omit<z.infer<typeof sidecarSchema>, 'witnesses'> & { witnesses?: WitnessRef[] }

/**
 * Reads the sidecar held by `file` (text or bytes). Returns undefined, with messages on `file`, when it is
 * not a valid sidecar: the transcript is then read without it (and the build stops on the error).
 */
export function readSidecar(file: VFile): Sidecar | undefined {
  const source = fileText(file, 'sidecar-syntax', 'sidecar')
  if (source === undefined) return undefined
  const { doc, at } = placedDocument(source)
  const problems = [...doc.errors, ...doc.warnings]
  for (const problem of problems) report(file, 'sidecar-syntax', `${problem.message} (YAML)`, at(errorOffset(doc, problem)))
  if (problems.length > 0) return undefined

  keepRevisionKeysAsPrinted(doc)
  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: 100 }) ?? {}
  } catch (error) {
    report(file, 'sidecar-syntax', `${error instanceof Error ? error.message : String(error)} (YAML)`, { line: 1, column: 1 })
    return undefined
  }
  const checked = sidecarSchema.safeParse(value)
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const where = issue.path.length > 0 ? `\`${dotted(issue.path)}\`` : 'a sidecar'
          report(
            file,
            'sidecar-unknown-key',
            `\`${key}\` is not a key of ${where}; known keys: ${knownKeys(issue.path).join(', ')}`,
            at(keyNode(doc, issue.path, key)?.range?.[0] ?? 0),
          )
        }
      } else {
        const what = issue.path.length > 0 ? `\`${dotted(issue.path)}\`` : 'The sidecar'
        const problem = `${what}: ${explain(issue)}`
        report(file, 'sidecar-invalid', problem, at(nearestNode(doc, issue.path)?.range?.[0] ?? 0))
      }
    }
    return undefined
  }
  const sidecar: Sidecar = { ...checked.data, ...witnessesAt(file, doc, checked.data.witnesses, at) }
  if (sidecar.conventions !== undefined && !houseStyles.has(sidecar.conventions)) {
    report(
      file,
      'sidecar-unknown-style',
      `\`conventions\`: no house style is named \`${sidecar.conventions}\`; known styles: ${[...houseStyles.keys()].join(', ')}`,
      at(nearestNode(doc, ['conventions'])?.range?.[0] ?? 0),
    )
    return undefined
  }
  return sidecar
}

/** The alignment file a sidecar's bytes name, when it is valid and names one (the build's cache key reads it). */
export function namedAlignment(value: string | Uint8Array): string | undefined {
  return readSidecar(new VFile({ value, path: 'sidecar.yml' }))?.alignment
}

/** The facts a sidecar gives the parser (`ParseOptions.given`): id, date, time, place. */
export function sidecarFacts(sidecar: Sidecar): GivenFacts | undefined {
  const { id, date, time, place } = sidecar
  const given: GivenFacts = {
    ...(id !== undefined ? { id } : {}),
    ...(date !== undefined ? { date } : {}),
    ...(time !== undefined ? { time } : {}),
    ...(place !== undefined ? { place } : {}),
  }
  return Object.keys(given).length > 0 ? given : undefined
}

/** The part of a sidecar recorded on the transcript's tree (`TranscriptRoot.meta`). */
export function sidecarMeta(sidecar: Sidecar): TranscriptMeta | undefined {
  const { title, series, source, recording, status, transcriber, witnesses } = sidecar
  const meta: TranscriptMeta = {}
  if (status !== undefined) meta.status = status
  if (transcriber !== undefined) meta.transcriber = transcriber
  if (witnesses !== undefined && witnesses.length > 0) meta.witnesses = witnesses
  if (title !== undefined) meta.title = title
  if (series !== undefined) meta.series = series
  if (source !== undefined && Object.keys(source).length > 0) meta.source = source
  if (recording !== undefined) meta.recording = recording
  return Object.keys(meta).length > 0 ? meta : undefined
}

type Path = readonly PropertyKey[]

/**
 * The sidecar's witnesses with where each is named; one naming the sidecar's own transcript (`<name>.yml`
 * naming `<name>`) is reported (`witness-self`) and left out. Whether the others exist is the collection's to say.
 */
function witnessesAt(
  file: VFile,
  doc: Document,
  witnesses: ReadonlyArray<Omit<WitnessRef, 'position'>> | undefined,
  at: (offset: number) => Point,
): { witnesses?: WitnessRef[] } {
  if (witnesses === undefined) return {}
  const kept: WitnessRef[] = []
  for (const [index, witness] of witnesses.entries()) {
    const node = doc.getIn(['witnesses', index, 'transcript'], true) ?? doc.getIn(['witnesses', index], true)
    const start = at((node as YamlNode | undefined)?.range?.[0] ?? 0)
    if (witness.transcript === file.stem) {
      report(
        file,
        'witness-self',
        `\`witnesses\`: \`${witness.transcript}\` is this transcript itself; name another transcription of the recording`,
        start,
      )
      continue
    }
    kept.push({ ...witness, position: { start, end: start } })
  }
  return { witnesses: kept }
}

/** Where the key at `path` stands in the sidecar `file` holds (a valid one), for a message about it. */
export function sidecarKeyPoint(file: VFile, path: readonly string[]): Point {
  const { doc, at } = placedDocument(String(file.value))
  return at(keyNode(doc, path.slice(0, -1), path.at(-1)!)?.range?.[0] ?? 0)
}

const kinds: Record<string, string> = {
  string: 'text',
  number: 'a number',
  object: 'a mapping (`key: value` lines)',
  array: 'a list',
  boolean: 'true or false',
  record: 'a mapping (`key: value` lines)',
  null: 'nothing',
}

/** Zod's message in an editor's words, for the issues a sidecar meets. */
function explain(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const got = /received (\w+)/.exec(issue.message)?.[1]
      if (got === 'undefined') return 'is required'
      return `expected ${kinds[issue.expected] ?? issue.expected}${got ? `, not ${kinds[got] ?? got}` : ''}`
    }
    case 'invalid_union':
      return issue.path[0] === 'witnesses'
        ? 'expected a transcript’s name, or `transcript` with optional `transcriber` and `source`'
        : 'expected text or a number'
    case 'too_small':
      return issue.origin === 'string' ? 'must not be empty' : `must be ${issue.minimum} or more`
    default:
      return issue.message
  }
}

function dotted(path: Path): string {
  return path.map(String).join('.')
}

/**
 * Where a syntax error is best shown: YAML reports an unclosed quote where the file ends, but an editor
 * must find where the quoted text opened.
 */
function errorOffset(doc: Document, error: YAMLError): number {
  let offset = error.pos[0]
  if (error.code !== 'MISSING_CHAR') return offset
  visit(doc, {
    Scalar(_key, node) {
      const [start, end] = node.range ?? [0, 0]
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && start < error.pos[0] && end >= error.pos[0]) {
        offset = start
        return visit.BREAK
      }
    },
  })
  return offset
}

/** The key node of `key` in the map at `path`. */
function keyNode(doc: Document, path: Path, key: string): YamlNode | undefined {
  const map = path.length > 0 ? doc.getIn(path as unknown[], true) : doc.contents
  if (isMap(map)) {
    for (const pair of map.items) {
      if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key) return pair.key
    }
  }
  return nearestNode(doc, path)
}

/** The keys a map at `path` may hold, for the editor who mistyped one. */
function knownKeys(path: Path): string[] {
  let schema: z.ZodType = sidecarSchema
  for (const step of path) {
    const inner = unwrap(schema)
    if (inner instanceof z.ZodObject) schema = inner.shape[String(step)] as z.ZodType
    else if (inner instanceof z.ZodRecord) schema = inner.valueType as z.ZodType
  }
  const inner = unwrap(schema)
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : []
}

function unwrap(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema
}

/**
 * `revisions:` keys are commit ids and dates as printed: YAML would read `12e4567` as a float (infinity)
 * and `0123456` as the number 123456, so a plain key keeps its source text (quoting is not needed).
 */
function keepRevisionKeysAsPrinted(doc: Document): void {
  const revisions = isMap(doc.contents) ? doc.contents.get('revisions', true) : undefined
  if (!isMap(revisions)) return
  for (const pair of revisions.items) {
    if (isScalar(pair.key) && pair.key.type === 'PLAIN' && typeof pair.key.source === 'string') pair.key.value = pair.key.source
  }
}
