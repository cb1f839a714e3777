import { describe, expect, test } from 'vitest'
import { alignWords, splitWords, wordKey } from '../../src/core/align/words.ts'

describe('word alignment', () => {
  test('a comma or a capital is no change; a corrected word is one removed and one added run', () => {
    const a = splitWords('Well, I told Haldeman that')
    const b = splitWords('well I told haldeman, this')
    expect(alignWords(a, b)).toEqual([
      { kind: 'same', a: 0, aEnd: 4, b: 0, bEnd: 4 },
      { kind: 'removed', a: 4, aEnd: 5, b: 4, bEnd: 4 },
      { kind: 'added', a: 5, aEnd: 5, b: 4, bEnd: 5 },
    ])
  })

  test('words on one side only are never dropped: the runs cover both lists', () => {
    const a = splitWords('[Unintelligible] we have to do it')
    const b = splitWords('we have to do it now, John')
    const runs = alignWords(a, b)
    expect(runs.map((run) => run.kind)).toEqual(['removed', 'same', 'added'])
    expect(runs.reduce((n, run) => n + run.aEnd - run.a, 0)).toBe(a.length)
    expect(runs.reduce((n, run) => n + run.bEnd - run.b, 0)).toBe(b.length)
  })

  test('a word without letters is compared as printed', () => {
    expect(wordKey('--')).toBe('--')
    expect(wordKey("Dean's,")).toBe('deans')
    expect(splitWords('  a\n b  ')).toEqual(['a', 'b'])
  })
})
