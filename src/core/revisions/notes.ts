/**
 * The sidecar's `revisions` notes matched to a transcript's versions: a key is a commit id (at least four
 * hexadecimal digits of its start, short or full) or a date (`2026-12-06`: every version committed that
 * day). A key that names no version is a warning at the key's place in the sidecar, never silently dropped.
 */
import type { VFile } from 'vfile'
import { report } from '../diagnostics.ts'
import { sidecarKeyPoint } from '../sidecar.ts'
import { dayOf } from '../../contract/dates.ts'

export interface NotedVersion {
  commit: string
  /** ISO 8601: its first ten characters are the day. */
  date: string
}

/** Commit → note. Messages about unknown keys go on `sidecarFile` (then copied to `file` by the caller). */
export function matchNotes(
  versions: readonly NotedVersion[],
  revisions: Readonly<Record<string, string>> | undefined,
  sidecarFile: VFile | undefined,
): Map<string, string> {
  const notes = new Map<string, string>()
  if (!revisions) return notes
  for (const [key, note] of Object.entries(revisions)) {
    const wanted = key.trim().toLowerCase()
    const matched = /^\d{4}-\d{2}-\d{2}$/.test(wanted)
      ? versions.filter((version) => dayOf(version.date) === wanted)
      : /^[0-9a-f]{4,64}$/.test(wanted)
        ? versions.filter((version) => version.commit.startsWith(wanted))
        : []
    for (const version of matched) notes.set(version.commit, note)
    if (matched.length === 0 && sidecarFile) {
      report(
        sidecarFile,
        'sidecar-unknown-version',
        `\`revisions\`: \`${key}\` names no version of this transcript (a commit id of its history, or a date one was committed); the note is not shown`,
        sidecarKeyPoint(sidecarFile, ['revisions', key]),
      )
    }
  }
  return notes
}
