/**
 * The hub's step from a merged Pagefind result to passages (src/browser/hub/locate.ts), on hand-made records and
 * passages: positions split by transcript in a record of two, and sections found by their headings.
 */
import { describe, expect, test } from 'vitest'
import { anchorId, voiceValue, type Fragment } from '../../src/contract/search.ts'
import { passagesAt, positionsByTranscript } from '../../src/browser/hub/locate.ts'

/**
 * Header `Document 10001` (words 0–1), then a turn of George Ball at 05:03 (heading word 2, text 3–8),
 * then note 4 (heading 9, text 10–12).
 */
const passages: Fragment = {
  content: 'Document 10001 05:03 We talked about the quarantine today. 4 The quarantine began.',
  anchors: [
    { element: 'h2', id: anchorId('turn', 't-05-03', 'george-ball'), text: '05:03', location: 2 },
    { element: 'h2', id: anchorId('footnote', 'fn-4'), text: '4', location: 9 },
  ],
  filters: { voice: [voiceValue('george-ball', 'George Ball')], title: ['A meeting'], date: ['1962-11-14'] },
}

describe('positionsByTranscript', () => {
  test('a record of one transcript keeps its positions', () => {
    expect(positionsByTranscript([['a', 0]], [7, 3])).toEqual([{ name: 'a', positions: [3, 7] }])
  })
  test('a record of several splits them, each relative to its transcript’s start', () => {
    expect(
      positionsByTranscript(
        [
          ['a', 1],
          ['b', 40],
        ],
        [45, 2, 41, 39],
      ),
    ).toEqual([
      { name: 'a', positions: [1, 38] },
      { name: 'b', positions: [1, 5] },
    ])
  })
})

describe('passagesAt', () => {
  test('a word in a turn lands on the turn, with its speaker, time and the word marked', () => {
    const [turn, ...rest] = passagesAt(passages, [7])
    expect(rest).toEqual([])
    expect(turn).toMatchObject({ pageId: 't-05-03', kind: 'turn', speaker: 'George Ball', heading: '05:03' })
    expect(turn!.excerpt).toEqual([
      { text: 'We talked about the ', mark: false },
      { text: 'quarantine', mark: true },
      { text: ' today.', mark: false },
    ])
    expect([turn!.cutBefore, turn!.cutAfter]).toEqual([false, false])
  })
  test('passages in page order, one each, the header without an id, at most `limit`', () => {
    const found = passagesAt(passages, [11, 1, 7])
    expect(found.map((p) => [p.pageId, p.kind])).toEqual([
      [undefined, 'editorial'],
      ['t-05-03', 'turn'],
      ['fn-4', 'footnote'],
    ])
    expect(passagesAt(passages, [11, 1, 7], 2)).toHaveLength(2)
  })
  test('a long passage is cut around the first match', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`)
    const long: Fragment = { content: words.join(' '), anchors: [], filters: {} }
    const [only] = passagesAt(long, [50], 3, 10)
    expect(only!.excerpt.map((p) => p.text).join('')).toBe(words.slice(42, 52).join(' '))
    expect([only!.cutBefore, only!.cutAfter]).toEqual([true, true])
  })
  test('a heading’s own word is no passage’s text', () => {
    expect(passagesAt(passages, [2, 9])).toEqual([])
  })
})
