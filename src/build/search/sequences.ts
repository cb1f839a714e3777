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
 * "Next" is the order the passages come in: Pagefind's records as the tables read them back, by their
 * fragment files' names (Pagefind's hashes of the records' text and headings, search-index.ts), so which
 * transcripts a triple is gathered in changes with any record's text (docs/search.md, "Triples").
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
import { words } from '../../contract/query.ts'
import { fragmentWords, sectionRanges } from '../../contract/sections.ts'
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
    heads.push(head)
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
  private readonly pairs = new TupleIndex(2)
  private readonly pairHeads: Head[] = []
  private readonly triples = new TupleIndex(3)
  private readonly tripleHeads: Head[] = []
  /** The transcripts added so far: the number of the one being read. */
  private serial = 0
  private readonly pairSize: number
  private readonly tripleSize: number
  /** Each word met, by id, and each spelling of a Pagefind word (`ships,`) as the ids of the words in it. */
  private readonly wordIds = new Map<string, number>()
  private readonly wordList: string[] = []
  private readonly tokens = new Map<string, number[]>()

  /** Each label's place in the labels' order: every transcript's label is among those given. */
  private readonly places: Map<string, number>

  constructor(labels: Iterable<string>, pairSize = HEAD_SIZE, tripleSize = TRIPLE_HEAD_SIZE) {
    this.places = labelPlaces(labels)
    this.pairSize = pairSize
    this.tripleSize = tripleSize
  }

  /**
   * A Pagefind word's words as the phrase check reads them (`words`), as ids. No phrase word spans white
   * space, so a section's words are its Pagefind words' words in turn; each spelling is read once.
   */
  private idsOf(token: string): number[] {
    let ids = this.tokens.get(token)
    if (ids) return ids
    ids = words(token).map((word) => {
      let id = this.wordIds.get(word)
      if (id === undefined) {
        id = this.wordList.push(word) - 1
        this.wordIds.set(word, id)
      }
      return id
    })
    this.tokens.set(token, ids)
    return ids
  }

  /** One transcript's passages (numbered as the page numbers them). */
  add(name: string, label: string, passages: Fragment): void {
    const place = placeOf(this.places, name, label)
    const serial = this.serial++
    const tokens = fragmentWords(passages.content)
    const ranges = sectionRanges(passages.anchors, tokens.length)
    const pairs: Head[] = []
    const triples: Head[] = []
    this.scan(
      tokens,
      ranges,
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
        tokens,
        ranges,
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
  }

  /**
   * Each pair of words side by side in a section, and each triple whose two pairs' heads are partial (as of
   * the transcripts before this one), with the section's number.
   */
  private scan(
    tokens: string[],
    ranges: Array<{ start: number; end: number }>,
    pair: (key: number, section: number) => Head,
    triple: (key: number, section: number) => void,
  ): void {
    ranges.forEach(({ start, end }, section) => {
      // The two words before this one in the section (-1: none), and whether the pair they make is partial.
      let first = -1
      let second = -1
      let partialBefore = false
      for (let t = start; t < end; t++) {
        for (const id of this.idsOf(tokens[t]!)) {
          if (second >= 0) {
            const partialNow = pair(this.pairs.number(second, id), section).partial
            if (partialBefore && partialNow) triple(this.triples.number(first, second, id), section)
            partialBefore = partialNow
          }
          first = second
          second = id
        }
      }
    })
  }

  get count(): { pairs: number; triples: number } {
    return { pairs: this.pairs.size, triples: this.triples.size }
  }

  /** Every triple's head, then every pair's, each let go of as it is given. */
  *heads(): Generator<[string, WordHead]> {
    const word = (id: number) => this.wordList[id]!
    for (const [index, heads] of [
      [this.triples, this.tripleHeads],
      [this.pairs, this.pairHeads],
    ] as const) {
      for (let key = 0; key < heads.length; key++) {
        yield [sequenceKey(index.ids(key).map(word)), asHead(heads[key]!)]
        delete heads[key]
      }
      heads.length = 0
    }
  }
}
