/**
 * Two transcriptions of one recording compared (src/core/compare/): the fixtures of
 * tests/fixtures/witnesses/ (an imagined meeting transcribed twice, differing in the ways real witnesses
 * do) with every row written out by hand from reading them, and the three real transcriptions of 15
 * September 1972 (tests/fixtures/parse/nixon-1972-09-15-{A,B,C}.txt) pairwise, with facts read in the files.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { alignKeys, cleanupRuns, wordKey } from '../../src/core/align/words.ts'
import { type Comparison, type ComparedPassage, compareTranscripts, flipComparison } from '../../src/core/compare/align.ts'
import { conversationPassages } from '../../src/core/compare/passages.ts'
import { loadTranscript } from '../../src/core/load.ts'
import type { TranscriptRoot } from '../../src/core/types.ts'
import { fixtures } from '../support/paths.ts'

const load = (path: string): TranscriptRoot => {
  const yml = path.replace(/\.txt$/, '.yml')
  let sidecar: { value: string; path: string } | undefined
  try {
    sidecar = { value: readFileSync(yml, 'utf8'), path: yml }
  } catch {}
  return loadTranscript(readFileSync(path, 'utf8'), path, sidecar ? { sidecar } : {}).tree
}
const harbor = (side: string) => load(`${fixtures}witnesses/1971-06-14-harbor-${side}.txt`)
const nixon = (copy: string) => load(`${fixtures}parse/nixon-1972-09-15-${copy}.txt`)

/** A passage as `id: LABEL words`, a word only on the left `{-so-}`, only on the right `{+so+}`. */
function shown(passage: ComparedPassage): string {
  let text = ''
  for (const token of passage.tokens) {
    const word = token.status === 'same' ? token.text : token.status === 'left' ? `{-${token.text}-}` : `{+${token.text}+}`
    text += text === '' ? word : token.glued ? word : ` ${word}`
  }
  return `${passage.id}: ${text}`
}
const rows = (comparison: Comparison) =>
  comparison.rows.map((row) => ({
    ...(row.anchor ? { anchor: row.anchor } : {}),
    left: row.left.map(shown),
    right: row.right.map(shown),
  }))

/** Every token of each side once, in order: the passages of the rows, read down, are the transcript's. */
function expectLossless(comparison: Comparison, left: TranscriptRoot, right: TranscriptRoot): void {
  for (const [side, tree] of [
    ['left', left],
    ['right', right],
  ] as const) {
    const passages = comparison.rows.flatMap((row) => row[side])
    const expected = conversationPassages(tree)
    expect(passages.map((passage) => passage.id)).toEqual(expected.map((passage) => passage.id))
    expect(passages.flatMap((passage) => passage.tokens.map((token) => token.text))).toEqual(
      expected.flatMap((passage) => passage.tokens.map((token) => token.text)),
    )
    const other = side === 'left' ? 'right' : 'left'
    expect(passages.flatMap((passage) => passage.tokens).every((token) => token.status !== other)).toBe(true)
  }
  // The words in common read the same on both sides (a word one side prints joined, `weexpect.`, is the
  // other's two, `we expect.`).
  const same = (side: 'left' | 'right') =>
    comparison.rows
      .flatMap((row) => row[side].flatMap((p) => p.tokens.filter((t) => t.status === 'same' && t.kind !== 'label')))
      .map((t) => wordKey(t.text))
      .join('')
  expect(same('left')).toBe(same('right'))
}

describe('two transcriptions of an imagined meeting (tests/fixtures/witnesses/)', () => {
  const left = harbor('committee')
  const right = harbor('excerpt')
  const comparison = compareTranscripts(left, right)

  test('each row, as read in the two files: anchors at the times both print, labels and marks as tokens of their own', () => {
    expect(rows(comparison)).toEqual([
      {
        anchor: '00:00',
        // `bothof` is the committee's PDF glue: the same words as the excerpt's `both of`.
        left: ['t-00-00: {-PRESIDENT-} Good morning. Sit down, bothof you.'],
        right: ['t-00-00: {+P+} Good morning. Sit down, both of you.'],
      },
      // A passage only the committee heard: the other side empty.
      { left: ['t-00-00-1: {-KLEIN-} {-Thank-} {-you,-} {-Mr.-} {-President.-}'], right: [] },
      { left: ['t-00-00-2: {-PRESIDENT-} Where are we on the bridge?'], right: ['t-00-00-1: {+P+} Where are we on the bridge?'] },
      // One turn facing two: the excerpt gives the union's words to Morrow, where the committee heard a mark.
      {
        anchor: '00:40',
        left: ['t-00-40: KLEIN The contract is signed. The steel arrives in August. {-[unintelligible]-} the union has agreed.'],
        right: [
          't-00-40: KLEIN The contract is signed. The steel arrives in August.',
          't-00-40-1: {+MORROW+} {+And+} the union has agreed.',
        ],
      },
      { left: ['t-00-40-1: {-PRESIDENT-} Good. And the money?'], right: ['t-00-40-2: {+P+} Good. And the money?'] },
      {
        left: ['t-00-40-2: MORROW The money is there. We have it from the state and the {-county.-}'],
        right: ['t-00-40-3: MORROW The money is there. We have it from the state and the {+city.+}'],
      },
      {
        anchor: '01:30',
        left: ['t-01-30: {-PRESIDENT-} Fine. Now the other thing. {-[laughs]-} The mayor called me twice yesterday.'],
        right: ['t-01-30: {+P+} Fine. Now the other thing. The mayor called me twice yesterday.'],
      },
      // The excerpt ends here: the rest of the meeting is the committee's alone, never dropped.
      {
        left: [
          't-01-30-1: {-KLEIN-} {-He-} {-wants-} {-the-} {-ribbon-} {-cutting.-}',
          't-01-30-2: {-PRESIDENT-} {-He-} {-can-} {-have-} {-it.-} {-I-} {-will-} {-not-} {-be-} {-there.-}',
          't-02-30: {-MORROW-} {-Then-} {-we-} {-announce-} {-it-} {-on-} {-Friday.-}',
          't-02-30-1: {-PRESIDENT-} {-Friday.-} {-Yes.-}',
        ],
        right: [],
      },
    ])
  })

  test('the summary counts words and marks, not labels: 52 in common, 29 only in the committee’s, 2 only in the excerpt', () => {
    // Committee: 6 + 4 + 6 + 14 + 4 + 13 + 12 + 5 + 9 + 6 + 2 = 81 words and marks; excerpt: 7 + 6 + 9 + 5 + 4 + 13 + 11 = 55.
    // In common, as each side counts them: 52 of the committee's (`bothof` one word), 53 of the excerpt's.
    expect(comparison.counts).toEqual({ same: 52, left: 29, right: 2 })
  })

  test('every word of both sides appears once, in order', () => {
    expectLossless(comparison, left, right)
  })

  test('read from the other side, the same rows with the sides and the marks swapped', () => {
    const flipped = flipComparison(comparison)
    expect(flipped.left).toBe('1971-06-14-harbor-excerpt')
    expect(flipped.counts).toEqual({ same: 53, left: 2, right: 29 })
    expect(shown(flipped.rows[5]!.left[0]!)).toBe(
      't-00-40-3: MORROW The money is there. We have it from the state and the {-city.-}',
    )
    expectLossless(flipped, right, left)
    expect(compareTranscripts(right, left).counts).toEqual(flipped.counts)
  })
})

describe('the three transcriptions of 15 September 1972, pairwise', () => {
  const [A, B, C] = ['A', 'B', 'C'].map(nixon) as [TranscriptRoot, TranscriptRoot, TranscriptRoot]
  const ab = compareTranscripts(A, B)
  const ac = compareTranscripts(A, C)
  const bc = compareTranscripts(B, C)
  /** The row holding a left passage whose words include `words`. */
  const rowWith = (comparison: Comparison, words: string) =>
    comparison.rows.find((row) =>
      row.left.some((passage) =>
        passage.tokens
          .map((t) => t.text)
          .join(' ')
          .includes(words),
      ),
    )!

  test('every word of both sides appears once, in each pair', () => {
    expectLossless(ab, A, B)
    expectLossless(ac, A, C)
    expectLossless(bc, B, C)
  })

  test('A–B: the talk before Dean comes in (A lines 2–31: 27 turns, a note and two page numbers) is A’s alone; then “DEAN: Yes sir.” faces B’s first turn', () => {
    expect(ab.rows[0]!.right).toEqual([])
    expect(shown(ab.rows[0]!.left[0]!)).toBe('t-start-1: {-PRESIDENT-} {-[Unintelligible]-}')
    expect(ab.rows[0]!.left).toHaveLength(27)
    expect(ab.rows[1]!.left.map(shown)).toEqual(['t-start-28: DEAN Yes sir.'])
    expect(ab.rows[1]!.right.map(shown)).toEqual(['t-start-1: DEAN Yes sir.'])
  })

  test('words one side prints glued are the same words: A’s “weexpect.” and C’s “we expect.” (A line 36, C line 9)', () => {
    const row = rowWith(ac, 'weexpect.')
    expect(row.left.map(shown)).toContain(
      't-start-32: {-DEAN-} {-Uh,-} I think we can say "Well" at this point. The, {-uh,-} {-the-} press is playing it just as weexpect.',
    )
    expect(row.right.map(shown)).toContain(
      't-start-4: {+John Dean+} {+Ah,+} I think we can say well at this point. The press is playing it just as we expect.',
    )
  })

  test('A–B: “They’re building up the fact” (A line 44) faces “Just so they have the fact” (B line 16)', () => {
    const row = rowWith(ab, 'building up')
    expect(row.left.map(shown)).toContain("t-start-40: HALDEMAN {-They're-} {-building-} {-up-} the fact that one of --")
    expect(row.right.map(shown)).toContain('t-start-13: HALDEMAN {+Just+} {+so+} {+they+} {+have+} the fact that one of --')
  })

  test('A–C: “plus two White House aides.” faces C’s “Plus two White House fellows”, C’s labels its own', () => {
    const row = rowWith(ac, 'White House aides')
    expect(row.left.map(shown)).toContain('t-start-41: {-DEAN-} plus two White House {-aides.-}')
    expect(row.right.map(shown)).toContain('t-start-9: {+John Dean+} Plus two White House {+fellows+}')
  })

  test('A–C and B–C: the White House’s excerpt (21 turns) aligns with the opening; the rest of the meeting is one-sided', () => {
    for (const comparison of [ac, bc]) {
      const last = comparison.rows.findLastIndex((row) => row.right.length > 0)
      expect(comparison.rows.slice(last + 1).every((row) => row.right.length === 0 && row.left.length > 0)).toBe(true)
      // C's last turn ends with "after that night. T" (cut off in C); it faces the turn of A or B that says the Bureau checked.
      const end = comparison.rows[last]!
      expect(end.right.map(shown).at(-1)).toMatch(/^t-start-21: \{\+John Dean\+\} Absolutely not,/)
      expect(end.left.map((p) => p.tokens.map((t) => t.text).join(' ')).join(' ')).toMatch(/Absolutely not\./)
    }
    // Every word and mark of C is in common or C's alone (counted on C's side: A's glued `weexpect.` is C's `we expect.`).
    const onRight = ac.rows.flatMap((row) => row.right.flatMap((p) => p.tokens)).filter((t) => t.kind !== 'label')
    expect(onRight.filter((t) => t.status === 'right')).toHaveLength(ac.counts.right)
    expect(onRight).toHaveLength(conversationPassages(C).flatMap((p) => p.tokens.filter((t) => t.kind !== 'label')).length)
  })

  test('B–C: Dean’s first words differ whole: “Quite a three months.” faces “We tried.”', () => {
    const row = rowWith(bc, 'three months')
    expect(row.left.map(shown)).toEqual(['t-start-3: {-DEAN-} {-Quite-} {-a-} {-three-} {-months.-}'])
    expect(row.right.map(shown)).toEqual(['t-start-2: {+John Dean+} {+We+} {+tried.+}'])
  })
})

describe('anchors', () => {
  const transcript = (name: string, turns: string) =>
    loadTranscript(`00001\n\n1970/01/01\n\nA made-up meeting\n\n${turns}`, `${name}.txt`).tree

  test('turns that open with the same printed time face each other even when they share no word', () => {
    const left = transcript('left', 'Ann: [00:00] One two three.\n\nBob: [00:10] Alpha beta.\n\nAnn: Four five.')
    const right = transcript('right', 'Ann: [00:00] One two three.\n\nCal: [00:10] Gamma delta.\n\nAnn: Four five.')
    expect(rows(compareTranscripts(left, right))).toEqual([
      { anchor: '00:00', left: ['t-00-00: Ann One two three.'], right: ['t-00-00: Ann One two three.'] },
      { anchor: '00:10', left: ['t-00-10: {-Bob-} {-Alpha-} {-beta.-}'], right: ['t-00-10: {+Cal+} {+Gamma+} {+delta.+}'] },
      { left: ['t-00-10-1: Ann Four five.'], right: ['t-00-10-1: Ann Four five.'] },
    ])
  })
})

describe('the alignment’s limits', () => {
  test('a short equal run between larger changes is let go (it is no passage in common)', () => {
    const a = ['x1', 'x2', 'x3', 'the', 'x4', 'x5', 'x6']
    const b = ['y1', 'y2', 'y3', 'the', 'y4', 'y5', 'y6']
    expect(alignKeys(a, b).some((run) => run.kind === 'same')).toBe(true)
    expect(cleanupRuns(alignKeys(a, b)).map((run) => run.kind)).toEqual(['removed', 'added'])
  })

  test('past the edit limit the lists are cut at words each holds once, and still cover both', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `w${i}`)
    const b = [...a].reverse()
    const started = performance.now()
    const runs = alignKeys(a, b, { maxEdits: 200 })
    expect(performance.now() - started).toBeLessThan(5000)
    expect(runs.reduce((n, run) => n + run.aEnd - run.a, 0)).toBe(a.length)
    expect(runs.reduce((n, run) => n + run.bEnd - run.b, 0)).toBe(b.length)
  })
})
