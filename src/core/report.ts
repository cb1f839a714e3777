/** One line per diagnostic, in the form editors' tools understand: `file:line:column: severity message [rule]`. */
import { dirname, join } from 'node:path'
import type { TranscriptJson } from './schema.ts'

/** `path` is the transcript's; a message about its sidecar names the sidecar beside it instead. */
export function formatDiagnostic(path: string, diagnostic: TranscriptJson['diagnostics'][number]): string {
  const { line, column, severity, message, rule, file } = diagnostic
  return `${file === undefined ? path : join(dirname(path), file)}:${line}:${column}: ${severity} ${message} [${rule}]`
}
