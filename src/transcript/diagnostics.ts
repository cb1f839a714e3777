/**
 * The rules the parser reports on, each with its severity. Errors mean the file cannot be read as a
 * transcript (the CLI exits 1, the site build fails); warnings point an editor at something to check.
 * Messages are vfile messages, so any vfile reporter can print them.
 */
import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'

export const rules = {
  'empty-file': { severity: 'error', about: 'The file holds no text.' },
  'missing-id': { severity: 'error', about: 'The header does not start with a document id line.' },
  'missing-date': { severity: 'error', about: 'The header has no `YYYY/MM/DD` date line after the id.' },
  'invalid-date': { severity: 'error', about: 'The header date is not a calendar date.' },
  'no-turns': { severity: 'error', about: 'No `Speaker: text` turn was found.' },
  'internal-error': { severity: 'error', about: 'The parser failed; please report the file.' },
  'missing-heading': { severity: 'warning', about: 'No heading line stands before the first turn.' },
  'footnote-unreferenced': { severity: 'warning', about: 'A footnote is defined but no marker points to it.' },
  'footnote-undefined': { severity: 'warning', about: 'A marker points to a footnote that is not defined.' },
  'footnote-duplicate': { severity: 'warning', about: 'The same footnote number is defined twice.' },
  'timestamp-backwards': { severity: 'warning', about: 'A timestamp is earlier than the one before it.' },
  'timestamp-out-of-range': { severity: 'warning', about: 'A timestamp has minutes or seconds above 59.' },
  'speaker-unresolved': { severity: 'warning', about: 'A short label matches no full name in the transcript.' },
  'speaker-ambiguous': { severity: 'warning', about: 'A short label matches more than one full name.' },
  'bracket-unclosed': { severity: 'warning', about: 'A `[` has no matching `]` in its paragraph.' },
  'bracket-unopened': { severity: 'warning', about: 'A `]` has no matching `[` in its paragraph.' },
  'empty-turn': { severity: 'warning', about: 'A speaker label is followed by no text.' },
  'unattributed-paragraph': {
    severity: 'warning',
    about: 'An unlabelled paragraph in the conversation follows an excision or direction, not a turn.',
  },
  'excision-duration': { severity: 'warning', about: 'The length of an excision cannot be read.' },
} as const satisfies Record<string, { severity: 'error' | 'warning'; about: string }>

export type RuleId = keyof typeof rules

/** Where messages come from, as vfile's `source`. */
export const source = 'transcript'

/** Adds a message for `rule` at `place`; errors are marked fatal (vfile's meaning of error). */
export function report(file: VFile, rule: RuleId, reason: string, place?: Point | Position): void {
  const message = file.message(reason, { place, ruleId: rule, source })
  message.fatal = rules[rule].severity === 'error'
}

export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true)
}
