/**
 * An Astro configuration file for a site built with other options than astro.config.mjs gives: the
 * project's own configuration with its one integration given `options` (`astro build --config <file>`,
 * the path from the project's root, where Astro joins it). The e2e tests' hosted site and
 * `npm run bench:build -- --github-pages` are built so.
 */
import { writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'

/** Writes the file; returns its path from `root`, as `--config` takes it. */
export function writeAstroConfig(root: string, file: string, options: object): string {
  const url = (path: string) => JSON.stringify(pathToFileURL(join(root, path)).href)
  writeFileSync(
    file,
    `import base from ${url('astro.config.mjs')}\nimport transcriptReader from ${url('src/build/integration.ts')}\n` +
      `export default { ...base, integrations: [transcriptReader(${JSON.stringify(options)})] }\n`,
  )
  return relative(root, file)
}
