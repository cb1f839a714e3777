/**
 * The site's Astro integration, `transcriptReader({ … })` in astro.config.mjs, and the only one: it runs
 * the site's steps and the search build in order around Astro's own.
 *
 * - `astro:config:setup`: its options are the site's configuration (./config.ts: title, description,
 *   publisher, site, base, house style), validated once (a bad option stops the build with a message
 *   naming it); it sets Astro's `site` and `base` from them and serves them to pages as
 *   `virtual:transcript-reader/config`.
 * - `astro:config:done` (before Astro loads any content collection, in `astro build`, `astro sync` and
 *   `astro dev`): the site's steps (./steps.ts): read, prepare, manifest, then the speaker pages' tables.
 *   In a build, the search (./search/index.ts) starts in a worker thread as soon as every transcript's
 *   JSON and the manifest are written, before the speaker pages' tables. The content loader (./loader.ts)
 *   then reads the summaries the steps wrote (./collection.ts).
 * - `astro:build:done`: each transcript's exports, `/<name>/transcript.{json,txt,xml,vtt}`, are the
 *   artifacts the prepare step wrote (./prepare/artifacts.ts, the formats the configuration's `exports`
 *   puts beside the page: src/collection/exports.ts), the collection's downloads their zips (./downloads.ts), and
 *   `/transcripts.json` the manifest (./manifest.ts); all are put into the site when Astro has written its
 *   pages (the exports as hard links, `linkOrCopy`): ten thousand files need no ten thousand routes
 *   rendered. Recordings beside their transcripts are copied beside their pages (./recordings.ts). Then
 *   the search's output is waited for and placed in the site. Last, the site is measured (./output-size.ts)
 *   and the build's last line says its size, files and largest file; with a `host` configured, a warning
 *   names each of the host's limits the site exceeds (./hosts.ts). Before it is measured, whatever an
 *   earlier build left in the site's folder and this one neither wrote nor placed is removed: the folder is
 *   kept from build to build, not emptied (`astro:build:start` empties it only when it may not be this
 *   cache's last finished output: a build stopped, another folder built, another build since; ./site-prune.ts).
 *
 * A failure stops the build with one message and no stack trace.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro'
import { constants, existsSync, rmSync } from 'node:fs'
import { copyFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { progress } from '../contract/progress.ts'
import { pageFormats } from '../collection/exports.ts'
import { changesFeedRoute, exportRoute, routeFile, versionTextRoute } from '../contract/routes.ts'
import { changesFeedArtifact } from './changes-feed.ts'
import { readCollection } from './collection.ts'
import { versionFile } from './history/texts.ts'
import { citationDefaults, resolveSiteConfig, type SiteConfig, type SiteOptions } from './config.ts'
import { manifestArtifact, manifestFile } from './manifest.ts'
import { siteCacheFolder, transcriptsFolder } from './paths.ts'
import { exportArtifact } from './prepare/artifacts.ts'
import { downloadArtifact, readDownloads, writeDownloads } from './downloads.ts'
import { filesUnder, linkAll } from './link-files.ts'
import { copyRecordings } from './recordings.ts'
import { hostLimits, hostProblems } from './hosts.ts'
import { measureOutput, outputLine } from './output-size.ts'
import { type SearchStep, startSearch } from './search/index.ts'
import { emptySite, markBuildFinished, markBuildStarted, pruneSite, SiteFiles } from './site-prune.ts'
import { runSiteSteps, StepFailure } from './steps.ts'

/** The module pages (and the content config) import the resolved configuration from. */
export const configModule = 'virtual:transcript-reader/config'

export default function transcriptReader(options: SiteOptions = {}): AstroIntegration {
  let command: 'dev' | 'build' | 'preview' | 'sync' = 'build'
  let config: SiteConfig
  let search: SearchStep | undefined
  /** When `astro build` started: a file of the site's folder written since is this build's (./site-prune.ts). */
  let started = 0
  /** The public folder, whose files Astro copies into every build, and the site's folder. */
  let publicDir = ''
  let outDir = ''
  /** The project's root, and Astro's cache folder (its incremental build's manifest is there). */
  let root = process.cwd()
  let astroCache = ''
  /** The collection's zips, written while Astro renders the pages (./downloads.ts). */
  let zipping: Promise<{ written: number; kept: number; seconds: number } | { error: string }> | undefined
  return {
    name: 'transcript-reader',
    hooks: {
      'astro:config:setup': ({ command: running, updateConfig, logger }) => {
        command = running
        const result = resolveSiteConfig(options)
        if (!result.ok) stop(logger, result.message)
        config = result.config
        updateConfig({
          base: config.base,
          ...(config.site !== undefined ? { site: config.site } : {}),
          // The site's folder is kept between builds and what no longer belongs in it removed at the end
          // (./site-prune.ts): emptied, a rebuild wrote every file of the site again.
          vite: { plugins: [configPlugin(config)], build: { emptyOutDir: false } },
        })
      },
      'astro:config:done': async ({ config: astro, logger }) => {
        // A preview serves a site built before; nothing to prepare.
        if (command === 'preview') return
        publicDir = fileURLToPath(astro.publicDir)
        outDir = fileURLToPath(astro.outDir)
        astroCache = fileURLToPath(astro.cacheDir)
        root = fileURLToPath(astro.root)
        const cache = siteCacheFolder(root)
        try {
          await runSiteSteps({
            root,
            folder: transcriptsFolder(root),
            cache,
            ...(config.style !== undefined ? { style: config.style } : {}),
            // Where the site is published, and how its search is cut in parts, change no page: neither rebuilds one.
            site: { ...config, host: undefined, search: undefined },
            citation: citationDefaults(config),
            base: config.base,
            history: config.history,
            exports: config.exports,
            ...(config.alignment?.confidence !== undefined ? { confidence: config.alignment.confidence } : {}),
            feed: {
              title: config.title,
              base: config.base,
              locale: config.locale,
              ...(config.site !== undefined ? { site: config.site } : {}),
              ...(config.publisher !== undefined ? { publisher: config.publisher } : {}),
            },
            log: logger,
            cacheReady: () => {
              if (command === 'build') search = startSearch(logger, cache, config.search)
            },
          })
        } catch (error) {
          if (!(error instanceof StepFailure)) throw error
          stop(logger, error.message)
        }
        if (command === 'build') {
          const started = performance.now()
          zipping = writeDownloads(cache).then(
            (counts) => ({ ...counts, seconds: (performance.now() - started) / 1000 }),
            (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
          )
        }
      },
      'astro:build:start': ({ logger }) => {
        // A second early: a file's time comes from the kernel's coarse clock, which can lag this one by a tick.
        started = Date.now() - 1000
        // The site's folder is kept only while it is this cache's last finished build's (./site-prune.ts).
        const notKept = markBuildStarted(siteCacheFolder(root), outDir, join(outDir, manifestFile))
        if (notKept) {
          logger.info(`the site's folder is emptied first: ${NOT_KEPT[notKept]}`)
          emptySite(outDir)
          // Astro's own copies of the pages a stopped build rendered are not in its manifest: render every page.
          if (notKept === 'unfinished') rmSync(join(astroCache, 'incremental-build.json'), { force: true })
        }
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const site = fileURLToPath(dir)
        const cache = siteCacheFolder(root)
        const kept = new SiteFiles(site)
        for (const files of assets.values()) for (const file of files) kept.add(fileURLToPath(file))
        const place = (path: string) => kept.add(path)
        const summaries = readCollection(cache) ?? []
        const exports = summaries.flatMap((summary) =>
          pageFormats(config.exports, summary.recording).map(
            ({ extension }) =>
              [
                exportArtifact(summary.name, extension, cache),
                join(site, routeFile(exportRoute(summary.name, extension))),
              ] as const,
          ),
        )
        const copying = progress((line) => logger.info(line), 'transcript exports', 'files placed', { total: exports.length })
        let linked = 0
        await linkAll(exports, (to) => {
          place(to)
          copying.update(++linked)
        })
        copying.finish()
        const zipped = await zipping
        if (zipped && 'error' in zipped) stop(logger, `the collection's downloads could not be written: ${zipped.error}`)
        if (zipped && zipped.written + zipped.kept > 0)
          logger.info(
            `downloads: ${zipped.written.toLocaleString('en-US')} zips written, ${zipped.kept.toLocaleString('en-US')} kept (${zipped.seconds.toFixed(1)} s)`,
          )
        const zips = readDownloads(cache).formats.flatMap((format) =>
          format.parts.map(
            (part) => [downloadArtifact(cache, format.name, part.label), join(site, routeFile(part.route))] as const,
          ),
        )
        await linkAll(zips, place)
        for (const [from, to] of [
          [manifestArtifact(cache), join(site, manifestFile)],
          [changesFeedArtifact(cache), join(site, routeFile(changesFeedRoute()))],
        ] as const) {
          await copyFile(from, to, constants.COPYFILE_FICLONE)
          place(to)
        }
        // Every version's text as it was, `/<name>/versions/<id>.txt`: links to the cache's copies (./history/texts.ts).
        const texts = summaries
          .flatMap((summary) =>
            (summary.history?.versions ?? []).map(
              (version) =>
                [
                  versionFile(cache, summary.name, version.commit, 'txt'),
                  join(site, routeFile(versionTextRoute(summary.name, version.id))),
                ] as const,
            ),
          )
          .filter(([from]) => existsSync(from))
        await linkAll(texts, place)
        if (texts.length > 0) logger.info(`versions: ${texts.length.toLocaleString('en-US')} texts placed`)
        const recordings = await copyRecordings(site, cache, (message) => logger.warn(message), place)
        if (recordings > 0) logger.info(`recordings: ${recordings.toLocaleString('en-US')} copied`)
        if (!search) stop(logger, 'the search build was never started; the build stops here.')
        await search.finish(site, place)
        const publicFiles = new Set(await filesUnder(publicDir))
        /** The files the prune left, measured below without reading the folder again; none if it failed. */
        let left: string[] | undefined
        try {
          const { removed, left: files } = await pruneSite(site, { kept, since: started, publicFiles })
          left = files
          if (removed > 0) logger.info(`site: ${removed.toLocaleString('en-US')} files of earlier builds removed`)
        } catch (error) {
          // The site is whole; only files of an earlier build may be left beside it.
          logger.warn(
            `site: files of earlier builds could not all be removed (${error instanceof Error ? error.message : String(error)}); delete the site's folder and build again to be sure none is published`,
          )
        }
        markBuildFinished(cache, site, join(site, manifestFile))
        // The build's last line: what a host will be asked to take, and whether the configured one will.
        const size = await measureOutput(site, left)
        logger.info(outputLine(size))
        if (config.host) {
          const limits = hostLimits(config.host)
          for (const problem of hostProblems(size, limits))
            logger.warn(
              `${problem}; the upload will be refused (docs/deploy.md: the hosts' limits, the site's size by collection)`,
            )
        }
      },
    },
  }
}

/** Why the site's folder is emptied before a build, as the build says it. */
const NOT_KEPT = {
  unfinished: 'the last build did not finish',
  elsewhere: 'the last build from this cache wrote another folder',
  'changed since': 'another build wrote into it since the last one from this cache',
} as const

/** Stops the build with `message` and nothing else: a thrown error would bury it under a stack trace. */
function stop(logger: AstroIntegrationLogger, message: string): never {
  logger.error(message)
  process.exit(1)
}

/** A Vite plugin serving the resolved configuration as `virtual:transcript-reader/config` (its default export). */
function configPlugin(config: SiteConfig) {
  const resolved = `\0${configModule}`
  return {
    name: 'transcript-reader:config',
    resolveId: (id: string) => (id === configModule ? resolved : undefined),
    load: (id: string) => (id === resolved ? `export default ${JSON.stringify(config)}\n` : undefined),
  }
}
