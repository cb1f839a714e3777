/**
 * A speaker page's filter and summary (src/collection/speaker-index.ts, speaker-summary.ts), worked out
 * by hand from the small inputs written here: the filter by transcript and by year is links, a year page
 * only when a speaker's transcripts span years; the unidentified voices are counted as voices.
 */
import { describe, expect, test } from 'vitest'
import { speakerFilter } from '../../src/collection/speaker-index.ts'
import { speakerSummary } from '../../src/collection/speaker-summary.ts'

const ref = (name: string, date: string, turns: number) => ({
  name,
  title: `Meeting ${name}`,
  date,
  dateLine: null,
  id: name,
  turns,
})

describe('the filter by transcript and date', () => {
  test('one transcript: no filter (the speaker’s page is that transcript’s), so no filtered page either', () => {
    expect(speakerFilter('ann-lee', [ref('a', '1962-10-16', 2)])).toEqual([])
    expect(speakerFilter('ann-lee', [ref('a', '1962-10-16', 2)], 'a')).toEqual([])
  })

  test('one year: a link per transcript, no year page (the speaker’s page is that year)', () => {
    const years = speakerFilter('ann-lee', [ref('a', '1962-10-16', 2), ref('b', '1962-11-14', 1)])
    expect(years.map((y) => [y.year, y.href, y.transcripts.map((t) => t.href)])).toEqual([
      ['1962', null, ['/speakers/ann-lee/in/a/', '/speakers/ann-lee/in/b/']],
    ])
  })

  test('several years: each year a page; the current choice is marked, a transcript or a year', () => {
    const transcripts = [ref('a', '1962-10-16', 2), ref('b', '1963-01-02', 1), ref('c', '1963-05-06', 4), ref('d', '', 1)]
    const years = speakerFilter('president', transcripts, 'c')
    expect(years.map((y) => [y.year, y.href, y.current])).toEqual([
      ['1962', '/speakers/president/year/1962/', false],
      ['1963', '/speakers/president/year/1963/', false],
      ['', null, false],
    ])
    expect(years.flatMap((y) => y.transcripts.filter((t) => t.current).map((t) => t.name))).toEqual(['c'])
    expect(speakerFilter('president', transcripts, '1963').map((y) => y.current)).toEqual([false, true, false])
  })
})

describe('what a speaker page says first', () => {
  test('a person: turns, transcripts, dates', () => {
    expect(speakerSummary({ kind: 'person', turns: 5, transcripts: 1, first: '1962-11-14', last: '1962-11-14' }).summary).toBe(
      '5 turns in 1 transcript on Wednesday, November 14, 1962.',
    )
  })

  test('the unidentified voices: their number of voices, never their turns as voices', () => {
    const keyed = speakerSummary({
      kind: 'unidentified',
      turns: 58,
      transcripts: 1,
      first: '1973-04-17',
      last: '1973-04-17',
      voices: { voices: 2, exact: true },
    })
    expect(keyed.summary).toBe(
      '2 unidentified voices that the editors could not name, in 1 transcript on Tuesday, April 17, 1973: 58 turns.',
    )
    const generic = speakerSummary({
      kind: 'unidentified',
      turns: 4,
      transcripts: 1,
      first: '',
      last: '',
      voices: { voices: 1, exact: false },
    })
    expect(generic.summary).toBe('Unidentified voices that the editors could not name, in 1 transcript: 4 turns.')
  })
})
