/**
 * What the browser tests that play a recording share (audio.test.ts, words.test.ts, words-links.test.ts):
 * the combined fixture site opened with autoplay allowed, the player's state, a patient poll and a view.
 */
import type { BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { closeSite, openFixtureSite, type Site } from './site.ts'

/** Opens the combined fixture site (support/collections.ts) for this file's tests and closes it after them. */
export function usePlayingSite(): () => Partial<Site> {
  let opened: Partial<Site> = {}
  beforeAll(async () => {
    opened = await openFixtureSite('combined', { args: ['--autoplay-policy=no-user-gesture-required'] })
  }, 900_000)
  afterAll(() => closeSite(opened))
  return () => opened
}

export const audioState = (page: Page) =>
  page.locator('audio').evaluate((audio: HTMLAudioElement) => ({ time: audio.currentTime, paused: audio.paused }))
/** The machine running the tests may be loaded: give the page time, as a reader would. */
export const eventually = <T>(check: () => T | Promise<T>) => expect.poll(check, { timeout: 15_000, interval: 50 })
export const view: BrowserContextOptions = { viewport: { width: 1000, height: 700 } }
