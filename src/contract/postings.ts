/**
 * **Postings** (`/search/postings/<n>.json.gz`): what counts a quoted phrase exactly without reading any
 * passage's text. Keys are the phrase check's words (`words` in query.ts: lower case, accents folded, no
 * stemming) and pairs of them side by side (`sequenceKey`, `of the`):
 *
 * - a **word**'s entry lists the sections (passages) holding it: a one-word phrase;
 * - a **pair**'s entry lists the sections holding its two words side by side, and in each the places of
 *   its first word (its number among the section's words). A phrase of n words holds pair i at place
 *   s + i: `"nobody has explained to me"` is read from `nobody has`, `explained to` and `to me` at s, s + 2
 *   and s + 3, whichever pairs cover its words most cheaply; `"of the"` from its one pair.
 *
 * Why pairs, not words: a phrase's pairs are far rarer than its words (`of` and `the` are in every
 * passage, `of the` in one in twenty), so the bytes a count fetches grow with how often the phrase's pairs
 * are printed, never with the collection. Why a table of its own: Pagefind's index keeps positions per
 * record (20 transcripts at 10,000) without the phrase check's words, and the word tables keep sections
 * only. Written by the build (src/build/search/postings.ts), read by the page's count
 * (src/browser/search/exact-count.ts).
 *
 * A key's entry is in the bucket `bucketOf(key, manifest.postings)`, or, for a key printed so often that
 * its entry passes `OWN_FILE_BYTES`, in a file of its own (`postingFilePath(n)`), which the bucket names
 * with its size, so that a phrase picks its cheapest pairs before fetching any such file. A pair's places
 * are in their own file too (`postingPlacesPath(n)`): a two-word phrase never needs them.
 */

/**
 * One key's entry, as columns of numbers (`encodeNumbers`): gzip packs a column of like numbers better
 * than rows of mixed ones. Rows are the transcripts holding the key, by their serials (the build's order,
 * `postingTranscriptsPath`); no file names transcripts or speakers, so a bucket's size never grows with
 * the collection.
 */
export interface PostingEntry {
  /** Each row's transcript serial, as the step from the row before. */
  t: string
  /** Each row's number of sections. */
  n: string
  /** Each row's sections (numbered as the transcript's passages number them), as steps from the section before in the row. */
  s: string
  /** Each section's code: `NOTE_CODE`, `EDITORIAL_CODE`, or `SPEAKER_CODE` + i, the transcript's speaker i. */
  c: string
  /**
   * A pair's places in each section, as steps (the first from 0), each written doubled and plus one when
   * another place of the same section follows: most sections hold a pair once, and need no count. Absent
   * for a word.
   */
  p?: string
}

/**
 * Where a key's entry is when it has a file of its own: [file number, its size (characters of its columns,
 * places included), its rows (transcripts)]; a pair's places are then in `postingPlacesPath(file)`.
 */
export type OwnEntry = [file: number, size: number, rows: number]

/** One file of postings: a bucket of keys (key → its entry, or where its own file is), or one key's own file. */
export interface PostingFile {
  keys: Record<string, PostingEntry | OwnEntry>
}

/** A pair's places in a file of their own (`postingPlacesPath`): the `p` column of its entry. */
export type PlacesFile = string

/**
 * The transcripts by serial, `TRANSCRIPTS_PER_FILE` to a file (`postingTranscriptsPath(serial /
 * TRANSCRIPTS_PER_FILE)`): each one's name, the transcript facet's value (its label) and its speakers
 * (the speaker facet's values) as its codes number them. A count fetches those of the transcripts it
 * found, after intersecting: they grow with the matches, never with the collection.
 */
export type PostingTranscripts = Array<[name: string, label: string, speakers: string[]]>
export const TRANSCRIPTS_PER_FILE = 200

/** A section's code in `PostingEntry.c`. */
export const NOTE_CODE = 0
export const EDITORIAL_CODE = 1
export const SPEAKER_CODE = 2

/** About this many bytes of JSON to a bucket; a key whose entry passes OWN_FILE_BYTES gets a file of its own. */
export const POSTING_FILE_TARGET = 30_000
export const OWN_FILE_BYTES = 10_000

export const postingBucketPath = (n: number) => `search/postings/${n}.json.gz`
export const postingFilePath = (n: number) => `search/postings/own-${n}.json.gz`
export const postingPlacesPath = (n: number) => `search/postings/own-${n}.places.json.gz`
export const postingTranscriptsPath = (n: number) => `search/postings/transcripts-${n}.json.gz`

/**
 * Numbers ≥ 0 as text without separators: five bits a character, low bits first; a character of `MORE`
 * says more follow, one of `LAST` ends the number. Small numbers (most steps) take one character, and no
 * character needs escaping in JSON.
 */
const LAST = '0123456789abcdefghijklmnopqrstuv'
const MORE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_'
const digitOf = new Int8Array(128).fill(-1)
for (let i = 0; i < 32; i++) {
  digitOf[LAST.charCodeAt(i)] = i
  digitOf[MORE.charCodeAt(i)] = 32 + i
}

export function encodeNumbers(numbers: Iterable<number>): string {
  let text = ''
  for (let n of numbers) {
    while (n >= 32) {
      text += MORE[n & 31]
      n = Math.floor(n / 32)
    }
    text += LAST[n]
  }
  return text
}

/** The numbers of `encodeNumbers`, into a typed array. */
export function decodeNumbers(text: string): Int32Array {
  const out = new Int32Array(text.length)
  let count = 0
  let value = 0
  let shift = 1
  for (let i = 0; i < text.length; i++) {
    const digit = digitOf[text.charCodeAt(i)]!
    if (digit < 0) throw new Error('not a column of postings')
    if (digit >= 32) {
      value += (digit - 32) * shift
      shift *= 32
    } else {
      out[count++] = value + digit * shift
      value = 0
      shift = 1
    }
  }
  return out.subarray(0, count)
}

/**
 * The first number of a column of `encodeNumbers` and the characters it takes: a column's numbers are
 * written one after another, so two columns joined are the column of both lists, and a list's first step
 * can be written again on its own (build/search/posting-parts.ts, which joins the parts' columns).
 */
export function firstNumber(text: string): { value: number; length: number } {
  let value = 0
  let shift = 1
  for (let i = 0; i < text.length; i++) {
    const digit = digitOf[text.charCodeAt(i)] ?? -1
    if (digit < 0) break
    if (digit < 32) return { value: value + digit * shift, length: i + 1 }
    value += (digit - 32) * shift
    shift *= 32
  }
  throw new Error('not a column of postings')
}
