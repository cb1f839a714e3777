/**
 * The labels' places (src/contract/search.ts, `labelPlaces`), which the build's sequence heads rank by in
 * place of the collator's comparison: the same order as `rankByHits` gives transcripts with as many
 * passages, and one place for labels it holds equal (the same label twice; an accent written as one
 * code point or as a letter and a combining mark).
 */
import { describe, expect, test } from 'vitest'
import { labelPlaces, rankByHits, ranksBefore } from '../../src/contract/search.ts'

describe('labelPlaces', () => {
  const labels = [
    '1962-11-14 · Off-the-Record Meeting on Cuba',
    '1962-11-14 · Off-the-record meeting on Cuba',
    '1962-10-16 · Meeting on the Cuban Missile Crisis',
    '1973-03-21 · Meeting with John Dean',
    'Caf\u00e9 conversation',
    'Cafe\u0301 conversation',
    '1973-03-21 · Meeting with John Dean',
    '',
  ]

  test('the order of rankByHits for rows with as many passages', () => {
    const places = labelPlaces(labels)
    const byCollator = [...new Set(labels)].sort((a, b) => rankByHits({ hits: 1, label: a }, { hits: 1, label: b }))
    const byPlace = [...new Set(labels)].sort((a, b) => places.get(a)! - places.get(b)!)
    expect(byPlace).toEqual(byCollator)
    expect(places.get('')).toBe(0)
  })

  test('labels the collator holds equal share a place; others do not', () => {
    const places = labelPlaces(labels)
    expect(places.get('Caf\u00e9 conversation')).toBe(places.get('Cafe\u0301 conversation'))
    const distinct = new Set(labels.map((label) => places.get(label)))
    // Eight labels: one given twice, two the same but for how the accent is written.
    expect(distinct.size).toBe(6)
    expect(places.get('1962-11-14 · Off-the-Record Meeting on Cuba')).not.toBe(
      places.get('1962-11-14 · Off-the-record meeting on Cuba'),
    )
  })

  test('ranksBefore with places agrees with rankByHits with labels, passages first', () => {
    const places = labelPlaces(labels)
    for (const a of labels)
      for (const b of labels)
        for (const [hits, otherHits] of [
          [1, 1],
          [2, 1],
          [1, 2],
        ] as const) {
          const byLabel = rankByHits({ hits, label: a }, { hits: otherHits, label: b }) < 0
          expect(ranksBefore(hits, places.get(a)!, otherHits, places.get(b)!), `${hits} ${a} / ${otherHits} ${b}`).toBe(byLabel)
        }
  })
})
