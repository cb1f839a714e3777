/**
 * A transcript's history in Chromium, on the combined fixture site (support/collections.ts commits
 * tests/support/history.ts's transcript five times: transcribed, a word corrected, a turn split, a note
 * added, two turns merged). A link to a turn id the merge removed (`#t-05-03-3`) lands on the turn that holds
 * its words now, with a notice that the passage was revised, without JavaScript (CSS `:target`) and with it;
 * the revisions page marks the changed words and links each version's text as it was; the revisions and
 * changes pages have no axe-core violations.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { AxeBuilder } from './support/axe.ts'
import { closeSite, openFixtureSite, type Site, withDevicePage, withPage } from './support/site.ts'
import { HISTORY_MERGED, HISTORY_NAME, HISTORY_TEXTS } from '../support/history.ts'

let opened: Partial<Site> = {}
const site = () => opened
const PAGE = `/${HISTORY_NAME}/`

beforeAll(async () => {
  opened = await openFixtureSite('combined')
}, 900_000)
afterAll(() => closeSite(opened))

/** The versions' short ids, oldest first, as the site's JSON gives them (never hard-coded). */
async function versionIds(): Promise<string[]> {
  const response = await fetch(new URL(`${PAGE}transcript.json`, site().server!.url))
  const json = (await response.json()) as { versions: { id: string }[] }
  return json.versions.map((version) => version.id)
}

describe('a link to a turn id an edit removed', () => {
  for (const javaScriptEnabled of [false, true]) {
    test(`lands on the turn that holds its words, with the notice (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async () => {
      const ids = await versionIds()
      await withPage(
        site(),
        `${PAGE}#t-05-03-3`,
        async (page) => {
          const anchor = page.locator('#t-05-03-3')
          expect(await anchor.evaluate((element) => [element.className, element.closest('.turn')?.id])).toEqual([
            'former-id',
            't-05-03-2',
          ])
          const notice = page.locator('#t-05-03-2 .former-notice')
          await expect.poll(() => notice.isVisible()).toBe(true)
          // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node: the text as rendered, what a reader sees
          expect(await notice.innerText()).toBe(
            'This passage was revised on December 6, 2026: the link you followed (#t-05-03-3) pointed to words that are now in this turn. See the change',
          )
          expect(await notice.locator('a').getAttribute('href')).toBe(`${PAGE}revisions/#v-${ids[4]}`)
          // The turn is in view: the words the link meant are on the screen.
          const box = await page.locator('#t-05-03-2').boundingBox()
          const height = await page.evaluate(() => window.innerHeight)
          expect(box!.y).toBeGreaterThanOrEqual(-1)
          expect(box!.y).toBeLessThan(height)
          if (javaScriptEnabled) await expect.poll(() => page.locator('#t-05-03-2').getAttribute('aria-current')).toBe('location')
          // Other former ids' notices stay hidden: only the one the link arrived at is shown.
          expect(await page.locator('.former-notice:visible, .moved-notice:visible').count()).toBe(1)
        },
        { javaScriptEnabled, viewport: { width: 1000, height: 700 } },
      )
    })
  }

  test('without a former id in the address, no notice shows, and each revised turn has its mark', async () => {
    const ids = await versionIds()
    await withPage(
      site(),
      PAGE,
      async (page) => {
        expect(await page.locator('.former-notice:visible, .moved-notice:visible').count()).toBe(0)
        const marks = await page
          .locator('.revised-mark')
          .evaluateAll((links) => links.map((link) => [link.closest('.turn')?.id, link.getAttribute('href')]))
        expect(marks).toEqual([
          ['t-05-03', `${PAGE}revisions/#change-${ids[3]}-t-05-03`],
          ['t-05-03-2', `${PAGE}revisions/#change-${ids[4]}-t-05-03-2`],
        ])
        expect(await page.locator('.title-version dd').textContent()).toBe(
          `Version of December 6, 2026 (${ids[4]}) · 4 revisions`,
        )
      },
      { javaScriptEnabled: false },
    )
  })
})

describe('the revisions page', () => {
  test('marks the words each version removed and added, and links each version’s text as it was', async () => {
    const ids = await versionIds()
    await withPage(
      site(),
      `${PAGE}revisions/`,
      async (page) => {
        const corrected = page.locator(`#change-${ids[1]}-t-05-03 .change-words`)
        expect(await corrected.textContent()).toBe(
          'Bundy: [05:03] The ambassador removed: Dobrinin added: Dobrynin will come at five.',
        )
        expect(await corrected.locator('del').textContent()).toBe('removed: Dobrinin')
        expect(await corrected.locator('ins').textContent()).toBe('added: Dobrynin')
        const merged = page.locator(`#change-${ids[4]}-t-05-03-2 .change-words`)
        expect(await merged.textContent()).toBe('McNamara: The ships are at sea. removed: ¶ Bundy: Then that is settled.')
        const sections = await page.locator('section.version').evaluateAll((all) => all.map((section) => section.id))
        expect(sections).toEqual([...ids].reverse().map((id) => `v-${id}`))
      },
      { javaScriptEnabled: false },
    )
    const texts = [...HISTORY_TEXTS, HISTORY_MERGED.text]
    for (const [index, id] of ids.entries()) {
      const response = await fetch(new URL(`${PAGE}versions/${id}.txt`, site().server!.url))
      expect(response.status).toBe(200)
      expect(await response.text()).toBe(texts[index])
    }
  })

  const pages = ['revisions', 'changes'].flatMap((which) =>
    (['light', 'dark'] as const).map((colorScheme) => ({
      which,
      colorScheme,
      path: which === 'changes' ? '/changes/' : `${PAGE}revisions/`,
    })),
  )
  test.each(pages)('$path ($colorScheme): no axe-core violations', async ({ path, colorScheme }) => {
    await withDevicePage(
      site(),
      path,
      async (page) => {
        const results = await new AxeBuilder({ page }).analyze()
        expect(
          results.violations.map(
            (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
          ),
        ).toEqual([])
      },
      { colorScheme, viewport: { width: 1280, height: 800 } },
    )
  })
})
