/**
 * The built site every browser test reads (./dist, or E2E_DIST_DIR when a test runs against another
 * build), served on 127.0.0.1 with Chromium started: one way to open and close it for all test files.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { launchBrowser } from './browser.ts'
import { serveDist, type DistServer } from './server.ts'

export const DIST = path.resolve(process.env.E2E_DIST_DIR ?? fileURLToPath(new URL('../../../dist', import.meta.url)))

export interface Site {
  server: DistServer
  browser: Browser
}

/** Serves the site and starts Chromium; fails clearly when a file the tests need was not built. */
export async function openSite(...required: string[]): Promise<Site> {
  for (const file of required) {
    const full = path.join(DIST, file)
    if (!existsSync(full)) {
      throw new Error(`The built site is missing ${full}. Build it first: \`npm run build\` (\`npm test\` builds before running Vitest).`)
    }
  }
  const server = await serveDist(DIST)
  return { server, browser: await launchBrowser() }
}

export async function closeSite(site: Partial<Site> | undefined): Promise<void> {
  await site?.browser?.close()
  await site?.server?.close()
}
