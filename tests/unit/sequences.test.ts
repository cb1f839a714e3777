/**
 * The heads of word pairs (src/build/search/sequences.ts), worked out by hand on transcripts of a few
 * words: a head keeps its best transcripts by passages, then label, and counts every transcript; a
 * transcript that beats a full head's last row takes its place with its own passages (which the collector
 * reads again, as it keeps no list for a full head), and one that does not is only counted.
 */
import { describe, expect, test } from 'vitest'
import type { Anchor, Fragment } from '../../src/contract/search.ts'
import { SequenceCollector } from '../../src/build/search/sequences.ts'

/** A fragment whose sections are the given texts, each after a heading `§` (Pagefind's word positions). */
function fragment(...sections: string[]): Fragment {
  const words: string[] = []
  const anchors: Anchor[] = []
  sections.forEach((text, i) => {
    anchors.push({ element: 'h2', id: `s${i}`, text: '§', location: words.length })
    words.push('§', ...text.split(' '))
  })
  return { content: words.join(' '), anchors, filters: {} }
}

const headsOf = (collector: SequenceCollector) => Object.fromEntries(collector.heads())

describe('pair heads', () => {
  test('a transcript with more passages takes a full head’s place; one with fewer is only counted', () => {
    const collector = new SequenceCollector(['A', 'B', 'C'], 1, 1)
    collector.add('a', 'A', fragment('walked home'))
    collector.add('b', 'B', fragment('then walked home', 'then walked home'))
    collector.add('c', 'C', fragment('walked home'))
    const heads = headsOf(collector)
    // "walked home": 1 + 2 + 1 passages in 3 transcripts; the best is b, in its passages 0 and 1.
    expect(heads['walked home']).toEqual([4, 3, [['b', '0.1']]])
    // "then walked": b only, in its passages 0 and 1 (each once: reading b again lists only the heads it enters).
    expect(heads['then walked']).toEqual([2, 1, [['b', '0.1']]])
  })

  test('between as many passages the label first in order wins, whatever came first', () => {
    const collector = new SequenceCollector(['A', 'B'], 1, 1)
    collector.add('b', 'B', fragment('walked home'))
    collector.add('a', 'A', fragment('so', 'walked home'))
    expect(headsOf(collector)['walked home']).toEqual([2, 2, [['a', '1']]])
  })

  test('a label the collector was not given is an error, not a silent rank', () => {
    const collector = new SequenceCollector(['A'], 1, 1)
    expect(() => collector.add('z', 'Z', fragment('walked home'))).toThrow(/label of z/)
  })
})

describe('triple heads', () => {
  test('a pair’s triples are gathered once it is met in more transcripts than `tripleAfter`, from the next transcript on', () => {
    // Heads of 24 (none leaves a transcript out here), triples once a pair is met in more than one transcript (a part's share).
    const collector = new SequenceCollector(['A', 'B', 'C', 'D'], 24, 8, undefined, 1)
    collector.add('a', 'A', fragment('we walked home'))
    collector.add('b', 'B', fragment('we walked home'))
    // Both pairs of "we walked home" are now met in 2 transcripts: c's triple is gathered, and d's.
    collector.add('c', 'C', fragment('we walked home'))
    collector.add('d', 'D', fragment('so we walked home'))
    const heads = headsOf(collector)
    expect(heads['we walked home']).toEqual([
      2,
      2,
      [
        ['c', '0'],
        ['d', '0'],
      ],
    ])
    expect(heads['walked home']).toEqual([
      4,
      4,
      [
        ['a', '0'],
        ['b', '0'],
        ['c', '0'],
        ['d', '0'],
      ],
    ])
    // "so we walked": "so we" is met once only, so no triple of it.
    expect(heads['so we walked']).toBeUndefined()

    // By default, the head's size: four transcripts never leave a head of 24, so no triple is gathered.
    const whole = new SequenceCollector(['A', 'B', 'C', 'D'], 24, 8)
    for (const name of ['a', 'b', 'c', 'd']) whole.add(name, name.toUpperCase(), fragment('we walked home'))
    expect(headsOf(whole)['we walked home']).toBeUndefined()
  })
})
