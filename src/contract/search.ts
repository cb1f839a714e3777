/**
 * The search's data, as the index build writes it and the search page reads it: one module that both
 * import (the build never imports browser code, the page never imports build code).
 *
 * - A **record** is one Pagefind page: one or more whole transcripts (`groupSize`). Inside it each passage
 *   (a turn, a note, a paragraph) follows a heading whose id says what it is, whose it is and where it
 *   lands (`anchorId`). `/search/records/<id>.json` lists a record's transcripts and where each starts;
 *   `/search/passages/<name>.json.gz` holds a transcript's passages (Pagefind's own text and positions),
 *   all the page fetches to show a result.
 * - Section codes: a passage's speaker (its index in a table's speaker values, base 36), NOTE or EDITORIAL
 *   (`codeValues`). The counts come from the word tables and the postings (postings.ts); the tests also
 *   build each record's sections in memory (tests/support/section-tables.ts).
 * - **Value tables** (`/search/values/<n>.json`): for each facet value (a speaker, a transcript, a kind)
 *   the transcripts holding its passages, in transcript order, with their passages per code. A value's table
 *   is `bucketOf(facet + value, buckets)`: a search with no words reads the one table it needs.
 * - **Totals** (`/search/totals.json`): passages per speaker and kind, per kind, and the transcripts with
 *   the most passages, for the facets of a search with neither words nor choices.
 * - The **manifest** (`/search/manifest.json`, a few hundred bytes whatever the collection's size): how
 *   many records, passages and buckets there are.
 */

import { KIND_CODES, type PassageKind } from './passages.ts'

export const FACETS = ['speaker', 'transcript', 'kind'] as const
export type Facet = (typeof FACETS)[number]

/**
 * The speakers' keys (`/search/?speaker=<key>`, as on a transcript's page and in `/speakers/<key>/`: the
 * rule is src/contract/speakers.ts) → the speaker facet's values they stand for (a name; two
 * when two spellings of a name give one key). `/search/speakers.json`, fetched when a URL names a speaker.
 */
export type SpeakerKeys = Record<string, string[]>
export const SPEAKERS_PATH = 'search/speakers.json'

/** `?speaker=` keys → facet values; what is no key (a link of old, by name) is kept as it is. */
export function valuesOfKeys(keys: string[], table: SpeakerKeys | undefined): string[] {
  return [...new Set(keys.flatMap((key) => (table && Object.hasOwn(table, key) ? table[key]! : [key])))]
}

/** Facet values → `?speaker=` keys, in the values' order; a value no key stands for is kept as it is. */
export function keysOfValues(values: string[], table: SpeakerKeys | undefined): string[] {
  const keyOf = new Map<string, string>()
  for (const [key, list] of Object.entries(table ?? {})) for (const value of list) if (!keyOf.has(value)) keyOf.set(value, key)
  return [...new Set(values.map((value) => keyOf.get(value) ?? value))]
}

/** A key with none of the id's separators (`.`, `~`, `=`, white space) left in it. */
const escapeKey = (key: string) =>
  encodeURIComponent(key).replace(/[.~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/**
 * A section heading's id in a record: what the passage is, whose it is, and its id on the page, as
 * `t.george-ball~t-05-03`, `n~fn-4`, `e~intro-1`. The search page links to the part after `~`.
 */
export function anchorId(kind: PassageKind, pageId: string, voice?: string): string {
  return `${KIND_CODES[kind]}${voice === undefined ? '' : `.${escapeKey(voice)}`}~${pageId}`
}

export function parseAnchorId(id: string): { kind: PassageKind; voice?: string; pageId: string } {
  const cut = id.indexOf('~')
  const [code, voice] = id.slice(0, cut).split('.')
  const kind = (Object.keys(KIND_CODES) as PassageKind[]).find((k) => KIND_CODES[k] === code) ?? 'editorial'
  return { kind, voice: voice === undefined ? undefined : decodeURIComponent(voice), pageId: id.slice(cut + 1) }
}

/** The `voice` filter's value, a speaker's key and name together: `george-ball=George Ball`. */
export function voiceValue(key: string, name: string): string {
  return `${escapeKey(key)}=${name}`
}

/** A record's speakers by key, from its `voice` filter. */
export function voicesOf(filters: Partial<Record<string, string[]>>): Map<string, string> {
  return new Map(
    (filters.voice ?? []).map((value) => {
      const cut = value.indexOf('=')
      return [decodeURIComponent(value.slice(0, cut)), value.slice(cut + 1)]
    }),
  )
}

export interface Anchor {
  element: string
  id: string
  text: string
  location: number
}

/**
 * Pagefind's records hold whole transcripts, several to a record once a collection is large: Pagefind's
 * metadata (fetched by every search) grows by about 9 bytes a record, and its search compares every
 * matching record with every other (0.1–1.5 s a word at 10,000 records, 3–20 ms at 500). So a collection
 * is cut into records of `groupSize` consecutive transcripts: one each up to 500, then the power of two
 * nearest to a five-hundredth of the collection (about 350 to 710 records). A power of two changes only
 * as the collection doubles: an added transcript leaves the records of the other parts of the index as
 * they were (src/build/search/parts.ts), and they are not indexed again.
 */
export const RECORD_TARGET = 500
export const groupSize = (transcripts: number) =>
  transcripts <= RECORD_TARGET ? 1 : 2 ** Math.round(Math.log2(transcripts / RECORD_TARGET))

/**
 * In a record of several transcripts, each one opens with a heading `d~<name>` (text `§`) whose position
 * starts it; in a record of one transcript there is none.
 */
export const transcriptAnchorId = (name: string) => `d~${name}`
export const transcriptOfAnchor = (id: string): string | undefined => (id.startsWith('d~') ? id.slice(2) : undefined)

/**
 * What the page reads of a transcript's passages: Pagefind's text for it (words split as Pagefind
 * counts them), its section headings with their word positions, and its filters (transcript, page,
 * title, date, speakers). A one-transcript record's Pagefind fragment has this shape too.
 */
export interface Fragment {
  content: string
  anchors: Anchor[]
  filters: Partial<Record<string, string[]>>
}

/** A fragment file's text once ungzipped: Pagefind signs it `pagefind_dcd`, then JSON. */
export function parseFragmentText(text: string): Fragment {
  return JSON.parse(text.startsWith('pagefind_dcd') ? text.slice('pagefind_dcd'.length) : text) as Fragment
}

/** The anchors Pagefind would make sections of: headings with some text, in word order. */
export function headingAnchors(anchors: Anchor[]): Anchor[] {
  return anchors.filter((a) => /^h\d$/i.test(a.element) && /\S/.test(a.text ?? '')).sort((a, b) => a.location - b.location)
}

/**
 * Whether words stand before the first heading: they are a section of their own (a transcript's header
 * lines, editorial text). One rule for the page, the tables and the build.
 */
export function hasLeadingSection(headings: number[]): boolean {
  return headings.length === 0 || headings[0]! > 0
}

/** A section's code for a note and for editorial text: not base-36 digits, which name speakers. */
export const NOTE = '-'
export const EDITORIAL = '_'

/** What a section code stands for, given the speakers its table lists. */
export function codeValues(
  code: string,
  transcript: string,
  speakers: string[],
): { transcript: string; kind: PassageKind; speaker?: string } {
  if (code === NOTE) return { transcript, kind: 'footnote' }
  if (code === EDITORIAL) return { transcript, kind: 'editorial' }
  return { transcript, kind: 'turn', speaker: speakers[parseInt(code, 36)] ?? '' }
}

/** Word positions as base-36 differences, `0.1k.2f`: the tables stay small. */
export function encodePositions(positions: number[]): string {
  return positions.map((p, i) => (p - (positions[i - 1] ?? 0)).toString(36)).join('.')
}

export function decodePositions(text: string): number[] {
  if (text === '') return []
  let at = 0
  return text.split('.').map((step) => (at += parseInt(step, 36)))
}

/** A record's transcripts: each one's name and the word position its passages start at. */
export type RecordTranscripts = Array<[string, number]>

/** A bucket of value tables: `facet\u0000value` → the transcripts holding its passages, in order. */
export interface ValueTables {
  values: Record<Facet, string[]>
  /** Each value's transcripts: [name, transcript index, passages per code], in transcript order. */
  byValue: Record<string, Array<[string, number, Record<string, number>]>>
}

/** Passages per facet value for a collection, every other choice set aside. */
export interface Totals {
  /** `speaker\u0000kind` → passages; `\u0000kind` for passages without a speaker. */
  speakerKinds: Record<string, number>
  /** The transcripts with the most passages, and their number (the rest are fewer). */
  transcripts: Record<string, number>
  /** How many transcripts there are in all. */
  transcriptCount: number
}

export interface Manifest {
  version: 2
  /** Transcripts per Pagefind record. */
  groupSize: number
  /** Records (transcripts) and passages indexed. */
  records: number
  passages: number
  /** Value-table buckets. */
  buckets: number
  /** Word-head buckets (`headBucketPath`); none in an index built before them. */
  heads?: number
  /** Posting buckets (contract/postings.ts, `postingBucketPath`): what counts a phrase exactly. */
  postings?: number
  /**
   * Pagefind's index in parts, in order (routes.ts `pagefindPartRoute`): the page loads the first part's
   * `pagefind.js` and merges the others. None in an index built before them, which is `/pagefind/` itself.
   */
  parts?: string[]
}

/** The tables' files, as paths under the site's folder (the build) and as URLs (the page): `'/' + path`. */
export const MANIFEST_PATH = 'search/manifest.json'
export const TOTALS_PATH = 'search/totals.json'
export const valueTablePath = (n: number) => `search/values/${n}.json`
/** A kind's table: kinds hold nearly every record, so each has a file of its own. */
export const kindTablePath = (kind: string) => `search/values/kind-${kind}.json`
/** A record's transcripts and where each starts (RecordTranscripts), by Pagefind page id. */
export const recordPath = (id: string) => `search/records/${id}.json`
/** A transcript's passages (Fragment), gzipped JSON, by the transcript's name. */
export const passagesPath = (name: string) => `search/passages/${name}.json.gz`
export const url = (path: string) => `/${path.split('/').map(encodeURIComponent).join('/')}`

/**
 * **Word tables** (`/search/words/<n>.json.gz`, one per Pagefind index chunk, the same words): for each
 * word Pagefind indexed (its stems), the sections holding it, so that a query's free words are found and
 * counted section by section without Pagefind's search, whose time grows with every position of every
 * matching word (0.3 s for a word in every transcript at 10,000). `/search/words/<n>.dict.json` gives the word Pagefind indexed for
 * each word of the text (`surface → stem`) whose spelling falls in chunk n's range; the directory
 * (`/search/words/index.json`) gives each chunk's range and size.
 */
export interface WordChunk {
  /** Speakers' names and transcripts' labels, listed once and referred to by index. */
  values: Record<'speaker' | 'transcript', string[]>
  /** The transcripts named here: [name, label index]. */
  transcripts: Array<[string, number]>
  /**
   * Word → a row per transcript holding it: [transcript index, its sections holding the word, numbered
   * as its passages number them (`encodePositions`), and each one's code (`.`-separated)].
   */
  words: Record<string, Array<[number, string, string]>>
}

export interface WordDirectory {
  /** Each chunk: its first and last word, its size in bytes as sent (gzipped), whether it has a dictionary. */
  chunks: Array<[string, string, number, 0 | 1]>
}

export const WORDS_PATH = 'search/words/index.json'
export const wordChunkPath = (n: number) => `search/words/${n}.json.gz`
export const wordDictionaryPath = (n: number) => `search/words/${n}.dict.json`

/**
 * **Word heads** (`/search/heads/<n>.json.gz`, bucketed by `bucketOf(word, manifest.heads)`): for each word
 * as the page takes it (`pagefindTerm`) that is printed or indexed somewhere, what a search for it alone
 * shows first, so the first results never wait for a word's whole table (which grows with the collection):
 * the word's sections in all, its transcripts in all, and its best HEAD_SIZE transcripts in the order the
 * word tables rank them (most sections first, then by label), each with its sections holding the word
 * (`encodePositions`). A word Pagefind indexed under another (`encouraging` under `encourag`) has the
 * head of that one, every indexed word starting so included: one fetch, no dictionary.
 */
/** `localeCompare`'s order, with one collator made once (the build ranks hundreds of thousands of heads). */
const labelOrder = new Intl.Collator()
/**
 * How a word's transcripts are ranked, in the word tables' results and in the heads alike: most sections
 * holding it first, then by label. Negative when `a` comes first.
 */
export const rankByHits = (a: { hits: number; label: string }, b: { hits: number; label: string }): number =>
  b.hits - a.hits || labelOrder.compare(a.label, b.label)

/**
 * The label order of `rankByHits` as numbers, for a build that ranks tens of millions of rows (comparing
 * labels with the collator took 29 s of the passages' thread in a profile of a 10,000-transcript build):
 * each label's place among `labels`, labels the collator holds equal sharing one. A lower place comes first.
 */
export function labelPlaces(labels: Iterable<string>): Map<string, number> {
  const sorted = [...new Set(labels)].sort(labelOrder.compare)
  const places = new Map<string, number>()
  let place = 0
  sorted.forEach((label, i) => {
    if (i > 0 && labelOrder.compare(sorted[i - 1]!, label) !== 0) place = i
    places.set(label, place)
  })
  return places
}

/**
 * The label of a transcript that its record's rows do not name (a record of one transcript carries no
 * per-transcript info): the rankings' labels always include it.
 */
export const UNNAMED_LABEL = ''

/** A transcript's label's place (`labelPlaces`); a label missing from them is a fault of the build. */
export function placeOf(places: ReadonlyMap<string, number>, name: string, label: string): number {
  const place = places.get(label)
  if (place === undefined) throw new Error(`the label of ${name} (${label}) was not among the collection's labels`)
  return place
}

/**
 * `rankByHits` with labels' places (`labelPlaces`) for the labels: whether a transcript with `hits`
 * passages and its label at `place` ranks before one with `otherHits` at `otherPlace`.
 */
export const ranksBefore = (hits: number, place: number, otherHits: number, otherPlace: number): boolean =>
  hits > otherHits || (hits === otherHits && place < otherPlace)

export type WordHead = [sections: number, transcripts: number, rows: Array<[name: string, sections: string]>]
export type HeadBucket = Record<string, WordHead>
/** Transcripts in a word's head: a page of results (20) from a single word, with some to spare for a phrase. */
export const HEAD_SIZE = 24
/**
 * Transcripts in a head of three words in a row (build/sequences.ts): every one holds the triple, so a few
 * fill a page's start; the rest of the page comes from the whole search.
 */
export const TRIPLE_HEAD_SIZE = 8
/**
 * The key of a head of several words in a row (a phrase's pair or triple, as `words` splits it): the words
 * with a space between, which no single word's key holds.
 */
export const sequenceKey = (words: readonly string[]): string => words.join(' ')
/**
 * The keys a phrase's heads can be under: its pairs of words side by side, each of which a passage holding
 * the phrase holds (a pair with no head: no results), and its triples, which have a head only where their
 * pairs' heads leave transcripts out (a triple with no head says nothing).
 */
export function phraseSequences(phrase: readonly string[]): { pairs: string[]; triples: string[] } {
  const run = (n: number) => phrase.slice(0, phrase.length - n + 1).map((_, i) => sequenceKey(phrase.slice(i, i + n)))
  return { pairs: run(2), triples: run(3) }
}
export const headBucketPath = (n: number) => `search/heads/${n}.json.gz`
/**
 * Which of `buckets` files of heads holds `key`: a word's or a pair's by its own hash, a triple's with its
 * first pair, so that a phrase's heads come in one file for each of its pairs (a three-word phrase's in
 * two fetches, not three). At 10,000 transcripts, 20 phrases' first results in Chromium, interleaved:
 * median 62 → 54 ms; the files' median size fell (14.2 → 12.7 KB gzipped), 8 of 1,729 passed 25 KB (the
 * largest, a common pair's with its triples, 61 KB).
 */
export function headBucketOf(key: string, buckets: number): number {
  const second = key.indexOf(' ')
  const third = second < 0 ? -1 : key.indexOf(' ', second + 1)
  return bucketOf(third < 0 ? key : key.slice(0, third), buckets)
}

/** Which chunk of a directory holds a word's place in the order: the last whose first word is not after it. */
export function chunkFor(chunks: WordDirectory['chunks'], word: string): number {
  let low = 0
  let high = chunks.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (chunks[mid]![0] <= word) low = mid
    else high = mid - 1
  }
  return low
}

/**
 * A word as Pagefind's search takes it: lower case, without punctuation (but `_`), accents folded
 * (Pagefind's `search` in pagefind_web_js/lib/coupled_search.ts). The build keys its dictionary by it.
 */
export function pagefindTerm(word: string): string {
  return [...word.toLocaleLowerCase()]
    .filter((c) => c === '_' || !/^[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]$/u.test(c))
    .join('')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
}

/** The key of a facet value in the value tables. */
export const valueKey = (facet: Facet, value: string) => `${facet}\u0000${value}`

/** FNV-1a over UTF-16 code units, mod `n`: where a record's section row or a value's table lives. */
export function bucketOf(key: string, n: number): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return n <= 1 ? 0 : hash % n
}

/**
 * How many pieces to cut a table of `bytes` into so that each holds about `target` bytes: at least one,
 * and for small collections exactly one, so a small site has one file of each.
 */
export function piecesFor(bytes: number, target: number): number {
  return Math.max(1, Math.ceil(bytes / target))
}
