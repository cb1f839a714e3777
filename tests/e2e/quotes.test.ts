/**
 * Quote fidelity (issue 11, item 3), in Chromium on the built seed page: selecting a passage and copying
 * it with the keyboard (Ctrl+C, then the real clipboard read back) gives exactly the transcript's words as
 * printed, with nothing the page adds: no text for screen readers only, no estimated times, links, note
 * markers, timestamps or labels. "Its words" are the JSON's plain text (docs/data-format.md): editorial
 * brackets as printed, footnote markers and timestamps left out. Chromium puts a blank line between
 * paragraphs and keeps the white space the page renders, so a copy is compared line by line, each line's
 * white space collapsed as plain text's is. Screen readers still hear what kind of mark a bracket is.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { closeSite, openSite, withPage, type Site } from './support/site.ts'

const NAME = '1962-11-14-01181'
const PAGE_PATH = `/${NAME}/`

type Block =
  | { type: 'turn'; id: string; speaker: { label: string }; paragraphs: string[] }
  | { type: 'paragraph'; id: string; section: string; text: string }
  | { type: 'excision' | 'direction'; id: string; text: string }
  | { type: 'heading'; text: string }

let site: Partial<Site> = {}
let blocks: Block[] = []

beforeAll(async () => {
  site = await openSite(`${NAME}/index.html`)
  const response = await fetch(new URL(`${PAGE_PATH}transcript.json`, site.server!.url))
  blocks = ((await response.json()) as { blocks: Block[] }).blocks
})
afterAll(() => closeSite(site))

const clipboard = { permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1000, height: 800 } }

/** Plain text's white space: each run one space, trimmed. */
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim()

/** The copied text's lines, white space collapsed, blank lines dropped. */
const lines = (text: string) => text.split('\n').map(collapse).filter(Boolean)

/**
 * Selects from the start of `from` to the end of `to` (the same element when `to` is omitted) as a reader's
 * drag would, copies with Ctrl+C and reads the system clipboard back.
 */
async function copy(page: Page, from: string, to = from): Promise<string> {
  await page.evaluate(
    ([first, last]) => {
      const range = document.createRange()
      range.setStartBefore(document.querySelector(first!)!.firstChild ?? document.querySelector(first!)!)
      const end = document.querySelector(last!)!
      range.setEndAfter(end.lastChild ?? end)
      const selection = getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
    },
    [from, to],
  )
  await page.evaluate(() => navigator.clipboard.writeText(''))
  await page.keyboard.press('Control+C')
  return page.evaluate(() => navigator.clipboard.readText())
}

type TurnBlock = Extract<Block, { type: 'turn' }>
const turns = () => blocks.filter((block): block is TurnBlock => block.type === 'turn')

/** Copies every turn's `part` (selectors of its first and last element) and lists those not copied as `expected`. */
async function copyEachTurn(part: (turn: TurnBlock) => [string, string], expected: (turn: TurnBlock) => string[]) {
  await withPage(
    site,
    PAGE_PATH,
    async (page) => {
      const wrong: string[] = []
      for (const turn of turns()) {
        const copied = await copy(page, ...part(turn))
        if (JSON.stringify(lines(copied)) !== JSON.stringify(expected(turn))) {
          wrong.push(`#${turn.id}: copied ${JSON.stringify(copied)}, expected ${JSON.stringify(expected(turn))}`)
        }
      }
      expect(wrong).toEqual([])
    },
    clipboard,
  )
}

describe(`copying from ${PAGE_PATH}`, () => {
  test('each turn’s words, copied, are its paragraphs in transcript.json', async () => {
    expect(turns().length).toBeGreaterThan(100)
    await copyEachTurn(
      (turn) => [`[id="${turn.id}"] > p:not(.speaker)`, `[id="${turn.id}"] > p:not(.speaker):last-child`],
      (turn) => turn.paragraphs.map(collapse),
    )
  })

  test('a whole turn copies as its speaker’s label and its words: no time, link or hidden text', async () => {
    await copyEachTurn(
      (turn) => [`[id="${turn.id}"]`, `[id="${turn.id}"]`],
      (turn) => [turn.speaker.label, ...turn.paragraphs.map(collapse)],
    )
  })

  test('the whole conversation copies as its turns, excisions and directions, in order, and nothing else', async () => {
    const expected: string[] = []
    let inConversation = false
    for (const block of blocks) {
      if (block.type === 'heading') inConversation = true
      else if (!inConversation) continue
      else if (block.type === 'turn') expected.push(block.speaker.label, ...block.paragraphs.map(collapse))
      else if (block.type === 'paragraph' && block.section === 'epilogue') break
      else expected.push(collapse(block.text))
    }
    await withPage(
      site,
      PAGE_PATH,
      async (page) => {
        const copied = lines(await copy(page, 'section.conversation'))
        expect(copied).toEqual(expected)
        for (const hidden of ['unclear passage', 'Link to this turn', 'about ≈', '7 seconds excised', 'Conversation']) {
          expect(copied.join('\n'), hidden).not.toContain(hidden)
        }
      },
      clipboard,
    )
  })

  test('screen readers still hear what each mark is, and the turn link’s name', async () => {
    await withPage(site, PAGE_PATH, async (page) => {
      const cdp = await page.context().newCDPSession(page)
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
        nodes: { nodeId: string; childIds?: string[]; role?: { value: string }; name?: { value: string } }[]
      }
      // The page's text in reading order, as a screen reader walks it: the tree depth first.
      const byId = new Map(nodes.map((node) => [node.nodeId, node]))
      const texts: string[] = []
      const walk = (id: string) => {
        const node = byId.get(id)
        if (!node) return
        if (node.role?.value === 'StaticText') texts.push(node.name?.value ?? '')
        for (const child of node.childIds ?? []) walk(child)
      }
      walk(nodes[0]!.nodeId)
      const spoken = texts.join('')
      // Line 32: `Llewellyn Thompson: [00:35] [*Unclear*] Castro, with the Cubans.`
      expect(spoken).toContain('(unclear passage) [Unclear] Castro, with the Cubans.')
      // Line 48: `President Kennedy: Is Bobby [Kennedy] gone, or is he . . . ?`
      expect(spoken).toContain('Is Bobby (supplied by the editors) [Kennedy] gone')
      // Line 100: `Bundy: The question is how far do we want to go? [laughing]`
      expect(spoken).toContain('how far do we want to go? (stage direction) [laughing]')
      const links = nodes.filter((node) => node.role?.value === 'link').map((node) => node.name?.value ?? '')
      expect(links).toContain('Link to this turn (Llewellyn Thompson, 00:35)')
    })
  })
})
