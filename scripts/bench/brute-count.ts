/**
 * A brute-force count for `npm run bench:search`: every passage of every transcript's JSON (as the search
 * build cuts them, src/build/search/records.ts), its words as docs/search.md says a phrase reads them
 * (letters and digits with inner apostrophes, lower case, accents folded), a query's passages counted by
 * reading them all. Written apart from the page's engine, so that the bench checks the page's counts
 * against something that is not the page's own code; the tests' brute-force counts use it too
 * (tests/unit/exact-count.test.ts, tests/e2e/shards.test.ts).
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { transcriptRecord } from '../../src/build/search/records.ts'
import { stem } from '../../src/contract/stem.ts'
import { loadTranscript } from '../../src/core/load.ts'

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase()
const split = (folded: string) => folded.match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? []

/** A text's words as a phrase reads them: letters and digits with inner apostrophes, lower case, accents folded. */
export const wordsOf = (text: string): string[] => split(fold(text))

/** Every passage's folded text, read once. */
export async function readPassages(dir: string): Promise<string[]> {
  const texts: string[] = []
  for (const file of (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort()) {
    const json = loadTranscript(await readFile(join(dir, file)), join(dir, file)).json
    for (const section of transcriptRecord(json).sections) texts.push(fold(section.paragraphs.join(' ')))
  }
  return texts
}

const stems = new Map<string, string>()
/** A word's stem, each word stemmed once (a brute force asks for the same words millions of times). */
export function stemOf(word: string): string {
  let known = stems.get(word)
  if (known === undefined) {
    known = stem(word)
    stems.set(word, known)
  }
  return known
}

/** Whether a passage's word answers a free word: it starts so, or its stem starts as the free word's stem. */
export const answers = (word: string, term: string): boolean => word.startsWith(term) || stemOf(word).startsWith(stemOf(term))

/** Whether `words` hold `phrase`'s words in a row. */
export const inRow = (words: string[], phrase: string[]): boolean =>
  words.some((_, i) => i + phrase.length <= words.length && phrase.every((word, j) => words[i + j] === word))

/** Whether a passage's words hold every phrase in a row and answer every free word. */
export const holds = (words: string[], phrases: string[][], terms: string[]): boolean =>
  phrases.every((phrase) => inRow(words, phrase)) && terms.every((term) => words.some((word) => answers(word, term)))

/** A query's quoted phrases and free words, as words (an unclosed quote runs to the end). */
export function parseQuery(q: string): { phrases: string[][]; terms: string[] } {
  const parts = q.replace(/[“”]/g, '"').split('"')
  return {
    phrases: parts.filter((_, i) => i % 2 === 1).map(wordsOf),
    terms: wordsOf(parts.filter((_, i) => i % 2 === 0).join(' ')),
  }
}

/** How many passages (folded texts, `readPassages`) answer `q`: every free word and every quoted phrase in a row. */
export function bruteCount(passages: string[], q: string): number {
  const { phrases, terms } = parseQuery(q)
  let count = 0
  for (const text of passages) {
    // A passage without a phrase's words as text cannot hold it: most are passed over unread.
    if (!phrases.every((phrase) => phrase.every((word) => text.includes(word)))) continue
    if (holds(split(text), phrases, terms)) count += 1
  }
  return count
}
