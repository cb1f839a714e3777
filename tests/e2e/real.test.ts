/**
 * The two real transcripts from other editions (tests/fixtures/parse/real-*.txt) as a site: both pages
 * build, read with their names as the heading gives them, show the typed pages' running heads as quiet
 * page markers outside speech, type every parenthesised note, and have no axe-core violations (light and
 * dark, 1280 and 320 px).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContextOptions } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser } from '../../scripts/lib/browser.ts'
import { serveDist, type DistServer } from '../../scripts/lib/dist-server.ts'
import { buildSite } from './support/site.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))
const names = ['real-2-lbj-rowe', 'real-4-nixon-haldeman-meeting']
const scratch = mkdtempSync(join(tmpdir(), 'real-site-'))
const content = join(scratch, 'transcripts')
const dist = join(scratch, 'dist')
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']
const VIEWS: BrowserContextOptions[] = [
  { colorScheme: 'light', viewport: { width: 1280, height: 800 } },
  { colorScheme: 'dark', viewport: { width: 1280, height: 800 } },
  { colorScheme: 'light', viewport: { width: 320, height: 640 } },
]

let server: DistServer
let browser: Browser

beforeAll(async () => {
  mkdirSync(content)
  for (const name of names) copyFileSync(join(root, `tests/fixtures/parse/${name}.txt`), join(content, `${name}.txt`))
  expect(buildSite(content, scratch)).toBe(dist)
  server = await serveDist(dist)
  browser = await launchBrowser()
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  rmSync(scratch, { recursive: true, force: true })
})

describe('real transcripts from other editions', () => {
  test('Nixon and Haldeman: running heads are page markers between turns, notes in parentheses are typed', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${server.url}/real-4-nixon-haldeman-meeting/`)
    const markers = page.locator('.conversation > .page-furniture')
    expect(await markers.count()).toBe(6)
    expect(await markers.first().textContent()).toContain('APRIL 17, 1973 FROM 9:47 TO 9:59 A.M.2')
    expect(await page.locator('.turn .page-furniture').count()).toBe(0)
    expect(await page.locator('.turn .mark.unclear').count()).toBe(12)
    expect(await page.locator('.turn .mark.omission').textContent()).toContain('(Privileged Material Deleted)')
    expect(await page.locator('.turn[data-speaker="h-r-haldeman"] .speaker-label').first().getAttribute('title')).toBe(
      'H.R. HALDEMAN',
    )
    await context.close()
  })

  test('Johnson and Rowe: the speakers are named as the heading names them', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${server.url}/real-2-lbj-rowe/`)
    expect(await page.locator('.turn[data-speaker="president-johnson"]').count()).toBe(35)
    expect(await page.locator('.turn[data-speaker="james-rowe"]').count()).toBe(35)
    expect(await page.locator('body').textContent()).not.toContain('Telephone Conversation Between President:')
    await context.close()
  })

  const pages = names.flatMap((name) =>
    VIEWS.map((view) => ({ name, view, shown: `${view.colorScheme}, ${view.viewport?.width} px` })),
  )
  test.each(pages)(
    '/$name/ ($shown): no axe-core violations',
    async ({ name, view }) => {
      const context = await browser.newContext(view)
      try {
        const page = await context.newPage()
        const response = await page.goto(`${server.url}/${name}/`)
        expect(response?.status()).toBe(200)
        const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()
        const problems = results.violations.map(
          (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        )
        expect(problems).toEqual([])
      } finally {
        await context.close()
      }
    },
    300_000,
  )
})
