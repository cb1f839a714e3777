/**
 * The site's own Astro integration, `transcriptReader({ … })` in astro.config.mjs. Its options are the
 * site's configuration (./config.ts: title, description, publisher, site, base, house style), validated
 * once: a bad option stops the build with a message naming it. It sets Astro's `site` and `base` from
 * them and serves them to pages as `virtual:transcript-reader/config`.
 *
 * Its build step: each transcript's exports, `/<name>/transcript.{json,txt,xml,vtt}`, are the artifacts
 * the loader's prepare step already wrote (src/build/prepare/artifacts.ts, one per format of the registry's
 * `siteFormats`), and `/transcripts.json` is the manifest it wrote (./manifest.ts); all are put into the
 * site when Astro has written its pages (the exports as hard links, `linkOrCopy`): ten thousand files need
 * no ten thousand routes rendered. The search integration, registered after this one, reads the JSON
 * there. Recordings beside their transcripts are copied beside their pages (./recordings.ts).
 */
import type { AstroIntegration } from 'astro'
import { constants } from 'node:fs'
import { copyFile, link, mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { siteFormats } from '../core/formats/index.ts'
import { cachedNames, exportArtifact } from './prepare/artifacts.ts'
import { resolveSiteConfig, type SiteConfig, type SiteOptions } from './config.ts'
import { manifestArtifact, manifestFile } from './manifest.ts'
import { siteCacheFolder } from './paths.ts'
import { progress } from '../contract/progress.ts'
import { copyRecordings } from './recordings.ts'

/** The module pages (and the content config) import the resolved configuration from. */
export const configModule = 'virtual:transcript-reader/config'

export default function transcriptReader(options: SiteOptions = {}): AstroIntegration {
  return {
    name: 'transcript-reader:site',
    hooks: {
      'astro:config:setup': ({ updateConfig, logger }) => {
        const result = resolveSiteConfig(options)
        if (!result.ok) {
          // The message names each bad option; a thrown error would bury it under a stack trace.
          logger.error(result.message)
          process.exit(1)
        }
        const { config } = result
        updateConfig({
          base: config.base,
          ...(config.site !== undefined ? { site: config.site } : {}),
          vite: { plugins: [configPlugin(config)] },
        })
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir)
        const cache = siteCacheFolder()
        const names = await cachedNames(cache)
        const copying = progress((line) => logger.info(line), 'transcript exports', 'placed', { total: names.length })
        for (const [index, name] of names.entries()) {
          await mkdir(join(site, name), { recursive: true })
          for (const { extension } of siteFormats) {
            await linkOrCopy(exportArtifact(name, extension, cache), join(site, name, `transcript.${extension}`))
          }
          copying.update(index + 1)
        }
        copying.finish()
        await copyFile(manifestArtifact(cache), join(site, manifestFile), constants.COPYFILE_FICLONE)
        const recordings = await copyRecordings(site, cache, (message) => logger.warn(message))
        if (recordings > 0) logger.info(`recordings: ${recordings.toLocaleString('en-US')} copied`)
      },
    },
  }
}

/**
 * `to` as a hard link to `from`, else (another file system, or one without links) a copy-on-write clone or
 * a plain copy. A link writes nothing: at 10,000 transcripts the exports are 1.2 GB, which copying wrote
 * again at every build. The prepare step replaces an artifact with a new file, never rewrites it in place
 * (src/build/prepare/transcript.ts), so a site built before keeps the text it was built with.
 */
async function linkOrCopy(from: string, to: string): Promise<void> {
  // A file left there by an earlier build is replaced (a link cannot overwrite it).
  for (const last of [false, true]) {
    try {
      await link(from, to)
      return
    } catch (error) {
      if (last || (error as NodeJS.ErrnoException).code !== 'EEXIST') break
      await rm(to, { force: true })
    }
  }
  await copyFile(from, to, constants.COPYFILE_FICLONE)
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
