/**
 * Issue 21, item 4: a turn's citation panel as a scholar uses it, in Chromium on the built seed page. The
 * expected text comes from reading the seed (content/transcripts/1962-11-14-01181.txt): its status note
 * (line 7) says it is "a draft transcript subject to additional review and emendation before publication in
 * *Presidential Recordings: John F. Kennedy, Volume 4*, Timothy Naftali and David Coleman, eds."; its header
 * id is `01181`; [00:35] (line 32) and [05:03] (line 86) are printed times, and the turns between printed
 * times have none of their own (only estimates, which a citation never gives).
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { AxeBuilder } from './support/axe.ts'
import { closeSite, openSite } from './support/site.ts'
import type { DistServer } from '../../scripts/lib/dist-server.ts'

const PAGE = '/1962-11-14-01181/'

let server: DistServer
let browser: Browser

beforeAll(async () => {
  ;({ server, browser } = await openSite('1962-11-14-01181/index.html'))
})
afterAll(() => closeSite({ server, browser }))

async function openPanel(width: number, height: number, turn: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, permissions: ['clipboard-read', 'clipboard-write'] })
  const page = await context.newPage()
  await page.goto(`${server.url}${PAGE}`)
  await page.waitForLoadState('load')
  // The turn's line at the bottom of the screen: where a panel opening below it has no room.
  await page.locator(`#${turn} .turn-link`).evaluate((link) => {
    const box = link.getBoundingClientRect()
    window.scrollBy(0, box.bottom - window.innerHeight + 4)
  })
  await page.locator(`#${turn} .turn-link`).click()
  await expect.poll(() => page.getByRole('dialog', { name: 'Link and citation for this turn' }).isVisible()).toBe(true)
  return page
}

const panelOf = (page: Page) => page.getByRole('dialog', { name: 'Link and citation for this turn' })

describe('the citation panel opens in view', () => {
  test.each([
    [1440, 900],
    [1024, 768],
    [390, 844],
  ])('at %i × %i px, opened from the bottom of the screen, both buttons are visible', async (width, height) => {
    const page = await openPanel(width, height, 't-05-03-1')
    const panel = panelOf(page)
    for (const name of ['Copy citation', 'Close']) {
      const box = (await panel.getByRole('button', { name }).boundingBox())!
      expect(box, name).not.toBeNull()
      expect(box.y, name).toBeGreaterThanOrEqual(0)
      expect(box.y + box.height, name).toBeLessThanOrEqual(height)
      expect(box.x, name).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width, name).toBeLessThanOrEqual(width)
    }
    // In the body's font, not the speaker line's bold sans-serif.
    const fonts = await page.evaluate(() => {
      const panelText = document.querySelector('[role="dialog"] .citation-text')!
      const body = document.querySelector('.turn > p:not(.speaker)')!
      return {
        family: getComputedStyle(panelText).fontFamily,
        weight: getComputedStyle(panelText).fontWeight,
        body: getComputedStyle(body).fontFamily,
      }
    })
    expect(fonts.family).toBe(fonts.body)
    expect(fonts.weight).toBe('400')
    await page.context().close()
  })
})

describe('what the citation says', () => {
  test('a turn without a printed time: editors, draft status, no zero padding, no estimated time, an access date', async () => {
    const page = await openPanel(1280, 800, 't-05-03-1')
    const text = (await panelOf(page).locator('.citation-text').textContent()) ?? ''
    expect(text).toContain('Off-the-Record Oval Office Conversation on Cuba')
    expect(text).toContain('November 14, 1962')
    // The status note's words: a draft, to appear in the volume, with its editors.
    expect(text).toMatch(/draft transcript, to appear in Presidential Recordings: John F\. Kennedy, vol\. 4/)
    expect(text).toContain('ed. Timothy Naftali and David Coleman')
    expect(text).not.toMatch(/published in/i)
    expect(text).toContain('document 1181')
    expect(text).not.toMatch(/document 0/) // the page's address keeps its name, 1962-11-14-01181
    // Note 4 (line 54): "Tape 58, John F. Kennedy Library".
    expect(text).toContain('Tape 58, John F. Kennedy Library')
    // Thompson's turn after [05:03] has no printed time: no time at all, never "at about".
    expect(text).not.toMatch(/at about|≈|\b05:\d\d\b/)
    const today = new Date().toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' })
    expect(text).toContain(`accessed ${today}`)
    expect(text).toContain(`${server.url}${PAGE}#t-05-03-1`)
    await panelOf(page).getByRole('button', { name: 'Copy citation' }).click()
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(text)
    const bibtex = (await panelOf(page).locator('pre').textContent()) ?? ''
    expect(bibtex).toContain('editor = {Timothy Naftali and David Coleman}')
    expect(bibtex).toContain('note = {Draft transcript')
    expect(bibtex).not.toMatch(/document 0/)
    expect(bibtex).not.toMatch(/about|05:/)
    await page.context().close()
  })

  test('a turn at a printed time cites that time exactly', async () => {
    const page = await openPanel(1280, 800, 't-05-03')
    const text = (await panelOf(page).locator('.citation-text').textContent()) ?? ''
    expect(text).toContain('President Kennedy, at 05:03, in')
    expect(text).not.toMatch(/about/)
    await page.context().close()
  })
})

describe('the source note and "Cite as" block, without JavaScript', () => {
  test('the page names edition, editors, volume, document, archive and tape, and the draft status', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${server.url}${PAGE}`)
    const note = page.getByRole('region', { name: 'Source note' })
    const text = (await note.textContent())?.replace(/\s+/g, ' ') ?? ''
    expect(text).toContain('Presidential Recordings: John F. Kennedy')
    expect(text).toContain('Timothy Naftali and David Coleman')
    expect(text).toMatch(/Draft transcript/)
    expect(text).toContain('John F. Kennedy Library')
    // The sidecar's tape (content/transcripts/1962-11-14-01181.yml: `tape: 58`) stands before its archive.
    expect(text).toMatch(/Tape 58, John F\. Kennedy Library\b/)
    const cite = (await note.locator('.cite-as').textContent())?.replace(/\s+/g, ' ') ?? ''
    expect(cite).toMatch(/draft transcript, to appear in Presidential Recordings: John F\. Kennedy, vol\. 4/)
    expect(cite).toContain('document 1181')
    expect(cite).not.toMatch(/document 0/)
    await context.close()
  })
})

describe('the key to the marks and the About page (issue 21, items 7 and 9)', () => {
  test('the key names each kind the seed uses, linked to its section of /about/; marks are not styled as links', {
    timeout: 180_000,
  }, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${server.url}${PAGE}`)
    const key = page.getByRole('complementary', { name: 'Key to the marks' })
    const links = await key.getByRole('link').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]))
    // The seed has [unclear] (line 32), supplied words, [Laughs]-style directions, and two excisions (lines 232, 370).
    expect(links).toEqual([
      ['Unclear passage', '/about/#unclear'],
      ['Supplied by the editors', '/about/#supplied'],
      ['Stage direction', '/about/#direction'],
      ['Excision', '/about/#excision'],
    ])
    const style = await page
      .locator('.conversation .mark.unclear')
      .first()
      .evaluate((el) => ({
        decoration: getComputedStyle(el).textDecorationLine,
        title: el.getAttribute('title'),
      }))
    expect(style).toEqual({ decoration: 'none', title: 'Unclear passage' })
    // Line 232, "Seven seconds excised as classified information.": a length, not a time.
    expect(await page.locator('.excision-gap').first().textContent()).toBe('7 seconds excised')
    expect(await page.locator('.excision-gap').nth(1).textContent()).toBe('1 minute 37 seconds excised')
    // Every page links the About page from its header and footer.
    for (const where of ['.site-header', '.site-footer'])
      expect(await page.locator(`${where} a[href="/about/"]`).count(), where).toBe(1)
    await context.close()
    // The About page has a section for each (axe runs scripts: a context with JavaScript).
    const withScripts = await browser.newContext()
    const about = await withScripts.newPage()
    await about.goto(`${server.url}/about/`)
    for (const [, href] of links) expect(await about.locator(`[id="${href!.split('#')[1]}"]`).count(), href!).toBe(1)
    expect(await about.locator('#times').count()).toBe(1)
    expect(await about.locator('#sources').count()).toBe(1)
    const results = await new AxeBuilder({ page: about }).analyze()
    expect(results.violations.map((v) => v.id)).toEqual([])
    await withScripts.close()
  })

  test('the seed page with the source note, the key and an open citation panel: axe finds nothing', {
    timeout: 180_000,
  }, async () => {
    const page = await openPanel(390, 844, 't-05-03')
    const results = await new AxeBuilder({ page }).analyze()
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([])
    await page.context().close()
  })
})
