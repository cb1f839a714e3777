/**
 * The built site every browser test reads (./dist, or E2E_DIST_DIR when a test runs against another
 * build), served on 127.0.0.1 with Chromium started: one way to open and close it for all test files.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { expect } from 'vitest'
import { launchBrowser } from '../../../scripts/lib/browser.ts'
import { serveDist, type DistServer } from '../../../scripts/lib/dist-server.ts'

export const DIST = path.resolve(process.env.E2E_DIST_DIR ?? fileURLToPath(new URL('../../../dist', import.meta.url)))

export interface Site {
  server: DistServer
  browser: Browser
}

/**
 * Builds a site from a folder of transcripts into `scratch/dist` (Astro's cache in `scratch/cache`), for
 * a test that needs its own small collection; fails the test with the build's last output.
 */
export function buildSite(transcripts: string, scratch: string): string {
  const root = fileURLToPath(new URL('../../../', import.meta.url))
  const dist = path.join(scratch, 'dist')
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      TRANSCRIPTS_DIR: transcripts,
      ASTRO_OUT_DIR: dist,
      ASTRO_CACHE_DIR: path.join(scratch, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
      NODE_DISABLE_COMPILE_CACHE: '1',
    },
    maxBuffer: 64 * 1024 * 1024,
  })
  expect(build.status, `astro build failed:\n${build.stdout.slice(-4000)}\n${build.stderr.slice(-4000)}`).toBe(0)
  return dist
}

/** Serves the site and starts Chromium; fails clearly when a file the tests need was not built. */
export async function openSite(...required: string[]): Promise<Site> {
  for (const file of required) {
    const full = path.join(DIST, file)
    if (!existsSync(full)) {
      throw new Error(
        `The built site is missing ${full}. Build it first: \`npm run build\` (\`npm test\` builds before running Vitest).`,
      )
    }
  }
  const server = await serveDist(DIST)
  return { server, browser: await launchBrowser() }
}

export async function closeSite(site: Partial<Site> | undefined): Promise<void> {
  await site?.browser?.close()
  await site?.server?.close()
}

/**
 * Opens `path` of the built site in a new browser context, checks it answered 200, hands the page to
 * `use` and closes the context afterwards: every browser test opens a page on the built site, and its
 * context must be closed even when a check fails.
 */
export async function withPage<T>(
  site: Partial<Site>,
  path: string,
  use: (page: Page) => Promise<T>,
  options: BrowserContextOptions = {},
): Promise<T> {
  if (!site.browser || !site.server) throw new Error('the browser did not start')
  const context = await site.browser.newContext(options)
  try {
    const page = await context.newPage()
    const response = await page.goto(new URL(path, site.server.url).href)
    expect(response?.status(), `GET ${path}`).toBe(200)
    return await use(page)
  } finally {
    await context.close()
  }
}
