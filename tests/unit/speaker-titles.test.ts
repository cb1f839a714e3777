/**
 * A title-only name on the speakers index (issue 21, item 5): a key's `P = President` names the speaker
 * `President`, an office and not a surname. One rule (`sortWord`, src/contract/speakers.ts): such a name
 * sorts and is filed by its title, and the index says it is a title; any other name by its last word.
 */
import { describe, expect, test } from 'vitest'
import { initialOf, participantLetters, participantRow } from '../../src/collection/browse.ts'
import { sortSpeakers } from '../../src/collection/speaker-index.ts'
import { isTitleOnly, sortWord } from '../../src/contract/speakers.ts'

const person = (name: string) =>
  ({ key: name.toLowerCase().replace(/\W+/g, '-'), name, kind: 'person', turns: 1, transcripts: 1, first: '', last: '' }) as const

describe('title-only names', () => {
  test('sortWord: a surname is the last word; a title-only name is its title, and no surname', () => {
    expect(sortWord('McGeorge Bundy')).toEqual({ word: 'Bundy', surname: true })
    expect(sortWord('President Kennedy')).toEqual({ word: 'Kennedy', surname: true })
    expect(sortWord('President')).toEqual({ word: 'President', surname: false })
    expect(sortWord('The President')).toEqual({ word: 'President', surname: false })
    expect(sortWord('PRESIDENT')).toEqual({ word: 'PRESIDENT', surname: false })
    expect(sortWord('Secretary of State')).toEqual({ word: 'Secretary', surname: false })
    expect(sortWord('Vice President')).toEqual({ word: 'Vice', surname: false })
    expect(sortWord('Operator')).toEqual({ word: 'Operator', surname: false })
    expect(isTitleOnly('Dean')).toBe(false)
    expect(isTitleOnly('Duke of Wellington')).toBe(false)
  })

  test('filed by the title: `Vice President` under V, `Secretary of State` under S', () => {
    expect(initialOf('Vice President')).toBe('V')
    expect(initialOf('Secretary of State')).toBe('S')
    expect(initialOf('President')).toBe('P')
  })

  test('sorted by the title among the surnames, and never shown as a surname', () => {
    const sorted = sortSpeakers(['Pym', 'Vice President', 'Pearson', 'President', 'Dean'].map(person)).map((e) => e.name)
    expect(sorted).toEqual(['Dean', 'Pearson', 'President', 'Pym', 'Vice President'])
    // Two people of one name (two presidents): by their keys, in whichever order they come.
    const jfk = { ...person('President'), key: 'jfk' }
    const lbj = { ...person('President'), key: 'lbj' }
    expect(sortSpeakers([lbj, jfk]).map((e) => e.key)).toEqual(['jfk', 'lbj'])
    expect(sortSpeakers([jfk, lbj]).map((e) => e.key)).toEqual(['jfk', 'lbj'])
    expect(participantRow(person('President')).title).toBe(true)
    expect(participantRow(person('President Kennedy')).title).toBe(false)
    const letters = participantLetters(sortSpeakers(['President', 'Pearson', 'Vice President'].map(person)))
    expect(letters.map((group) => [group.letter, group.pages[0]!.rows.map((row) => [row.name, row.title])])).toEqual([
      [
        'P',
        [
          ['Pearson', false],
          ['President', true],
        ],
      ],
      ['V', [['Vice President', true]]],
    ])
  })
})
