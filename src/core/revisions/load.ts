/**
 * Loading a transcript with its history: the current text parsed as `loadTranscript` parses it, each
 * earlier version's text parsed the same way (with the sidecar it had then), compared (./history.ts), and
 * the result put on the tree (`TranscriptRoot.history`) before the JSON is made, so that the JSON, the
 * page, the citation and the TEI all read the versions from the tree.
 */
import { type LoadedTranscript, type LoadOptions, parseTranscript } from '../load.ts'
import { toJson } from '../to-json.ts'
import { type HistoryInput, type VersionChanges, workHistory } from './history.ts'
import { matchNotes } from './notes.ts'

export interface LoadedWithHistory extends LoadedTranscript {
  /** What each version changed (oldest first), when the history is known. */
  changes?: VersionChanges[]
}

export function loadWithHistory(
  value: string | Uint8Array,
  path: string,
  options: LoadOptions & { history?: HistoryInput },
): LoadedWithHistory {
  const { tree, file, sidecar, sidecarFile } = parseTranscript(value, path, options)
  let changes: VersionChanges[] | undefined
  if (options.history && options.history.versions.length > 0) {
    const notes = matchNotes(options.history.versions, sidecar?.revisions, sidecarFile)
    if (sidecarFile) for (const message of sidecarFile.messages) if (!file.messages.includes(message)) file.messages.push(message)
    const { style } = options
    const sidecarPath = options.sidecar?.path ?? path.replace(/\.txt$/i, '.yml')
    const parse = (text: string | Uint8Array, sidecarText: string | Uint8Array | undefined) =>
      parseTranscript(text, path, {
        ...(style !== undefined ? { style } : {}),
        ...(sidecarText !== undefined ? { sidecar: { value: sidecarText, path: sidecarPath } } : {}),
      }).tree
    const worked = workHistory(tree, options.history, parse, notes)
    tree.history = worked.history
    changes = worked.changes
  }
  return { tree, file, json: toJson(tree, file, options.citation), ...(changes ? { changes } : {}) }
}
