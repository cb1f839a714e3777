/**
 * "Did you mean": when words find nothing, the names of the collection's speakers that are close to them
 * (`Kenedy` → `Kennedy`), from the speakers' table the build writes (`search/speakers.json`, fetched only
 * then). A name's word is offered only when some transcript prints it (it has a word head), so the
 * search offered always finds something. No DOM here, so it is easy to test.
 */
import { pagefindTerm, SPEAKERS_PATH, type SpeakerKeys } from '../../contract/search.ts'
import { answersTerm, type ParsedQuery } from '../../contract/query.ts'
import { wordHead } from './heads.ts'
import type { SearchData } from './records.ts'

/** Edits (a letter added, dropped, changed, or two swapped) between two words, up to `limit` + 1. */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let before: number[] = []
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) next[j] = Math.min(next[j]!, before[j - 2]! + 1)
    }
    before = row
    row = next
  }
  return row[b.length]!
}

/** How far a typed word may be from a name: one edit for a short word, two from seven letters on. */
const allowed = (word: string) => (word.length < 4 ? 0 : word.length < 7 ? 1 : 2)

/**
 * For each free word that `found` says found nothing, the closest word of a speaker's name (as the name
 * prints it, `Kennedy`), among those `printed` says a transcript prints; none when no word has one.
 */
export function closeNames(terms: string[], names: string[], printed: (word: string) => boolean): Map<string, string> {
  const nameWords = new Map<string, string>()
  for (const name of names)
    for (const part of name.match(/[\p{L}\p{M}'’]+/gu) ?? []) {
      const key = pagefindTerm(part)
      // A name in capitals (`H.R. HALDEMAN`, as a transcript's labels print it) is offered as a word is written.
      const shown = part === part.toLocaleUpperCase() ? part[0] + part.slice(1).toLocaleLowerCase() : part
      if (key.length >= 3 && (!nameWords.has(key) || part !== part.toLocaleUpperCase())) nameWords.set(key, shown)
    }
  const found = new Map<string, string>()
  for (const term of terms) {
    const typed = pagefindTerm(term)
    const limit = allowed(typed)
    if (limit === 0 || [...nameWords.keys()].some((key) => answersTerm(key, typed))) continue
    let best: { distance: number; word: string } | undefined
    for (const [key, word] of nameWords) {
      const distance = editDistance(typed, key, limit)
      if (distance <= limit && (!best || distance < best.distance) && printed(key)) best = { distance, word }
    }
    if (best) found.set(term, best.word)
  }
  return found
}

/** The query typed, its words close to a speaker's name replaced by the name; `undefined` when none is close. */
export async function didYouMean(data: SearchData, query: ParsedQuery, q: string): Promise<string | undefined> {
  if (query.terms.length === 0) return undefined
  const table = await data.json<SpeakerKeys>(SPEAKERS_PATH)
  if (!table) return undefined
  const names = [...new Set(Object.values(table).flat())]
  // Which name words a transcript prints: the ones with a word head (every printed word has one).
  const candidates = new Set<string>()
  closeNames(query.terms, names, (word) => {
    candidates.add(word)
    return false
  })
  const heads = new Set<string>()
  await Promise.all(
    [...candidates].map(async (word) => {
      if (await wordHead(data, word).catch(() => undefined)) heads.add(word)
    }),
  )
  const close = closeNames(query.terms, names, (word) => heads.has(word))
  if (close.size === 0) return undefined
  let suggested = q
  for (const [term, name] of close)
    suggested = suggested.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`, 'iu'), name)
  return suggested === q ? undefined : suggested
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
