/**
 * The site's own build steps, as an Astro integration. Each transcript's `/<name>/transcript.json` is the
 * JSON artifact the loader already checked and wrote (src/site/artifacts.ts), copied into the site when
 * Astro has written its pages: ten thousand files need no ten thousand routes rendered to be copied. The
 * search integration, registered after this one, reads them there.
 */
import type { AstroIntegration } from 'astro'
import { constants } from 'node:fs'
import { copyFile, mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { artifactFolder } from './artifacts.ts'
import { siteCacheFolder } from './paths.ts'
import { progress } from './progress.ts'

export default function siteIntegration(): AstroIntegration {
  return {
    name: 'transcript-reader:site',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir)
        const folder = artifactFolder(siteCacheFolder())
        const names = (await readdir(folder))
          .filter((file) => file.endsWith('.json'))
          .map((file) => file.slice(0, -'.json'.length))
        const copying = progress(logger, 'transcript JSON', names.length, 'copied')
        for (const [index, name] of names.entries()) {
          await mkdir(join(site, name), { recursive: true })
          // A copy-on-write clone where the file system offers one, else a plain copy.
          await copyFile(join(folder, `${name}.json`), join(site, name, 'transcript.json'), constants.COPYFILE_FICLONE)
          copying.update(index + 1)
        }
        copying.finish()
      },
    },
  }
}
