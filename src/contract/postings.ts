/**
 * **Postings** (`/search/postings/<n>.json.gz`): for every word as the phrase check reads it (`words` in
 * query.ts: lower case, accents folded, no stemming), every place it stands in every transcript, with the
 * section (passage) each place is in and that section's speaker and kind. They are what counts a quoted
 * phrase exactly without reading any passage's text: a section holds `"of the"` when it holds `of` at some
 * place p and `the` at p + 1. Why a table of its own: Pagefind's index keeps positions per record (20
 * transcripts at 10,000) without the phrase check's words (it splits at white space only, so `morning.
 * Well,` is two words for it and two for the check, but `o'clock` is one for the check and `don't` is
 * stemmed), and the word tables keep sections only. Written by the build (src/build/search/postings.ts),
 * read by the page's count (src/browser/search/exact-count.ts); the bytes a count fetches are its words'
 * rows, so they grow with how often the words are printed, never with the size of the collection.
 *
 * A word's rows are in the bucket `bucketOf(word, manifest.postings)`, or, for a word printed so often
 * that its rows pass `OWN_FILE_BYTES`, in a file of its own (`postingFilePath(n)`), which the bucket names.
 */

/**
 * A transcript's rows for one word: [index into the file's `transcripts`, the sections holding the word
 * (`encodePositions`, numbered as the transcript's passages number them), each one's code (`.`-separated:
 * a speaker's index into the file's `speakers` in base 36, or NOTE, or EDITORIAL of search.ts), and the
 * word's places in each of those sections, `,`-separated, each `encodePositions`]. A place is the word's
 * number among the phrase check's words of its section (0 for the first): two words of one section stand
 * side by side exactly when their places differ by one.
 */
export type PostingRow = [transcript: number, sections: string, codes: string, places: string]

/** One file of postings: a bucket of words, or one word's own file (`words` then holds that word alone). */
export interface PostingFile {
  /** Speakers' names (the speaker facet's values), by the index their codes give. */
  speakers: string[]
  /** The transcripts named here: [name, the transcript facet's value (its label)]. */
  transcripts: Array<[name: string, label: string]>
  /** Word → its rows, or the number of the file of its own that holds them. */
  words: Record<string, PostingRow[] | number>
}

/** About this many bytes of JSON to a bucket; a word with more rows than OWN_FILE_BYTES gets a file of its own. */
export const POSTING_FILE_TARGET = 60_000
export const OWN_FILE_BYTES = 20_000

export const postingBucketPath = (n: number) => `search/postings/${n}.json.gz`
export const postingFilePath = (n: number) => `search/postings/own-${n}.json.gz`
