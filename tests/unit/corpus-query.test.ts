/** The search's query language and URL state (src/scripts/search-query.ts). */
import { describe, expect, test } from 'vitest'
import {
  containsPhrase,
  highlightPattern,
  matchesPhrases,
  paramsFromState,
  parseQuery,
  stateFromParams,
} from '../../src/scripts/search-query.ts'

describe('search query', () => {
  test('quoted phrases and free words', () => {
    expect(parseQuery('quarantine "ought go back" Castro')).toEqual({
      phrases: [['ought', 'go', 'back']],
      terms: ['quarantine', 'castro'],
    })
    expect(parseQuery('“Castro, with the”')).toEqual({ phrases: [['castro', 'with', 'the']], terms: [] })
    expect(parseQuery('"unclosed phrase')).toEqual({ phrases: [['unclosed', 'phrase']], terms: [] })
  })

  test('a phrase matches whole words in order, whatever the punctuation between them', () => {
    const text = '[Unclear] Castro, with the Cubans.'
    expect(containsPhrase(text, ['castro', 'with', 'the'])).toBe(true)
    expect(containsPhrase(text, ['with', 'castro'])).toBe(false)
    expect(containsPhrase('the Cubans', ['cuban'])).toBe(false)
    expect(containsPhrase('We\u2019ve got to', ["we've", 'got'])).toBe(true)
    expect(matchesPhrases('anything', parseQuery('no quotes here'))).toBe(true)
    expect(matchesPhrases('go back to', parseQuery('"go back" "back to"'))).toBe(true)
    expect(matchesPhrases('go back to', parseQuery('"go back" "to back"'))).toBe(false)
  })

  test('the highlight pattern marks the phrase across punctuation and words by their start', () => {
    const pattern = highlightPattern(parseQuery('"castro with the" quarantine'))!
    expect('Castro, with the quarantined Cubans'.match(pattern)).toEqual(['Castro, with the', 'quarantined'])
    expect(highlightPattern(parseQuery('  '))).toBeUndefined()
  })

  test('state round-trips through the URL', () => {
    const state = { q: '"go back"', speaker: ['George Ball', 'Dean Rusk'], transcript: ['1962-11-14 · Title'], kind: [] }
    const params = paramsFromState(state)
    expect(params.toString()).toBe('q=%22go+back%22&speaker=George+Ball&speaker=Dean+Rusk&transcript=1962-11-14+%C2%B7+Title')
    expect(stateFromParams(new URLSearchParams(params.toString()))).toEqual(state)
  })

  test('highlighting finds a word whatever its apostrophe: typed straight, printed curly, and back', () => {
    const text = "Khrushchev’s letter, and Khrushchev's answer"
    expect(text.match(highlightPattern(parseQuery("Khrushchev's"))!)).toEqual(['Khrushchev’s', "Khrushchev's"])
    expect(text.match(highlightPattern(parseQuery('"Khrushchev’s letter"'))!)).toEqual(['Khrushchev’s letter'])
  })
})
