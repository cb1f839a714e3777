/** One line per diagnostic, in the form editors' tools understand: `file:line:column: severity message [rule]`. */
import { VFile } from 'vfile'
import type { TranscriptJson } from './schema.ts'

/** `path` is the transcript's; a message about its sidecar names the sidecar beside it instead. */
export function formatDiagnostic(path: string, diagnostic: TranscriptJson['diagnostics'][number]): string {
  const { line, column, severity, message, rule, file } = diagnostic
  return `${file === undefined ? path : beside(path, file)}:${line}:${column}: ${severity} ${message} [${rule}]`
}

/** `folder/x.txt` and `x.yml` → `folder/x.yml`: vfile's path handling (Node's own in Node), so the core imports no Node. */
function beside(path: string, name: string): string {
  const file = new VFile({ path })
  file.basename = name
  return file.path
}
