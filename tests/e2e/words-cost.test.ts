/**
 * What following word by word costs on a long transcript (issue 26, part 3): the seed (146 turns) with every
 * word aligned, in Chromium. The seed has no alignment, so one is made here: a WebVTT cue per word of its
 * turns (0.3 s each), read by the site's own alignment reader; the seed's page on the combined site then
 * gets that render's article, the word stylesheet and the page's word follower (src/browser/reader/words.ts,
 * bundled with esbuild), driven by a clock set by hand. Each step is what a frame of playback does: the
 * follower's update, then the style and layout it causes (forced, so that they are counted). The figures
 * are printed (docs/benchmarks.md has them); the bounds are loose, for a loaded machine.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { wordPattern } from '../../src/core/alignment/words.ts'
import { loadTranscript } from '../../src/core/load.ts'
import { renderTranscript } from '../../src/core/render.ts'
import { exactCueTime } from '../../src/contract/time.ts'
import { root } from '../support/paths.ts'
import { ALIGNMENT_NAME, SEED } from './support/collections.ts'
import { closeSite, openFixtureSite, type Site, withPage } from './support/site.ts'

const WORD = 0.3 // seconds a made-up word lasts

let opened: Partial<Site> = {}
beforeAll(async () => {
  opened = await openFixtureSite('combined')
}, 900_000)
afterAll(() => closeSite(opened))

/** The seed rendered with a WebVTT alignment that times every word of its turns. */
function alignedSeed(): { html: string; words: number; aligned: number } {
  const path = join(root, 'content/transcripts', `${SEED}.txt`)
  const plain = loadTranscript(readFileSync(path), path).json as unknown as {
    blocks: Array<{ type: string; paragraphs?: string[] }>
  }
  const said = plain.blocks
    .filter((block) => block.type === 'turn')
    .flatMap((turn) => turn.paragraphs!.flatMap((text) => text.replace(/\[[^\]]*\]/g, ' ').match(wordPattern) ?? []))
  const cues = said.map((word, index) => `${exactCueTime(index * WORD)} --> ${exactCueTime(index * WORD + WORD - 0.05)}\n${word}`)
  const vtt = `WEBVTT\n\n${cues.join('\n\n')}\n`
  const { tree } = loadTranscript(readFileSync(path), path, {
    sidecar: { value: 'alignment: seed.vtt\n', path: path.replace(/\.txt$/, '.yml') },
    readBeside: (src) => (src === 'seed.vtt' ? vtt : undefined),
  })
  const meta = tree.meta?.alignment
  return { html: renderTranscript(tree, { confidence: 0.5 }), words: meta?.words ?? 0, aligned: meta?.aligned ?? 0 }
}

test('marking the word heard costs well under a frame on the seed with every word aligned', async () => {
  const seed = alignedSeed()
  expect(seed.aligned).toBeGreaterThan(0.95 * seed.words)
  const bundle = await build({
    entryPoints: [join(root, 'src/browser/reader/words.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'WordsModule',
    write: false,
  })
  const stylesheet = await withPage(opened, `/${ALIGNMENT_NAME}/`, (page) =>
    page.locator('link[rel="stylesheet"][href*="words"]').getAttribute('href'),
  )
  const figures = await withPage(
    opened,
    `/${SEED}/`,
    async (page) => {
      await page.evaluate(
        ({ html, href }) => {
          document.querySelector('article.transcript')!.outerHTML = html
          const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href })
          document.head.append(link)
          return new Promise((resolve) => link.addEventListener('load', resolve))
        },
        { html: seed.html, href: stylesheet! },
      )
      await page.addScriptTag({ content: bundle.outputFiles[0]!.text })
      return page.evaluate((word) => {
        type Clock = EventTarget & { currentTime: number; paused: boolean }
        type Follow = (clock: Clock, offset: number, play: () => void) => { update(): void }
        const { followWords } = (window as unknown as { WordsModule: { followWords: Follow } }).WordsModule
        const clock = Object.assign(new EventTarget(), { currentTime: 0, paused: true })
        const began = performance.now()
        const follower = followWords(clock, 0, () => {})
        const setup = performance.now() - began
        const spans = document.querySelectorAll('.turn .w').length
        /** Each step: the clock moved, the follower's update, and the style and layout it caused. */
        const run = (times: number[]) => {
          const costs = times.map((time) => {
            clock.currentTime = time
            const start = performance.now()
            follower.update()
            void document.body.offsetHeight
            return performance.now() - start
          })
          costs.sort((a, b) => a - b)
          const at = (q: number) => Math.round(costs[Math.min(costs.length - 1, Math.floor(q * costs.length))]! * 1000) / 1000
          return { steps: costs.length, median: at(0.5), p95: at(0.95), max: at(1) }
        }
        // Playing at 60 frames a second for 2,000 frames: a new word every 18 frames or so.
        const playing = run(Array.from({ length: 2000 }, (_, i) => 100 + i / 60))
        // The worst case: a new word at every step, across the whole transcript (each word's middle).
        const everyWord = run(Array.from({ length: spans }, (_, i) => i * word + word / 2))
        // Seeking back and forth across the tape.
        const seeking = run(Array.from({ length: 500 }, (_, i) => ((i * 7919) % spans) * word + 0.1))
        const marked = document.querySelectorAll('.w.now').length
        return { spans, setup: Math.round(setup * 10) / 10, playing, everyWord, seeking, marked }
      }, WORD)
    },
    // The bundle is added inline, which the page's Content-Security-Policy (rightly) refuses.
    { viewport: { width: 1280, height: 800 }, bypassCSP: true },
  )
  console.log(`words-cost: ${JSON.stringify(figures)} (milliseconds a step; ${seed.aligned}/${seed.words} words aligned)`)
  expect(figures.spans).toBe(seed.aligned)
  expect(figures.marked).toBe(1)
  // Loose bounds for a loaded machine: a frame is 16.7 ms.
  expect(figures.playing.median).toBeLessThan(1)
  expect(figures.everyWord.median).toBeLessThan(4)
  expect(figures.setup).toBeLessThan(200)
})
