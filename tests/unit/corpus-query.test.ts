/** The search's query language and URL state (src/browser/reader/search-query.ts). */
import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import {
  containsPhrase,
  highlightRanges,
  matchesPhrases,
  paramsFromState,
  parseQuery,
  placedWords,
  stateFromParams,
  words,
  type ParsedQuery,
} from '../../src/browser/reader/search-query.ts'

/** The pieces of `text` the highlighter marks. */
const marks = (text: string, query: ParsedQuery) => highlightRanges(text, query).map(([start, end]) => text.slice(start, end))

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
    const query = parseQuery('"castro with the" quarantine')
    expect(marks('Castro, with the quarantined Cubans', query)).toEqual(['Castro, with the', 'quarantined'])
    expect(highlightRanges('Castro, with the quarantined Cubans', parseQuery('  '))).toEqual([])
  })

  test('state round-trips through the URL', () => {
    const state = { q: '"go back"', speaker: ['George Ball', 'Dean Rusk'], transcript: ['1962-11-14 · Title'], kind: [] }
    const params = paramsFromState(state)
    expect(params.toString()).toBe('q=%22go+back%22&speaker=George+Ball&speaker=Dean+Rusk&transcript=1962-11-14+%C2%B7+Title')
    expect(stateFromParams(new URLSearchParams(params.toString()))).toEqual(state)
  })

  test('highlighting finds a word whatever its apostrophe: typed straight, printed curly, and back', () => {
    const text = "Khrushchev’s letter, and Khrushchev's answer"
    expect(marks(text, parseQuery("Khrushchev's"))).toEqual(['Khrushchev’s', "Khrushchev's"])
    expect(marks(text, parseQuery('"Khrushchev’s letter"'))).toEqual(['Khrushchev’s letter'])
  })

  test('the highlighter marks what the phrase check finds: accents folded, the longer phrase first', () => {
    expect(marks('Le café, déjà vu', parseQuery('"cafe deja"'))).toEqual(['café, déjà'])
    expect(marks('We go back to it', parseQuery('"go back" "go back to"'))).toEqual(['go back to'])
    expect(marks('They went back, and back again', parseQuery('"went back" back'))).toEqual(['went back', 'back'])
    expect(marks('Cubans in Cuba', parseQuery('cuba'))).toEqual(['Cubans', 'Cuba'])
    expect(marks('the Cubans', parseQuery('"cuban"'))).toEqual([])
  })

  test('placed words are the words of the phrase check, in every transcript of the repository', () => {
    const root = new URL('../../', import.meta.url)
    const files = ['content/transcripts', 'tests/fixtures'].flatMap((folder) =>
      readdirSync(new URL(folder, root), { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.txt'))
        .map((name) => new URL(`${folder}/${name}`, root)),
    )
    expect(files.length).toBeGreaterThan(50)
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      const placed = placedWords(text)
      expect(placed.map((p) => p.word)).toEqual(words(text))
      for (const p of placed.slice(0, 500)) expect(words(text.slice(p.start, p.end))).toEqual([p.word])
    }
  })
})
