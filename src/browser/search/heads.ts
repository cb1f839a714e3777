/**
 * The first results of a search from the word heads (contract.ts, `WordHead`): one small file per word,
 * whatever the collection's size, instead of the word's whole table. Used for a single free word (its
 * head is its first transcripts, ranked as the word tables rank them) and for quoted phrases (the head of
 * the phrase's rarest pair or triple of words, build/sequences.ts: the sections holding it are checked on
 * their text).
 * The rest of the results and the counts come from the whole search (engine.ts, `SearchSession`), which
 * skips what a head gave.
 */
import {
  headBucketOf,
  decodePositions,
  headBucketPath,
  MANIFEST_PATH,
  pagefindTerm,
  phraseSequences,
  sequenceKey,
  type HeadBucket,
  type Manifest,
  type WordHead,
} from '../../contract/search.ts'
import type { ParsedQuery } from '../../contract/query.ts'
import type { Candidate, SearchData } from './records.ts'

/**
 * A word's or pair's head; `undefined` when the index does not know the word or pair. Throws when there are
 * no heads to read (an index built before them, a file that could not be fetched).
 */
export async function wordHead(data: SearchData, term: string): Promise<WordHead | undefined> {
  const manifest = await data.json<Manifest>(MANIFEST_PATH)
  if (!manifest?.heads) throw new Error('the index has no word heads')
  const bucket = await data.json<HeadBucket>(headBucketPath(headBucketOf(term, manifest.heads)))
  if (!bucket) throw new Error('a bucket of word heads could not be loaded')
  return Object.hasOwn(bucket, term) ? bucket[term] : undefined
}

/** A query's first transcripts from the heads. */
export interface HeadStart {
  /** Best first, each with its sections holding the rarest key (and the other keys, where their heads say). */
  candidates: Candidate[]
  /** They are all the transcripts holding the rarest key. */
  complete: boolean
  /**
   * The first of them holds the whole query (a word's head; a phrase's own pair or triple), or very likely
   * does (every head of the phrase's parts lists it, with passages in common): it is worth reading alone.
   */
  firstHolds: boolean
}

/**
 * The transcripts to read first for a query of one free word or of phrases alone, best first, each with
 * its sections holding the rarest word or sequence of words. `undefined`: the heads cannot say (another
 * kind of query, a word they do not know).
 */
export async function headCandidates(data: SearchData, query: ParsedQuery): Promise<HeadStart | undefined> {
  const single = query.terms.length === 1 && query.phrases.length === 0
  const phrasesOnly = query.terms.length === 0 && query.phrases.length > 0
  if (!single && !phrasesOnly) return undefined
  // A phrase by its pairs and triples of words (a one-word phrase by its word), a free word by itself.
  const sequences = phrasesOnly ? query.phrases.map(phraseSequences) : []
  const pairs = new Set(sequences.flatMap((s) => s.pairs))
  const triples = new Set(sequences.flatMap((s) => s.triples))
  const terms = [...new Set((single ? query.terms : query.phrases.filter((p) => p.length === 1).flat()).map(pagefindTerm))]
  const keys = [...pairs, ...triples, ...terms.filter((t) => t !== '')]
  if (keys.length === 0) return undefined
  const found = await Promise.all(keys.map(async (key) => ({ key, head: await wordHead(data, key) })))
  // A pair found nowhere: no passage holds the phrase. A triple with no head: its pairs' heads decide.
  if (found.some(({ key, head }) => head === undefined && pairs.has(key)))
    return { candidates: [], complete: true, firstHolds: false }
  const known = found.filter(({ key, head }) => head !== undefined || !triples.has(key))
  if (known.some(({ head }) => head === undefined)) return undefined
  // A triple's head lists transcripts holding it, never all of them (build/sequences.ts).
  const all = known.map(({ key, head }) => headRows(head!, !triples.has(key)))
  const rarestAt = all.reduce((best, head, i) => (head.sections < all[best]!.sections ? i : best), 0)
  const rarest = all[rarestAt]!
  // One phrase of two or three words whose own sequence is the rarest: each transcript listed holds it.
  const [phrase] = query.phrases
  const whole = query.phrases.length === 1 && phrase!.length > 1 && known[rarestAt]!.key === sequenceKey(phrase!)
  const others = all.filter((head) => head !== rarest)
  const likely: Candidate[] = []
  const possible: Candidate[] = []
  for (const [name, encoded] of rarest.rows) {
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
  return { complete: rarest.complete, candidates: [...likely, ...possible], firstHolds: single || whole || likely.length > 0 }
}

interface HeadRows {
  /** Passages holding its key (for a triple, those the build met: at least). */
  sections: number
  /** The head lists every transcript holding its key. */
  complete: boolean
  rows: Map<string, string>
}

function headRows([sections, transcripts, rows]: WordHead, canBeComplete: boolean): HeadRows {
  return { sections, complete: canBeComplete && rows.length >= transcripts, rows: new Map(rows) }
}

/**
 * A passage holding a phrase holds each of its pairs and triples of words: a transcript of the rarest
 * one's head is read with only its sections that the other heads list too, first when every other head lists it
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
