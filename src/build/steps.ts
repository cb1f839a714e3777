/**
 * The site's steps before Astro renders a page, run by the integration (./integration.ts) in this order:
 *
 *   0. history   the collection's versions from git, in one `git log` (./history/), and the texts of versions
 *                not yet in the cache, in one `git cat-file --batch`; what is missing is one line in the log
 *   1. read      each `<name>.txt` hashed with the code that reads it (./prepare/artifacts.ts `codeDigest`)
 *                and with its history
 *   2. prepare   what changed parsed, checked and rendered on every core (./prepare/pool.ts); the artifacts of
 *                a transcript no longer there removed; every transcript's messages reported
 *                → the manifest, the recordings' list and the prepared collection (./collection.ts)
 *      then `cacheReady`: what the search reads is written, and the build's search starts
 *      witnesses each pair of transcriptions of one recording compared, when either side changed (./witnesses.ts)
 *   3. speakers  every speaker's pages' tables, when the collection changed (./speaker-pages.ts)
 *
 * A transcript with an error stops the build: `StepFailure` carries the editor's `file:line:column`
 * messages, for the integration to print without a stack trace. Warnings are logged and the build goes on.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { transcriptOrder } from '../collection/browse.ts'
import type { TranscriptSummary } from '../collection/summary.ts'
import { counted, progress } from '../contract/progress.ts'
import { transcriptName } from '../core/load.ts'
import { SITE_SEGMENTS, sitePath, transcriptRoute } from '../contract/routes.ts'
import type { CitationDefaults } from '../core/citation.ts'
import { formatDiagnostic } from '../core/report.ts'
import { readCollection, writeCollection } from './collection.ts'
import { manifestArtifact, writeManifest } from './manifest.ts'
import { siteFormatNames } from '../collection/exports.ts'
import { planDownloads, writeListing } from './downloads.ts'
import { strictBuild } from './paths.ts'
import {
  artifactFiles,
  cachedNames,
  codeDigest,
  hasArtifacts,
  optionalArtifacts,
  revisionsArtifact,
  sourceDigest,
} from './prepare/artifacts.ts'
import { readCollectionHistory } from './history/read.ts'
import { type FeedSite, writeChangesFeed } from './changes-feed.ts'
import { corrections } from '../collection/changes.ts'
import { historyFingerprint, taskHistory } from './history/task.ts'
import { fetchVersionTexts } from './history/texts.ts'
import { prepareMany } from './prepare/pool.ts'
import { alignmentBytes } from './prepare/transcript-files.ts'
import type { PrepareTask } from './prepare/transcript.ts'
import { writeRecordingList } from './recordings.ts'
import { speakerPagesCode, writeSpeakerPages } from './speaker-pages.ts'
import { pairWitnesses } from '../collection/witnesses.ts'
import { writeComparisons } from './witnesses.ts'

export interface StepsLog {
  info(message: string): void
  warn(message: string): void
}

export interface StepsOptions {
  /** The project root (paths in messages are relative to it). */
  root: string
  /** The transcripts' folder. */
  folder: string
  /** The site cache. */
  cache: string
  /** The house style to read with when a transcript's sidecar names none (the site configuration's). */
  style?: string
  /**
   * The whole site configuration (./config.ts): pages cached by a transcript's digest show it (the site's
   * title, the publisher in citations), so a change to it makes every transcript again.
   */
  site?: object
  /** What every citation takes from the site's configuration; part of `site`, so of the digest. */
  citation?: CitationDefaults
  /** The site's base path (`/`, `/tapes/`), which each page's title block links under; part of the digest. */
  base?: string
  log: StepsLog
  /** The configuration's `alignment.confidence` (./config.ts): words scored below it are marked unsure; part of `site`. */
  confidence?: number
  /** The site's configuration's `history` (./config.ts): whether authors' names are published. */
  history?: { authors?: boolean }
  /** What the corrections' Atom feed names (./changes-feed.ts): the site's title, address, base, language. */
  feed?: FeedSite
  /** The formats beside each page, the configuration's `exports` (the others go to the downloads); every format when absent. */
  exports?: readonly string[]
  /** Called once every transcript's JSON and the manifest are written, before the speaker pages' tables. */
  cacheReady?: () => void
}

/** The build stops here; `message` says why, with every place. */
export class StepFailure extends Error {}

/** Runs the steps; the collection's summaries in transcript order. */
export async function runSiteSteps(options: StepsOptions): Promise<TranscriptSummary[]> {
  const { root, folder, cache, log } = options
  const info = (line: string) => log.info(line)
  const files = new Set(await readdir(folder))
  const shown = (name: string) => relative(root, join(folder, name))
  // A transcript named as one of the site's own pages (`changes.txt`) would take that page's place.
  const reserved = [...files].filter((name) => name.endsWith('.txt') && SITE_SEGMENTS.has(transcriptName(name))).sort()
  const names = [...files].filter((name) => name.endsWith('.txt') && !reserved.includes(name)).sort()
  // The site's default house style reads every transcript without a sidecar naming one, and the pages show
  // the site's configuration and link under its base: all are part of the digest.
  const base = options.base ?? '/'
  const code = `${codeDigest(root)}\0${options.style ?? ''}\0${base}\0${JSON.stringify(options.site ?? {})}`
  for (const file of files) {
    if (file.endsWith('.yml') && !files.has(`${file.slice(0, -'.yml'.length)}.txt`))
      log.warn(
        `${shown(file)}: a sidecar with no transcript beside it (\`${file.slice(0, -'.yml'.length)}.txt\`); it is not read`,
      )
  }

  // 0. The history: versions from git (one log for the folder), earlier texts into the cache.
  const history = readCollectionHistory(
    folder,
    names.map((file) => transcriptName(file)),
    options.history ?? {},
    relative(root, folder) || '.',
  )
  for (const line of history.warnings) log.warn(line)
  for (const line of history.notes) info(line)
  try {
    await fetchVersionTexts(history, cache, folder)
  } catch (error) {
    log.warn(
      `history: the earlier versions' texts could not be read (${error instanceof Error ? error.message : String(error)}); their changes are not shown`,
    )
  }

  // 1. Which transcripts changed: a digest of their bytes, of the code and of their history.
  const before = new Map((readCollection(cache) ?? []).map((summary) => [summary.name, summary]))
  const reading = progress(info, 'transcripts', 'read', { total: names.length })
  const kept: TranscriptSummary[] = []
  const tasks: PrepareTask[] = []
  const present = new Set<string>()
  for (const [index, file] of names.entries()) {
    const id = transcriptName(file)
    present.add(id)
    const sidecar = files.has(`${id}.yml`) ? join(folder, `${id}.yml`) : undefined
    const versions = taskHistory(id, history, cache)
    const sidecarBytes = sidecar ? await readFile(sidecar) : undefined
    const digest = sourceDigest(
      await readFile(join(folder, file)),
      `${code}\0${historyFingerprint(versions)}`,
      sidecarBytes,
      sidecarBytes && alignmentBytes(join(folder, file), sidecarBytes),
    )
    const stored = before.get(id)
    // A transcript with versions also needs its revisions page's body (made again if it went missing).
    const complete = hasArtifacts(id, cache) && (!stored?.history || existsSync(revisionsArtifact(id, cache)))
    if (stored?.digest === digest && complete) kept.push(stored)
    else {
      tasks.push({
        shown: shown(file),
        path: join(folder, file),
        digest,
        cache,
        base,
        ...(options.citation ? { citation: options.citation } : {}),
        ...(options.confidence !== undefined ? { confidence: options.confidence } : {}),
        ...(sidecar ? { sidecar } : {}),
        ...(options.style !== undefined ? { style: options.style } : {}),
        ...(versions ? { history: versions } : {}),
      })
    }
    reading.update(index + 1)
  }
  reading.finish(`${counted(tasks.length)} new or changed`)
  for (const name of await cachedNames(cache)) {
    if (!present.has(name))
      for (const file of [...artifactFiles(name, cache), ...optionalArtifacts(name, cache)]) rmSync(file, { force: true })
  }

  // 2. Parse, check and render what changed, on every core.
  const problems: string[] = []
  const prepared: TranscriptSummary[] = []
  if (tasks.length > 0) {
    const parsing = progress(info, 'transcripts', 'parsed and rendered', { total: tasks.length })
    const results = await prepareMany(tasks, { root, onProgress: (done) => parsing.update(done) })
    parsing.finish()
    for (const [index, result] of results.entries()) {
      if (result.ok) prepared.push(result.summary)
      else problems.push(`${tasks[index]!.shown}:1:1: error ${result.message} [internal-error]`)
    }
  }

  // Every transcript's messages, changed or not: the editor sees the same list on every build.
  const summaries = [...kept, ...prepared].sort(transcriptOrder)
  for (const summary of summaries) {
    for (const diagnostic of summary.diagnostics) {
      const line = formatDiagnostic(shown(`${summary.name}.txt`), diagnostic)
      if (diagnostic.severity === 'error' || (diagnostic.severity === 'warning' && strictBuild())) problems.push(line)
      else if (diagnostic.severity === 'warning') log.warn(line)
      else log.info(line)
    }
  }
  // Witnesses a sidecar names that the collection lacks: warnings at the sidecar's line and column.
  const witnesses = pairWitnesses(summaries)
  for (const problem of witnesses.problems) {
    const line = formatDiagnostic(shown(`${problem.file!.replace(/\.yml$/, '')}.txt`), problem)
    if (strictBuild()) problems.push(line)
    else log.warn(line)
  }
  for (const file of reserved)
    problems.push(
      `${shown(file)}:1:1: error \`${transcriptName(file)}\` is the name of one of the site's own pages (${sitePath(transcriptRoute(transcriptName(file)), base)}); rename the transcript (and its sidecar) [transcript-name-reserved]`,
    )
  if (problems.length > 0) throw new StepFailure(transcriptProblems(problems))
  const exports = options.exports ?? siteFormatNames
  const downloads = planDownloads(summaries, exports, cache)
  await writeManifest(summaries, manifestArtifact(cache), exports, downloads)
  await writeRecordingList(summaries, folder, cache)
  writeCollection(summaries, cache)
  writeChangesFeed(corrections(summaries), options.feed ?? { title: 'Transcript Reader', base, locale: 'en-US' }, cache)
  // What the search reads is written: a build's search may start now, beside the speaker pages.
  options.cacheReady?.()

  // The collection's downloads: their parts, for the pages (the zips are written beside them: ./integration.ts).
  writeListing(downloads, cache)

  // The comparisons of witnesses: both sides' trees, once every transcript is prepared.
  try {
    await writeComparisons({
      pairs: witnesses.pairs,
      summaries,
      folder,
      cache,
      log: info,
      ...(options.style !== undefined ? { style: options.style } : {}),
    })
  } catch (error) {
    throw new StepFailure(`comparisons of witnesses: ${error instanceof Error ? error.message : String(error)}`)
  }

  // 3. The speaker pages' tables, when the collection changed.
  // The code that cuts them too: a change of the pages' size writes them again though no transcript changed.
  const speakerCode = speakerPagesCode(root)
  const collection = createHash('sha256').update(`${speakerCode}\n`)
  for (const summary of summaries) collection.update(`${summary.name}\0${summary.digest}\n`)
  const digest = collection.digest('hex')
  const digestFile = join(cache, 'speaker-pages.digest')
  const last = existsSync(digestFile) ? readFileSync(digestFile, 'utf8') : undefined
  if (last !== digest || !existsSync(join(cache, 'speakers', 'index.json'))) {
    // Only the changed transcripts are read when the last tables' sources are kept (speaker-pages.ts).
    let writing: { total: number; line: ReturnType<typeof progress> } | undefined
    let directory: ReturnType<typeof writeSpeakerPages>
    try {
      directory = writeSpeakerPages(
        summaries,
        cache,
        (done, total) => {
          // A new line when the total changes: only the changed transcripts, then (a fallback) every one.
          if (writing?.total !== total) writing = { total, line: progress(info, 'speaker pages', 'transcripts read', { total }) }
          writing.line.update(done)
        },
        speakerCode,
        (line) => log.warn(line),
      )
    } catch (error) {
      throw new StepFailure(`speaker pages: ${error instanceof Error ? error.message : String(error)}`)
    }
    const pages = directory.reduce((sum, entry) => sum + entry.pages.length, 0)
    const line = writing?.line ?? progress(info, 'speaker pages', 'transcripts read', { total: 0 })
    line.finish(`${counted(directory.length)} speakers, ${counted(pages)} pages`)
    writeFileSync(digestFile, digest)
  }
  return summaries
}

/** The editor's messages, with what to do about them. */
function transcriptProblems(problems: string[]): string {
  const count = problems.length
  return `${count} ${strictBuild() ? 'problem' : 'error'}${count === 1 ? '' : 's'} in the transcripts${
    strictBuild() ? ' (strict: warnings count as errors)' : ''
  }:\n${problems.join('\n')}\nFix the transcript at each place named above; \`npm run parse -- FILE\` shows the same messages.`
}
