/**
 * Numbers for pairs and triples of word ids (src/build/search/tuple-index.ts), which the search build's
 * sequence heads are kept under: one number per tuple, in the order first met, the same every time it is
 * met again, past the table's first size; a triple differs from another by its last id alone.
 */
import { describe, expect, test } from 'vitest'
import { TupleIndex } from '../../src/build/search/tuple-index.ts'

describe('TupleIndex', () => {
  test('pairs are numbered in the order first met, and keep their number', () => {
    const pairs = new TupleIndex(2)
    expect(pairs.number(7, 3)).toBe(0)
    expect(pairs.number(3, 7)).toBe(1)
    expect(pairs.number(7, 3)).toBe(0)
    expect(pairs.number(0, 0)).toBe(2)
    expect(pairs.size).toBe(3)
    expect(pairs.ids(1)).toEqual([3, 7])
  })

  test('triples that share their first two ids are told apart', () => {
    const triples = new TupleIndex(3)
    expect(triples.number(1, 2, 3)).toBe(0)
    expect(triples.number(1, 2, 4)).toBe(1)
    expect(triples.number(1, 2, 3)).toBe(0)
    expect(triples.ids(1)).toEqual([1, 2, 4])
  })

  test('past its first capacity it grows, and every tuple keeps its number', () => {
    const triples = new TupleIndex(3, 4)
    const count = 50_000
    // Ids up to 2^30, far apart, so that tuples are not simply consecutive.
    const tuple = (n: number): [number, number, number] => [n % 1_000, (n * 7_919) % 1_073_741_824, n]
    for (let n = 0; n < count; n++) expect(triples.number(...tuple(n))).toBe(n)
    expect(triples.size).toBe(count)
    for (let n = 0; n < count; n += 997) {
      expect(triples.number(...tuple(n))).toBe(n)
      expect(triples.ids(n)).toEqual(tuple(n))
    }
    expect(triples.size).toBe(count)
  })
})
