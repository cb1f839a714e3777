/**
 * The collection's corrections, newest first: every version of every transcript after its first (the
 * first is the transcript's publication, not a correction), with its note and how many passages it changed.
 * Read by the changes pages (`/changes/`, 100 a page) and the Atom feed (src/build/changes-feed.ts). Edits
 * not yet committed are never listed: they are no version.
 */
import type { TranscriptSummary } from './summary.ts'

export const CHANGES_PER_PAGE = 100

export interface Correction {
  name: string
  title: string
  /** The version's short id and full commit. */
  id: string
  commit: string
  /** ISO 8601. */
  date: string
  note?: string
  /** Passages it changed; null when its text could not be compared. */
  changed: number | null
}

export function corrections(summaries: readonly TranscriptSummary[]): Correction[] {
  const list: Correction[] = []
  for (const summary of summaries) {
    for (const version of summary.history?.versions.slice(1) ?? []) {
      list.push({
        name: summary.name,
        title: summary.title,
        id: version.id,
        commit: version.commit,
        date: version.date,
        ...(version.note !== undefined ? { note: version.note } : {}),
        changed: version.changed,
      })
    }
  }
  // Newest first, by the instant (dates carry their offsets); then by name, for a stable order.
  return list.sort((a, b) => Date.parse(b.date) - Date.parse(a.date) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
}

export interface ChangesPage {
  page: number
  pages: number
  total: number
  entries: Correction[]
}

/** The corrections cut into pages; one empty page when there are none (the page still says so). */
export function changesPages(list: readonly Correction[], perPage = CHANGES_PER_PAGE): ChangesPage[] {
  const pages = Math.max(1, Math.ceil(list.length / perPage))
  return Array.from({ length: pages }, (_, index) => ({
    page: index + 1,
    pages,
    total: list.length,
    entries: list.slice(index * perPage, (index + 1) * perPage),
  }))
}

/** "2 passages changed", "No words changed", "changes not known". */
export function changedPhrase(changed: number | null): string {
  if (changed === null) return 'its changes could not be compared'
  if (changed === 0) return 'no words of the transcript changed'
  return changed === 1 ? '1 passage changed' : `${changed} passages changed`
}
