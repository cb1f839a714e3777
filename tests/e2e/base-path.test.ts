/**
 * A site deployed under a sub-path (issue 10, item 5): a fixture site built with the base `/tapes/`
 * (`SITE_BASE`, which overrides the configuration's `base` for one build) from the seed and one small transcript with a
 * sidecar, served at http://127.0.0.1:PORT/tapes/ only (any other path is 404), and browsed in Chromium:
 * every link and asset of each page type under /tapes/ and answering, a footnote followed, the JSON, a
 * search result chosen; the sidecar's title on the page and its source in the turn's citation.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { BASE, SEED, SIDECAR_NAME as OTHER } from './support/collections.ts'
import { closeSite, openFixtureSite, type Site } from './support/site.ts'

let site: Partial<Site> = {}

// The base-path fixture site (support/collections.ts), served at /tapes/ only.
beforeAll(async () => {
  site = await openFixtureSite('base-path', { base: BASE })
}, 900_000)

afterAll(() => closeSite(site))

/** Opens `path` (under the base) and hands the page to `use`, collecting every failed or outside request. */
async function visit<T>(path: string, use: (page: Page, failed: string[]) => Promise<T>, javaScript = true): Promise<T> {
  const context = await site.browser!.newContext({
    javaScriptEnabled: javaScript,
    permissions: ['clipboard-read', 'clipboard-write'],
  })
  try {
    const page = await context.newPage()
    const failed: string[] = []
    page.on('response', (response) => {
      const url = new URL(response.url())
      if (response.status() >= 400 || !url.pathname.startsWith(BASE)) failed.push(`${response.status()} ${url.pathname}`)
    })
    const response = await page.goto(`${site.server!.url}${path}`)
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
        // The document's number unpadded (00317 is its id), the sidecar's publisher as the edition's, its tape.
        '“The President and the Governor on the highway bill,” January 7, 1964, document 317, in Presidential Recordings of Lyndon B. Johnson (Office of the Historian), Tape WH6401.07',
      )
      expect(text).toContain(`${site.server!.url}${BASE}${OTHER}/#`)
    })
  })
})
