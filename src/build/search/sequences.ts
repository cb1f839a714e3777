/**
 * The heads of word sequences (src/contract/search.ts, `WordHead`, keyed by `sequenceKey`): for each two
 * words side by side in a passage, as the phrase check reads them (`words`), the passages holding them and
 * the transcripts with most such passages; and the same for three words in a row where a head of their
 * pairs cannot find them. A quoted phrase's first results then come from its rarest sequence: every passage
 * holding the phrase holds each of its pairs and triples, and a pair found nowhere means no results.
 *
 * Why triples: a phrase of common words (`broad to brief`) can be rarer than each of its pairs by far (at
 * 10,000 generated transcripts its pairs are in 4,030 and 6,288 of them, the phrase in 159); the pairs'
 * heads then list two dozen transcripts that do not hold it. A triple is gathered only once both of its
 * pairs' heads leave transcripts out (from the next transcript on): gathering every triple would cost the
 * build more than twice the pairs' time, for triples no search needs. So a triple's head lists transcripts
 * that hold it, but its counts are those met since, and it never claims to list them all
 * (`TRIPLE_HEAD_SIZE`); a triple with no head says nothing (its pairs' heads decide).
 * Gathered transcript by transcript as the passages are written; only each sequence's best rows kept.
 * A collector gathers one part of the collection (passage-thread.ts; the parts are merged by
 * head-parts.ts). "Next" is the order the passages come in: Pagefind's records as the tables read them
 * back, within the part by their fragment files' names (Pagefind's hashes of the records' text and
 * headings, search-index.ts), so which transcripts a triple is gathered in changes with any record's text
 * of its part (docs/search.md, "Triples").
 */
import {
  encodePositions,
  HEAD_SIZE,
  labelPlaces,
  placeOf,
  ranksBefore,
  sequenceKey,
  TRIPLE_HEAD_SIZE,
  type Fragment,
  type WordHead,
} from '../../contract/search.ts'
import { WordDictionary, type TranscriptWords } from './passage-words.ts'
import { TupleIndex } from './tuple-index.ts'

interface Row {
  name: string
  /** The transcript's label's place in the labels' order (`labelPlaces`). */
  place: number
  sections: number[]
}
/**
 * A sequence's head, and what the transcript being read holds of it: one entry per sequence, found with one
 * look-up per word read (the head, whether it is partial and this transcript's sections, in one place).
 */
interface Head {
  sections: number
  transcripts: number
  rows: Row[]
  /** Whether the head has left a transcript out (its triples are gathered from the next transcript on). */
  partial: boolean
  /** Once the head has all its rows, its last row's passages and label's place (a transcript must beat them); else -1. */
  cutHits: number
  cutPlace: number
  /** The transcript (`SequenceCollector.serial`) that `count`, `last` and `held` are about. */
  seen: number
  /** How many of its sections hold the sequence, and the last one noted. */
  count: number
  last: number
  /**
   * Those sections, listed only while the head has room: a full head takes few transcripts more, and the
   * sections of one it takes are read again (`SequenceCollector.add`). Most (sequence, transcript) pairs
   * then need no list at all.
   */
  held: number[] | null
}

/**
 * Section `section` of transcript `serial` holds the sequence numbered `key` (by a TupleIndex, so a new one
 * is the next in `heads`): noted on its head, made if need be, which goes in `touched` the first time this
 * transcript meets it.
 */
function note(heads: Head[], key: number, serial: number, section: number, touched: Head[]): Head {
  let head = heads[key]
  if (!head) {
    // Pairs are numbered by the dictionary as a transcript is read, and noted here in the same order.
    head = {
      sections: 0,
      transcripts: 0,
      rows: [],
      partial: false,
      cutHits: -1,
      cutPlace: 0,
      seen: -1,
      count: 0,
      last: -1,
      held: null,
    }
    heads[key] = head
  }
  if (head.seen !== serial) {
    head.seen = serial
    head.count = 1
    head.last = section
    head.held = head.cutHits < 0 ? [section] : null
    touched.push(head)
  } else if (head.last !== section) {
    head.count += 1
    head.last = section
    head.held?.push(section)
  }
  return head
}

/** Whether the transcript noted on a head enters its rows; one that does not is counted only. */
const enters = (head: Head, place: number): boolean =>
  head.cutHits < 0 || ranksBefore(head.count, place, head.cutHits, head.cutPlace)

/** Counts the transcript noted on a head that it does not enter. */
function countOnly(head: Head): void {
  head.sections += head.count
  head.transcripts += 1
  head.partial = true
}

/** Adds the transcript noted on a head (its sections listed in `held`) to its rows, keeping the best `size`. */
function addTo(head: Head, name: string, place: number, size: number): void {
  const sections = head.held!
  head.held = null
  head.sections += sections.length
  head.transcripts += 1
  const { rows } = head
  const hits = sections.length
  let at = rows.length
  while (at > 0 && ranksBefore(hits, place, rows[at - 1]!.sections.length, rows[at - 1]!.place)) at--
  rows.splice(at, 0, { name, place, sections })
  if (rows.length > size) {
    rows.pop()
    head.partial = true
  }
  if (rows.length === size) {
    const last = rows[size - 1]!
    head.cutHits = last.sections.length
    head.cutPlace = last.place
  }
}

const asHead = ({ sections, transcripts, rows }: Head): WordHead => [
  sections,
  transcripts,
  rows.map((row): [string, string] => [row.name, encodePositions(row.sections)]),
]

export class SequenceCollector {
  private readonly pairHeads: Head[] = []
  private readonly triples = new TupleIndex(3)
  private readonly tripleHeads: Head[] = []
  /** The transcripts added so far: the number of the one being read. */
  private serial = 0
  private readonly pairSize: number
  private readonly tripleSize: number
  /** A pair's triples are gathered once it is met in more transcripts than this (`tripleAfter`). */
  private readonly tripleAfter: number
  /** The words and pairs of words, numbered once for the search build (shared with the postings). */
  private readonly dictionary: WordDictionary

  /** Each label's place in the labels' order: every transcript's label is among those given. */
  private readonly places: Map<string, number>

  /**
   * `tripleAfter`: a pair's triples are gathered once it is met in more transcripts than this; by default
   * its head's size (once its head leaves one out). A collector of one part of several is given the
   * head's share of a part (passage-thread.ts), so that a part gathers the triples of about the pairs the
   * whole collection's head would leave out.
   */
  constructor(
    labels: Iterable<string>,
    pairSize = HEAD_SIZE,
    tripleSize = TRIPLE_HEAD_SIZE,
    dictionary = new WordDictionary(),
    tripleAfter = pairSize,
  ) {
    this.places = labelPlaces(labels)
    this.pairSize = pairSize
    this.tripleSize = tripleSize
    this.dictionary = dictionary
    this.tripleAfter = tripleAfter
  }

  /** One transcript's passages (numbered as the page numbers them). */
  add(name: string, label: string, passages: Fragment, read: TranscriptWords = this.dictionary.read(passages)): void {
    const place = placeOf(this.places, name, label)
    const serial = this.serial++
    const pairs: Head[] = []
    const triples: Head[] = []
    this.scan(
      read,
      (pair, section) => note(this.pairHeads, pair, serial, section, pairs),
      (triple, section) => note(this.tripleHeads, triple, serial, section, triples),
    )
    // No head changes before every head is decided: the second reading below must meet the same triples.
    const relist = [...pairs, ...triples].filter((head) => head.held === null && enters(head, place))
    if (relist.length > 0) {
      // A full head that this transcript enters has no list of its sections: read them again, for those only.
      for (const head of relist) head.held = []
      const listed = new Set(relist)
      const list = (head: Head, section: number) => {
        if (listed.has(head) && head.held!.at(-1) !== section) head.held!.push(section)
        return head
      }
      this.scan(
        read,
        (pair, section) => list(this.pairHeads[pair]!, section),
        (triple, section) => list(this.tripleHeads[triple]!, section),
      )
    }
    for (const [heads, size] of [
      [pairs, this.pairSize],
      [triples, this.tripleSize],
    ] as const) {
      for (const head of heads) {
        if (enters(head, place)) addTo(head, name, place, size)
        else countOnly(head)
      }
    }
    for (const head of pairs) if (head.transcripts > this.tripleAfter) head.partial = true
  }

  /**
   * Each pair of words side by side in a section, and each triple whose two pairs' heads are partial (as of
   * the transcripts before this one), with the section's number.
   */
  private scan(
    { ids, starts, pairs }: TranscriptWords,
    pair: (key: number, section: number) => Head,
    triple: (key: number, section: number) => void,
  ): void {
    for (let section = 0; section < starts.length - 1; section++) {
      // Whether the pair before this one in the section is partial.
      let partialBefore = false
      for (let i = starts[section]! + 1; i < starts[section + 1]!; i++) {
        const partialNow = pair(pairs[i]!, section).partial
        if (partialBefore && partialNow) triple(this.triples.number(ids[i - 2]!, ids[i - 1]!, ids[i]!), section)
        partialBefore = partialNow
      }
    }
  }

  /** Every triple's head, then every pair's, each let go of as it is given. */
  *heads(): Generator<[string, WordHead]> {
    const word = (id: number) => this.dictionary.words[id]!
    for (const [index, heads] of [
      [this.triples, this.tripleHeads],
      [this.dictionary.pairs, this.pairHeads],
    ] as const) {
      for (let key = 0; key < heads.length; key++) {
        const head = heads[key]
        if (head) yield [sequenceKey(index.ids(key).map(word)), asHead(head)]
        delete heads[key]
      }
      heads.length = 0
    }
  }
}
