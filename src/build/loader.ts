/**
 * The transcripts collection's loader. Each `<name>.txt` is hashed with the code that reads it; a
 * transcript whose digest the content store already holds (and whose artifacts are on disk) is not read
 * again. The others are prepared on every core (./prepare/pool.ts): parsed, checked, rendered, and their
 * JSON and HTML written to the site cache. The store keeps only each transcript's summary. Then the
 * speaker pages' tables are written, when anything changed. A transcript with an error stops the build
 * with the editor's `file:line:column` messages; warnings are logged and the build goes on.
 */
import type { Loader } from 'astro/loaders'
import { readdir, readFile } from 'node:fs/promises'
import { existsSync, rmSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { transcriptName } from '../core/load.ts'
import { formatDiagnostic } from '../core/report.ts'
import { artifactFiles, codeDigest, hasArtifacts, sourceDigest } from './prepare/artifacts.ts'
import { siteCacheFolder, strictBuild, transcriptsFolder } from './paths.ts'
import { prepareMany } from './prepare/pool.ts'
import type { PrepareTask } from './prepare/transcript.ts'
import { cacheReady } from './cache-ready.ts'
import { manifestArtifact, writeManifest } from './manifest.ts'
import { counted, progress } from '../contract/progress.ts'
import { writeRecordingList } from './recordings.ts'
import { writeSpeakerPages } from './speaker-pages.ts'
import { summarySchema, type TranscriptSummary } from '../collection/summary.ts'
import { transcriptOrder } from '../collection/browse.ts'
import { createHash } from 'node:crypto'

export interface TranscriptLoaderOptions {
  /** The house style to read with when a transcript's sidecar names none (the site configuration's). */
  style?: string
  /**
   * The whole site configuration (src/build/config.ts): pages cached by a transcript's digest show it (the
   * site's title, the publisher in citations), so a change to it makes every transcript again.
   */
  site?: object
}

export function transcriptLoader(options: TranscriptLoaderOptions = {}): Loader {
  return {
    name: 'transcript-loader',
    async load({ store, logger, config, meta }) {
      const root = fileURLToPath(config.root)
      const folder = transcriptsFolder(root)
      const cache = siteCacheFolder(root)
      const log = (line: string) => logger.info(line)
      const files = new Set(await readdir(folder))
      const names = [...files].filter((name) => name.endsWith('.txt')).sort()
      // The site's default house style reads every transcript without a sidecar naming one, and the pages show
      // the site's configuration: both are part of the digest.
      const code = `${codeDigest(root)}\0${options.style ?? ''}\0${JSON.stringify(options.site ?? {})}`
      const shown = (name: string) => relative(root, join(folder, name))
      for (const file of files) {
        if (file.endsWith('.yml') && !files.has(`${file.slice(0, -'.yml'.length)}.txt`))
          logger.warn(
            `${shown(file)}: a sidecar with no transcript beside it (\`${file.slice(0, -'.yml'.length)}.txt\`); it is not read`,
          )
      }

      // 1. Which transcripts changed: a digest of their bytes and of the code.
      const reading = progress(log, 'transcripts', 'read', { total: names.length })
      const kept: TranscriptSummary[] = []
      const tasks: PrepareTask[] = []
      const present = new Set<string>()
      for (const [index, file] of names.entries()) {
        const id = transcriptName(file)
        present.add(id)
        const sidecar = files.has(`${id}.yml`) ? join(folder, `${id}.yml`) : undefined
        const digest = sourceDigest(await readFile(join(folder, file)), code, sidecar ? await readFile(sidecar) : undefined)
        const stored = store.get(id)
        const summary = summarySchema.safeParse(stored?.data)
        if (stored?.digest === digest && summary.success && hasArtifacts(id, cache)) kept.push(summary.data)
        else {
          tasks.push({
            shown: shown(file),
            path: join(folder, file),
            digest,
            cache,
            ...(sidecar ? { sidecar } : {}),
            ...(options.style !== undefined ? { style: options.style } : {}),
          })
        }
        reading.update(index + 1)
      }
      reading.finish(`${tasks.length.toLocaleString('en-US')} new or changed`)
      for (const id of store.keys()) {
        if (present.has(id)) continue
        store.delete(id)
        for (const file of artifactFiles(id, cache)) rmSync(file, { force: true })
      }

      // 2. Parse, check and render what changed, on every core.
      const problems: string[] = []
      const prepared: TranscriptSummary[] = []
      if (tasks.length > 0) {
        const parsing = progress(log, 'transcripts', 'parsed and rendered', { total: tasks.length })
        const results = await prepareMany(tasks, { root, onProgress: (done) => parsing.update(done) })
        parsing.finish()
        for (const [index, result] of results.entries()) {
          if (result.ok) prepared.push(result.summary)
          else problems.push(`${tasks[index]!.shown}:1:1: error ${result.message} [internal-error]`)
        }
      }
      for (const summary of prepared) {
        store.set({ id: summary.name, data: summary, digest: summary.digest, filePath: shown(`${summary.name}.txt`) })
      }

      // 3. Every transcript's messages, changed or not: the editor sees the same list on every build.
      const summaries = [...kept, ...prepared].sort(transcriptOrder)
      for (const summary of summaries) {
        for (const diagnostic of summary.diagnostics) {
          const line = formatDiagnostic(shown(`${summary.name}.txt`), diagnostic)
          if (diagnostic.severity === 'error' || (diagnostic.severity === 'warning' && strictBuild())) problems.push(line)
          else if (diagnostic.severity === 'warning') logger.warn(line)
          else logger.info(line)
        }
      }
      if (problems.length > 0) stop(logger, problems)
      await writeManifest(summaries, manifestArtifact(cache))
      await writeRecordingList(summaries, folder, cache)
      // What the search reads is written: a build's search may start now (./cache-ready.ts).
      cacheReady()

      // 4. The speaker pages' tables, when the collection changed.
      const collection = createHash('sha256')
      for (const summary of summaries) collection.update(`${summary.name}\0${summary.digest}\n`)
      const digest = collection.digest('hex')
      if (meta.get('speaker-pages') !== digest || !existsSync(join(cache, 'speakers', 'index.json'))) {
        const writing = progress(log, 'speaker pages', 'transcripts read', { total: summaries.length })
        let directory: ReturnType<typeof writeSpeakerPages>
        try {
          directory = writeSpeakerPages(summaries, cache, (done) => writing.update(done))
        } catch (error) {
          stop(logger, [`speaker pages: ${error instanceof Error ? error.message : String(error)}`])
        }
        const pages = directory.reduce((sum, entry) => sum + entry.pages.length, 0)
        writing.finish(`${counted(directory.length)} speakers, ${counted(pages)} pages`)
        meta.set('speaker-pages', digest)
      }
    },
  }
}

/**
 * Stops the build with the editor's messages and nothing else: a thrown error would add a stack trace
 * (and Astro would guess at a hint that does not apply).
 */
function stop(logger: { error(message: string): void }, problems: string[]): never {
  const count = problems.length
  logger.error(
    `${count} ${strictBuild() ? 'problem' : 'error'}${count === 1 ? '' : 's'} in the transcripts${
      strictBuild() ? ' (strict: warnings count as errors)' : ''
    }:\n${problems.join('\n')}\nFix the transcript at each place named above; \`npm run parse -- FILE\` shows the same messages.`,
  )
  process.exit(1)
}
