/** One line per diagnostic, in the form editors' tools understand: `file:line:column: severity message [rule]`. */
import type { TranscriptJson } from './schema.ts'

export function formatDiagnostic(path: string, diagnostic: TranscriptJson['diagnostics'][number]): string {
  const { line, column, severity, message, rule } = diagnostic
  return `${path}:${line}:${column}: ${severity} ${message} [${rule}]`
}
