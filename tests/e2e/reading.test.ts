/**
 * Reading a transcript page in a real browser (Debian's Chromium via playwright-core), against the
 * built site in dist/ served on 127.0.0.1. `astro build` must have run first (`npm test` does).
 *
 * The page contract checked here:
 * - every `turn` block of `/<name>/transcript.json` is an element whose `id` is the turn id, once,
 *   holding the turn's paragraphs; every footnote is `section[data-footnotes] li#fn-N`;
 * - both are there with JavaScript disabled;
 * - footnote references `a[data-footnote-ref]` (`href="#fn-N"`, `id="fnref-N"`, then `fnref-N-2`, …)
 *   and back-links `a[data-footnote-backref]` (`href="#fnref-N…"`) lead to each other; an
 *   unreferenced note has no back-link;
 * - every turn id and every printed timestamp (`a#ts-MM-SS`, `href="#ts-MM-SS"`) is addressable.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { closeSite, openSite, withPage, type Site } from './support/site.ts'

const NAME = '1962-11-14-01181'
const PAGE_PATH = `/${NAME}/`

interface Timestamp {
  label: string
  seconds: number
}
interface TurnBlock {
  type: 'turn'
  id: string
  timestamps: Timestamp[]
  paragraphs: string[]
  footnotes: number[]
}
interface Footnote {
  n: number
  text: string
  referenced: boolean
}
interface Transcript {
  name: string
  blocks: { type: string }[]
  footnotes: Footnote[]
}

/** `03:01` → `ts-03-01`, `1:02:03` → `ts-1-02-03`. */
function timestampId(label: string): string {
  return `ts-${label.replace(/:/g, '-')}`
}

/** White space as the JSON's plain text has it: every run is one space, trimmed. */
function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

let site: Partial<Site> = {}
let pageUrl = ''
let transcript: Transcript
let turns: TurnBlock[] = []
let timestampIds: string[] = []

beforeAll(async () => {
  const opened = await openSite(`${NAME}/index.html`)
  site = opened
  pageUrl = new URL(PAGE_PATH, opened.server.url).href

  const response = await fetch(new URL('transcript.json', pageUrl))
  expect(response.status, `GET ${PAGE_PATH}transcript.json`).toBe(200)
  transcript = (await response.json()) as Transcript
  expect(transcript.name).toBe(NAME)
  turns = transcript.blocks.filter((b): b is TurnBlock => b.type === 'turn')
  expect(turns.length, 'turn blocks in transcript.json').toBeGreaterThan(0)
  expect(transcript.footnotes.length, 'footnotes in transcript.json').toBeGreaterThan(0)
  timestampIds = turns.flatMap((t) => t.timestamps.map((ts) => timestampId(ts.label)))
  expect(timestampIds.length, 'timestamps in transcript.json').toBeGreaterThan(0)
})

afterAll(() => closeSite(site))

/** Whether the element with this id matches `:target`. */
function isTarget(page: Page, id: string): Promise<boolean> {
  return page.evaluate((id) => document.getElementById(id)?.matches(':target') ?? false, id)
}

/** Whether the element with this id is (at least partly) inside the viewport. */
function isInViewport(page: Page, id: string): Promise<boolean> {
  return page.evaluate((id) => {
    const el = document.getElementById(id)
    if (!el) return false
    const r = el.getBoundingClientRect()
    return (
      (r.width > 0 || r.height > 0) && r.bottom > 0 && r.right > 0 && r.top < window.innerHeight && r.left < window.innerWidth
    )
  }, id)
}

function hashOf(page: Page): string {
  return new URL(page.url()).hash
}

describe(`transcript page ${PAGE_PATH}`, () => {
  test('with JavaScript disabled, every turn and every footnote is on the page with its text', async () => {
    await withPage(
      site,
      PAGE_PATH,
      async (page) => {
        const found = await page.evaluate(
          (ids) =>
            ids.map((id) => {
              const matches = document.querySelectorAll(`[id="${CSS.escape(id)}"]`)
              const el = matches[0]
              let text = ''
              if (el) {
                // The JSON's plain text drops footnote markers and timestamps; so does this. Words only
                // for screen readers (`.sr-only`: what kind of mark a bracket is) are the page's, not the
                // transcript's, and so is the turn's head (speaker, time, link), checked elsewhere.
                const clone = el.cloneNode(true) as Element
                for (const a of clone.querySelectorAll('a[data-footnote-ref], a[id^="ts-"], .sr-only, p.speaker')) a.remove()
                text = clone.textContent ?? ''
              }
              return { id, count: matches.length, text }
            }),
          turns.map((t) => t.id),
        )
        for (const [i, turn] of turns.entries()) {
          const onPage = found[i]!
          expect(onPage.count, `elements with id="${turn.id}"`).toBe(1)
          const text = normalize(onPage.text)
          for (const paragraph of turn.paragraphs) {
            expect(text, `text of #${turn.id}`).toContain(normalize(paragraph))
          }
        }

        // Turns are in the JSON's reading order.
        const inOrder = await page.evaluate(
          (ids) => {
            const els = ids.map((id) => document.getElementById(id))
            return els.every(
              (el, i) =>
                i === 0 ||
                (!!el && !!els[i - 1] && (els[i - 1]!.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0),
            )
          },
          turns.map((t) => t.id),
        )
        expect(inOrder, 'turn elements in the order of transcript.json').toBe(true)

        const notes = await page.evaluate(
          (ns) =>
            ns.map((n) => {
              const all = document.querySelectorAll(`[id="fn-${n}"]`)
              const li = document.querySelector(`section[data-footnotes] li[id="fn-${n}"]`)
              return {
                n,
                count: all.length,
                inSection: !!li,
                text: li?.textContent ?? '',
                backrefs: li ? li.querySelectorAll('a[data-footnote-backref]').length : 0,
              }
            }),
          transcript.footnotes.map((f) => f.n),
        )
        for (const [i, note] of transcript.footnotes.entries()) {
          const onPage = notes[i]!
          expect(onPage.count, `elements with id="fn-${note.n}"`).toBe(1)
          expect(onPage.inSection, `section[data-footnotes] li#fn-${note.n}`).toBe(true)
          expect(normalize(onPage.text), `text of li#fn-${note.n}`).toContain(normalize(note.text))
          if (note.referenced) {
            expect(onPage.backrefs, `back-links in referenced note li#fn-${note.n}`).toBeGreaterThan(0)
          } else {
            expect(onPage.backrefs, `back-links in unreferenced note li#fn-${note.n}`).toBe(0)
          }
        }
      },
      { javaScriptEnabled: false },
    )
  })

  test('a footnote can be followed there and back, and every reference and back-link resolves', async () => {
    await withPage(site, PAGE_PATH, async (page) => {
      // Footnote 1 there and back: its (first) reference is a#fnref-1. The page's first
      // reference in document order (the heading's note, when the heading is printed first)
      // must work the same way.
      const firstInDocument = await page.locator('a[data-footnote-ref]').first().getAttribute('id')
      expect(firstInDocument, 'id of the first footnote reference on the page').toMatch(/^fnref-\d+$/)
      for (const refId of new Set(['fnref-1', firstInDocument!])) {
        const noteId = refId.replace(/^fnref-/, 'fn-')
        await page.locator(`a#${refId}[data-footnote-ref]`).click()
        await expect.poll(() => hashOf(page), { message: `hash after clicking a#${refId}`, timeout: 5_000 }).toBe(`#${noteId}`)
        await expect.poll(() => isTarget(page, noteId), { message: `li#${noteId} is :target`, timeout: 5_000 }).toBe(true)
        expect(
          await page.evaluate((id) => document.getElementById(id)?.matches('section[data-footnotes] li'), noteId),
          `#${noteId} is a section[data-footnotes] li`,
        ).toBe(true)
        await expect
          .poll(() => isInViewport(page, noteId), { message: `li#${noteId} is in the viewport`, timeout: 5_000 })
          .toBe(true)

        await page.locator(`li#${noteId} a[data-footnote-backref][href="#${refId}"]`).click()
        await expect
          .poll(() => hashOf(page), { message: `hash after clicking the back-link in li#${noteId}`, timeout: 5_000 })
          .toBe(`#${refId}`)
        await expect.poll(() => isTarget(page, refId), { message: `a#${refId} is :target`, timeout: 5_000 }).toBe(true)
        await expect
          .poll(() => isInViewport(page, refId), { message: `a#${refId} is in the viewport`, timeout: 5_000 })
          .toBe(true)
      }

      const links = await page.evaluate(() => {
        const count = (id: string) => document.querySelectorAll(`[id="${CSS.escape(id)}"]`).length
        const refs = [...document.querySelectorAll('a[data-footnote-ref]')].map((a) => {
          const href = a.getAttribute('href') ?? ''
          const target = href.startsWith('#') ? document.getElementById(href.slice(1)) : null
          return {
            id: a.id,
            href,
            idCount: a.id ? count(a.id) : 0,
            targetCount: href.startsWith('#') ? count(href.slice(1)) : 0,
            targetIsNote: !!target?.matches('section[data-footnotes] li'),
          }
        })
        const backrefs = [...document.querySelectorAll('a[data-footnote-backref]')].map((a) => {
          const href = a.getAttribute('href') ?? ''
          const target = href.startsWith('#') ? document.getElementById(href.slice(1)) : null
          const note = a.closest('li')
          return {
            href,
            inNote: note?.id ?? null,
            targetCount: href.startsWith('#') ? count(href.slice(1)) : 0,
            targetIsRef: !!target?.matches('a[data-footnote-ref]'),
            targetHref: target?.getAttribute('href') ?? null,
          }
        })
        return { refs, backrefs }
      })

      expect(links.refs.length, 'footnote references on the page').toBeGreaterThan(0)
      const referencedOnPage = new Set<number>()
      for (const ref of links.refs) {
        const m = /^#fn-(\d+)$/.exec(ref.href)
        expect(m, `href of reference #${ref.id}`).not.toBeNull()
        const n = Number(m![1])
        referencedOnPage.add(n)
        expect(ref.id, `id of the reference with href="${ref.href}"`).toMatch(new RegExp(`^fnref-${n}(-[2-9]|-[1-9]\\d+)?$`))
        expect(ref.idCount, `elements with id="${ref.id}"`).toBe(1)
        expect(ref.targetCount, `elements with id="${ref.href.slice(1)}" (target of #${ref.id})`).toBe(1)
        expect(ref.targetIsNote, `${ref.href} (target of #${ref.id}) is a section[data-footnotes] li`).toBe(true)
      }
      const referencedInJson = new Set(transcript.footnotes.filter((f) => f.referenced).map((f) => f.n))
      expect(
        [...referencedOnPage].sort((a, b) => a - b),
        'notes referenced on the page',
      ).toEqual([...referencedInJson].sort((a, b) => a - b))

      expect(links.backrefs.length, 'footnote back-links on the page').toBeGreaterThan(0)
      for (const back of links.backrefs) {
        expect(back.href, `href of a back-link in li#${back.inNote}`).toMatch(/^#fnref-\d+(-\d+)?$/)
        expect(back.targetCount, `elements with id="${back.href.slice(1)}" (back-link in li#${back.inNote})`).toBe(1)
        expect(back.targetIsRef, `${back.href} (back-link in li#${back.inNote}) is an a[data-footnote-ref]`).toBe(true)
        expect(back.targetHref, `${back.href} points back to its note li#${back.inNote}`).toBe(`#${back.inNote}`)
      }
      // Every reference has a back-link to it.
      const backTargets = new Set(links.backrefs.map((b) => b.href))
      for (const ref of links.refs) {
        expect(backTargets.has(`#${ref.id}`), `a back-link to #${ref.id}`).toBe(true)
      }
    })
  })

  test('every turn id and every timestamp id is addressable', async () => {
    expect(
      turns.map((t) => t.id),
      'turn t-05-03 in transcript.json',
    ).toContain('t-05-03')
    expect(timestampIds, 'timestamp 05:03 in transcript.json').toContain('ts-05-03')

    // A fresh load of the page with a fragment targets that element.
    for (const id of ['t-05-03', 'ts-05-03']) {
      await withPage(
        site,
        `${PAGE_PATH}#${id}`,
        async (page) => {
          expect(await isTarget(page, id), `#${id} is :target after loading ${PAGE_PATH}#${id}`).toBe(true)
          await expect
            .poll(() => isInViewport(page, id), {
              message: `#${id} is in the viewport after loading ${PAGE_PATH}#${id}`,
              timeout: 5_000,
            })
            .toBe(true)
        },
        { javaScriptEnabled: false },
      )
    }

    await withPage(
      site,
      PAGE_PATH,
      async (page) => {
        // Printed timestamps are links to themselves.
        const stamps = await page.evaluate(
          (ids) =>
            ids.map((id) => {
              const all = document.querySelectorAll(`[id="${CSS.escape(id)}"]`)
              const el = all[0]
              return { id, count: all.length, tag: el?.tagName ?? null, href: el?.getAttribute('href') ?? null }
            }),
          timestampIds,
        )
        for (const stamp of stamps) {
          expect(stamp.count, `elements with id="${stamp.id}"`).toBe(1)
          expect(stamp.tag, `#${stamp.id} is a link`).toBe('A')
          expect(stamp.href, `href of a#${stamp.id}`).toBe(`#${stamp.id}`)
        }

        await page.locator('a#ts-05-03').click()
        await expect.poll(() => hashOf(page), { timeout: 5_000 }).toBe('#ts-05-03')
        expect(await isTarget(page, 'ts-05-03'), 'a#ts-05-03 is :target after clicking it').toBe(true)

        // Every turn and timestamp id: navigating to the page with it as the fragment targets it.
        const notTargeted: string[] = []
        for (const id of [...turns.map((t) => t.id), ...timestampIds]) {
          await page.goto(`${pageUrl}#${id}`)
          if (!(await isTarget(page, id))) notTargeted.push(id)
        }
        expect(notTargeted, 'ids that are not :target after navigating to them').toEqual([])
      },
      { javaScriptEnabled: false },
    )
  })
})
