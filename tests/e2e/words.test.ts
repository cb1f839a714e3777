/**
 * Word by word (issue 26, part 3) in real headless Chromium, on the combined fixture site: the transcript of
 * tests/fixtures/alignment/ with the recording scripts/make-alignment-fixture.ts spoke word by word and the
 * WhisperX file it wrote from the same offsets. Every expected time is the generator's truth
 * (`<name>.truth.json`), never read from the page; the aligner's file stands up to 8 ms off it, so times are
 * compared within 20 ms, and a sampled moment within a frame or two of the word. Chromium runs without an
 * audio device: the media clock still advances.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { momentTime, parseAskedTime } from '../../src/contract/time.ts'
import { fixtures } from '../support/paths.ts'
import { AxeBuilder } from './support/axe.ts'
import { ALIGNMENT_NAME } from './support/collections.ts'
import { closeSite, openFixtureSite, type Site, withPage } from './support/site.ts'

const PAGE = `/${ALIGNMENT_NAME}/`
interface TruthWord {
  turn: string
  word: string
  start?: number
  end?: number
  extra?: true
}
const truth: { offset: number; plan: { unsure: { word: string } }; words: TruthWord[] } = JSON.parse(
  readFileSync(join(fixtures, `alignment/${ALIGNMENT_NAME}.truth.json`), 'utf8'),
)
const OFFSET = truth.offset // the sidecar's recording.offset, which the generator wrote the truth with
/** The transcript's words that were said, in order, with their times on the tape. */
const said = truth.words.filter((word): word is Required<Omit<TruthWord, 'extra'>> => !word.extra && word.start !== undefined)
const word = (text: string) => said.find((each) => each.word === text)!

let opened: Partial<Site> = {}
const site = () => opened

beforeAll(async () => {
  opened = await openFixtureSite('combined', { args: ['--autoplay-policy=no-user-gesture-required'] })
}, 900_000)
afterAll(() => closeSite(opened))

const eventually = <T>(check: () => T | Promise<T>) => expect.poll(check, { timeout: 15_000, interval: 50 })
const view: BrowserContextOptions = { viewport: { width: 1000, height: 700 } }
const clipboard: BrowserContextOptions = { ...view, permissions: ['clipboard-read', 'clipboard-write'] }
const audioState = (page: Page) =>
  page.locator('audio').evaluate((audio: HTMLAudioElement) => ({ time: audio.currentTime, paused: audio.paused }))
const marked = (page: Page) => page.locator('.w.now').allTextContents()
/** The word `text`'s span on the page (each fixture word used here is printed once). */
const span = (page: Page, text: string) => page.locator('.turn .w', { hasText: new RegExp(`^${text}$`) })

describe('without JavaScript', () => {
  test('the words are in the text as printed, with no tab stops and no script', async () => {
    await withPage(
      site(),
      PAGE,
      async (page) => {
        expect(await page.locator('.turn .w').allTextContents()).toEqual(said.map((each) => each.word))
        expect(await page.locator('.turn .w[tabindex], .turn .w[role]').count()).toBe(0)
        expect(await page.locator('#t-00-02-1 p:not(.speaker)').textContent()).toBe(
          'It opened in 1962, sir. [unclear] They close it at dusk.',
        )
      },
      { ...view, javaScriptEnabled: false },
    )
  })
})

describe('while the recording plays', () => {
  test('the word being heard is marked, sampled every frame for four seconds', async () => {
    await withPage(
      site(),
      PAGE,
      async (page) => {
        await page.locator('#t-00-02 .turn-play').click()
        await eventually(async () => (await audioState(page)).paused).toBe(false)
        // Each frame: the tape time and the word marked, read together.
        const samples = await page.evaluate(
          ({ offset, seconds }) =>
            new Promise<Array<{ t: number; marked: string[] }>>((resolve) => {
              const audio = document.querySelector('audio')!
              const found: Array<{ t: number; marked: string[] }> = []
              const began = performance.now()
              const sample = () => {
                found.push({
                  t: audio.currentTime - offset,
                  marked: [...document.querySelectorAll('.w.now')].map((each) => each.textContent!),
                })
                if (performance.now() - began < seconds * 1000) requestAnimationFrame(sample)
                else resolve(found)
              }
              requestAnimationFrame(sample)
            }),
          { offset: OFFSET, seconds: 4 },
        )
        expect(samples.length).toBeGreaterThan(20)
        const slack = 0.05 // a frame or two between the clock read by the follower and by the sampler
        const heard = new Set<string>()
        for (const { t, marked } of samples) {
          const inside = said.find((each) => each.start + slack <= t && t < each.end - slack)
          if (inside) {
            expect(marked, `at ${t.toFixed(3)} s`).toEqual([inside.word])
            heard.add(inside.word)
          }
          for (const text of marked) {
            const shown = word(text)
            expect(t, `${text} marked at ${t.toFixed(3)} s`).toBeGreaterThanOrEqual(shown.start - slack)
            expect(t, `${text} marked at ${t.toFixed(3)} s`).toBeLessThan(shown.end + slack)
          }
        }
        // Several words in a row, not one held: the turn's words from "Good" on.
        expect(heard.size).toBeGreaterThanOrEqual(5)
        // In a pause between words (the turn ends at "open?"), none is marked.
        await page.locator('audio').evaluate((audio: HTMLAudioElement) => audio.pause())
      },
      view,
    )
  })

  test('a click on a word plays from it, and marks it', async () => {
    await withPage(
      site(),
      PAGE,
      async (page) => {
        const sheriff = word('sheriff')
        // Where the player went and which words were marked, recorded as it happens: a loaded machine may
        // play on past the word before a poll would look.
        await page.evaluate(() => {
          const seen: { seeked?: number; marked: string[] } = { marked: [] }
          ;(window as unknown as { seen: typeof seen }).seen = seen
          const audio = document.querySelector('audio')!
          audio.addEventListener('seeked', () => (seen.seeked ??= audio.currentTime))
          new MutationObserver((changes) => {
            for (const change of changes) {
              const target = change.target as Element
              if (target.classList.contains('now')) seen.marked.push(target.textContent!)
            }
          }).observe(document.querySelector('.transcript')!, { subtree: true, attributeFilter: ['class'] })
        })
        const seen = () => page.evaluate(() => (window as unknown as { seen: { seeked?: number; marked: string[] } }).seen)
        await span(page, 'sheriff').click()
        await eventually(async () => (await audioState(page)).paused).toBe(false)
        await eventually(async () => (await seen()).seeked).toBeDefined()
        expect(Math.abs((await seen()).seeked! - (sheriff.start + OFFSET))).toBeLessThanOrEqual(0.02)
        await eventually(async () => (await seen()).marked.length).toBeGreaterThan(0)
        expect((await seen()).marked[0]).toBe('sheriff')
      },
      view,
    )
  })

  test('following along keeps the word heard in view in a turn longer than the window', async () => {
    await withPage(
      site(),
      PAGE,
      async (page) => {
        // Each word of the fixture's short turns on a line of its own, far apart: a turn several windows long.
        await page.addStyleTag({ content: '.turn .w { display: block; margin-bottom: 500px }' })
        await eventually(() => page.getByLabel('Follow along').isChecked()).toBe(true)
        await page.locator('#t-00-02 .turn-play').click()
        // Paused (in the page, not to miss it) once "checkpoint", the turn's fifth word, is heard.
        const paused = await page.evaluate(
          () =>
            new Promise<string>((resolve) => {
              const audio = document.querySelector('audio')!
              const look = () => {
                const now = document.querySelector('.w.now')?.textContent
                if (now === 'checkpoint') {
                  audio.pause()
                  resolve(now)
                } else requestAnimationFrame(look)
              }
              look()
            }),
        )
        expect(paused).toBe('checkpoint')
        await eventually(() =>
          page.locator('.w.now').evaluate((word) => {
            const box = word.getBoundingClientRect()
            return box.top >= 0 && box.bottom <= innerHeight
          }),
        ).toBe(true)
      },
      { ...view, bypassCSP: true },
    )
  })

  test('a selection that ends on a word quotes it, and plays nothing', async () => {
    await withPage(
      site(),
      PAGE,
      async (page) => {
        const box = (await span(page, 'Thursday').boundingBox())!
        await page.mouse.move(box.x + 1, box.y + box.height / 2)
        await page.mouse.down()
        await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2, { steps: 5 })
        await page.mouse.up()
        expect(await page.evaluate(() => getSelection()!.toString())).not.toBe('')
        expect((await audioState(page)).paused).toBe(true)
      },
      view,
    )
  })
})

describe('keyboard', () => {
  test('→ from a turn\'s "play from here" goes word by word, Enter plays from the word; words are no tab stops', async () => {
    await withPage(
      site(),
      PAGE,
      async (page) => {
        const play = page.locator('#t-00-20 .turn-play')
        await play.focus()
        await page.keyboard.press('ArrowRight')
        const focused = () => page.evaluate(() => document.activeElement?.textContent)
        await eventually(focused).toBe('Then')
        await page.keyboard.press('ArrowRight')
        await page.keyboard.press('ArrowRight')
        expect(await focused()).toBe('drive')
        expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('button')
        await page.keyboard.press('Enter')
        await eventually(async () => (await audioState(page)).paused).toBe(false)
        const drive = word('drive')
        expect((await audioState(page)).time).toBeGreaterThanOrEqual(drive.start + OFFSET - 0.02)
        await page.keyboard.press('Escape')
        expect(await page.evaluate(() => document.activeElement?.classList.contains('turn-play'))).toBe(true)
        // The word left is text again, and Tab from ▶ goes on to the next turn's controls, not into words.
        expect(await page.locator('.turn .w[role], .turn .w[tabindex]').count()).toBe(0)
        await page.keyboard.press('Tab')
        expect(await page.evaluate(() => document.activeElement?.closest('.w'))).toBeNull()
      },
      view,
    )
  })
})

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
        const json = (await (await page.request.get(new URL(`${PAGE}transcript.json`, opened.server!.url).href)).json()) as {
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

  test('axe: no violations, words marked, unsure shown, a word focused', async () => {
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
      view,
    )
  })
})
