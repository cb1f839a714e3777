/**
 * Browsing the collection (src/collection/browse.ts): months and years, pages of transcripts with their previous
 * and next, the pager's window, the participants index by letter. Every expected value below is worked out
 * by hand from the small inputs written here.
 */
import { describe, expect, test } from 'vitest'
import { cacheKeyOf } from '../../src/build/cache-key.ts'
import { formatDate, formatMonthName, longDate } from '../../src/contract/dates.ts'
import {
  transcriptOrder,
  calendar,
  counted,
  formatDateRange,
  initialOf,
  letterHref,
  listingPages,
  mostTurns,
  monthOf,
  pageWindow,
  participantLetters,
  participantRow,
  participants,
  turnRange,
} from '../../src/collection/browse.ts'
import { pageRoute as pageHref } from '../../src/contract/routes.ts'
import type { SpeakerEntry } from '../../src/build/speaker-pages.ts'

/** Only the fields the functions read. */
const item = (name: string, date: string) => ({ name, date })

// Three in November 1962 (two on the 14th, ordered by name), one in December, one in January 1963, one undated.
const items = [
  item('nov-14-b', '1962-11-14'),
  item('nov-02', '1962-11-02'),
  item('dec-01', '1962-12-01'),
  item('jan-05', '1963-01-05'),
  item('no-date', ''),
  item('nov-14-a', '1962-11-14'),
]

describe('dates', () => {
  test('monthOf reads the year and month of an ISO date; empty or impossible dates are undated', () => {
    expect(monthOf('1962-11-14')).toEqual({ year: '1962', month: '11' })
    expect(monthOf('1962-11')).toEqual({ year: '1962', month: '11' })
    expect(monthOf('')).toBeNull()
    expect(monthOf('1962-13-01')).toBeNull()
    expect(monthOf('1962-00-01')).toBeNull()
    expect(monthOf('14 Nov 1962')).toBeNull()
  })

  test('formatDate writes dates as the transcripts do; a range only when the two differ', () => {
    // As the transcripts print their date lines (`Wednesday, November 14, 1962`), in the site's locale.
    expect(formatDate('1962-11-04')).toBe('Sunday, November 4, 1962')
    expect(formatDate('1963-01-15')).toBe('Tuesday, January 15, 1963')
    expect(formatDate('1962-11')).toBe('November 1962')
    expect(formatDate('')).toBe('undated')
    expect(formatDate('1962-11-04', 'en-GB')).toBe('Sunday, 4 November 1962')
    expect(formatDateRange('1962-11-04', '1962-11-04')).toBe('Sunday, November 4, 1962')
    expect(formatDateRange('1962-11-04', '1963-03-03')).toBe('Sunday, November 4, 1962 – Sunday, March 3, 1963')
  })

  test('transcriptOrder: by date, then name, the undated last', () => {
    expect([...items].sort(transcriptOrder).map((i) => i.name)).toEqual([
      'nov-02',
      'nov-14-a',
      'nov-14-b',
      'dec-01',
      'jan-05',
      'no-date',
    ])
  })

  test('counted writes thousands with a comma and the singular for one', () => {
    expect(counted(1234, 'turn')).toBe('1,234 turns')
    expect(counted(1, 'person', 'people')).toBe('1 person')
    expect(counted(0, 'transcript')).toBe('0 transcripts')
  })
})

describe('calendar', () => {
  test('years with their months and counts, the undated apart, first and last dated', () => {
    const result = calendar(items)
    expect(result.total).toBe(6)
    expect(result.first).toBe('1962-11-02')
    expect(result.last).toBe('1963-01-05')
    expect(result.years.map((y) => [y.year, y.href, y.count])).toEqual([
      ['1962', '/browse/1962/', 4],
      ['1963', '/browse/1963/', 1],
    ])
    expect(result.years[0]!.months.map((m) => [m.label, m.href, m.count, m.pages])).toEqual([
      ['November 1962', '/browse/1962/11/', 3, 1],
      ['December 1962', '/browse/1962/12/', 1, 1],
    ])
    expect(result.years[1]!.months.map((m) => m.label)).toEqual(['January 1963'])
    expect(result.undated).toMatchObject({ key: 'undated', label: 'Undated', href: '/browse/undated/', count: 1, year: null })
  })

  test("months are named in the site's locale, in the calendar, the listings and a citation's date", () => {
    const items = [
      { date: '1962-11-14', name: 'a' },
      { date: '1963-02-01', name: 'b' },
    ]
    expect(calendar(items, undefined, 'fr-FR').years.map((year) => year.months[0]!.label)).toEqual([
      'novembre 1962',
      'février 1963',
    ])
    expect(listingPages(items, undefined, 'en-GB')[1]!.previousPeriod?.label).toBe('November 1962')
    expect(formatMonthName('02', 'fr-FR')).toBe('février')
    expect(formatMonthName('11')).toBe('November')
    expect(formatMonthName('13')).toBe('13')
    expect(longDate('1962-11-14', 'en-GB')).toBe('14 November 1962')
    expect(longDate('1962-11-14')).toBe('November 14, 1962')
  })

  test('a month of 250 at 100 a page has 3 pages; an empty collection has no years', () => {
    const many = Array.from({ length: 250 }, (_, i) => item(`t${String(i).padStart(3, '0')}`, '1962-10-01'))
    expect(calendar(many).years[0]!.months[0]!.pages).toBe(3)
    expect(calendar([])).toEqual({ total: 0, years: [], undated: null, first: '', last: '' })
  })
})

describe('listingPages', () => {
  // At 2 a page: November's three make two pages; December, January and the undated one each.
  const pages = listingPages(items, 2)

  test('each month cut into pages, in order, with the right transcripts on each', () => {
    expect(pages.map((p) => p.href)).toEqual([
      '/browse/1962/11/',
      '/browse/1962/11/2/',
      '/browse/1962/12/',
      '/browse/1963/01/',
      '/browse/undated/',
    ])
    expect(pages.map((p) => p.items.map((i) => i.name))).toEqual([
      ['nov-02', 'nov-14-a'],
      ['nov-14-b'],
      ['dec-01'],
      ['jan-05'],
      ['no-date'],
    ])
    expect(pages.map((p) => [p.page, p.pages, p.from, p.to])).toEqual([
      [1, 2, 1, 2],
      [2, 2, 3, 3],
      [1, 1, 1, 1],
      [1, 1, 1, 1],
      [1, 1, 1, 1],
    ])
  })

  test('previous and next pages within a month, previous and next months across', () => {
    const [nov1, nov2, dec, jan, undated] = pages
    expect(nov1!.previousPage).toBeNull()
    expect(nov1!.nextPage).toEqual({ href: '/browse/1962/11/2/', label: 'November 1962, page 2 of 2' })
    expect(nov1!.previousPeriod).toBeNull()
    expect(nov1!.nextPeriod).toEqual({ href: '/browse/1962/12/', label: 'December 1962' })
    expect(nov2!.previousPage).toEqual({ href: '/browse/1962/11/', label: 'November 1962, page 1 of 2' })
    expect(nov2!.nextPage).toBeNull()
    expect(nov2!.nextPeriod).toEqual({ href: '/browse/1962/12/', label: 'December 1962' })
    // December's previous month starts at November's first page.
    expect(dec!.previousPeriod).toEqual({ href: '/browse/1962/11/', label: 'November 1962' })
    expect(dec!.year).toEqual({ href: '/browse/1962/', label: '1962' })
    expect(jan!.previousPeriod).toEqual({ href: '/browse/1962/12/', label: 'December 1962' })
    expect(jan!.nextPeriod).toEqual({ href: '/browse/undated/', label: 'Undated' })
    expect(jan!.year).toEqual({ href: '/browse/1963/', label: '1963' })
    expect(undated!.previousPeriod).toEqual({ href: '/browse/1963/01/', label: 'January 1963' })
    expect(undated!.nextPeriod).toBeNull()
    expect(undated!.year).toBeNull()
  })

  test('250 in a month at 100 a page: 1–100, 101–200, 201–250', () => {
    const many = Array.from({ length: 250 }, (_, i) => item(`t${String(i).padStart(3, '0')}`, '1962-10-01'))
    const result = listingPages(many)
    expect(result.map((p) => [p.href, p.from, p.to, p.items.length])).toEqual([
      ['/browse/1962/10/', 1, 100, 100],
      ['/browse/1962/10/2/', 101, 200, 100],
      ['/browse/1962/10/3/', 201, 250, 50],
    ])
    expect(result[2]!.items[0]!.name).toBe('t200')
  })
})

describe('pages', () => {
  test('pageHref: the first page is the listing itself', () => {
    expect(pageHref('/browse/1962/11/', 1)).toBe('/browse/1962/11/')
    expect(pageHref('/browse/1962/11/', 2)).toBe('/browse/1962/11/2/')
  })

  test('pageWindow: first, last and two either side, a gap of one page shown as the page', () => {
    expect(pageWindow(1, 1)).toEqual([1])
    expect(pageWindow(1, 3)).toEqual([1, 2, 3])
    expect(pageWindow(1, 10)).toEqual([1, 2, 3, null, 10])
    expect(pageWindow(4, 10)).toEqual([1, 2, 3, 4, 5, 6, null, 10])
    expect(pageWindow(5, 12)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 12])
    expect(pageWindow(6, 12)).toEqual([1, null, 4, 5, 6, 7, 8, null, 12])
    expect(pageWindow(12, 12)).toEqual([1, null, 10, 11, 12])
    expect(pageWindow(30, 30, 1)).toEqual([1, null, 29, 30])
  })

  test('turnRange: every page of a speaker holds 100 turns but the last', () => {
    expect(turnRange(1, 48, 100)).toEqual({ from: 1, to: 48 })
    expect(turnRange(2, 250, 100)).toEqual({ from: 101, to: 200 })
    expect(turnRange(3, 250, 100)).toEqual({ from: 201, to: 250 })
  })

  test('cacheKeyOf: the same content gives the same key, any change another', () => {
    const key = cacheKeyOf({ page: 1, pages: 2 })
    expect(key).toMatch(/^[0-9a-f]{20}$/)
    expect(cacheKeyOf({ page: 1, pages: 2 })).toBe(key)
    expect(cacheKeyOf({ page: 1, pages: 3 })).not.toBe(key)
  })
})

describe('participants', () => {
  test('people by name, unidentified voices by their number of voices (never of turns), never as a person', () => {
    expect(
      participants([
        { key: 'george-ball', name: 'George Ball', kind: 'person', turns: 5 },
        { key: 'unidentified', name: 'Unidentified voices', kind: 'unidentified', turns: 58, voices: { voices: 2, exact: true } },
      ]),
    ).toEqual([
      { key: 'george-ball', text: 'George Ball', person: true },
      { key: 'unidentified', text: '2 unidentified voices', person: false },
    ])
    // Four turns under a generic `Unidentified`: one voice or four, the transcript does not say.
    const generic = { key: 'unidentified', name: 'Unidentified voices', kind: 'unidentified', turns: 4 } as const
    expect(participants([{ ...generic, voices: { voices: 1, exact: false } }])[0]!.text).toBe('unidentified voices')
    expect(participants([{ ...generic, turns: 1, voices: { voices: 1, exact: true } }])[0]!.text).toBe('an unidentified voice')
  })

  test('initialOf: the first letter of the last word, accents dropped; other scripts under #', () => {
    expect(initialOf('McGeorge Bundy')).toBe('B')
    expect(initialOf('President Kennedy')).toBe('K')
    expect(initialOf('Otto von Bismarck')).toBe('B')
    expect(initialOf('Émile Ångström')).toBe('A')
    expect(initialOf('Cher')).toBe('C')
    expect(initialOf('毛泽东')).toBe('#')
    expect(initialOf('Agent 99')).toBe('#')
  })

  test('letterHref: under /speakers/index/, # as other', () => {
    expect(letterHref('B')).toBe('/speakers/index/b/')
    expect(letterHref('B', 2)).toBe('/speakers/index/b/2/')
    expect(letterHref('#')).toBe('/speakers/index/other/')
  })

  const entry = (name: string, kind: SpeakerEntry['kind'] = 'person'): SpeakerEntry => ({
    roles: [],
    in: [],
    key: name.toLowerCase().replace(/\s+/g, '-'),
    name,
    kind,
    turns: 3,
    transcripts: 2,
    first: '1962-10-16',
    last: '1962-11-14',
    pages: ['x'],
  })

  test('participantRow: name, link, turns, transcripts, first and last dates', () => {
    expect(participantRow(entry('George Ball'))).toEqual({
      key: 'george-ball',
      name: 'George Ball',
      title: false,
      href: '/speakers/george-ball/',
      turns: 3,
      transcripts: 2,
      first: '1962-10-16',
      last: '1962-11-14',
    })
  })

  test('participantLetters: people only, by letter A–Z then Other, in the directory’s order, cut into pages', () => {
    // The directory's order (by surname): Ashby, Ball, Bundy, Burke, Kay, then a name in another script; the
    // unidentified voices last, and not in the index by letter.
    const directory = ['Ann Ashby', 'Bob Ball', 'Cy Bundy', 'Di Burke', 'Ed Kay', '李四'].map((name) => entry(name))
    directory.push(entry('Unidentified voices', 'unidentified'))
    const letters = participantLetters(directory, 2)
    expect(letters.map((l) => [l.letter, l.label, l.href, l.count, l.pages.length])).toEqual([
      ['A', 'A', '/speakers/index/a/', 1, 1],
      ['B', 'B', '/speakers/index/b/', 3, 2],
      ['K', 'K', '/speakers/index/k/', 1, 1],
      ['#', 'Other', '/speakers/index/other/', 1, 1],
    ])
    const [first, second] = letters[1]!.pages
    expect(first!.rows.map((r) => r.name)).toEqual(['Bob Ball', 'Cy Bundy'])
    expect(second!.rows.map((r) => r.name)).toEqual(['Di Burke'])
    expect(first!.previousPage).toBeNull()
    expect(first!.nextPage).toEqual({ href: '/speakers/index/b/2/', label: 'B, page 2 of 2' })
    expect(second!.href).toBe('/speakers/index/b/2/')
    expect(second!.previousPage).toEqual({ href: '/speakers/index/b/', label: 'B, page 1 of 2' })
    expect(second!.nextPage).toBeNull()
  })

  test('mostTurns: people only, most turns first, ties in the directory’s order', () => {
    const withTurns = (name: string, turns: number, kind: SpeakerEntry['kind'] = 'person') => ({ ...entry(name, kind), turns })
    const directory = [withTurns('Ann Ashby', 5), withTurns('Bob Ball', 40), withTurns('Cy Bundy', 5), withTurns('Ed Kay', 12)]
    directory.push(withTurns('Unidentified voices', 99, 'unidentified'))
    expect(mostTurns(directory, 3).map((row) => [row.name, row.turns])).toEqual([
      ['Bob Ball', 40],
      ['Ed Kay', 12],
      ['Ann Ashby', 5],
    ])
  })
})
