/**
 * The reader's features in Chromium, on the built seed page: time links (printed, estimated, out of
 * range), the turn a link arrives at, each turn's link-and-cite panel, and footnote popovers by mouse,
 * keyboard and touch. Expected turns come from reading the seed (line numbers in comments).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { closeSite, openSite } from './support/site.ts'
import type { DistServer } from '../../scripts/lib/dist-server.ts'

const PAGE = '/1962-11-14-01181/'

let server: DistServer
let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  ;({ server, browser } = await openSite('1962-11-14-01181/index.html'))
})
afterAll(() => closeSite({ server, browser }))

async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1000, height: 800 }, ...options })
  const page = await context.newPage()
  await page.goto(`${server.url}${path}`)
  await page.waitForLoadState('load')
  return page
}

const current = (page: Page) => page.locator('.turn[aria-current="location"]')

describe('link to a time', () => {
  test.each([
    ['#t=05:03', 't-05-03'], // line 86: President Kennedy opens with [05:03]
    ['#t=303', 't-05-03'],
    ['?t=303', 't-05-03'],
    ['#t=0:13:37', 't-13-37'], // line 234: [13:37], written as h:mm:ss
  ])('%s opens the turn with that printed time', async (link, id) => {
    const page = await open(`${PAGE}${link}`)
    await expect.poll(() => current(page).getAttribute('id')).toBe(id)
    expect(await page.locator(`#${id}`).evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(100)
    await context.close()
  })

  test('a time between printed ones opens the turn in progress: at 06:00 still the turn printed [05:48]', async () => {
    // Between [05:48] (line 94) and [06:24] (line 106) stand five turns without a printed time. President
    // Kennedy's turn at [05:48] ("O.K. Well, then we would come back…") holds 291 of the 704 characters
    // spoken until [06:24]; spread over those 36 s it lasts until 348 + 36 × 291 / 704 = 362.9 s (≈06:03).
    // So 06:00 is still in it, and it shows its printed time, with no ≈.
    const page = await open(`${PAGE}#t=06:00`)
    const turn = current(page)
    await expect.poll(() => turn.getAttribute('id')).toBe('t-05-48')
    expect(await turn.getAttribute('data-speaker')).toBe('president-kennedy')
    expect(await turn.locator('.speaker-label').textContent()).toBe('President Kennedy')
    const between = await page.evaluate(() => {
      const all = [...document.querySelectorAll<HTMLElement>('.turn')]
      const from = all.findIndex((t) => t.id === 't-05-48')
      const to = all.findIndex((t) => t.id === 't-06-24')
      return all.slice(from, to).map((t) => t.id)
    })
    expect(between).toHaveLength(6)
    expect(between).toContain(await turn.getAttribute('id'))
    expect(Number(await turn.getAttribute('data-start'))).toBe(348)
    expect(Number(await turn.getAttribute('data-end'))).toBe(363)
    expect(await turn.locator('.turn-time').count()).toBe(0)
    await context.close()
  })

  test('a time in a turn without a printed time opens that turn, shown as ≈ its estimated start', async () => {
    // Bundy's turn at line 104 ("Bobby said that he felt Dobrynin…"), the fifth after [05:48], starts 552 of
    // the 704 characters after [05:48]: 348 + 36 × 552 / 704 = 376.2 s, ≈06:16; it runs to [06:24]. 06:20 is in it.
    const page = await open(`${PAGE}#t=06:20`)
    const turn = current(page)
    await expect.poll(() => turn.getAttribute('id')).toBe('t-05-48-5')
    expect(await turn.getAttribute('data-speaker')).toBe('mcgeorge-bundy')
    expect(await turn.locator('.speaker-label').textContent()).toBe('Bundy')
    expect(await turn.locator('.turn-time').textContent()).toBe('about ≈06:16')
    await context.close()
  })

  test.each([
    // the first turn opens at [00:35] (line 32)
    ['#t=00:10', 't-00-35', /before the first time the transcript gives \(00:35\)/],
    // the last printed time, [15:37], opens President Kennedy's turn at line 307; the turns after it have no time
    ['#t=1:02:03', 't-15-37', /after the last time the transcript gives \(15:37\)/],
  ])('%s is clamped to the transcript’s own times, with a notice', async (link, id, notice) => {
    const page = await open(`${PAGE}${link}`)
    await expect.poll(() => current(page).getAttribute('id')).toBe(id)
    await expect.poll(() => page.locator('.toast').textContent()).toMatch(notice)
    await context.close()
  })

  test('the jump-to-time field goes to the turn', async () => {
    const page = await open(PAGE)
    await page.getByLabel('Jump to time').fill('15:37')
    await page.getByRole('button', { name: 'Go' }).click()
    await expect.poll(() => current(page).getAttribute('id')).toBe('t-15-37') // line 307
    expect(page.url()).toContain('#t=15:37')
    await context.close()
  })
})

describe('awkward links', () => {
  test("a malformed fragment does not stop the page's scripts", async () => {
    const page = await open(`${PAGE}#t=50%`)
    await expect.poll(() => page.locator('.toast').textContent()).toMatch(/not a time/)
    await page.locator('#fnref-5').focus()
    await expect.poll(() => page.getByRole('dialog', { name: 'Note 5' }).isVisible()).toBe(true)
    await context.close()
  })

  test('jumping to a time while a speaker is chosen shows the turn', async () => {
    const page = await open(`${PAGE}?speaker=george-ball`)
    await expect.poll(() => page.locator('#t-05-03').isHidden()).toBe(true) // President Kennedy's turn
    await page.getByLabel('Jump to time').fill('05:03')
    await page.getByRole('button', { name: 'Go' }).click()
    await expect.poll(() => page.locator('#t-05-03').isVisible()).toBe(true)
    expect(await current(page).getAttribute('id')).toBe('t-05-03')
    await context.close()
  })
})

describe('link to a turn', () => {
  test('arriving at a turn marks it', async () => {
    const page = await open(`${PAGE}#t-05-03-1`) // line 88: Thompson, the turn after [05:03]
    await expect.poll(() => current(page).getAttribute('id')).toBe('t-05-03-1')
    expect(await current(page).locator('.speaker-label').textContent()).toBe('Thompson')
    await context.close()
  })

  test('the turn link copies its URL and offers citations; Esc closes and returns focus', async () => {
    const page = await open(PAGE, { permissions: ['clipboard-read', 'clipboard-write'] })
    const link = page.locator('#t-05-03-1 .turn-link')
    await link.focus()
    await page.keyboard.press('Enter')
    const panel = page.getByRole('dialog', { name: 'Link and citation for this turn' })
    await expect.poll(() => panel.isVisible()).toBe(true)
    expect(page.url()).toBe(`${server.url}${PAGE}#t-05-03-1`)
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.url}${PAGE}#t-05-03-1`)
    const text = await panel.textContent()
    // No printed time at this turn: no time cited (issue 21); the document number unpadded; a draft.
    expect(text).toContain(
      'Llewellyn Thompson, in “Off-the-Record Oval Office Conversation on Cuba,” November 14, 1962, document 1181',
    )
    expect(text).toContain('draft transcript, to appear in Presidential Recordings: John F. Kennedy, vol. 4')
    expect(text).toMatch(/@misc\{1181-t-05-03-1,/)
    await panel.getByRole('button', { name: 'Copy BibTeX' }).click()
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^@misc\{1181-t-05-03-1,[\s\S]*url = \{/)
    await page.keyboard.press('Escape')
    expect(await panel.count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.closest('.turn')?.id)).toBe('t-05-03-1')
    await context.close()
  })
})

describe('footnotes in place', () => {
  test('hovering a reference opens its note; leaving closes it', async () => {
    const page = await open(PAGE)
    await page.locator('#fnref-5').hover() // Dobrynin⁵, line 104
    const note = page.getByRole('dialog', { name: 'Note 5' })
    await expect.poll(() => note.isVisible()).toBe(true)
    expect(await note.textContent()).toContain('Anatoly Dobrynin was the Soviet ambassador to the United States.')
    expect(await note.getByRole('link').getAttribute('href')).toBe('#fn-5')
    await page.mouse.move(5, 5)
    await expect.poll(() => note.count()).toBe(0)
    await context.close()
  })

  test('keyboard focus opens it, Tab reaches its link, Esc closes and focus returns', async () => {
    const page = await open(PAGE)
    await page.locator('#fnref-5').focus()
    const note = page.getByRole('dialog', { name: 'Note 5' })
    await expect.poll(() => note.isVisible()).toBe(true)
    expect(await page.locator('#fnref-5').getAttribute('aria-expanded')).toBe('true')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Go to note 5 in the notes')
    await page.keyboard.press('Escape')
    await expect.poll(() => note.count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('fnref-5')
    await context.close()
  })

  test('on a 320 px touch screen a tap opens the note in place, inside the screen', async () => {
    const page = await open(PAGE, { viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true })
    for (const id of ['fnref-4', 'fnref-14']) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded()
      await page.locator(`#${id}`).tap()
      const note = page.locator('.popover[role="dialog"]')
      await expect.poll(() => note.isVisible()).toBe(true)
      const box = (await note.boundingBox())!
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(320)
      expect(page.url()).not.toContain('#fn-')
    }
    await context.close()
  })
})

describe('print', () => {
  test('prints the transcript and its notes, not the controls', async () => {
    const page = await open(PAGE)
    await page.emulateMedia({ media: 'print' })
    const shown = (selector: string) => page.locator(selector).first().isVisible()
    for (const control of ['.site-header', '.page-nav', '.reader-tools', '.turn-link']) {
      expect(await shown(control), control).toBe(false)
    }
    for (const content of ['#t-00-35', '#fn-9', '#excision-1', 'h1']) expect(await shown(content), content).toBe(true)
    await context.close()
  })

  test("prints the page's address, and neither the notes' ↩ back-links nor the timeline's directions (issue 21)", async () => {
    const page = await open(PAGE)
    await page.emulateMedia({ media: 'print' })
    const shown = (selector: string) => page.locator(selector).first().isVisible()
    for (const control of ['[data-footnote-backref]', '.tl-choose']) expect(await shown(control), control).toBe(false)
    expect(await shown('.print-address'), '.print-address').toBe(true)
    expect(await page.locator('.print-address').textContent()).toBe(`Address: ${server.url}${PAGE}`)
    // On screen the address is not shown: the browser's own address bar has it.
    await page.emulateMedia({ media: 'screen' })
    expect(await shown('.print-address')).toBe(false)
    await context.close()
  })
})
