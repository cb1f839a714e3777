/**
 * Word by word (issue 26, parts 3 and 4), links and reading: `#t=` at a word's time lands on it, so does a
 * search result for it, "Copy link to this
 * moment", copying a passage gives exactly its words, unsure words on request with a legend, no layout
 * shift, axe. The fixture, the truth and the helpers: support/words.ts (words.test.ts plays and clicks).
 */
import { momentTime, parseAskedTime } from '../../src/contract/time.ts'
import { AxeBuilder } from './support/axe.ts'
import { describe, expect, test } from 'vitest'
import { audioState, eventually, usePlayingSite, view } from './support/player.ts'
import { withPage } from './support/site.ts'
import { clipboard, marked, OFFSET, PAGE, span, truth, word } from './support/words.ts'

const site = usePlayingSite()

describe('a link to a moment', () => {
  test("#t= at a word's time lands on that word, and the player is there", async () => {
    for (const text of ['morning', 'sheriff', 'Sundays']) {
      const at = word(text)
      await withPage(
        site(),
        `${PAGE}#t=${momentTime(at.start)}`,
        async (page) => {
          await eventually(() => marked(page)).toEqual([text])
          expect(await page.locator('.turn[aria-current="location"]').getAttribute('id')).toBe(at.turn)
          const { time, paused } = await audioState(page)
          expect(paused).toBe(true)
          expect(Math.abs(time - (at.start + OFFSET))).toBeLessThan(0.001)
        },
        view,
      )
    }
  })

  test("a search result lands on the word's moment: the word found is marked, the player paused there", async () => {
    const sheriff = word('sheriff')
    await withPage(
      site(),
      '/search/?q=sheriff',
      async (page) => {
        // The real search (Pagefind's index of the combined site): the result in the aligned transcript.
        const result = page.locator(`.search-result-title a[href^="${PAGE}"]`).first()
        await result.waitFor()
        const href = (await result.getAttribute('href'))!
        expect(href).toMatch(/[?&]highlight=sheriff/)
        await Promise.all([page.waitForURL((url) => url.pathname === PAGE), result.click()])
        await eventually(() => page.locator('.w mark.search-hit').allTextContents()).toEqual(['sheriff'])
        await eventually(() => marked(page)).toEqual(['sheriff'])
        const { time, paused } = await audioState(page)
        expect(paused).toBe(true)
        // At the aligner's time for the word (its span's), which is within 20 ms of when it was said.
        const aligned = Number(await span(page, 'sheriff').getAttribute('data-s'))
        expect(Math.abs(time - (aligned + OFFSET))).toBeLessThan(0.001)
        expect(Math.abs(time - (sheriff.start + OFFSET))).toBeLessThanOrEqual(0.02)
      },
      view,
    )
  })

  test('"Copy link to this moment" copies #t= at the word being heard, which lands on it', async () => {
    const dusk = word('dusk')
    const link = await withPage(
      site(),
      PAGE,
      async (page) => {
        // Paused at once: the moment is the word heard, or last heard (a silence of over a second follows "dusk").
        await span(page, 'dusk').click()
        await page.locator('audio').evaluate((audio: HTMLAudioElement) => audio.pause())
        await eventually(async () => (await audioState(page)).time).toBeGreaterThanOrEqual(dusk.start + OFFSET - 0.02)
        await page.locator('[data-moment]').click()
        await eventually(() => page.locator('.toast').textContent()).toMatch(/^Link to this moment copied: /)
        return page.evaluate(() => navigator.clipboard.readText())
      },
      clipboard,
    )
    const url = new URL(link)
    expect(url.pathname).toBe(PAGE)
    expect(url.hash).toMatch(/^#t=\d\d:\d\d(\.\d+)?$/)
    expect(Math.abs(parseAskedTime(url.hash.slice(3))! - dusk.start)).toBeLessThanOrEqual(0.02)
    await withPage(site(), `${url.pathname}${url.hash}`, async (page) => {
      await eventually(() => marked(page)).toEqual(['dusk'])
    })
  })
})

describe('quoting and looking', () => {
  test('copying a passage gives exactly its words: the spans add nothing', async () => {
    await withPage(
      site(),
      PAGE,
      async (page) => {
        const json = (await (await page.request.get(new URL(`${PAGE}transcript.json`, site().server!.url).href)).json()) as {
          blocks: Array<{ type: string; id: string; paragraphs?: string[] }>
        }
        const turns = json.blocks.filter((block) => block.type === 'turn')
        for (const turn of turns) {
          await page.evaluate((id) => {
            const paragraph = document.querySelector(`#${id} p:not(.speaker)`)!
            const range = document.createRange()
            range.selectNodeContents(paragraph)
            getSelection()!.removeAllRanges()
            getSelection()!.addRange(range)
          }, turn.id)
          await page.evaluate(() => navigator.clipboard.writeText(''))
          await page.keyboard.press('Control+C')
          const copied = await page.evaluate(() => navigator.clipboard.readText())
          expect(copied.replace(/\s+/g, ' ').trim(), turn.id).toBe(turn.paragraphs!.join(' ').replace(/\s+/g, ' ').trim())
        }
      },
      clipboard,
    )
  })

  test('unsure words are shown only when asked, with a legend; marking a word moves no text', async () => {
    await withPage(
      site(),
      PAGE,
      async (page) => {
        const unsure = span(page, truth.plan.unsure.word)
        const decoration = () => unsure.evaluate((each) => getComputedStyle(each).textDecorationLine)
        const box = page.locator('[data-unsure]')
        await eventually(() => page.locator('.player.ready').count()).toBe(1)
        expect(await box.isChecked()).toBe(false)
        expect(await decoration()).toBe('none')
        expect(await page.locator('#unsure-legend').isVisible()).toBe(false)
        await box.check()
        expect(await decoration()).toBe('underline')
        expect(await page.locator('#unsure-legend').isVisible()).toBe(true)
        // Only the word the generator made unsure is; screen readers hear it too, and a copy takes none of it.
        expect(await page.locator('.w.unsure').allTextContents()).toEqual([truth.plan.unsure.word])
        expect(await unsure.evaluate((each) => getComputedStyle(each, '::after').content)).toBe('"" / " (timing unsure)"')
        const turn = unsure.locator('xpath=ancestor::p[1]')
        await turn.evaluate((paragraph) => {
          const range = document.createRange()
          range.selectNodeContents(paragraph)
          getSelection()!.removeAllRanges()
          getSelection()!.addRange(range)
        })
        await page.keyboard.press('Control+C')
        expect((await page.evaluate(() => navigator.clipboard.readText())).trim()).toBe(
          'It opened in 1962, sir. [unclear] They close it at dusk.',
        )
        // The words' boxes stay where they were when one is marked.
        const boxes = () =>
          page.locator('.turn .w').evaluateAll((all) => all.map((each) => JSON.stringify(each.getBoundingClientRect())))
        const before = await boxes()
        await span(page, 'checkpoint')
          .first()
          .evaluate((each) => each.classList.add('now'))
        expect(await boxes()).toEqual(before)
      },
      clipboard,
    )
  })

  test.each([
    ['light', 1000],
    ['dark', 390],
  ] as const)('axe (%s, %i px): no violations, words marked, unsure shown, a word focused', async (colorScheme, width) => {
    await withPage(
      site(),
      PAGE,
      async (page) => {
        await eventually(() => page.locator('.player.ready').count()).toBe(1)
        await page.locator('[data-unsure]').check()
        await page.locator('#t-00-02 .turn-play').focus()
        await page.keyboard.press('ArrowRight')
        await eventually(() => page.evaluate(() => document.activeElement?.classList.contains('w'))).toBe(true)
        await span(page, 'Good').evaluate((each) => each.classList.add('now'))
        const results = await new AxeBuilder({ page }).analyze()
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
      },
      { colorScheme, viewport: { width, height: 700 } },
    )
  })
})
