/**
 * Every address of the site from one module (src/contract/routes.ts): each route as a base-free root path,
 * the same route under the bases `/` and `/tapes/`, names that must be escaped to stay one path segment,
 * and the one base-path normaliser. The expected paths are written out by hand, as a reader would type them.
 */
import { describe, expect, test } from 'vitest'
import {
  browseMonthRoute,
  browseRoute,
  browseUndatedRoute,
  browseYearRoute,
  exportRoute,
  faviconRoute,
  fromPage,
  fromRoot,
  homeRoute,
  manifestRoute,
  normalizeBase,
  pageRoute,
  pagefindFolderRoute,
  pagefindPartRoute,
  pagefindRoute,
  recordingRoute,
  routeFile,
  searchRoute,
  siteBase,
  sitePath,
  speakerLetterRoute,
  speakerRoute,
  speakersRoute,
  transcriptRoute,
  turnRoute,
} from '../../src/contract/routes.ts'

const NAME = '1962-11-14-01181'

/** Each route with what it must be at the site's root; under `/tapes/` the same with `/tapes` in front. */
const routes: Array<[label: string, route: string, expected: string]> = [
  ['home', homeRoute(), '/'],
  ['favicon', faviconRoute(), '/favicon.svg'],
  ['manifest', manifestRoute(), '/transcripts.json'],
  ['transcript', transcriptRoute(NAME), '/1962-11-14-01181/'],
  ['turn', turnRoute(NAME, 't-05-03'), '/1962-11-14-01181/#t-05-03'],
  ['JSON export', exportRoute(NAME, 'json'), '/1962-11-14-01181/transcript.json'],
  ['TEI export', exportRoute(NAME, 'xml'), '/1962-11-14-01181/transcript.xml'],
  ['WebVTT export', exportRoute(NAME, 'vtt'), '/1962-11-14-01181/transcript.vtt'],
  ['recording', recordingRoute(NAME, 'recording.ogg'), '/1962-11-14-01181/recording.ogg'],
  ['speakers', speakersRoute(), '/speakers/'],
  ['a letter of the speakers', speakerLetterRoute('b'), '/speakers/index/b/'],
  ['its second page', speakerLetterRoute('b', 2), '/speakers/index/b/2/'],
  ['a speaker', speakerRoute('george-ball'), '/speakers/george-ball/'],
  ['page 1 is the speaker', speakerRoute('george-ball', 1), '/speakers/george-ball/'],
  ['page 3 of a speaker', speakerRoute('george-ball', 3), '/speakers/george-ball/3/'],
  ['the unidentified voices', speakerRoute('unidentified'), '/speakers/unidentified/'],
  ['browse', browseRoute(), '/browse/'],
  ['a year', browseYearRoute('1962'), '/browse/1962/'],
  ['a month', browseMonthRoute('1962', '11'), '/browse/1962/11/'],
  ['page 2 of a month', browseMonthRoute('1962', '11', 2), '/browse/1962/11/2/'],
  ['the undated', browseUndatedRoute(), '/browse/undated/'],
  ['page 2 of the undated', browseUndatedRoute(2), '/browse/undated/2/'],
  ['search', searchRoute(), '/search/'],
  ['a speaker searched', searchRoute({ speaker: 'george-ball' }), '/search/?speaker=george-ball'],
  ['a query', searchRoute({ q: 'quarantine' }), '/search/?q=quarantine'],
  ['Pagefind’s folder', pagefindFolderRoute(), '/pagefind/'],
  ['a part of Pagefind’s index', pagefindPartRoute('3f2a9c01d4e5b6a7'), '/pagefind/3f2a9c01d4e5b6a7/'],
  ['a part’s Pagefind', pagefindRoute('3f2a9c01d4e5b6a7'), '/pagefind/3f2a9c01d4e5b6a7/pagefind.js'],
]

describe('routes', () => {
  test.each(routes)('%s at the site’s root', (_label, route, expected) => {
    expect(route).toBe(expected)
    expect(sitePath(route, '/')).toBe(expected)
  })

  test.each(routes)('%s under /tapes/', (_label, route, expected) => {
    expect(sitePath(route, '/tapes/')).toBe(`/tapes${expected}`)
  })

  test('this build’s base, where no base is given: Vite’s BASE_URL, `/` in the tests', () => {
    expect(siteBase).toBe('/')
    expect(sitePath(speakerRoute('george-ball'))).toBe('/speakers/george-ball/')
  })

  test('a name or key that would break its segment is escaped, and only there', () => {
    expect(transcriptRoute('tape 19#2?x')).toBe('/tape%2019%232%3Fx/')
    expect(transcriptRoute('a/b')).toBe('/a%2Fb/')
    expect(exportRoute('100% tape', 'txt')).toBe('/100%25%20tape/transcript.txt')
    expect(turnRoute('a b', 't-05-03')).toBe('/a%20b/#t-05-03')
    expect(speakerRoute('محمد-علي')).toBe('/speakers/%D9%85%D8%AD%D9%85%D8%AF-%D8%B9%D9%84%D9%8A/')
    expect(sitePath(speakerRoute('o&dell', 2), '/tapes/')).toBe('/tapes/speakers/o%26dell/2/')
    expect(recordingRoute('x', 'tape 1.ogg')).toBe('/x/tape%201.ogg')
    expect(searchRoute({ q: 'back "perhaps"', speaker: 'a&b' })).toBe('/search/?q=back+%22perhaps%22&speaker=a%26b')
  })

  test('pages of a listing: the first is the listing itself', () => {
    expect(pageRoute('/browse/1962/11/', 0)).toBe('/browse/1962/11/')
    expect(pageRoute('/browse/1962/11/', 1)).toBe('/browse/1962/11/')
    expect(pageRoute('/browse/1962/11/', 12)).toBe('/browse/1962/11/12/')
  })

  test('a route as a link from the site’s root and as a file of the built site', () => {
    expect(fromRoot(exportRoute('tape 19', 'json'))).toBe('tape%2019/transcript.json')
    expect(routeFile(exportRoute('tape 19', 'json'))).toBe('tape 19/transcript.json')
    expect(routeFile(manifestRoute())).toBe('transcripts.json')
    expect(routeFile(pagefindRoute('3f2a9c01d4e5b6a7'))).toBe('pagefind/3f2a9c01d4e5b6a7/pagefind.js')
  })

  test('a route as a link from a transcript’s page: its export and its recording beside it', () => {
    expect(fromPage(transcriptRoute(NAME), exportRoute(NAME, 'vtt'))).toBe('transcript.vtt')
    expect(fromPage(transcriptRoute(NAME), recordingRoute(NAME, 'recording.ogg'))).toBe('recording.ogg')
    expect(() => fromPage(transcriptRoute(NAME), speakerRoute('george-ball'))).toThrow(/not beside or below/)
  })
})

describe('normalizeBase, the one base-path normaliser', () => {
  test.each([
    ['', '/'],
    ['/', '/'],
    ['//', '/'],
    ['tapes', '/tapes/'],
    ['/tapes', '/tapes/'],
    ['tapes/', '/tapes/'],
    ['/tapes/', '/tapes/'],
    [' /1962 ', '/1962/'],
    ['/a/b', '/a/b/'],
  ])('%j → %s', (base, expected) => {
    expect(normalizeBase(base)).toBe(expected)
  })
})
