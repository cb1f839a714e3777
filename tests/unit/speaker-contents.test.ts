/**
 * A speaker page's contents and summary (src/collection/speaker-index.ts, speaker-summary.ts), worked out
 * by hand from the small inputs written here: the contents by year and transcript are links to where the
 * speaker's turns in each start on their own pages (no page of its own per transcript or year); the
 * unidentified voices are counted as voices.
 */
import { describe, expect, test } from 'vitest'
import { speakerContents } from '../../src/collection/speaker-index.ts'
import { speakerSummary } from '../../src/collection/speaker-summary.ts'

const ref = (name: string, date: string, turns: number, page: number) => ({
  name,
  title: `Meeting ${name}`,
  date,
  dateLine: null,
  id: name,
  turns,
  page,
})

describe('the contents by transcript and date', () => {
  test('one transcript: no contents (the speaker’s page is that transcript’s)', () => {
    expect(speakerContents('ann-lee', [ref('a', '1962-10-16', 2, 1)])).toEqual([])
  })

  test('one year: each transcript leads to the section of the speaker’s turns in it, on its page', () => {
    const years = speakerContents('ann-lee', [ref('a', '1962-10-16', 2, 1), ref('b', '1962-11-14', 1, 1)])
    expect(years.map((y) => [y.year, y.href, y.transcripts.map((t) => t.href)])).toEqual([
      ['1962', '/speakers/ann-lee/#in-a', ['/speakers/ann-lee/#in-a', '/speakers/ann-lee/#in-b']],
    ])
  })

  test('several years and pages: a year leads to its first transcript, wherever that page is; undated last', () => {
    // 60 turns in a, 50 in b: b starts on page 1 and goes on to page 2, where c and d start.
    const transcripts = [
      ref('a', '1962-10-16', 60, 1),
      ref('b', '1963-01-02', 50, 1),
      ref('c', '1963-05-06', 4, 2),
      ref('d', '', 1, 2),
    ]
    const years = speakerContents('president', transcripts)
    expect(years.map((y) => [y.year, y.href])).toEqual([
      ['1962', '/speakers/president/#in-a'],
      ['1963', '/speakers/president/#in-b'],
      ['', '/speakers/president/2/#in-d'],
    ])
    expect(years[1]!.transcripts.map((t) => t.href)).toEqual(['/speakers/president/#in-b', '/speakers/president/2/#in-c'])
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
