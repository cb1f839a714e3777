/**
 * Listening along (issue 11, item 1) in real headless Chromium, with a real recording, on the combined
 * fixture site: among others the seed (no recording) and tests/fixtures/audio/ (a transcript, its sidecar
 * and the recording scripts/make-recording.ts spoke from it). The sidecar says the tape's 0:00 is 1.5 s into the file, so
 * tape time t plays at t + 1.5 in the file. Times below are read from the fixture (line numbers in
 * comments); the estimated ones (≈) are those the page shows. Chromium runs without an audio device: the
 * media clock still advances and cues still fire.
 */
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { AxeBuilder } from './support/axe.ts'
import { audioState, eventually, usePlayingSite, view } from './support/player.ts'
import { withDevicePage, withPage } from './support/site.ts'

const PAGE = '/1961-05-02-00057/'
const SEED = '/1962-11-14-01181/'
const OFFSET = 1.5 // tests/fixtures/audio/1961-05-02-00057.yml

// The combined fixture site (support/collections.ts): the seed and the audio transcript among others.
const site = usePlayingSite()

const playing = (page: Page) => page.locator('.turn[data-playing]').getAttribute('id')

describe('without JavaScript', () => {
  test('the native player is there, and printed times and turns link into the recording at their time', async () => {
    await withPage(
      site(),
      PAGE,
      async (page) => {
        const audio = page.locator('audio')
        expect(await audio.getAttribute('controls')).not.toBeNull()
        expect(await audio.getAttribute('preload')).toBe('none')
        expect(await audio.getAttribute('src')).toBe('recording.ogg')
        // Printed times [00:02], [00:20], [00:34], [00:50] (lines 16, 22, 26, 30), plus the offset.
        expect(await page.locator('a.timestamp').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
          'recording.ogg#t=3.5',
          'recording.ogg#t=21.5',
          'recording.ogg#t=35.5',
          'recording.ogg#t=51.5',
        ])
        // Every turn plays from its start; estimated starts are said to be estimated.
        const plays = await page
          .locator('a.turn-play')
          .evaluateAll((links) =>
            links.map((a) => [a.closest('.turn')!.id, a.getAttribute('href'), a.getAttribute('aria-label')]),
          )
        expect(plays).toHaveLength(8)
        expect(plays[0]).toEqual(['t-00-02', 'recording.ogg#t=3.5', 'Play from 00:02: Governor Halloran'])
        const [id, href, label] = plays[1]!
        expect(id).toBe('t-00-02-1')
        const shown = await page.locator('#t-00-02-1 .turn-time').textContent()
        expect(label).toBe(`Play from about ${shown!.replace(/^about ≈/, '')} (estimated): Ruth Ann Pell`)
        expect(href).toBe(`recording.ogg#t=${Number(await page.locator('#t-00-02-1').getAttribute('data-start')) + OFFSET}`)
        // The file is served beside the page, and a media fragment opens it at that time.
        const response = await page.request.get(new URL(`${PAGE}recording.ogg`, site().server!.url).href)
        expect(response.status()).toBe(200)
        expect((await response.body()).byteLength).toBeGreaterThan(10_000)
      },
      { javaScriptEnabled: false },
    )
  })
})

describe('the recording', () => {
  test("is decoded by Chromium, and each turn's words start at the turn's time (plus the offset)", async () => {
    await withPage(site(), PAGE, async (page) => {
      // Where sound starts after at least 0.4 s of quiet, in 10 ms windows of the decoded file.
      const onsets = await page.evaluate(async () => {
        const bytes = await (await fetch('recording.ogg')).arrayBuffer()
        const audio = await new OfflineAudioContext(1, 1, 48_000).decodeAudioData(bytes)
        const samples = audio.getChannelData(0)
        const size = Math.round(audio.sampleRate / 100)
        const found: number[] = []
        let quiet = 40
        for (let at = 0; at + size <= samples.length; at += size) {
          let sum = 0
          for (let i = at; i < at + size; i++) sum += samples[i]! ** 2
          const loud = Math.sqrt(sum / size) > 0.01
          if (loud && quiet >= 40) found.push(at / audio.sampleRate)
          quiet = loud ? 0 : quiet + 1
        }
        return found
      })
      const starts = await page
        .locator('.turn')
        .evaluateAll((turns) => turns.map((turn) => Number(turn.getAttribute('data-start'))))
      expect(starts).toEqual([2, 7, 14, 20, 28, 34, 42, 50])
      // The leader's tone at 0, then one onset per turn, within 0.1 s of where the page says it starts.
      expect(onsets).toHaveLength(starts.length + 1)
      expect(onsets[0]).toBe(0)
      for (const [index, start] of starts.entries()) {
        expect(Math.abs(onsets[index + 1]! - (start + OFFSET)), `turn ${index + 1}`).toBeLessThan(0.1)
      }
    })
  })
})

describe('the seed, which has no recording', () => {
  test('shows no player, no play links and loads no player script', async () => {
    const scripts: string[] = []
    await withPage(site(), SEED, async (page) => {
      page.on('request', (request) => scripts.push(request.url()))
      await page.reload()
      await page.waitForLoadState('load')
      expect(await page.locator('audio, [data-player], .turn-play').count()).toBe(0)
      expect(await page.locator('a.timestamp').first().getAttribute('href')).toMatch(/^#ts-/)
    })
    const withPlayer: string[] = []
    await withPage(site(), PAGE, async (page) => {
      for (const script of await page.locator('script[src]').evaluateAll((all) => all.map((s) => s.getAttribute('src')!)))
        withPlayer.push(script)
    })
    const playerScripts = withPlayer.filter((src) => !scripts.some((url) => url.endsWith(src)))
    expect(playerScripts).toHaveLength(1)
    expect(scripts.filter((url) => /\.(ogg|vtt)$/.test(url))).toEqual([])
  })
})

describe('with JavaScript', () => {
  test('"play from here" plays the recording from the turn, and the turn is marked', async () => {
    await withPage(
      site(),
      PAGE,
      async (page) => {
        expect((await audioState(page)).paused).toBe(true) // nothing plays by itself
        await page.locator('#t-00-34 .turn-play').click()
        await eventually(async () => (await audioState(page)).paused).toBe(false)
        const { time } = await audioState(page)
        expect(time).toBeGreaterThanOrEqual(34 + OFFSET)
        expect(time).toBeLessThan(34 + OFFSET + 5)
        await eventually(() => playing(page)).toBe('t-00-34')
        // The cues are those of the transcript's WebVTT, fetched on first play: one per turn, ids = turn ids.
        const cues = await page
          .locator('track')
          .evaluate((track: HTMLTrackElement) => [
            track.getAttribute('src'),
            track.getAttribute('kind'),
            [...(track.track.cues ?? [])].map((cue) => cue.id),
          ])
        expect(cues).toEqual([
          'transcript.vtt',
          'metadata',
          ['t-00-02', 't-00-02-1', 't-00-02-2', 't-00-20', 't-00-20-1', 't-00-34', 't-00-34-1', 't-00-50'],
        ])
      },
      view,
    )
  })

  test('a printed time plays from that time', async () => {
    await withPage(
      site(),
      PAGE,
      async (page) => {
        await page.locator('a.timestamp', { hasText: '[00:20]' }).click()
        await eventually(async () => (await audioState(page)).paused).toBe(false)
        expect((await audioState(page)).time).toBeGreaterThanOrEqual(20 + OFFSET)
        await eventually(() => playing(page)).toBe('t-00-20')
        expect(new URL(page.url()).hash).toBe('') // the page stays; only the player moved
      },
      view,
    )
  })

  test('the marked turn follows playback, and is kept in view', async () => {
    await withPage(
      site(),
      PAGE,
      async (page) => {
        await page.evaluate(() => window.scrollTo(0, 0))
        const seen: string[] = []
        await page.exposeFunction('seen', (id: string) => seen.push(id))
        await page.evaluate(() => {
          new MutationObserver((records) => {
            for (const record of records) {
              const turn = record.target as HTMLElement
              if (turn.hasAttribute('data-playing')) (window as unknown as { seen(id: string): void }).seen(turn.id)
            }
          }).observe(document.body, { subtree: true, attributeFilter: ['data-playing'] })
        })
        await page.locator('#t-00-20-1 .turn-play').click()
        await page.locator('audio').evaluate((audio: HTMLAudioElement) => {
          audio.playbackRate = 4
        })
        // From ≈00:28 on through [00:34] (line 26) to the next estimated turn and [00:50] (line 30).
        await eventually(() => seen.at(-1)).toBe('t-00-50')
        expect(seen).toEqual(['t-00-20-1', 't-00-34', 't-00-34-1', 't-00-50'])
        const { top, bottom, playerBottom } = await page.evaluate(() => ({
          top: document.getElementById('t-00-50')!.getBoundingClientRect().top,
          bottom: innerHeight,
          playerBottom: document.querySelector('[data-player]')!.getBoundingClientRect().bottom,
        }))
        expect(top).toBeGreaterThanOrEqual(playerBottom)
        expect(top).toBeLessThan(bottom)
      },
      { viewport: { width: 1000, height: 420 } },
    )
  })

  test.each([
    ['#t=00:34', 34, 't-00-34'],
    ['#t=20', 20, 't-00-20'],
    ['?t=0:50', 50, 't-00-50'],
  ])('%s moves the player to that time without playing', async (link, seconds, id) => {
    await withPage(
      site(),
      `${PAGE}${link}`,
      async (page) => {
        await eventually(() => page.locator('.turn[aria-current="location"]').getAttribute('id')).toBe(id)
        await eventually(async () => (await audioState(page)).time).toBe(seconds + OFFSET)
        expect((await audioState(page)).paused).toBe(true)
        await page.locator('audio').evaluate((audio: HTMLAudioElement) => audio.play())
        await eventually(() => playing(page)).toBe(id)
      },
      view,
    )
  })

  test('a #t= link followed on the page, and the jump field, seek the player', async () => {
    await withPage(
      site(),
      PAGE,
      async (page) => {
        await page.evaluate(() => {
          location.hash = '#t=00:34'
        })
        await eventually(async () => (await audioState(page)).time).toBe(34 + OFFSET)
        await page.getByLabel('Jump to time').fill('0:20')
        await page.getByRole('button', { name: 'Go', exact: true }).click()
        await eventually(async () => (await audioState(page)).time).toBe(20 + OFFSET)
        expect((await audioState(page)).paused).toBe(true)
      },
      view,
    )
  })

  test('keys play and pause, never while typing in a field, and can be turned off', async () => {
    await withPage(
      site(),
      PAGE,
      async (page) => {
        await page.getByLabel('Jump to time').fill('')
        await page.getByLabel('Jump to time').press('k')
        expect(await page.getByLabel('Jump to time').inputValue()).toBe('k')
        expect((await audioState(page)).paused).toBe(true)
        await page.locator('h1').click()
        await page.keyboard.press('k')
        await eventually(async () => (await audioState(page)).paused).toBe(false)
        await page.keyboard.press('k')
        await eventually(async () => (await audioState(page)).paused).toBe(true)
        await page.getByLabel('Keys').uncheck()
        await page.locator('h1').click()
        await page.keyboard.press('k')
        await new Promise((resolve) => setTimeout(resolve, 300))
        expect((await audioState(page)).paused).toBe(true)
      },
      view,
    )
  })

  test('following is on by default, and off by default when the reader asks for reduced motion', async () => {
    await withPage(site(), PAGE, async (page) => {
      await eventually(() => page.getByLabel('Follow along').isChecked()).toBe(true)
    })
    await withPage(site(), PAGE, async (page) => expect(await page.getByLabel('Follow along').isChecked()).toBe(false), {
      reducedMotion: 'reduce',
    })
  })

  test.each([
    ['light', 1280],
    ['dark', 1280],
    ['light', 320],
    ['dark', 320],
  ] as const)('axe-core: no violations, %s at %i px, while playing', async (colorScheme, width) => {
    await withDevicePage(
      site(),
      PAGE,
      async (page) => {
        await page.locator('#t-00-20 .turn-play').click()
        await eventually(() => playing(page)).toBe('t-00-20')
        const results = await new AxeBuilder({ page }).analyze()
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
      },
      { colorScheme, viewport: { width, height: 700 } },
    )
  })
})
