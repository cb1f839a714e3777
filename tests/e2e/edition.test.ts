/**
 * The page as an edition (issue 11, item 4), in Chromium on the built seed page: a title block in place
 * of the raw header lines; on a wide screen (1440 px) each note the text refers to sits in the margin,
 * to the right of the text column and beside its reference, without JavaScript; on a phone (390 px) the
 * notes stay in the list and a reference opens its note in a popover; print keeps the notes as a list;
 * axe-core finds nothing at either width.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { AxeBuilder } from './support/axe.ts'
import { closeSite, openSite, withDevicePage, withPage, type Site } from './support/site.ts'

const NAME = '1962-11-14-01181'
const PAGE_PATH = `/${NAME}/`
const WIDE = { viewport: { width: 1440, height: 900 } }
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

interface Json {
  dateLine: string
  time: string
  id: string
  speakers: { id: string; name: string; kind: string }[]
  footnotes: { n: number; referenced: boolean }[]
  versions?: { id: string; date: string }[]
}

let site: Partial<Site> = {}
let json: Json

beforeAll(async () => {
  site = await openSite(`${NAME}/index.html`)
  json = (await (await fetch(new URL(`${PAGE_PATH}transcript.json`, site.server!.url))).json()) as Json
})
afterAll(() => closeSite(site))

interface Box {
  top: number
  bottom: number
  left: number
  right: number
}
interface Placed {
  n: string
  note: Box
  ref: Box
  after: string | null
  position: string
}

/** Every note's box, its first reference's box and the note it is placed below, in page coordinates. */
function notesAndReferences(page: Page): Promise<{ column: Box; notes: Placed[] }> {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect()
      return { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right }
    }
    const notes = [...document.querySelectorAll<HTMLElement>('section[data-footnotes] li[id^="fn-"]')]
    return {
      column: box(document.querySelector('article.transcript')!),
      notes: notes.map((li) => {
        const n = li.id.slice(3)
        const ref = document.getElementById(`fnref-${n}`)
        return {
          n,
          note: box(li),
          ref: ref ? box(ref) : { top: 0, bottom: 0, left: 0, right: 0 },
          after: li.dataset.after?.replace('--note-', '') ?? null,
          position: getComputedStyle(li).position,
        }
      }),
    }
  })
}

describe(`the title block of ${PAGE_PATH}`, () => {
  test('gives title, date, time, participants (linked to their pages), document and status', async () => {
    await withPage(
      site,
      PAGE_PATH,
      async (page) => {
        const block = page.locator('header.title-block')
        expect(await block.locator('h1').textContent()).toBe('Off-the-Record Oval Office Conversation on Cuba4')
        const facts = await block
          .locator('dl > div')
          .evaluateAll((rows) =>
            rows.map((row) => [row.querySelector('dt')!.textContent, row.querySelector('dd')!.textContent!.replace(/\s+/g, ' ')]),
          )
        // The tape and its archive come from the sidecar (content/transcripts/1962-11-14-01181.yml, after note 4).
        // Built from a git history, the seed's page also says which version it is (its ids are the repository's,
        // read from its JSON, never written here); built without one, it has no version line.
        const versions = json.versions ?? []
        expect(facts.map(([label]) => label)).toEqual([
          'Date',
          'Time',
          'Participants',
          'Document',
          'Tape',
          'Status',
          ...(versions.length > 0 ? ['Version'] : []),
        ])
        const newest = versions.at(-1)
        if (newest) {
          const revisions = versions.length - 1
          const count = revisions === 0 ? 'no revisions' : revisions === 1 ? '1 revision' : `${revisions} revisions`
          const day = new Date(`${newest.date.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-US', {
            year: 'numeric',
            month: 'long',
            day: 'numeric',
            timeZone: 'UTC',
          })
          expect(facts.at(-1)![1]).toBe(`Version of ${day} (${newest.id}) · ${count}`)
        }
        expect(facts[0]![1]).toBe(json.dateLine)
        expect(facts[1]![1]).toBe(json.time)
        expect(facts[3]![1]).toBe(json.id)
        expect(await block.locator('.title-date time').getAttribute('datetime')).toBe('1962-11-14')
        // Each person by name, linked to their page; the unidentified voices never named, and not counted: four
        // turns under a plain `Unidentified` may be one voice or four.
        const links = await block
          .locator('.title-participants a')
          .evaluateAll((as) => as.map((a) => [a.textContent, new URL((a as HTMLAnchorElement).href).pathname]))
        const people = json.speakers.filter((s) => s.kind === 'person')
        expect(links).toEqual([
          ...people.map((p) => [p.name, `/speakers/${p.id}/`]),
          ['unidentified voices', '/speakers/unidentified/'],
        ])
        for (const [, path] of links) expect((await page.request.get(new URL(path!, page.url()).href)).status(), path).toBe(200)
        // The raw header lines are gone: each printed line is in the block, once.
        expect(await page.locator('.transcript-header').count()).toBe(0)
      },
      WIDE,
    )
  })
})

describe(`notes of ${PAGE_PATH}`, () => {
  test('on a 1440 px screen, without JavaScript, each note stands in the margin beside its reference', async () => {
    await withPage(
      site,
      PAGE_PATH,
      async (page) => {
        const { column, notes } = await notesAndReferences(page)
        const referenced = new Set(json.footnotes.filter((f) => f.referenced).map((f) => String(f.n)))
        const inMargin = notes.filter((note) => note.position === 'absolute')
        expect(inMargin.map((note) => note.n).sort()).toEqual([...referenced].sort())
        const byNumber = new Map(inMargin.map((note) => [note.n, note]))
        for (const { n, note, ref, after } of inMargin) {
          // Right of the text column, inside the screen.
          expect(note.left, `note ${n} left`).toBeGreaterThanOrEqual(column.right)
          expect(note.right, `note ${n} right`).toBeLessThanOrEqual(1440)
          // Level with its reference, or, where the note above runs long, just below that note.
          const above = after ? byNumber.get(after)!.note.bottom : Number.NEGATIVE_INFINITY
          expect(note.top, `note ${n} top`).toBeGreaterThanOrEqual(ref.top - 1)
          expect(Math.abs(note.top - Math.max(ref.top, above + 12)), `note ${n} beside reference`).toBeLessThan(2)
        }
        // Most notes are exactly level with their references, and no two overlap.
        expect(inMargin.filter(({ note, ref }) => Math.abs(note.top - ref.top) < 2).length).toBeGreaterThan(inMargin.length / 2)
        const sorted = [...inMargin].sort((a, b) => a.note.top - b.note.top)
        for (let i = 1; i < sorted.length; i++) {
          expect(sorted[i]!.note.top, `note ${sorted[i]!.n} below note ${sorted[i - 1]!.n}`).toBeGreaterThanOrEqual(
            sorted[i - 1]!.note.bottom,
          )
        }
        // The unreferenced note stays in the list, in the column.
        const listed = notes.filter((note) => note.position !== 'absolute')
        expect(listed.map((note) => note.n)).toEqual(json.footnotes.filter((f) => !f.referenced).map((f) => String(f.n)))
      },
      { ...WIDE, javaScriptEnabled: false },
    )
  })

  test('on a 1440 px screen a reference opens no popover: its note is already beside it', async () => {
    await withPage(
      site,
      PAGE_PATH,
      async (page) => {
        await page.locator('#fnref-5').hover()
        await page.waitForTimeout(600)
        expect(await page.locator('.popover').count()).toBe(0)
      },
      WIDE,
    )
  })

  /** Taps reference `n` once the page's scripts have set it up, and waits for its note's popover. */
  async function tapNote(page: Page, n: number) {
    // The scripts run when the page is idle; a tap before that follows the link, as without JavaScript.
    await expect.poll(() => page.locator(`#fnref-${n}`).getAttribute('aria-expanded')).toBe('false')
    await page.locator(`#fnref-${n}`).scrollIntoViewIfNeeded()
    await page.locator(`#fnref-${n}`).tap()
    const note = page.getByRole('dialog', { name: `Note ${n}` })
    await expect.poll(() => note.isVisible()).toBe(true)
    return note
  }

  test('on a 390 px phone the notes are a list, and a reference opens its note in a popover', async () => {
    await withPage(
      site,
      PAGE_PATH,
      async (page) => {
        const { notes } = await notesAndReferences(page)
        expect(notes.every((note) => note.position === 'static')).toBe(true)
        const note = await tapNote(page, 5)
        const box = (await note.boundingBox())!
        expect(box.x).toBeGreaterThanOrEqual(0)
        expect(box.x + box.width).toBeLessThanOrEqual(390)
      },
      PHONE,
    )
  })

  test('a tapped note stays open when the page shifts under the finger', async () => {
    await withPage(
      site,
      PAGE_PATH,
      async (page) => {
        const note = await tapNote(page, 5)
        // Content above is laid out late (a turn coming into view): the reference moves away from where the
        // finger was. Chromium then tells the "mouse" the tap left behind that it left the reference, which
        // closed the note 300 ms later (seen as a flaky failure of the test above on a loaded machine).
        await page.evaluate(() => {
          const spacer = document.createElement('div')
          spacer.style.height = '300px'
          document.getElementById('fnref-5')!.closest('.turn')!.before(spacer)
        })
        // Longer than the 300 ms after which a hover that ended closes a note.
        await page.waitForTimeout(800)
        expect(await note.isVisible(), 'the note is still open').toBe(true)
        expect(await page.locator('#fnref-5').getAttribute('aria-expanded')).toBe('true')
      },
      PHONE,
    )
  })

  test('a tap whose touch began before the scripts ran still opens the note in place', async () => {
    await withPage(
      site,
      PAGE_PATH,
      async (page) => {
        await expect.poll(() => page.locator('#fnref-5').getAttribute('aria-expanded')).toBe('false')
        // The click alone, as a tap gives it when its pointerdown came before the notes' script had run.
        await page
          .locator('#fnref-5')
          .evaluate((ref) =>
            ref.dispatchEvent(new PointerEvent('click', { pointerType: 'touch', bubbles: true, cancelable: true })),
          )
        await expect.poll(() => page.getByRole('dialog', { name: 'Note 5' }).isVisible()).toBe(true)
        expect(new URL(page.url()).hash, 'the link was not followed').toBe('')
      },
      PHONE,
    )
  })

  test('printed from a wide screen, the notes are a list after the text', async () => {
    await withPage(
      site,
      PAGE_PATH,
      async (page) => {
        await page.emulateMedia({ media: 'print' })
        const { notes } = await notesAndReferences(page)
        expect(notes.every((note) => note.position === 'static')).toBe(true)
      },
      WIDE,
    )
  })

  // axe-core reads the whole long page: slow on a loaded machine, so each view is a test of its own.
  test.each([
    ['1440 px, light', { ...WIDE, colorScheme: 'light' as const }],
    ['1440 px, dark', { ...WIDE, colorScheme: 'dark' as const }],
    ['390 px, light', { ...PHONE, colorScheme: 'light' as const }],
    ['390 px, dark', { ...PHONE, colorScheme: 'dark' as const }],
  ])('no axe-core violations at %s', { timeout: 240_000 }, async (_name, view) => {
    await withDevicePage(
      site,
      PAGE_PATH,
      async (page) => {
        const results = await new AxeBuilder({ page }).analyze()
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
      },
      view,
    )
  })
})

/**
 * How much ink the list's number of `note` leaves in the strip left of its words, where an `<ol>` paints
 * its markers: the pixels of a screenshot of that strip that differ from the page's background. A number
 * cut off (issue 21, item 2: `content-visibility` on a note clipped its marker) leaves none.
 */
async function inkLeftOf(page: Page, note: string): Promise<number> {
  const item = page.locator(note)
  await item.scrollIntoViewIfNeeded()
  // The browser lays out a note when it comes near the screen: let it paint before the picture is taken.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  const clip = await item.evaluate((li) => {
    // The strip just left of the first line of the note's words: in the list's padding or in the note's own.
    const words = (li.querySelector('p') ?? li).getBoundingClientRect()
    const line = Number.parseFloat(getComputedStyle(li).lineHeight) || 20
    return {
      x: Math.max(0, words.left - 36),
      y: words.top,
      width: Math.min(36, words.left),
      height: Math.min(line, words.height),
    }
  })
  const png = await page.screenshot({ clip })
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
    const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }))
    const canvas = new OffscreenCanvas(image.width, image.height)
    const context = canvas.getContext('2d')!
    context.drawImage(image, 0, 0)
    const { data } = context.getImageData(0, 0, image.width, image.height)
    const [r0, g0, b0] = [data[0]!, data[1]!, data[2]!]
    let ink = 0
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i]! - r0) + Math.abs(data[i + 1]! - g0) + Math.abs(data[i + 2]! - b0) > 120) ink++
    }
    return ink
  }, png.toString('base64'))
}

describe(`the notes list of ${PAGE_PATH} keeps its numbers (issue 21, item 2)`, () => {
  test.each([
    ['390 px phone', PHONE],
    ['1024 px screen', { viewport: { width: 1024, height: 768 } }],
  ])('at %s every note shows its number beside it', async (_name, view) => {
    await withPage(
      site,
      PAGE_PATH,
      async (page) => {
        const numbers = json.footnotes.map((f) => f.n)
        expect(numbers.length).toBeGreaterThan(0)
        for (const n of numbers) {
          expect(await inkLeftOf(page, `#fn-${n}`), `the number of note ${n}`).toBeGreaterThan(10)
        }
      },
      view,
    )
  })
})

describe(`margin notes of ${PAGE_PATH} with a speaker chosen (issue 21, item 3)`, () => {
  test('at 1440 px with ?speaker=dean-rusk no two notes shown in the margin overlap, and each is beside its reference', async () => {
    await withPage(
      site,
      `${PAGE_PATH}?speaker=dean-rusk`,
      async (page) => {
        await expect.poll(() => page.locator('.turn[hidden]').count()).toBeGreaterThan(0)
        const { notes } = await notesAndReferences(page)
        const shown = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('section[data-footnotes] li[id^="fn-"]')]
            .filter((li) => li.checkVisibility({ visibilityProperty: true }) && li.getBoundingClientRect().height > 0)
            .map((li) => li.id.slice(3)),
        )
        const inMargin = notes.filter((note) => note.position === 'absolute' && shown.includes(note.n))
        expect(inMargin.length, 'notes shown in the margin').toBeGreaterThan(0)
        for (let i = 0; i < inMargin.length; i++) {
          for (let j = i + 1; j < inMargin.length; j++) {
            const [a, b] = [inMargin[i]!, inMargin[j]!]
            const apart = a.note.bottom <= b.note.top || b.note.bottom <= a.note.top
            expect(
              apart,
              `notes ${a.n} (${a.note.top}–${a.note.bottom}) and ${b.n} (${b.note.top}–${b.note.bottom}) overlap`,
            ).toBe(true)
          }
        }
        // A note shown in the margin belongs to a reference the reader can see, and stands level with or below it.
        const visibleRefs = await page.evaluate(
          (ns) => ns.filter((n) => document.getElementById(`fnref-${n}`)?.checkVisibility()),
          shown,
        )
        for (const note of inMargin) {
          expect(visibleRefs, `the reference of note ${note.n} is shown`).toContain(note.n)
          expect(note.note.top, `note ${note.n} top`).toBeGreaterThanOrEqual(note.ref.top - 1)
        }
      },
      WIDE,
    )
  })
})
