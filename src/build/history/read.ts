/**
 * A collection's history, read from git in a number of processes that does not grow with the collection:
 * one `git rev-parse` (where the repository is, whether it is shallow), one `git log` over the transcripts'
 * folder (every commit that touched it, with the files it changed), one `git status` (uncommitted edits).
 * Each transcript's versions are the commits that changed its `<name>.txt` or its `<name>.yml`. Anything
 * missing (no git, no repository, a shallow clone, files never committed) is ONE line for the log saying
 * what is missing and how to get it; the build goes on with what there is.
 */
import { git } from './git.ts'

/** One version of a transcript as git has it. */
export interface GitVersion {
  /** The full commit id. */
  commit: string
  /**
   * The commit's id as routes, anchors, feeds and citations name it: its first 10 hex digits, always (git's
   * own `%h` grows with the repository and differs in a shallow clone, and a cited address must not change).
   */
  id: string
  /** The committer date, ISO 8601 with its offset (`2026-12-06T10:00:00+00:00`). */
  date: string
  /** The first line of the commit message. */
  subject: string
  /** The author's name, only when the site's configuration publishes authors. */
  author?: string
}

/**
 * A version's files as git holds them: each one's blob id, `null` when the file was not in that commit, and
 * absent when the log does not say (a file unchanged since before a shallow clone's first commit).
 */
export interface VersionBlobs {
  txt?: string | null
  yml?: string | null
}

/** A transcript's history: its versions, oldest first, and whether the text on disk is one of them. */
export interface GitHistory {
  versions: GitVersion[]
  /** Each version's files, by its commit: read by id, a blob is found at once (`commit:path` walks a tree). */
  blobs: Map<string, VersionBlobs>
  /** The text or the sidecar on disk differs from the newest version (or was never committed). */
  unpublished: boolean
  /** The clone is shallow: the oldest version listed may not be the first. */
  shallow: boolean
}

export interface CollectionHistory {
  /** Per transcript name; absent for a collection git cannot read. */
  byName: Map<string, GitHistory>
  /** The repository's top folder and the transcripts' folder inside it (`content/transcripts/`), when there is one. */
  repository?: { top: string; prefix: string }
  /** One line each, for the build's log: what is missing and how to get it. */
  warnings: string[]
  /** One line each: what the build noticed and did (uncommitted edits). */
  notes: string[]
}

export interface HistoryOptions {
  /** Publish the authors' names (the site's configuration `history.authors`). */
  authors?: boolean
}

const RECORD = '\x1e'
const FIELD = '\x1f'

/**
 * Reads the history of the transcripts `names` (without `.txt`) in `folder`. `shown` is the folder as the
 * editor names it, for the messages.
 */
export function readCollectionHistory(
  folder: string,
  names: readonly string[],
  options: HistoryOptions = {},
  shown = folder,
): CollectionHistory {
  const result: CollectionHistory = { byName: new Map(), warnings: [], notes: [] }
  const without = 'transcripts are published without versions'
  const where = git(['rev-parse', '--is-shallow-repository', '--show-toplevel', '--show-prefix'], folder)
  if (!where.ok) {
    result.warnings.push(
      where.missing
        ? `history: no \`git\` program was found, so ${without}; install git (apt-get install git) to publish revisions`
        : `history: ${shown} is not in a git repository, so ${without}; commit the transcripts in git (git init, git add, git commit) to publish revisions`,
    )
    return result
  }
  const [shallowLine = 'false', top = folder, prefix = ''] = where.stdout.split('\n')
  const shallow = shallowLine.trim() === 'true'
  result.repository = { top, prefix }
  if (shallow)
    result.warnings.push(
      'history: this clone is shallow, so the oldest version shown of a transcript may not be its first; fetch the full history to publish every revision: git fetch --unshallow',
    )

  // One log for the whole folder: newest first, each commit's changed files after it (`--raw`, NUL-separated:
  // `:<modes> <old blob> <new blob> <status>`, then the path). The main line only (`--first-parent`), each
  // merge as what it changed on it: a branch's commits are not versions of the published text, and a merge
  // that brings in or edits a transcript is one.
  const format = `${RECORD}%H${FIELD}%cI${FIELD}%an${FIELD}%B`
  const log = git(
    [
      'log',
      '-z',
      '--no-renames',
      '--first-parent',
      '--diff-merges=first-parent',
      `--format=${format}`,
      '--raw',
      '--no-abbrev',
      '--',
      '.',
    ],
    folder,
  )
  const wanted = new Set(names)
  /** Per transcript, newest first: each version and the blobs of the files its commit changed. */
  const versions = new Map<string, Array<{ version: GitVersion; changed: VersionBlobs }>>()
  if (log.ok) {
    for (const record of log.stdout.split(RECORD)) {
      if (record === '') continue
      const end = record.indexOf('\0')
      const head = end < 0 ? record : record.slice(0, end)
      const [commit = '', date = '', author = '', message = ''] = head.split(FIELD)
      const version: GitVersion = { commit, id: versionId(commit), date, subject: firstLine(message) }
      if (options.authors && author !== '') version.author = author
      const touched = new Map<string, VersionBlobs>()
      const tokens = (end < 0 ? '' : record.slice(end + 1)).split('\0')
      for (let k = 0; k < tokens.length - 1; k++) {
        const meta = tokens[k]!.trim()
        if (!meta.startsWith(':')) continue
        const path = tokens[++k]!.trim()
        const name = transcriptOf(path, prefix)
        if (name === undefined || !wanted.has(name)) continue
        const [, , , blob = '', status = ''] = meta.split(' ')
        const changed = touched.get(name) ?? {}
        changed[path.endsWith('.yml') ? 'yml' : 'txt'] = status === 'D' || /^0+$/.test(blob) ? null : blob
        touched.set(name, changed)
      }
      for (const [name, changed] of touched) {
        const list = versions.get(name) ?? []
        list.push({ version, changed })
        versions.set(name, list)
      }
    }
  } else if (!/does not have any commits/.test(log.stderr)) {
    result.warnings.push(`history: git could not read the history (${oneLine(log.stderr)}), so ${without}`)
    return result
  }

  // Uncommitted edits: modified, added or never committed files of the folder.
  const edited = new Set<string>()
  const status = git(['status', '--porcelain', '-z', '--no-renames', '--untracked-files=all', '--', '.'], folder)
  if (status.ok) {
    for (const entry of status.stdout.split('\0')) {
      const name = transcriptOf(entry.slice(3), prefix)
      if (name !== undefined && wanted.has(name)) edited.add(name)
    }
  }
  const never: string[] = []
  const unpublished: string[] = []
  for (const name of names) {
    const list = (versions.get(name) ?? []).reverse()
    if (list.length === 0) {
      never.push(`${name}.txt`)
      continue
    }
    if (edited.has(name)) unpublished.push(`${name}.txt`)
    // Each file as of each version: the last change at or before it. Before the first, a full history says
    // the file was not there (its commit would be a version); a shallow one does not know.
    const blobs = new Map<string, VersionBlobs>()
    let known: VersionBlobs = shallow ? {} : { txt: null, yml: null }
    for (const { version, changed } of list) {
      known = { ...known, ...changed }
      blobs.set(version.commit, known)
    }
    result.byName.set(name, { versions: list.map(({ version }) => version), blobs, unpublished: edited.has(name), shallow })
  }
  if (never.length > 0)
    result.warnings.push(
      `history: ${count(never.length, 'transcript was', 'transcripts were')} never committed (${listed(never)}), so ${never.length === 1 ? 'it is' : 'they are'} published without versions; commit ${never.length === 1 ? 'it' : 'them'} to publish ${never.length === 1 ? 'its' : 'their'} history`,
    )
  if (unpublished.length > 0)
    result.notes.push(
      `history: ${count(unpublished.length, 'transcript has', 'transcripts have')} uncommitted edits (${listed(unpublished)}), built and marked as unpublished changes; commit them to publish a version`,
    )
  return result
}

/** `<prefix><name>.txt` or `.yml` directly in the folder → `<name>`. Paths from git are relative to the repository's top. */
function transcriptOf(path: string, prefix: string): string | undefined {
  if (!path.startsWith(prefix)) return undefined
  const rest = path.slice(prefix.length)
  if (rest.includes('/')) return undefined
  const match = /^(.+)\.(?:txt|yml)$/.exec(rest)
  return match?.[1]
}

function firstLine(message: string): string {
  return message.trim().split('\n', 1)[0]!.trim()
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
}

/** The first few names, then how many more: a line stays one line at any collection size. */
function listed(names: readonly string[]): string {
  const shown = names.slice(0, 3).join(', ')
  return names.length > 3 ? `${shown} and ${(names.length - 3).toLocaleString('en-US')} more` : shown
}

/** A version's id: the commit's first 10 hex digits (see `GitVersion.id`). */
function versionId(commit: string): string {
  return commit.slice(0, 10)
}
