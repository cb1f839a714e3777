/**
 * What the word-by-word browser tests share (words.test.ts, words-links.test.ts): the page of the fixture of
 * tests/fixtures/alignment/ on the combined site, and the generator's truth, from which every expected
 * time is taken (never from the page).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContextOptions, Page } from 'playwright-core'
import { fixtures } from '../../support/paths.ts'
import { ALIGNMENT_NAME } from './collections.ts'
import { view } from './player.ts'

export const PAGE = `/${ALIGNMENT_NAME}/`
interface TruthWord {
  turn: string
  word: string
  start?: number
  end?: number
  extra?: true
}
export const truth: { offset: number; plan: { unsure: { word: string } }; words: TruthWord[] } = JSON.parse(
  readFileSync(join(fixtures, `alignment/${ALIGNMENT_NAME}.truth.json`), 'utf8'),
)
export const OFFSET = truth.offset // the sidecar's recording.offset, which the generator wrote the truth with
/** The transcript's words that were said, in order, with their times on the tape. */
export const said = truth.words.filter(
  (word): word is Required<Omit<TruthWord, 'extra'>> => !word.extra && word.start !== undefined,
)
export const word = (text: string) => said.find((each) => each.word === text)!

export const clipboard: BrowserContextOptions = { ...view, permissions: ['clipboard-read', 'clipboard-write'] }
export const marked = (page: Page) => page.locator('.w.now').allTextContents()
/** The word `text`'s span on the page (each fixture word used here is printed once). */
export const span = (page: Page, text: string) => page.locator('.turn .w', { hasText: new RegExp(`^${text}$`) })
