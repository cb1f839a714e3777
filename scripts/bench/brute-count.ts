/**
 * A brute-force count for `npm run bench:search`: every passage of every transcript's JSON (as the search
 * build cuts them, src/build/search/records.ts), its words as docs/search.md says a phrase reads them
 * (letters and digits with inner apostrophes, lower case, accents folded), a query's passages counted by
 * reading them all. Written apart from the page's engine, so that the bench checks the page's counts
 * against something that is not the page's own code.
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
function stemOf(word: string): string {
  let known = stems.get(word)
  if (known === undefined) {
    known = stem(word)
    stems.set(word, known)
  }
  return known
}

/** How many passages answer `q`: every free word (its start, or its stem's start) and every quoted phrase in a row. */
export function bruteCount(passages: string[], q: string): number {
  const parts = q.replace(/[“”]/g, '"').split('"')
  const phrases = parts.filter((_, i) => i % 2 === 1).map((part) => split(fold(part)))
  const terms = split(fold(parts.filter((_, i) => i % 2 === 0).join(' ')))
  let count = 0
  for (const text of passages) {
    // A passage without a phrase's words as text cannot hold it: most are passed over unread.
    if (!phrases.every((phrase) => phrase.every((word) => text.includes(word)))) continue
    const words = split(text)
    const inRow = (phrase: string[]) =>
      words.some((_, i) => i + phrase.length <= words.length && phrase.every((word, j) => words[i + j] === word))
    const answers = (term: string) => words.some((word) => word.startsWith(term) || stemOf(word).startsWith(stemOf(term)))
    if (phrases.every(inRow) && terms.every(answers)) count += 1
  }
  return count
}
