/**
 * Speakers (issue 3, items 3 and 7) in real headless Chromium, against the built site served on
 * 127.0.0.1: the participants panel and its filter, the speaker pages, and the conversation timeline.
 *
 * Expected counts are read from the seed's raw text, one `Label:` line per turn
 * (`grep -c '^Ball:' content/transcripts/1962-11-14-01181.txt` and so on):
 * - George Ball: `Ball:` 5 times, lines 70, 74, 78, 294, 300;
 * - McGeorge Bundy: `Bundy:` 47 + `McGeorge Bundy:` 1 = 48;
 * - President Kennedy: `President Kennedy:` 47;
 * - Evelyn Lincoln: `Evelyn Lincoln:` 1, line 366;
 * - Unidentified: 4, lines 40, 202, 224, 270, each its own voice;
 * - every turn: 146 `Label:` lines.
 *
 * Uses the site in `E2E_DIST_DIR`, else `<repo>/dist` (the e2e project's global setup runs `npm run build`).
 */
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { AxeBuilder } from './support/axe.ts'
import { closeSite, openSite, withPage, type Site } from './support/site.ts'

const NAME = '1962-11-14-01181'
const PAGE_PATH = `/${NAME}/`
const ALL_TURNS = 146

/** A speaker as the reader finds them in the raw file: panel key, full name, turns, and how their turns begin. */
interface Who {
  key: string
  name: string
  turns: number
  openings?: string[]
}

const BALL: Who = {
  key: 'george-ball',
  name: 'George Ball',
  turns: 5,
  // The first words after `Ball:` on lines 70, 74, 78, 294 and 300.
  openings: ["Don't you want to say", 'Well, I think we', 'But we might be willing', 'One thing that', 'Yeah, he did say that.'],
}
const BUNDY: Who = { key: 'mcgeorge-bundy', name: 'McGeorge Bundy', turns: 48 }
const KENNEDY: Who = { key: 'president-kennedy', name: 'President Kennedy', turns: 47 }
const LINCOLN: Who = {
  key: 'evelyn-lincoln',
  name: 'Evelyn Lincoln',
  turns: 1,
  openings: ['[to the President] Jackie wants to talk'],
}
// Lines 40, 202, 224 and 270: `[*Unclear*] Cubans.`, `Yeah.`, `Or the other Cubans.`, `[Unclear] in writing [unclear].`
const UNIDENTIFIED = {
  key: 'unidentified',
  name: 'Unidentified voices',
  turns: 4,
  texts: ['[Unclear] Cubans.', 'Yeah.', 'Or the other Cubans.', '[Unclear] in writing [unclear].'],
}

let site: Partial<Site> = {}
let origin = ''

beforeAll(async () => {
  const opened = await openSite(`${NAME}/index.html`)
  site = opened
  origin = opened.server.url
})

afterAll(() => closeSite(site))

interface ShownTurn {
  id: string
  speaker: string
  text: string
}

/** The turns a reader can see: rendered, not hidden. */
function visibleTurns(page: Page): Promise<ShownTurn[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('div.turn[data-speaker]')]
      .filter((turn) => turn.checkVisibility())
      .map((turn) => ({
        id: turn.id,
        speaker: turn.dataset.speaker ?? '',
        // The words a sighted reader sees, without the speaker label or text only for screen readers.
        text: [...turn.querySelectorAll(':scope > p:not(.speaker)')]
          .map((p) => {
            const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT)
            let seen = ''
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const box = node.parentElement!.getBoundingClientRect()
              if (box.width > 1 && box.height > 1) seen += node.textContent
            }
            return seen
          })
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      })),
  )
}

function speakerParam(page: Page): string | null {
  return new URL(page.url()).searchParams.get('speaker')
}

/** The panel's toggle for a speaker (a button once the script has run). */
function choice(page: Page, name: string) {
  return page.locator('[data-speaker-panel]').getByRole('button', { name, exact: true })
}

/** The names are links until a reader reaches for the panel (a pointer over it): then they are buttons. */
async function reachPanel(page: Page): Promise<void> {
  await page.locator('[data-speaker-panel] h2').hover()
  await expect.poll(() => page.locator('[data-speaker-panel] button[data-speaker]').count()).toBe(9)
  expect(await page.locator('[data-speaker-panel] a[data-speaker]').count()).toBe(0)
}

describe('participants panel', () => {
  test('without JavaScript: every speaker with turns and share of words, each name a link to their page', async () => {
    await withPage(
      site,
      PAGE_PATH,
      async (page) => {
        const rows = await page.$$eval('[data-speaker-panel] li', (items) =>
          items.map((li) => ({
            name: li.querySelector('a')?.textContent?.trim() ?? '',
            href: li.querySelector('a')?.getAttribute('href') ?? '',
            text: li.textContent?.replace(/\s+/g, ' ') ?? '',
          })),
        )
        const row = (name: string) => rows.find((r) => r.name === name)
        for (const who of [BALL, BUNDY, KENNEDY, LINCOLN]) {
          expect(row(who.name), `panel row for ${who.name}`).toBeDefined()
          expect(row(who.name)!.href).toBe(`/speakers/${who.key}/`)
          expect(row(who.name)!.text).toContain(`${who.turns} turn${who.turns === 1 ? '' : 's'}`)
          expect(row(who.name)!.text).toMatch(/(<1|\d+)% of the words/)
        }
        // Unidentified voices are one entry, worded as voices, never as a person named "Unidentified".
        expect(rows.filter((r) => /unidentified/i.test(r.name)).map((r) => r.name)).toEqual(['Unidentified voices'])
        expect(row('Unidentified voices')!.href).toBe('/speakers/unidentified/')
        expect(row('Unidentified voices')!.text).toContain('4 turns')
        // Nine entries: eight people and the unidentified voices.
        expect(rows).toHaveLength(9)
        const turns = rows.reduce((sum, r) => sum + Number(/(\d+) turns?/.exec(r.text)?.[1] ?? 0), 0)
        expect(turns, 'turns over all entries').toBe(ALL_TURNS)
        // Nothing is filtered without the script.
        expect(await visibleTurns(page)).toHaveLength(ALL_TURNS)
      },
      { javaScriptEnabled: false },
    )
  })

  test('the names stay links until a reader reaches for the panel, and a first click on one filters', async () => {
    await withPage(site, PAGE_PATH, async (page) => {
      const links = page.locator('[data-speaker-panel] a[data-speaker]')
      await page.waitForLoadState('networkidle')
      expect(await links.count(), 'no filter script fetched before the reader reaches for it').toBe(9)
      // The click moves the pointer over the panel (which fetches the filter) and lands on the link at
      // once, before the module can have arrived: it is held, then given to the name's button.
      await page.locator('[data-speaker-panel]').getByRole('link', { name: BALL.name, exact: true }).click()
      await expect.poll(async () => (await visibleTurns(page)).length).toBe(BALL.turns)
      expect(new URL(page.url()).pathname, 'the link was not followed').toBe(PAGE_PATH)
      expect(speakerParam(page)).toBe(BALL.key)
      expect(await choice(page, BALL.name).getAttribute('aria-pressed')).toBe('true')
    })
  })

  test('choosing a speaker shows exactly their turns, and the choice is in the URL', async () => {
    await withPage(site, PAGE_PATH, async (page) => {
      await reachPanel(page)
      for (const who of [BALL, BUNDY, KENNEDY, LINCOLN, UNIDENTIFIED]) {
        await choice(page, who.name).click()
        const shown = await visibleTurns(page)
        expect(shown, `turns shown for ${who.name}`).toHaveLength(who.turns)
        if (who.key === 'unidentified') expect(shown.every((t) => /^unidentified-\d+$/.test(t.speaker))).toBe(true)
        else
          expect(
            shown.every((t) => t.speaker === who.key),
            `every shown turn is ${who.name}'s`,
          ).toBe(true)
        expect(speakerParam(page)).toBe(who.key)
        await expect.poll(() => choice(page, who.name).getAttribute('aria-pressed')).toBe('true')
        await expect.poll(() => page.locator('[data-speaker-status]').textContent()).toContain(`${who.turns} turn`)
        expect(await page.locator('[data-speaker-panel] button[aria-pressed="true"]').count(), 'one speaker chosen').toBe(1)
      }
      // The texts are the ones read in the raw file.
      await choice(page, BALL.name).click()
      const ball = await visibleTurns(page)
      BALL.openings!.forEach((opening, index) => {
        expect(ball[index]!.text.startsWith(opening), `Ball's turn ${index + 1}: ${ball[index]!.text}`).toBe(true)
      })
      await choice(page, UNIDENTIFIED.name).click()
      expect((await visibleTurns(page)).map((t) => t.text)).toEqual(UNIDENTIFIED.texts)
      await choice(page, LINCOLN.name).click()
      expect((await visibleTurns(page))[0]!.text.startsWith(LINCOLN.openings![0]!)).toBe(true)

      // Choosing the chosen speaker again, or "Show all turns", shows every turn and clears the URL.
      await choice(page, LINCOLN.name).click()
      expect(await visibleTurns(page)).toHaveLength(ALL_TURNS)
      expect(speakerParam(page)).toBeNull()
      await choice(page, BUNDY.name).click()
      await page.getByRole('button', { name: 'Show all turns' }).click()
      expect(await visibleTurns(page)).toHaveLength(ALL_TURNS)
      expect(speakerParam(page)).toBeNull()
      expect(await page.locator('[data-speaker-panel] button[aria-pressed="true"]').count()).toBe(0)
    })
  })

  test('?speaker= round-trips through a reload and through back and forward', async () => {
    await withPage(site, `${PAGE_PATH}?speaker=${BUNDY.key}`, async (page) => {
      await expect.poll(async () => (await visibleTurns(page)).length).toBe(BUNDY.turns)
      expect(await choice(page, BUNDY.name).getAttribute('aria-pressed')).toBe('true')
      await page.reload()
      await expect.poll(async () => (await visibleTurns(page)).length).toBe(BUNDY.turns)
      expect(speakerParam(page)).toBe(BUNDY.key)

      await choice(page, BALL.name).click()
      expect(speakerParam(page)).toBe(BALL.key)
      await page.reload()
      await expect.poll(async () => (await visibleTurns(page)).length).toBe(BALL.turns)
      expect(await choice(page, BALL.name).getAttribute('aria-pressed')).toBe('true')

      await page.goBack()
      await expect.poll(() => speakerParam(page)).toBe(BUNDY.key)
      await expect.poll(async () => (await visibleTurns(page)).length).toBe(BUNDY.turns)
      await page.goForward()
      await expect.poll(() => speakerParam(page)).toBe(BALL.key)
      await expect.poll(async () => (await visibleTurns(page)).length).toBe(BALL.turns)

      // An unknown speaker filters nothing and says so.
      await page.goto(`${origin}${PAGE_PATH}?speaker=nobody`)
      await expect.poll(() => page.locator('[data-speaker-status]').textContent()).toContain('No speaker')
      expect(await visibleTurns(page)).toHaveLength(ALL_TURNS)
    })
  })

  test('works by keyboard: Tab between names, Enter and Space toggle, focus stays put', async () => {
    await withPage(site, PAGE_PATH, async (page) => {
      // Focus reaching the first name (a link) fetches the filter; the button that replaces it keeps focus.
      await page.locator('[data-speaker-panel] a[data-speaker]').first().focus()
      const buttons = page.locator('[data-speaker-panel] button[data-speaker]')
      await expect.poll(() => buttons.count()).toBe(9)
      expect(await page.evaluate(() => document.activeElement?.matches('[data-speaker-panel] button[data-speaker]'))).toBe(true)
      const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')
      const names: string[] = [await focused()]
      for (let i = 1; i < 9; i++) {
        await page.keyboard.press('Tab')
        names.push(await focused())
      }
      expect(names).toContain(BALL.name)
      expect(names.at(-1)).toBe(UNIDENTIFIED.name)
      // Back to Ball with Shift+Tab, then Enter.
      for (let i = names.length - 1; i > names.indexOf(BALL.name); i--) await page.keyboard.press('Shift+Tab')
      expect(await focused()).toBe(BALL.name)
      await page.keyboard.press('Enter')
      expect(await visibleTurns(page)).toHaveLength(BALL.turns)
      expect(await focused()).toContain(BALL.name)
      await page.keyboard.press('Space')
      expect(await visibleTurns(page)).toHaveLength(ALL_TURNS)
      // Space on another name; then Tab reaches "Show all turns", and Enter on it returns focus to the name.
      await page.keyboard.press('Tab')
      await page.keyboard.press('Space')
      const chosen = await focused()
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-pressed'))).toBe('true')
      let guard = 0
      while ((await focused()) !== 'Show all turns' && guard++ < 20) await page.keyboard.press('Tab')
      expect(await focused()).toBe('Show all turns')
      await page.keyboard.press('Enter')
      expect(await visibleTurns(page)).toHaveLength(ALL_TURNS)
      expect(await focused()).toBe(chosen)
      // The result is announced politely.
      expect(await page.locator('[data-speaker-status]').getAttribute('role')).toBe('status')
      expect(await page.locator('[data-speaker-status]').textContent()).toBe(`Showing all ${ALL_TURNS} turns.`)
    })
  })

  test('a link to a turn the filter hides shows every turn again', async () => {
    await withPage(site, `${PAGE_PATH}?speaker=${BALL.key}`, async (page) => {
      await expect.poll(async () => (await visibleTurns(page)).length).toBe(BALL.turns)
      // t-05-03 is President Kennedy's (line 86: `President Kennedy: [05:03] …`).
      await page.locator('.tl a[href="#t-05-03"]').first().click()
      await expect.poll(async () => (await visibleTurns(page)).length).toBe(ALL_TURNS)
      expect(await page.evaluate(() => document.getElementById('t-05-03')?.matches(':target'))).toBe(true)
    })
  })

  // axe-core on the long transcript page, twice: the allowance of the other axe tests (support/quality-axe.ts).
  test('no axe-core violations in the panel (a speaker chosen) and the timeline (table open), light and dark', {
    timeout: 180_000,
  }, async () => {
    // One load, scanned light and then dark (`emulateMedia`): the state the scan needs is made once.
    await withPage(site, `${PAGE_PATH}?speaker=${BALL.key}`, async (page) => {
      await expect.poll(async () => (await visibleTurns(page)).length).toBe(BALL.turns)
      await page.locator('.tl details summary').click()
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme })
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark')
        const results = await new AxeBuilder({ page }).include('[data-speaker-panel]').include('.tl').analyze()
        expect(
          results.violations.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        ).toEqual([])
      }
    })
  })
})

/** The links of a speaker page to turns in context, and whether each lands on a turn of that speaker. */
async function speakerPageLinks(page: Page): Promise<{ href: string; text: string }[]> {
  return page.$$eval('main ol li a[href*="/#"]', (links) =>
    links.map((a) => ({
      href: a.getAttribute('href') ?? '',
      text: (a.closest('li')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    })),
  )
}

async function turnsOnTranscriptPage(page: Page): Promise<Map<string, string>> {
  await page.goto(`${origin}${PAGE_PATH}`)
  const entries = await page.$$eval('div.turn[data-speaker]', (turns) =>
    turns.map((t) => [t.id, (t as HTMLElement).dataset.speaker ?? '']),
  )
  return new Map(entries as [string, string][])
}

describe('speaker pages', () => {
  test('/speakers/<id>/ lists exactly that speaker’s turns, each linked to an existing turn in context', async () => {
    await withPage(
      site,
      '/speakers/',
      async (page) => {
        const turnSpeakers = await turnsOnTranscriptPage(page)
        expect(turnSpeakers.size).toBe(ALL_TURNS)
        for (const who of [BALL, BUNDY, KENNEDY, LINCOLN]) {
          const response = await page.goto(`${origin}/speakers/${who.key}/`)
          expect(response?.status(), `GET /speakers/${who.key}/`).toBe(200)
          expect((await page.locator('h1').textContent())?.trim()).toBe(who.name)
          const links = await speakerPageLinks(page)
          expect(links, `turns listed for ${who.name}`).toHaveLength(who.turns)
          for (const link of links) {
            const [pathPart, id] = link.href.split('#')
            expect(pathPart).toBe(PAGE_PATH)
            expect(turnSpeakers.get(id!), `${link.href} is a turn of ${who.name}`).toBe(who.key)
          }
          expect(new Set(links.map((l) => l.href)).size, 'each turn once').toBe(who.turns)
          // With the transcript's title and date.
          const heading = await page.locator('main h2').first().textContent()
          expect(heading).toContain('Off-the-Record Oval Office Conversation on Cuba')
          expect(await page.locator('main time[datetime="1962-11-14"]').count()).toBe(1)
          who.openings?.forEach((opening, i) => {
            expect(links[i]!.text).toContain(opening)
          })
        }
        // An estimated time is marked ≈; a printed one is not (Kennedy's t-05-03 opens with [05:03]).
        await page.goto(`${origin}/speakers/${KENNEDY.key}/`)
        expect((await page.locator(`a[href="${PAGE_PATH}#t-05-03"]`).textContent())?.trim()).toBe('05:03')
        expect(await page.locator(`a[href^="${PAGE_PATH}#"]`, { hasText: '≈' }).count()).toBeGreaterThan(0)

        // Following a link lands on that turn.
        const first = (await speakerPageLinks(page))[0]!
        await page.locator(`a[href="${first.href}"]`).click()
        await expect.poll(() => new URL(page.url()).hash).toBe(`#${first.href.split('#')[1]}`)
        // The URL changes before the new page has loaded; :target is only known once it has.
        await page.waitForLoadState('load')
        expect(await page.evaluate((id) => document.getElementById(id)?.matches(':target'), first.href.split('#')[1]!)).toBe(true)
      },
      { javaScriptEnabled: false },
    )
  })

  test('/speakers/unidentified/ lists the four unidentified turns, as voices, not a person', async () => {
    await withPage(
      site,
      '/speakers/unidentified/',
      async (page) => {
        expect((await page.locator('h1').textContent())?.trim()).toBe('Unidentified voices')
        const links = await speakerPageLinks(page)
        expect(links).toHaveLength(UNIDENTIFIED.turns)
        UNIDENTIFIED.texts.forEach((text, i) => {
          expect(links[i]!.text).toContain(text)
        })
        expect(links.map((l) => /unidentified voice (\d+)/.exec(l.text)?.[1])).toEqual(['1', '2', '3', '4'])
        const turnSpeakers = await turnsOnTranscriptPage(page)
        for (const link of links) expect(turnSpeakers.get(link.href.split('#')[1]!)).toMatch(/^unidentified-\d+$/)
      },
      { javaScriptEnabled: false },
    )
  })

  test('/speakers/ lists everyone, and each entry’s page exists', async () => {
    await withPage(
      site,
      '/speakers/',
      async (page) => {
        const links = await page.$$eval('main a[href^="/speakers/"]', (as) =>
          as.map((a) => ({ href: a.getAttribute('href')!, text: a.textContent!.trim() })),
        )
        for (const who of [BALL, BUNDY, KENNEDY, LINCOLN])
          expect(links).toContainEqual({ href: `/speakers/${who.key}/`, text: who.name })
        expect(links.filter((l) => l.href === '/speakers/unidentified/')).toHaveLength(1)
        expect(links.some((l) => l.text === 'Unidentified')).toBe(false)
        // Eight people in the seed, and the unidentified voices.
        expect(links).toHaveLength(9)
        for (const link of links) {
          const response = await fetch(new URL(link.href, origin))
          expect(response.status, `GET ${link.href}`).toBe(200)
        }
      },
      { javaScriptEnabled: false },
    )
  })

  test('no axe-core violations on the speaker pages', { timeout: 180_000 }, async () => {
    // One page led from one to the next (a renderer's start and axe-core's first run paid once).
    await withPage(site, '/speakers/', async (page) => {
      for (const url of ['/speakers/', `/speakers/${BUNDY.key}/`, '/speakers/unidentified/']) {
        if (url !== '/speakers/') expect((await page.goto(`${origin}${url}`))?.status(), `GET ${url}`).toBe(200)
        const results = await new AxeBuilder({ page }).analyze()
        expect(results.violations.map((v) => `${url} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
      }
    })
  })
})

/**
 * A speaker page worth reading (issue 21): each turn in its exchange (the nearest 15 words of the turns
 * around it, issue 25), collapsed, and contents by transcript, all without JavaScript. Ball's turns in the
 * raw file (lines 70, 74, 78, 294, 300) and the turns around them: line 66 `Rusk: I think it has, …` (with
 * its second paragraph, line 68), line 72
 * `Rusk: In the short term.`; line 292 `Bundy: Bobby said Dobrynin said he understood it perfectly.`, line
 * 296 `President Kennedy: Dobrynin said he did?`.
 */
describe('speaker pages: the exchange and the contents', () => {
  const CONTENTS = 'nav[aria-label="Turns by transcript and date"]'
  /** A neighbouring turn as read: its head and its paragraphs, one space between. */
  const words = async (turn: Locator) => (await turn.locator('p').allTextContents()).map((p) => p.trim()).join(' ')

  test('each turn shows the turn before and after it, collapsed, opened without JavaScript', async () => {
    await withPage(
      site,
      `/speakers/${BALL.key}/`,
      async (page) => {
        const exchanges = page.locator('main ol.sp-turns > li details')
        expect(await exchanges.count(), 'one exchange per turn').toBe(BALL.turns)
        // Collapsed: the neighbours' words are not shown until asked for.
        expect(await exchanges.evaluateAll((all) => all.map((d) => (d as HTMLDetailsElement).open))).toEqual(Array(5).fill(false))
        await expect.poll(() => page.getByText('In the short term.').first().isVisible()).toBe(false)
        const first = exchanges.nth(0)
        await first.locator('summary').click()
        expect(await first.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true)
        const before = await words(first.locator('.sp-before'))
        const after = await words(first.locator('.sp-after'))
        // The last 15 words of Rusk's two paragraphs (lines 66 and 68), what Ball answers; the rest is cut.
        expect(before).toBe(
          'Before, Dean Rusk: … arrangements, and those can be brought into operation in two or three months under [unclear].',
        )
        expect(after).toBe('After, Dean Rusk: In the short term.')
        // Ball's third turn (line 78): Rusk's `[Unclear.]` before, the first 15 words of Bundy's long turn (line 80) after.
        const third = exchanges.nth(2)
        await third.locator('summary').click()
        expect(await words(third.locator('.sp-before'))).toBe('Before, Dean Rusk: [Unclear.]')
        expect(await words(third.locator('.sp-after'))).toBe(
          "After, McGeorge Bundy: Well, do you need to put it in the atom-free context? There's a different context …",
        )
        // Ball's fourth turn (line 294), between Bundy (292) and the President (296).
        const fourth = exchanges.nth(3)
        await fourth.locator('summary').click()
        expect(await words(fourth.locator('.sp-before'))).toBe(
          'Before, McGeorge Bundy: Bobby said Dobrynin said he understood it perfectly.',
        )
        expect(await words(fourth.locator('.sp-after'))).toBe('After, President Kennedy: Dobrynin said he did?')
        // The neighbours are not links to turns: every turn link is still one of Ball's own.
        expect(await speakerPageLinks(page)).toHaveLength(BALL.turns)
      },
      { javaScriptEnabled: false },
    )
  })

  // The contents of a speaker of several transcripts: browse.test.ts (its site holds three).
  test('a speaker of one transcript: no contents by transcript, and no copy of their page by transcript', async () => {
    await withPage(
      site,
      `/speakers/${BUNDY.key}/`,
      async (page) => {
        expect(await page.locator(CONTENTS).count()).toBe(0)
        expect(await speakerPageLinks(page)).toHaveLength(BUNDY.turns)
        const response = await page.goto(`${origin}/speakers/${BUNDY.key}/in/${NAME}/`)
        expect(response?.status()).toBe(404)
      },
      { javaScriptEnabled: false },
    )
  })

  test('the unidentified voices are counted as voices, never by their turns', async () => {
    await withPage(
      site,
      '/speakers/unidentified/',
      async (page) => {
        const summary = ((await page.locator('.sp-summary').textContent()) ?? '').replace(/\s+/g, ' ').trim()
        // Four turns under a plain `Unidentified`: one voice or four, the transcript does not say.
        expect(summary).toBe(
          'Unidentified voices that the editors could not name, in 1 transcript on Wednesday, November 14, 1962: 4 turns.',
        )
        expect(summary).not.toMatch(/\d+ unidentified voices/)
        await page.goto(`${origin}${PAGE_PATH}`)
        expect(((await page.locator('.title-participants dd').textContent()) ?? '').replace(/\s+/g, ' ')).toMatch(
          /, and unidentified voices$/,
        )
      },
      { javaScriptEnabled: false },
    )
  })

  test('no axe-core violations on a speaker page with an exchange open, light and dark', async () => {
    await withPage(site, `/speakers/${BALL.key}/`, async (page) => {
      await page.locator('main details summary').first().click()
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme })
        const results = await new AxeBuilder({ page }).analyze()
        expect(
          results.violations.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        ).toEqual([])
      }
    })
  })
})

describe('conversation timeline', () => {
  test('without JavaScript: a bar per turn, on its speaker’s row, each linking to an existing turn', async () => {
    await withPage(
      site,
      PAGE_PATH,
      async (page) => {
        const turnSpeakers = new Map(
          await page.$$eval('div.turn[data-speaker]', (turns) =>
            turns.map((t) => [t.id, (t as HTMLElement).dataset.speaker ?? ''] as [string, string]),
          ),
        )
        const rows = await page.$$eval('.tl .tl-row:not(.tl-axis)', (rows) =>
          rows.map((row) => ({
            name: row.querySelector('.tl-name')?.textContent?.trim() ?? '',
            bars: [...row.querySelectorAll('svg a')].map((a) => ({
              href: a.getAttribute('href') ?? '',
              title: a.querySelector('title')?.textContent ?? '',
              width: a.getBoundingClientRect().width,
            })),
          })),
        )
        const bars = rows.flatMap((row) => row.bars)
        expect(bars, 'one bar per turn').toHaveLength(ALL_TURNS)
        expect(new Set(bars.map((b) => b.href)).size).toBe(ALL_TURNS)
        const row = (name: string) => rows.find((r) => r.name === name)!
        for (const who of [BALL, BUNDY, KENNEDY, LINCOLN, UNIDENTIFIED]) {
          expect(row(who.name).bars, `bars on ${who.name}'s row`).toHaveLength(who.turns)
          for (const bar of row(who.name).bars) {
            const speaker = turnSpeakers.get(bar.href.slice(1))
            if (who.key === 'unidentified') expect(speaker).toMatch(/^unidentified-\d+$/)
            else expect(speaker, `${bar.href} on ${who.name}'s row`).toBe(who.key)
          }
        }
        for (const bar of bars) {
          expect(turnSpeakers.has(bar.href.slice(1)), `${bar.href} is a turn`).toBe(true)
          expect(bar.width, `${bar.href} is visible`).toBeGreaterThan(0)
        }
        // Each bar is named by speaker, its number and the time the transcript gives: Kennedy's turn opening
        // with [05:03] (line 86) is the 23rd (the 23rd `Label:` line of the file).
        const kennedy = row(KENNEDY.name).bars.find((b) => b.href === '#t-05-03')
        expect(kennedy?.title).toBe('President Kennedy, turn 23, 05:03')
        const name = await page.getByRole('link', { name: 'President Kennedy, turn 23, 05:03' }).getAttribute('href')
        expect(name).toBe('#t-05-03')
        // The last turn (the 146th `Label:` line, McNamara's at line 368) is after the last printed time,
        // [15:37] at line 307: its bar gives no time.
        expect(bars.find((b) => b.title.includes('turn 146'))?.title).toBe('Robert McNamara, turn 146')
        // Unidentified turns are voices, not a person.
        expect(row(UNIDENTIFIED.name).bars.every((b) => b.title.startsWith('Unidentified voice, '))).toBe(true)

        // The table: the accessible alternative, one row per turn, each with a link to it.
        const table = await page.$$eval('.tl table tbody tr', (trs) =>
          trs.map((tr) => ({
            href: tr.querySelector('a')?.getAttribute('href') ?? '',
            speaker: tr.querySelector('td:nth-child(2)')?.textContent ?? '',
          })),
        )
        expect(table).toHaveLength(ALL_TURNS)
        expect(table.map((r) => r.href)).toEqual([...turnSpeakers.keys()].map((id) => `#${id}`))
        expect(table.filter((r) => r.speaker === BUNDY.name)).toHaveLength(BUNDY.turns)

        // Following a bar lands on its turn.
        await page.locator('.tl svg a[href="#t-05-03"]').click()
        await expect.poll(() => new URL(page.url()).hash).toBe('#t-05-03')
        expect(await page.evaluate(() => document.getElementById('t-05-03')?.matches(':target'))).toBe(true)
      },
      { javaScriptEnabled: false },
    )
  })

  test('bars are reachable by keyboard', async () => {
    await withPage(
      site,
      PAGE_PATH,
      async (page) => {
        await page.locator('.tl svg a').first().focus()
        const first = await page.evaluate(() => document.activeElement?.getAttribute('href'))
        expect(first).toMatch(/^#t-/)
        await page.keyboard.press('Tab')
        const second = await page.evaluate(
          () => document.activeElement?.closest('svg') !== null && document.activeElement?.getAttribute('href'),
        )
        expect(second).toMatch(/^#t-/)
        await page.keyboard.press('Enter')
        await expect.poll(() => new URL(page.url()).hash).toBe(second)
      },
      { javaScriptEnabled: false },
    )
  })
})
