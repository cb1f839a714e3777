/**
 * The first results of a search from the word heads (contract.ts, `WordHead`): one small file per word,
 * whatever the collection's size, instead of the word's whole table. Used for a single free word (its
 * head is its first transcripts, ranked as the word tables rank them) and for quoted phrases (the head of
 * the phrase's rarest pair of words, build/pairs.ts: the sections holding it are checked on their text).
 * The rest of the results and the counts come from the whole search (engine.ts, `SearchSession`), which
 * skips what a head gave.
 */
import {
  bucketOf,
  decodePositions,
  headBucketPath,
  MANIFEST_PATH,
  pagefindTerm,
  type HeadBucket,
  type Manifest,
  type WordHead,
} from '../contract.ts'
import type { ParsedQuery } from '../query.ts'
import type { Candidate, SearchData } from './records.ts'

/**
 * A word's or pair's head; `undefined` when the index does not know the word or pair. Throws when there are
 * no heads to read (an index built before them, a file that could not be fetched).
 */
export async function wordHead(data: SearchData, term: string): Promise<WordHead | undefined> {
  const manifest = await data.json<Manifest>(MANIFEST_PATH)
  if (!manifest?.heads) throw new Error('the index has no word heads')
  const bucket = await data.json<HeadBucket>(headBucketPath(bucketOf(term, manifest.heads)))
  if (!bucket) throw new Error('a bucket of word heads could not be loaded')
  return Object.hasOwn(bucket, term) ? bucket[term] : undefined
}

/**
 * The transcripts to read first for a query of one free word or of phrases alone, best first, each with
 * its sections holding the (rarest) word; `complete` when they are all the transcripts holding it.
 * `undefined`: the heads cannot say (another kind of query, a word they do not know).
 */
export async function headCandidates(
  data: SearchData,
  query: ParsedQuery,
): Promise<{ candidates: Candidate[]; complete: boolean } | undefined> {
  const single = query.terms.length === 1 && query.phrases.length === 0
  const phrasesOnly = query.terms.length === 0 && query.phrases.length > 0
  if (!single && !phrasesOnly) return undefined
  // A phrase by its pairs of words (a one-word phrase by its word), a free word by itself.
  const pairs = new Set(phrasesOnly ? query.phrases.flatMap((p) => p.slice(1).map((word, i) => `${p[i]} ${word}`)) : [])
  const terms = [...new Set((single ? query.terms : query.phrases.filter((p) => p.length === 1).flat()).map(pagefindTerm))]
  const keys = [...pairs, ...terms.filter((t) => t !== '')]
  if (keys.length === 0) return undefined
  const heads = await Promise.all(keys.map((key) => wordHead(data, key)))
  // A pair found nowhere: no passage holds the phrase.
  if (heads.some((head, i) => head === undefined && pairs.has(keys[i]!))) return { candidates: [], complete: true }
  if (heads.some((head) => head === undefined)) return undefined
  const all = heads as WordHead[]
  const rarest = all.reduce((best, head) => (head[0] < best[0] ? head : best))
  const [, transcripts, rows] = rarest
  const others = all.filter((head) => head !== rarest).map(headRows)
  const likely: Candidate[] = []
  const possible: Candidate[] = []
  for (const [name, encoded] of rows) {
    const found = alsoIn(decodePositions(encoded), name, others)
    if (!found) continue
    const candidate = {
      id: name,
      score: found.sections.length,
      words: [],
      sections: found.sections,
      data: () => data.passages(name),
    }
    ;(found.inAll ? likely : possible).push(candidate)
  }
  return { complete: rows.length >= transcripts, candidates: [...likely, ...possible] }
}

interface HeadRows {
  /** The head lists every transcript holding its key. */
  complete: boolean
  rows: Map<string, string>
}

function headRows([, transcripts, rows]: WordHead): HeadRows {
  return { complete: rows.length >= transcripts, rows: new Map(rows) }
}

/**
 * A passage holding a phrase holds each of its pairs of words: a transcript of the rarest pair's head is
 * read with only its sections that the other heads list too, first when every other head lists it
 * (`inAll`), and not at all when a head that lists every transcript holding its pair leaves it out or no
 * section is left (`undefined`). A head that is not complete says nothing of the transcripts it leaves out.
 */
function alsoIn(sections: number[], name: string, others: HeadRows[]): { sections: number[]; inAll: boolean } | undefined {
  let kept = sections
  let inAll = true
  for (const other of others) {
    const listed = other.rows.get(name)
    if (listed === undefined) {
      if (other.complete) return undefined
      inAll = false
      continue
    }
    const held = new Set(decodePositions(listed))
    kept = kept.filter((n) => held.has(n))
    if (kept.length === 0) return undefined
  }
  return { sections: kept, inAll }
}
