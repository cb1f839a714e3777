/**
 * A transcript's history worked out from its versions' texts: each version's note (the sidecar's
 * `revisions` over the commit message), what each version changed against the one before it (and the
 * unpublished edits against the newest version), which passages of this text were revised since the first
 * version, and every id an earlier version used for words that are now elsewhere (./compare.ts). Plain data
 * in, plain data out: the build reads git (src/build/history/), the core only compares texts.
 */
import type { FormerId, TranscriptHistory, TranscriptRoot, Version } from '../types.ts'
import { compareVersions, type PassageChange } from './compare.ts'
import { type Passage, passagesOf } from './passages.ts'

/** One version as the build hands it over: its commit, and its text and sidecar as they were then. */
export interface VersionInput {
  id: string
  commit: string
  date: string
  /** The commit message's first line. */
  subject: string
  author?: string
  /** The transcript's text in this version (absent when it could not be read: it is then not compared). */
  text?: string | Uint8Array
  /** The sidecar in this version, when it had one. */
  sidecar?: string | Uint8Array
}

/** A transcript's history as the build reads it from git (oldest version first). */
export interface HistoryInput {
  versions: VersionInput[]
  /** The text or sidecar on disk is not the newest version's: uncommitted edits. */
  unpublished: boolean
  /** The clone is shallow: the oldest version may not be the first. */
  shallow: boolean
}

/** The id of the unpublished edits, where a version's id would stand. */
export const UNPUBLISHED = 'unpublished'

/** A changed passage, with the passage of this text that now holds it (to link to), when there is one. */
export interface ChangeShown extends PassageChange {
  current?: string
}

/** What one version (or the unpublished edits) changed against the version before it. */
export interface VersionChanges {
  /** The version; for unpublished edits, `id` is `unpublished` and `date` is absent. */
  version: Version | { id: typeof UNPUBLISHED }
  /** The first version known: nothing before it to compare with (after a shallow clone, maybe not the first). */
  first: boolean
  /** Whether its text could be compared (it was read); false: the changes are unknown, never shown as none. */
  compared: boolean
  changed: ChangeShown[]
}

export interface WorkedHistory {
  history: TranscriptHistory
  /** Oldest first; the unpublished edits last. */
  changes: VersionChanges[]
}

/**
 * `parse` reads an earlier version's text (with its sidecar) as the current one was read; `notes` are the
 * sidecar's `revisions` already matched to commits (./notes.ts).
 */
export function workHistory(
  current: TranscriptRoot,
  input: HistoryInput,
  parse: (text: string | Uint8Array, sidecar: string | Uint8Array | undefined) => TranscriptRoot,
  notes: ReadonlyMap<string, string> = new Map(),
): WorkedHistory {
  const versions: Version[] = input.versions.map(({ id, commit, date, subject, author }) => {
    const note = notes.get(commit) ?? subject
    return { id, commit, date, ...(note ? { note } : {}), ...(author ? { author } : {}) }
  })
  const now = passagesOf(current)
  const currentIds = new Set(now.flatMap((passage) => (passage.id ? [passage.id] : [])))
  // Each version's passages; the newest, when the text on disk is that version, is the current text.
  const texts: Array<Passage[] | undefined> = input.versions.map((version, index) => {
    if (index === input.versions.length - 1 && !input.unpublished) return now
    return version.text === undefined ? undefined : passagesOf(parse(version.text, version.sidecar))
  })
  // Every version against the current text: where each of its passages' words are now.
  const toCurrent = texts.map((passages) => (passages && passages !== now ? compareVersions(passages, now) : undefined))
  const currentOf = (index: number, passage: number): string | undefined => {
    const passages = texts[index]!
    if (passages === now) return now[passage]?.id
    const successor = toCurrent[index]?.successors[passage]
    return successor === undefined ? undefined : now[successor]?.id
  }

  const changes: VersionChanges[] = []
  const revised: Record<string, string> = {}
  const steps = input.versions.map((_, index) => index)
  const entries: Array<{ id: string; older: number; newer: number | 'now'; version: VersionChanges['version'] }> = []
  for (const index of steps.slice(1))
    entries.push({ id: versions[index]!.id, older: index - 1, newer: index, version: versions[index]! })
  if (input.unpublished && versions.length > 0)
    entries.push({ id: UNPUBLISHED, older: versions.length - 1, newer: 'now', version: { id: UNPUBLISHED } })
  if (versions.length > 0) changes.push({ version: versions[0]!, first: true, compared: texts[0] !== undefined, changed: [] })
  for (const entry of entries) {
    const older = texts[entry.older]
    const newer = entry.newer === 'now' ? now : texts[entry.newer]
    if (!older || !newer) {
      changes.push({ version: entry.version, first: false, compared: false, changed: [] })
      continue
    }
    // Against the current text it is the comparison already made for the successors: made once.
    const comparison = (newer === now ? toCurrent[entry.older] : undefined) ?? compareVersions(older, newer)
    const changed = comparison.changed.map((change): ChangeShown => {
      const current = entry.newer === 'now' ? change.id : currentOf(entry.newer, change.index)
      if (current) revised[current] = entry.id
      return { ...change, ...(current ? { current } : {}) }
    })
    changes.push({ version: entry.version, first: false, compared: true, changed })
  }

  // Ids that earlier versions gave other words: gone ones, and ones that hold other words now (turns
  // renumbered after a split). Newest versions first, so each id says where its latest words went.
  const former: FormerId[] = []
  const seen = new Set<string>()
  for (let index = texts.length - 1; index >= 0; index--) {
    const passages = texts[index]
    if (!passages || passages === now) continue
    const retiredBy = index + 1 < versions.length ? versions[index + 1]!.id : UNPUBLISHED
    for (const [at, passage] of passages.entries()) {
      if (!passage.id || seen.has(passage.id)) continue
      const successor = currentOf(index, at)
      if (successor === undefined || successor === passage.id) continue
      if (currentIds.has(passage.id) && passage.kind !== 'turn') continue
      seen.add(passage.id)
      former.push({ id: passage.id, successor, version: retiredBy, kind: currentIds.has(passage.id) ? 'moved' : 'gone' })
    }
  }
  const history: TranscriptHistory = {
    versions,
    ...(input.unpublished ? { unpublished: true } : {}),
    ...(input.shallow ? { shallow: true } : {}),
    revised,
    former,
  }
  return { history, changes }
}
