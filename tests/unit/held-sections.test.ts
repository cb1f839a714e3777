/**
 * The sections a word's positions fall in, as the word tables gather them (src/build/search/words.ts,
 * `heldSections`): the same as asking the one rule (`sectionAt`, src/contract/sections.ts) for every
 * position and keeping each section once, in order, whatever the order Pagefind lists the positions in.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { sectionAt } from '../../src/contract/sections.ts'
import { heldSections, sectionsOf } from '../../src/build/search/words.ts'
import type { RecordRow } from '../../src/build/search/tables.ts'

/** A record of one transcript whose headings are at `positions` (its sections' codes do not matter here). */
const record = (positions: number[]): RecordRow => ({
  id: 'r',
  names: ['a'],
  labels: ['A'],
  starts: [],
  positions,
  sections: positions.map(() => 'speaker'),
})

/** Every position asked of the rule, each section kept once, in order: what the tables held before. */
function byTheRule(row: RecordRow, positions: number[]): number[] {
  const { starts, leading } = sectionsOf(row)
  const held = new Set(positions.map((p) => sectionAt(starts, leading, p)).filter((s) => s >= 0))
  return [...held].sort((a, b) => a - b)
}

describe('the sections holding a word', () => {
  test('by hand: a heading’s own word is no section’s; words before the first heading are the leading section', () => {
    // Headings at 3, 6 and 10: a leading section [0–2], then [4–5], [7–9], [11–…].
    const row = record([3, 6, 10])
    expect(heldSections(sectionsOf(row), [0, 1, 3, 4, 5, 12])).toEqual([0, 1, 3])
    expect(heldSections(sectionsOf(row), [3, 6, 10])).toEqual([])
    // Positions that start again after a change of weight: each section once, in order.
    expect(heldSections(sectionsOf(row), [7, 11, 12, 1, 8])).toEqual([0, 2, 3])
  })

  test('the same sections as the rule gives position by position, in any order', () => {
    const headings = fc.uniqueArray(fc.nat(400), { maxLength: 30 }).map((list) => list.sort((a, b) => a - b))
    const runs = fc.array(
      fc.uniqueArray(fc.nat(420), { maxLength: 40 }).map((list) => list.sort((a, b) => a - b)),
      { minLength: 1, maxLength: 3 },
    )
    fc.assert(
      fc.property(headings, runs, (positions, lists) => {
        const row = record(positions)
        const all = lists.flat()
        expect(heldSections(sectionsOf(row), all)).toEqual(byTheRule(row, all))
      }),
      { numRuns: 2000 },
    )
  })
})
