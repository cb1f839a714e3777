/**
 * The build's one progress reporter (src/contract/progress.ts), read by the site's steps, the search build
 * and scripts/build.ts: a line at most every 5 s and one at the end, in one format, with a clock that the
 * test moves (a millisecond a step) instead of waiting.
 */
import { describe, expect, test } from 'vitest'
import { progress } from '../../src/contract/progress.ts'

/** A clock the test sets. */
function clock() {
  let now = 0
  return {
    at: (ms: number) => {
      now = ms
    },
    read: () => now,
  }
}

describe('progress', () => {
  test('a line at most every 5 s while a stage runs and one at its end, not one at every step', () => {
    const lines: string[] = []
    const time = clock()
    const stage = progress((line) => lines.push(line), 'search index', 'transcripts', { total: 12_000, clock: time.read })
    for (let i = 1; i <= 12_000; i++) {
      time.at(i)
      stage.update(i)
    }
    stage.finish()
    expect(lines).toEqual([
      'search index: 5,000/12,000 transcripts (5.0 s)',
      'search index: 10,000/12,000 transcripts (10.0 s)',
      'search index: 12,000/12,000 transcripts (12.0 s)',
    ])
  })

  test('the closing line carries its note; a stage with no total counts alone', () => {
    const lines: string[] = []
    const time = clock()
    const read = progress((line) => lines.push(line), 'transcripts', 'read', { total: 3, clock: time.read })
    read.update(1)
    time.at(1_400)
    read.finish('1 new or changed')
    const routes = progress((line) => lines.push(line), 'routes', 'written', { clock: time.read })
    for (let page = 1; page <= 12_000; page++) {
      time.at(1_400 + page * 2)
      routes.update(page)
    }
    routes.finish()
    expect(lines).toEqual([
      'transcripts: 3/3 read (1.4 s); 1 new or changed',
      'routes: 2,500 written (5.0 s)',
      'routes: 5,000 written (10.0 s)',
      'routes: 7,500 written (15.0 s)',
      'routes: 10,000 written (20.0 s)',
      'routes: 12,000 written (24.0 s)',
    ])
  })
})
