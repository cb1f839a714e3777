/**
 * Word by word (issue 26, part 3) in real headless Chromium, on the combined fixture site: the transcript of
 * tests/fixtures/alignment/ with the recording scripts/make-alignment-fixture.ts spoke word by word and the
 * WhisperX file it wrote from the same offsets. Every expected time is the generator's truth
 * (`<name>.truth.json`), never read from the page; the aligner's file stands up to 8 ms off it, so times are
 * compared within 20 ms, and a sampled moment within a frame or two of the word. Chromium runs without an
 * audio device: the media clock still advances.
 */
import { describe, expect, test } from 'vitest'
import { audioState, eventually, usePlayingSite, view } from './support/player.ts'
import { withPage } from './support/site.ts'
import { OFFSET, PAGE, said, span, word } from './support/words.ts'

const site = usePlayingSite()

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
        // play on past the word before a poll would look. Played at a quarter of its speed (the media
        // element's own rate, kept through a load by `defaultPlaybackRate`), "sheriff" lasts 1.2 s instead of
        // 0.3 s: a loaded machine's first frame after the seek once came after the word had ended, and the
        // word after it was the first marked (CI, 2026-12-06).
        await page.evaluate(() => {
          const seen: { seeked?: number; marked: string[] } = { marked: [] }
          ;(window as unknown as { seen: typeof seen }).seen = seen
          const audio = document.querySelector('audio')!
          audio.defaultPlaybackRate = 0.25
          audio.playbackRate = 0.25
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
        expect(await page.locator('audio').evaluate((audio: HTMLAudioElement) => audio.playbackRate)).toBe(0.25)
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
