/**
 * The word tables (contract.ts `WordChunk`): each word's sections in every transcript, so that free words
 * are found and counted without Pagefind, within a budget of bytes fetched.
 */
import {
  chunkFor,
  codeValues,
  decodePositions,
  pagefindTerm,
  wordChunkPath,
  wordDictionaryPath,
  WORDS_PATH,
  type WordChunk,
  type WordDirectory,
} from '../../contract/search.ts'
import { stem as stemOf } from '../../contract/stem.ts'
import { groupTallies, type Tally } from './counts.ts'
import type { SearchData } from './records.ts'

/** Bytes of word tables a search may fetch; beyond (the commonest words), Pagefind's search is used. */
export const WORD_BUDGET = 600_000

/**
 * Word tables read, and each stem's sections worked out once (a word searched again costs nothing): per
 * `SearchData`, since the hub counts over several shards whose files have the same paths.
 */
let read = new WeakMap<
  SearchData,
  { wordChunks: Map<string, Promise<WordChunk | undefined>>; stemMatches: Map<string, Map<string, WordMatch>> }
>()
function cachesOf(data: SearchData) {
  let caches = read.get(data)
  if (!caches) {
    caches = { wordChunks: new Map(), stemMatches: new Map() }
    read.set(data, caches)
  }
  return caches
}

/** A transcript's sections holding every word of a query, from the word tables. */
export interface WordMatch {
  name: string
  label: string
  /** Section number (in the transcript's passages) → its speaker and kind. */
  sections: Map<number, { transcript: string; kind: string; speaker?: string }>
}

/**
 * The sections holding every word of `terms`, by transcript, from the word tables, each word taken as
 * the marks take it (contract/query.ts `answersTerm`): the word Pagefind indexed for it (from the tables'
 * dictionary, else its stem) and every indexed word starting so, and the indexed words of printed words
 * starting with it as typed. `optional` words (a phrase's) narrow the sections when their tables fit the
 * budget too, cheapest first. `undefined` when the tables cannot say within `budget` bytes (then the query is for
 * Pagefind to answer).
 */
export async function wordMatches(
  data: SearchData,
  terms: string[],
  budget: number,
  optional: string[] = [],
): Promise<Map<string, WordMatch> | undefined> {
  const { wordChunks, stemMatches } = cachesOf(data)
  const directory = await data.json<WordDirectory>(WORDS_PATH)
  if (!directory || directory.chunks.length === 0) return undefined
  const { chunks } = directory
  const words = [...new Set([...terms, ...optional].map(pagefindTerm))].filter((term) => term !== '')
  const needed = new Set(terms.map(pagefindTerm))
  // Each word's stem (the dictionaries read together) and the files its rows can be in: the stem's own,
  // and those after it that start with it.
  const plans = await Promise.all(
    words.map(async (term) => {
      const home = chunkFor(chunks, term)
      const dictionary = chunks[home]![3] ? await data.json<Record<string, string>>(wordDictionaryPath(home)) : undefined
      // A word no transcript prints (`Kennedys`) is stemmed here as Pagefind stems every word it indexes.
      const stem = dictionary?.[term] ?? stemOf(term)
      // Printed words that start with the word as typed, under another stem (`abili`: `ability`, `abil`).
      const printed = [
        ...new Set(
          Object.entries(dictionary ?? {}).flatMap(([word, indexed]) =>
            word.startsWith(term) && !indexed.startsWith(stem) ? [indexed] : [],
          ),
        ),
      ]
      const wanted = [chunkFor(chunks, stem)]
      while (wanted.at(-1)! + 1 < chunks.length && chunks[wanted.at(-1)! + 1]![0].startsWith(stem))
        wanted.push(wanted.at(-1)! + 1)
      for (const word of printed) if (!wanted.includes(chunkFor(chunks, word))) wanted.push(chunkFor(chunks, word))
      const bytes = wanted.filter((n) => !wordChunks.has(wordChunkPath(n))).reduce((sum, n) => sum + chunks[n]![2], 0)
      return { term, stem, printed, wanted, bytes, needed: needed.has(term) }
    }),
  )
  // Every needed word; then the optional ones (a phrase's words), cheapest first, while the budget lasts.
  const chosen = plans.filter((plan) => plan.needed)
  let spent = chosen.reduce((sum, plan) => sum + plan.bytes, 0)
  if (spent > budget) return undefined
  for (const plan of plans.filter((p) => !p.needed).sort((x, y) => x.bytes - y.bytes)) {
    if (chosen.length > 0 && spent + plan.bytes > budget) break
    chosen.push(plan)
    spent += plan.bytes
  }
  if (chosen.length === 0 || spent > budget) return undefined
  let found: Map<string, WordMatch> | undefined
  for (const { stem, printed, wanted } of chosen) {
    const key = `${stem}\u0000${printed.join(' ')}\u0000${wanted.join(',')}`
    let here = stemMatches.get(key)
    if (!here) {
      const tables = await Promise.all(
        wanted.map((n) => {
          const path = wordChunkPath(n)
          let known = wordChunks.get(path)
          if (!known) {
            known = data.json<WordChunk>(path)
            wordChunks.set(path, known)
          }
          return known
        }),
      )
      if (tables.some((table) => !table)) return undefined
      // Every indexed word starting with the stem, as Pagefind takes it, and the stems of printed words
      // starting with the word as typed; never Pagefind's last resort, the longest indexed word the stem
      // starts with (`x` for `xyzzyq`: a key of speakers' letters answered every such query).
      const matched = tables.flatMap((table) =>
        Object.keys(table!.words)
          .filter((word) => word.startsWith(stem) || printed.includes(word))
          .map((word) => ({ table: table!, word })),
      )
      here = new Map<string, WordMatch>()
      for (const { table, word } of matched) {
        for (const [t, sections, codes] of table.words[word]!) {
          const [name, labelIndex] = table.transcripts[t]!
          const label = table.values.transcript[labelIndex] ?? ''
          let match = here.get(name)
          if (!match) {
            match = { name, label, sections: new Map() }
            here.set(name, match)
          }
          const list = codes.split('.')
          decodePositions(sections).forEach((section, i) => {
            match!.sections.set(section, codeValues(list[i]!, label, table.values.speaker))
          })
        }
      }
      stemMatches.set(key, here)
    }
    if (!found) found = here
    else {
      const both = new Map<string, WordMatch>()
      for (const [name, match] of found) {
        const other = here.get(name)
        if (!other) continue
        const sections = new Map([...match.sections].filter(([section]) => other.sections.has(section)))
        if (sections.size > 0) both.set(name, { ...match, sections })
      }
      found = both
    }
  }
  return found
}

/** A query's matches as tallies for the counts. */
export function matchTallies(matches: Iterable<WordMatch>): Tally[] {
  return [...matches].flatMap((match) => groupTallies(match.label, [...match.sections.values()]))
}

/** The sections holding every word of `terms`, as tallies (`wordMatches`). */
export async function wordTallies(data: SearchData, terms: string[], budget: number): Promise<Tally[] | undefined> {
  const matches = await wordMatches(data, terms, budget)
  return matches && matchTallies(matches.values())
}

/** Forget loaded word tables (a test with other data). */
export function forgetWords(): void {
  read = new WeakMap()
}
