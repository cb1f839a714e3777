/**
 * The rules the parser reports on, each with its severity. Errors mean the file cannot be read as a
 * transcript (the CLI exits 1, the site build fails); warnings point an editor at something to check;
 * info says what the parser decided (a house style) and never fails anything, `--strict` included.
 * Messages are vfile messages, so any vfile reporter can print them.
 */
import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'

export const rules = {
  'empty-file': { severity: 'error', about: 'The file holds no text.' },
  'invalid-encoding': { severity: 'error', about: 'Bytes that are not valid UTF-8 (or UTF-16 after a byte-order mark).' },
  'binary-content': { severity: 'error', about: 'The file holds binary data, not text; it is not read further.' },
  'control-character': { severity: 'error', about: 'An invisible control character (such as NUL) stands in the text.' },
  'text-before-header': { severity: 'error', about: 'Text stands before the header’s document id and date.' },
  'missing-id': { severity: 'error', about: 'The header does not start with a document id line.' },
  'missing-date': { severity: 'error', about: 'The header has no `YYYY/MM/DD` date line after the id.' },
  'invalid-date': { severity: 'error', about: 'The header date is not a calendar date.' },
  undated: {
    severity: 'warning',
    about: 'Nothing gives the recording’s date: neither a header, nor a heading, nor the sidecar.',
  },
  'no-turns': { severity: 'error', about: 'No `Speaker: text` turn was found.' },
  'internal-error': { severity: 'error', about: 'The parser failed; please report the file.' },
  'missing-heading': { severity: 'warning', about: 'No heading line stands before the first turn.' },
  'footnote-unreferenced': { severity: 'warning', about: 'A footnote is defined but no marker points to it.' },
  'footnote-undefined': { severity: 'warning', about: 'A marker points to a footnote that is not defined.' },
  'footnote-duplicate': { severity: 'warning', about: 'The same footnote number is defined twice.' },
  'footnote-order': { severity: 'warning', about: 'Footnotes are not numbered in the order of their markers or definitions.' },
  'footnote-in-number': { severity: 'warning', about: 'A footnote marker stands between the digits of a number.' },
  'timestamp-backwards': { severity: 'warning', about: 'A timestamp is earlier than the one before it.' },
  'timestamp-out-of-range': { severity: 'warning', about: 'A timestamp has minutes or seconds above 59.' },
  'speaker-unresolved': { severity: 'warning', about: 'A short label matches no full name in the transcript.' },
  'speaker-ambiguous': { severity: 'warning', about: 'A short label matches more than one full name.' },
  'empty-label': { severity: 'warning', about: 'A paragraph starts with `:` but no speaker name.' },
  'label-invalid': {
    severity: 'warning',
    about: 'A paragraph starts like a turn, but what stands before the `:` is not a name.',
  },
  'bracket-unclosed': { severity: 'warning', about: 'A `[` has no matching `]` in its paragraph.' },
  'bracket-unopened': { severity: 'warning', about: 'A `]` has no matching `[` in its paragraph.' },
  'bracket-nested': { severity: 'warning', about: 'A bracket stands inside another bracket.' },
  'empty-turn': { severity: 'warning', about: 'A speaker label is followed by no text.' },
  'unattributed-paragraph': {
    severity: 'warning',
    about: 'An unlabelled paragraph in the conversation follows an excision or direction, not a turn.',
  },
  'excision-duration': { severity: 'warning', about: 'The length of an excision cannot be read.' },
  'sidecar-syntax': { severity: 'error', about: 'The sidecar (`<name>.yml`) is not well-formed YAML.' },
  'sidecar-invalid': { severity: 'error', about: 'A sidecar field has the wrong type or value, or a required one is missing.' },
  'sidecar-unknown-key': { severity: 'error', about: 'The sidecar has a key the format does not know.' },
  'sidecar-unknown-style': { severity: 'error', about: 'The sidecar’s `conventions` names no known house style.' },
  'witness-self': { severity: 'warning', about: 'A sidecar names its own transcript among its witnesses.' },
  'witness-unknown': { severity: 'warning', about: 'A sidecar names a witness that is no transcript of the collection.' },
  'sidecar-unknown-version': {
    severity: 'warning',
    about: 'A sidecar’s `revisions` key names no version (commit id or date) of the transcript’s history.',
  },
  'alignment-missing': {
    severity: 'warning',
    about: 'The sidecar’s `alignment` names a file that is not beside the transcript; the transcript is read without it.',
  },
  'alignment-syntax': {
    severity: 'warning',
    about: 'The alignment file is not well-formed JSON or WebVTT; the transcript is read without it.',
  },
  'alignment-invalid': {
    severity: 'warning',
    about:
      'The alignment file is not in a format read (WhisperX or Gentle JSON, WebVTT with a cue per word), or a value in it is wrong.',
  },
  'alignment-disagrees': {
    severity: 'warning',
    about:
      'A printed timestamp and the aligner’s time for the words it stands before differ by more than the tolerance; the printed time stands.',
  },
  'alignment-unaligned': {
    severity: 'info',
    about: 'How many of the transcript’s words the alignment gives no time, and where the first of them stands.',
  },
  'house-style-unknown': { severity: 'error', about: 'The house style asked for is not one the parser knows.' },
  'house-style': { severity: 'info', about: 'The house style the transcript was read in, when it is not the default.' },
  'label-separator': {
    severity: 'info',
    about: 'A label ends with a character the house style reads as a slip for `:` (`HALDEMAN;`).',
  },
} as const satisfies Record<string, { severity: 'error' | 'warning' | 'info'; about: string }>

export type RuleId = keyof typeof rules

/** Where messages come from, as vfile's `source`. */
export const source = 'transcript'

/**
 * Messages per rule and file before the rest are summed up in one: a file of a million stray `[` must
 * give an editor a readable list (and not a million objects), while every place stays findable by the
 * first ones.
 */
export const messageLimit = 25

interface Overflow {
  count: number
  place: Point | Position | undefined
}
const overflow = new WeakMap<VFile, Map<RuleId, Overflow>>()
const counts = new WeakMap<VFile, Map<RuleId, number>>()

/**
 * The text a side file holds (a sidecar, an alignment: a string, or bytes that must be UTF-8), without a
 * leading byte-order mark; undefined, with `rule` reported at 1:1 ("The <what> is not UTF-8 text"), when
 * its bytes are not UTF-8.
 */
export function fileText(file: VFile, rule: RuleId, what: string): string | undefined {
  try {
    const text = typeof file.value === 'string' ? file.value : new TextDecoder('utf-8', { fatal: true }).decode(file.value)
    return text.replace(/^\uFEFF/, '')
  } catch {
    report(file, rule, `The ${what} is not UTF-8 text`, { line: 1, column: 1 })
    return undefined
  }
}

/** Adds a message for `rule` at `place`; errors are marked fatal (vfile's meaning of error). */
export function report(file: VFile, rule: RuleId, reason: string, place?: Point | Position): void {
  let perRule = counts.get(file)
  if (!perRule) {
    perRule = new Map()
    counts.set(file, perRule)
  }
  const count = (perRule.get(rule) ?? 0) + 1
  perRule.set(rule, count)
  if (count > messageLimit) {
    let extra = overflow.get(file)
    if (!extra) {
      extra = new Map()
      overflow.set(file, extra)
    }
    const entry = extra.get(rule) ?? { count: 0, place }
    entry.count++
    extra.set(rule, entry)
    return
  }
  add(file, rule, reason, place)
}

/** Adds one message for each rule that was reported more than `messageLimit` times, at the first place left out. */
export function reportOverflow(file: VFile): void {
  const extra = overflow.get(file)
  if (!extra) return
  for (const [rule, { count, place }] of extra) {
    const what = count === 1 ? 'problem' : 'problems'
    add(
      file,
      rule,
      `${count} more ${what} of this kind (${rules[rule].about.replace(/\.$/, '')}) from here on are not listed one by one; fix the ones above and run the check again`,
      place,
    )
  }
  overflow.delete(file)
  counts.delete(file)
}

function add(file: VFile, rule: RuleId, reason: string, place?: Point | Position): void {
  const message = file.message(reason, { place, ruleId: rule, source })
  const { severity } = rules[rule] as { severity: 'error' | 'warning' | 'info' }
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
}

export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true)
}
