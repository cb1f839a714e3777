/**
 * The aligner's words set onto the transcript's (src/core/alignment/map.ts) where the two differ: what
 * aligners do to words (fold case and punctuation, write numbers as said, split and join words, skip what
 * they could not hear, hear what the transcript lacks), and how a number may be said (numbers.ts).
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { mapWords } from '../../src/core/alignment/map.ts'
import { numberForms } from '../../src/core/alignment/numbers.ts'
import type { AlignerWord } from '../../src/core/alignment/read.ts'

/** Aligner words one second apart from 10 s, each lasting half a second (`word@` for a word without times). */
function heard(...words: string[]): AlignerWord[] {
  return words.map((word, index) =>
    word.endsWith('@') ? { word: word.slice(0, -1) } : { word, start: 10 + index, end: 10.5 + index },
  )
}
const starts = (transcript: string[], aligner: AlignerWord[]) =>
  mapWords(transcript, aligner).times.map((time) => (time ? [time.start, time.end] : null))

describe('mapWords', () => {
  test('case and punctuation are no difference', () => {
    expect(starts(['Good', 'morning.', "I'll"], heard('good', 'Morning', 'ill'))).toEqual([
      [10, 10.5],
      [11, 11.5],
      [12, 12.5],
    ])
  })

  test('a word the aligner split is timed from its first part to its last', () => {
    expect(starts(['the', 'checkpoint', 'is'], heard('the', 'check', 'point', 'is'))).toEqual([
      [10, 10.5],
      [11, 12.5],
      [13, 13.5],
    ])
  })

  test('words the aligner joined share its time: it gives no time between them', () => {
    expect(starts(['we', 'can', 'not', 'go'], heard('we', 'cannot', 'go'))).toEqual([
      [10, 10.5],
      [11, 11.5],
      [11, 11.5],
      [12, 12.5],
    ])
  })

  test('numbers as said: 15 = fifteen, 1962 = nineteen sixty-two, 1,000 = one thousand, 15th = fifteenth', () => {
    expect(starts(['Route', '15', 'in', '1962'], heard('route', 'fifteen', 'in', 'nineteen', 'sixty-two'))).toEqual([
      [10, 10.5],
      [11, 11.5],
      [12, 12.5],
      [13, 14.5],
    ])
    expect(starts(['1,000', 'men', 'on', 'the', '15th'], heard('one', 'thousand', 'men', 'on', 'the', 'fifteenth'))).toEqual([
      [10, 11.5],
      [12, 12.5],
      [13, 13.5],
      [14, 14.5],
      [15, 15.5],
    ])
  })

  test('a word skipped, or heard but not placed, has no time; words the transcript lacks are left out', () => {
    expect(starts(['so', 'we', 'went', 'home'], heard('so', 'uh', 'you', 'know', 'went@', 'home'))).toEqual([
      [10, 10.5],
      null,
      null,
      [15, 15.5],
    ])
  })

  test('a common word inside a long passage the transcript lacks is not taken for the transcript’s', () => {
    const extra = 'and then the minister said that the meeting would wait'.split(' ')
    const times = starts(['I', 'saw', 'the', 'report'], heard('i', 'saw', ...extra, 'the', 'report'))
    expect(times).toEqual([
      [10, 10.5],
      [11, 11.5],
      [12 + extra.length, 12.5 + extra.length],
      [13 + extra.length, 13.5 + extra.length],
    ])
  })
})

describe('mapWords on any transcript an aligner heard in part', () => {
  test('each word said gets its own time, each word skipped none, whatever the aligner added', () => {
    // Words each said once (so that which one was heard is never in doubt), some skipped, some in a capital
    // or with a comma, and runs of words the transcript lacks (from another vocabulary) anywhere.
    const said = fc.record({
      skipped: fc.boolean(),
      capital: fc.boolean(),
      comma: fc.boolean(),
      before: fc.array(fc.constantFrom('uh', 'um', 'hm', 'er'), { maxLength: 3 }),
    })
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z]{2,7}$/), { minLength: 1, maxLength: 40 }),
        fc.array(said, { minLength: 40, maxLength: 40 }),
        (words, how) => {
          const transcript = words.filter((word) => !['uh', 'um', 'hm', 'er'].includes(word))
          const aligner: AlignerWord[] = []
          const expected: Array<number | null> = []
          for (const [index, word] of transcript.entries()) {
            const { skipped, capital, comma, before } = how[index]!
            for (const extra of before) aligner.push({ word: extra, start: aligner.length, end: aligner.length + 0.5 })
            if (skipped) {
              expected.push(null)
              continue
            }
            expected.push(aligner.length)
            const heardAs = `${capital ? word[0]!.toUpperCase() + word.slice(1) : word}${comma ? ',' : ''}`
            aligner.push({ word: heardAs, start: aligner.length, end: aligner.length + 0.5 })
          }
          const times = mapWords(transcript, aligner).times.map((time) => (time ? time.start : null))
          expect(times).toEqual(expected)
        },
      ),
      { numRuns: 1000 },
    )
  })
})

describe('numberForms', () => {
  test.each([
    ['15', ['fifteen', '15']],
    ['1962', ['nineteensixtytwo', 'onethousandninehundredsixtytwo', '1962']],
    ['1900', ['nineteenhundred', 'onethousandninehundred', '1900']],
    ['1905', ['nineteenohfive', 'onethousandninehundredfive', '1905']],
    ['2,500', ['twothousandfivehundred', '2500']],
    ['3.5', ['threepointfive', '35']],
    ['21st', ['twentyfirst', '21st']],
    ['1960s', ['nineteensixties', 'onethousandninehundredsixties', '1960s']],
    ['07', ['ohseven', 'seven', '07']],
  ])('%s', (word, forms) => expect(numberForms(word)).toEqual(forms))

  test('a word that is no number has none', () => {
    expect(numberForms('IL-28s')).toBeUndefined()
    expect(numberForms('fifteen')).toBeUndefined()
  })
})
