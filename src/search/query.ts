/**
 * The search's state and query language, shared by the search page and the highlighter on transcript
 * pages. No DOM here, so it is easy to test. A query is free words plus phrases in double quotes; a
 * phrase matches when its words stand in that order in a passage's text, whatever the punctuation
 * between them (`"back perhaps"` matches `back, perhaps`), and never inside a longer word.
 */

import { FACETS } from './contract.ts'

export { FACETS, UNIDENTIFIED, type Facet } from './contract.ts'

export interface SearchState {
  q: string
  speaker: string[]
  transcript: string[]
  kind: string[]
}

/** `/search/?q=…&speaker=…&speaker=…` → state. */
export function stateFromParams(params: URLSearchParams): SearchState {
  return {
    q: params.get('q') ?? '',
    speaker: params.getAll('speaker'),
    transcript: params.getAll('transcript'),
    kind: params.getAll('kind'),
  }
}

/** State → `?q=…&speaker=…`, in a fixed order so that equal states give equal URLs. */
export function paramsFromState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams()
  if (state.q.trim() !== '') params.set('q', state.q)
  for (const facet of FACETS) for (const value of state[facet]) params.append(facet, value)
  return params
}

/** Words as the phrase check sees them: letters and digits, lower case, accents folded, curly apostrophes straight. */
export function words(text: string): string[] {
  const folded = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase()
  return folded.match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? []
}

export interface ParsedQuery {
  /** Each quoted phrase, as its words. */
  phrases: string[][]
  /** Every word outside quotes. */
  terms: string[]
}

/** Splits a query into quoted phrases and free words; an unclosed quote runs to the end. */
export function parseQuery(query: string): ParsedQuery {
  const phrases: string[][] = []
  const free: string[] = []
  const parts = query.replace(/[“”]/g, '"').split('"')
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      const phrase = words(part)
      if (phrase.length > 0) phrases.push(phrase)
    } else free.push(part)
  })
  return { phrases, terms: words(free.join(' ')) }
}

/** Whether `phrase` occurs as consecutive whole words in `text`. */
export function containsPhrase(text: string | string[], phrase: string[]): boolean {
  const list = typeof text === 'string' ? words(text) : text
  if (phrase.length === 0) return true
  outer: for (let i = 0; i + phrase.length <= list.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (list[i + j] !== phrase[j]) continue outer
    return true
  }
  return false
}

/** Whether a passage's text satisfies every quoted phrase of the query. */
export function matchesPhrases(text: string, query: ParsedQuery): boolean {
  if (query.phrases.length === 0) return true
  const list = words(text)
  return query.phrases.every((phrase) => containsPhrase(list, phrase))
}

const escapePattern = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** A folded word as the page prints it: an apostrophe may be straight or curly. */
const printed = (word: string) => escapePattern(word).replace(/'/g, "['’‘]")

/**
 * One regular expression finding what to highlight: each phrase as its words with anything but letters
 * and digits between them, each free word as the start of a word (Pagefind matches `quarantine` in
 * `quarantined` too).
 */
export function highlightPattern(query: ParsedQuery): RegExp | undefined {
  const L = '\\p{L}\\p{N}'
  const alternatives = [
    ...query.phrases.map((phrase) => `(?<![${L}])${phrase.map(printed).join(`[^${L}]+`)}(?![${L}])`),
    ...query.terms.map((term) => `(?<![${L}])${printed(term)}[${L}]*`),
  ]
  if (alternatives.length === 0) return undefined
  // Longest first, so a phrase wins over one of its own words.
  alternatives.sort((a, b) => b.length - a.length)
  return new RegExp(alternatives.join('|'), 'giu')
}
