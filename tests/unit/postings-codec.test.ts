/**
 * The postings' columns of numbers (src/contract/postings.ts `encodeNumbers`, `decodeNumbers`): five bits a
 * character, read back as written, from 0 to numbers past 2³⁰, with no character JSON would escape.
 */
import { describe, expect, test } from 'vitest'
import { decodeNumbers, encodeNumbers } from '../../src/contract/postings.ts'

describe('columns of numbers', () => {
  test('numbers are read back as written, a small one in one character', () => {
    const numbers = [0, 1, 31, 32, 33, 1023, 1024, 99_999, 2 ** 30 + 7, 2 ** 31 - 1, 5, 0]
    const text = encodeNumbers(numbers)
    expect([...decodeNumbers(text)]).toEqual(numbers)
    // 0 to 31 take one character each; 32 to 1023 two.
    expect(encodeNumbers([0, 31])).toHaveLength(2)
    expect(encodeNumbers([32, 1023])).toHaveLength(4)
    expect(JSON.parse(JSON.stringify(text))).toBe(text)
    expect(JSON.stringify(text)).toBe(`"${text}"`)
  })

  test('an empty column is no numbers; a character outside the code is an error', () => {
    expect([...decodeNumbers('')]).toEqual([])
    expect(() => decodeNumbers('a.b')).toThrow(/not a column/)
  })
})
