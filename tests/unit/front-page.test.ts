import { describe, expect, test } from 'vitest'
import { spreadSample } from '../../src/collection/front-page.ts'

describe('spreadSample (the transcripts the front page names)', () => {
  test('a collection no larger than the sample is named whole, in order', () => {
    expect(spreadSample(['a', 'b', 'c'], 5)).toEqual(['a', 'b', 'c'])
  })

  test('a larger one gives first, last and evenly spaced ones between, each once', () => {
    const items = Array.from({ length: 306 }, (_, i) => i)
    const sample = spreadSample(items, 5)
    expect(sample).toEqual([0, 76, 153, 229, 305])
    expect(spreadSample(items, 1)).toEqual([0])
    expect(spreadSample(items, 0)).toEqual([])
    expect(
      new Set(
        spreadSample(
          Array.from({ length: 6 }, (_, i) => i),
          5,
        ),
      ).size,
    ).toBe(5)
  })
})
