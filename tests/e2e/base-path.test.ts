/**
 * A site deployed under a sub-path (issue 10, item 5): built here with the base `/tapes/` (`SITE_BASE`,
 * which overrides the configuration's `base` for one build) from the seed and one small transcript with a
 * sidecar, served at http://127.0.0.1:PORT/tapes/ only (any other path is 404), and browsed in Chromium:
 * every link and asset of each page type under /tapes/ and answering, a footnote followed, the JSON, a
 * search result chosen; the sidecar's title on the page and its source in the turn's citation.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { fixtures, root, seedPath } from '../support/paths.ts'
import { launchBrowser } from '../../scripts/lib/browser.ts'
import { serveDist, type DistServer } from '../../scripts/lib/dist-server.ts'

const BASE = '/tapes/'
const SEED = '1962-11-14-01181'
const OTHER = '1964-01-07-00317'

mkdirSync(join(root, 'tmp'), { recursive: true })
const scratch = mkdtempSync(join(root, 'tmp', 'base-path-e2e-'))
const content = join(scratch, 'transcripts')
const dist = join(scratch, 'dist')
let server: DistServer
let browser: Browser

beforeAll(async () => {
  mkdirSync(content)
  copyFileSync(seedPath, join(content, `${SEED}.txt`))
  copyFileSync(join(fixtures, 'sidecar/transcript.txt'), join(content, `${OTHER}.txt`))
  writeFileSync(
    join(content, `${OTHER}.yml`),
    [
      'title: The President and the Governor on the highway bill',
      'series: Presidential Recordings of Lyndon B. Johnson',
      'source:',
      '  publisher: Office of the Historian',
      '  tape: WH6401.07',
      '',
    ].join('\n'),
  )
  const build = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...buildEnvironment(),
      SITE_BASE: BASE,
      TRANSCRIPTS_DIR: content,
      ASTRO_OUT_DIR: dist,
      ASTRO_CACHE_DIR: join(scratch, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  })
  expect(build.status, `astro build failed:\n${build.stdout.slice(-4000)}\n${build.stderr.slice(-4000)}`).toBe(0)
  server = await serveDist(dist, BASE)
  browser = await launchBrowser()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  rmSync(scratch, { recursive: true, force: true })
})

/**
 * This process's environment less what Vitest adds for Vite (`BASE_URL`, `MODE`, `DEV`, `PROD`, `SSR`):
 * Astro reads `import.meta.env` values from the environment at build time, and Vitest's `BASE_URL=/`
 * would win over the site's base.
 */
function buildEnvironment(): NodeJS.ProcessEnv {
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...env } = process.env
  return env
}

/** Opens `path` (under the base) and hands the page to `use`, collecting every failed or outside request. */
async function visit<T>(path: string, use: (page: Page, failed: string[]) => Promise<T>, javaScript = true): Promise<T> {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, permissions: ['clipboard-read', 'clipboard-write'] })
  try {
    const page = await context.newPage()
    const failed: string[] = []
    page.on('response', (response) => {
      const url = new URL(response.url())
      if (response.status() >= 400 || !url.pathname.startsWith(BASE)) failed.push(`${response.status()} ${url.pathname}`)
    })
    const response = await page.goto(`${server.url}${path}`)
    expect(response?.status(), `GET ${path}`).toBe(200)
    return await use(page, failed)
  } finally {
    await context.close()
  }
}

describe(`a site built with the base ${BASE}`, () => {
  test.each([
    ['the front page', BASE],
    ['a transcript', `${BASE}${SEED}/`],
    ['the transcript with a sidecar', `${BASE}${OTHER}/`],
    ['the browse page', `${BASE}browse/`],
    ['the speakers', `${BASE}speakers/`],
    ['the search page', `${BASE}search/?q=quarantine`],
  ])('%s: every link, script, style and image is under the base and answers', async (_name, path) => {
    await visit(path, async (page, failed) => {
      await page.waitForLoadState('networkidle')
      const urls = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[href], [src], form[action]')].map(
          (element) => element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('action') ?? '',
        ),
      )
      const local = urls.filter((url) => !url.startsWith('#') && !/^[a-z]+:/i.test(url))
      expect(local.length).toBeGreaterThan(0)
      // Where each link lands: a root-relative link that forgets the base (`/speakers/x/`) fails, and so
      // does a relative one that climbs out of it; a relative link within it (`../speakers/x/`) is right.
      for (const url of local) expect(new URL(url, page.url()).pathname, `${url} on ${path}`).toMatch(new RegExp(`^${BASE}`))
      for (const url of new Set(local)) {
        const response = await page.request.get(new URL(url, page.url()).href)
        expect(response.status(), `${url} on ${path}`).toBe(200)
      }
      expect(failed).toEqual([])
    })
  })

  test('a footnote reference leads to its note and back, without JavaScript', async () => {
    await visit(
      `${BASE}${SEED}/`,
      async (page) => {
        const reference = page.locator('a[data-footnote-ref]').first()
        const target = (await reference.getAttribute('href'))!
        await reference.click()
        expect(new URL(page.url()).pathname).toBe(`${BASE}${SEED}/`)
        expect(new URL(page.url()).hash).toBe(target)
        await page.locator(`${target} a[data-footnote-backref]`).first().click()
        expect(new URL(page.url()).pathname).toBe(`${BASE}${SEED}/`)
      },
      false,
    )
  })

  test('the JSON link gives the transcript as JSON, with the sidecar’s metadata', async () => {
    await visit(`${BASE}${OTHER}/`, async (page) => {
      const href = await page.locator('a[href$="/transcript.json"]').first().getAttribute('href')
      expect(href).toBe(`${BASE}${OTHER}/transcript.json`)
      const json = await (await page.request.get(new URL(href!, page.url()).href)).json()
      expect(json).toMatchObject({
        name: OTHER,
        title: 'The President and the Governor on the highway bill',
        series: 'Presidential Recordings of Lyndon B. Johnson',
        source: { publisher: 'Office of the Historian', tape: 'WH6401.07' },
      })
    })
  })

  test('a search result opens the transcript at its turn, under the base', async () => {
    await visit(`${BASE}search/?q=quarantine`, async (page) => {
      await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search]')?.dataset.state === 'done', null, {
        timeout: 30_000,
      })
      const first = page.locator('.search-result-title a').first()
      expect(await first.getAttribute('href')).toMatch(new RegExp(`^${BASE}${SEED}/(\\?[^#]*)?#`))
      await first.click()
      await page.waitForURL((url) => url.pathname === `${BASE}${SEED}/`)
      const id = new URL(page.url()).hash.slice(1)
      await expect.poll(() => page.locator(`[id="${id}"]`).isVisible(), { timeout: 15_000 }).toBe(true)
    })
  })

  test('the sidecar’s title heads the page and its source is in the turn’s citation', async () => {
    await visit(`${BASE}${OTHER}/`, async (page, failed) => {
      expect(await page.locator('h1').textContent()).toBe('The President and the Governor on the highway bill')
      expect(await page.locator('.transcript-heading').textContent()).toBe('Telephone conversation with the Governor')
      await page.locator('.turn-link').first().click()
      const panel = page.getByRole('dialog', { name: 'Link and citation for this turn' })
      await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true)
      expect(failed).toEqual([])
      const text = await panel.textContent()
      expect(text).toContain(
        '“The President and the Governor on the highway bill,” January 7, 1964, document 00317, Presidential Recordings of Lyndon B. Johnson, tape WH6401.07, Office of the Historian',
      )
      expect(text).toContain(`${server.url}${BASE}${OTHER}/#`)
    })
  })
})
