/** The fixtures' `UPDATE=1` (tests/support/update.ts): refused on CI, where it would make the tests unable to fail. */
import { describe, expect, test } from 'vitest'
import { updating } from '../support/update.ts'

describe('UPDATE', () => {
  test('rewrites only when asked', () => {
    expect(updating({})).toBe(false)
    expect(updating({ UPDATE: '1' })).toBe(true)
  })

  test('is refused when CI is set, with a message that says why', () => {
    expect(() => updating({ UPDATE: '1', CI: 'true' })).toThrow(/UPDATE is refused when CI is set/)
    expect(updating({ CI: 'true' })).toBe(false)
  })
})
