/**
 * The search's state and query language, shared by the search page and the highlighter on transcript
 * pages. No DOM here, so it is easy to test. A query is free words plus phrases in double quotes; a
 * phrase matches when its words stand in that order in a passage's text, whatever the punctuation
 * between them (`"back perhaps"` matches `back, perhaps`), and never inside a longer word.
 */

import { FACETS, pagefindTerm } from './search.ts'
import { stem } from './stem.ts'
import { inDateRange, isoDay, labelDay } from './dates.ts'

export { FACETS, type Facet } from './search.ts'

export interface SearchState {
  q: string
  speaker: string[]
  transcript: string[]
  kind: string[]
  /** The first and the last day of the transcripts searched (`1962-10-01`), either or both. */
  from?: string
  to?: string
}

/** `/search/?q=…&from=…&to=…&speaker=…&speaker=…` → state (the form's own GET parameters). */
export function stateFromParams(params: URLSearchParams): SearchState {
  return {
    q: params.get('q') ?? '',
    speaker: params.getAll('speaker'),
    transcript: params.getAll('transcript'),
    kind: params.getAll('kind'),
    from: isoDay(params.get('from')),
    to: isoDay(params.get('to')),
  }
}

/** State → `?q=…&speaker=…`, in a fixed order so that equal states give equal URLs. */
export function paramsFromState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams()
  if (state.q.trim() !== '') params.set('q', state.q)
  if (state.from) params.set('from', state.from)
  if (state.to) params.set('to', state.to)
  for (const facet of FACETS) for (const value of state[facet]) params.append(facet, value)
  return params
}

/** Whether a state limits the search to a range of dates. */
export const dated = (state: SearchState): boolean => Boolean(state.from || state.to)

/** Whether a transcript facet's value (`1962-11-14 · Title`) lies in the state's range of dates. */
export const inStateDates = (label: string | undefined, state: SearchState): boolean =>
  inDateRange(labelDay(label), state.from, state.to)

/** A text as the phrase check compares it: accents folded, curly apostrophes straight, lower case. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase()
}

/** Words as the phrase check sees them: letters and digits, lower case, accents folded, curly apostrophes straight. */
export function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? []
}

/**
 * The same words (`words`), each with where it stands in `text` (`start` to `end`, in code units), for
 * marking them: the word found in the original text (accents and either apostrophe included), then
 * folded alone.
 */
export function placedWords(text: string): Array<{ word: string; start: number; end: number }> {
  const placed = []
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+(?:['’‘][\p{L}\p{N}\p{M}]+)*/gu)) {
    const word = /^[a-z0-9']*$/i.test(match[0]) ? match[0].toLowerCase() : fold(match[0])
    if (word !== '') placed.push({ word, start: match.index, end: match.index + match[0].length })
  }
  return placed
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

/** Stems worked out once each: the marks of a page of results stem the same words again and again. */
const stems = new Map<string, string>()
/** A word as the search's index takes it (`searchStem('Kennedys')` is `kennedi`, as is `Kennedy`'s). */
export function searchStem(word: string): string {
  let known = stems.get(word)
  if (known === undefined) {
    known = stem(pagefindTerm(word))
    if (stems.size > 50_000) stems.clear()
    stems.set(word, known)
  }
  return known
}

/**
 * Whether a printed word answers a free word of the query, the one rule for marks and results: it starts
 * with the word as typed (`quarant` finds `quarantined`), or its stem starts with the typed word's stem
 * (`Kennedys` finds `Kennedy`: both are `kennedi` in the index). Pagefind's own last resort, a word that the
 * typed word starts with (`x` for `xyzzyq`), is no match: a result must show what was asked for.
 */
export function answersTerm(word: string, term: string): boolean {
  return word.startsWith(term) || searchStem(word).startsWith(searchStem(term))
}

/**
 * Whether a passage's text answers the whole query: a word for every free word (`answersTerm`) and every
 * quoted phrase. What the search shows is what this passes, so every result has something marked.
 */
export function matchesQuery(text: string, query: ParsedQuery): boolean {
  if (query.terms.length === 0) return matchesPhrases(text, query)
  const placed = placedWords(text)
  const answered = (term: string) =>
    placed.some((word) => answersTerm(word.word, term) || innerWords(text, word).some((part) => answersTerm(part.word, term)))
  return query.terms.every(answered) && matchesPhrases(text, query)
}

/**
 * Whether a word as Pagefind splits text (at white space: `thePresident,`) holds a word answering one of
 * `terms` (`answersTerm`), a part run together included: what a position Pagefind matched must show.
 */
export function printedAnswers(printed: string, terms: string[]): boolean {
  const answers = (word: string) => terms.some((term) => answersTerm(word, term))
  return placedWords(printed).some((word) => answers(word.word) || innerWords(printed, word).some((part) => answers(part.word)))
}

type Placed = { word: string; start: number; end: number }
/**
 * The words Pagefind also indexes inside a word run together from two (`thePresident`, as text taken from
 * a PDF prints it): its parts at each change from a small letter to a capital. None for a plain word.
 */
function innerWords(text: string, { start, end }: Placed): Placed[] {
  const printed = text.slice(start, end)
  if (!/\p{Ll}\p{Lu}/u.test(printed)) return []
  const parts: Placed[] = []
  let at = 0
  for (const cut of [...printed.matchAll(/(?<=\p{Ll})(?=\p{Lu})/gu)].map((m) => m.index).concat(printed.length)) {
    parts.push({ word: fold(printed.slice(at, cut)), start: start + at, end: start + cut })
    at = cut
  }
  return parts
}

/**
 * Where to mark a query in `text`, left to right, as `[start, end]` ranges: each phrase where its words
 * stand in a row (what lies between them included), as the phrase check finds it (`containsPhrase`), and
 * each word that answers a free word (`answersTerm`: `quarantine` marks `quarantined`, `Kennedys` marks
 * `Kennedy`). A longer
 * phrase wins over a shorter one or a word at the same place. Built on `placedWords`, not on a regular
 * expression per query: one with Unicode classes and case folding took 2–5 ms to compile, at every search.
 */
export function highlightRanges(text: string, query: ParsedQuery): Array<[number, number]> {
  if (query.phrases.length === 0 && query.terms.length === 0) return []
  const phrases = [...query.phrases].sort((a, b) => b.length - a.length)
  const terms = [...query.terms].sort((a, b) => b.length - a.length)
  const placed = placedWords(text)
  const ranges: Array<[number, number]> = []
  let i = 0
  outer: while (i < placed.length) {
    phrase: for (const phrase of phrases) {
      if (i + phrase.length > placed.length) continue
      for (let j = 0; j < phrase.length; j++) if (placed[i + j]!.word !== phrase[j]) continue phrase
      ranges.push([placed[i]!.start, placed[i + phrase.length - 1]!.end])
      i += phrase.length
      continue outer
    }
    const here = placed[i]!
    if (terms.some((term) => answersTerm(here.word, term))) ranges.push([here.start, here.end])
    else
      for (const part of innerWords(text, here))
        if (terms.some((term) => answersTerm(part.word, term))) ranges.push([part.start, part.end])
    i++
  }
  return ranges
}
