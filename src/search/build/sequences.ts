/**
 * The heads of word sequences (src/search/contract.ts, `WordHead`, keyed by `sequenceKey`): for each two
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
 */
import {
  encodePositions,
  HEAD_SIZE,
  labelPlaces,
  sequenceKey,
  TRIPLE_HEAD_SIZE,
  type Fragment,
  type WordHead,
} from '../contract.ts'
import { words } from '../query.ts'
import { fragmentWords, sectionRanges } from '../sections.ts'
import { TupleIndex } from './tuple-index.ts'

interface Row {
  name: string
  /** The transcript's label's place in the labels' order (`labelPlaces`). */
  place: number
  sections: number[]
}
/**
 * A sequence's head, and the transcript being read's sections holding it: one entry per sequence, found with
 * one look-up per word read (the head, whether it is partial and this transcript's list, in one place).
 */
interface Head {
  sections: number
  transcripts: number
  rows: Row[]
  /** Whether the head has left a transcript out (its triples are gathered from the next transcript on). */
  partial: boolean
  /** The transcript (`SequenceCollector.serial`) whose sections `held` lists. */
  seen: number
  held: number[]
}

/**
 * Whether a transcript with `count` passages and its label at `place` ranks before `row`: `rankByHits`,
 * with the labels' places for the labels.
 */
const before = (count: number, place: number, row: Row) =>
  count > row.sections.length || (count === row.sections.length && place < row.place)

const NONE: number[] = []

/**
 * Section `section` of transcript `serial` holds the sequence numbered `key` (by a TupleIndex, so a new one
 * is the next in `heads`): noted on its head, made if need be, which goes in `touched` the first time this
 * transcript meets it.
 */
function note(heads: Head[], key: number, serial: number, section: number, touched: Head[]): Head {
  let head = heads[key]
  if (!head) {
    head = { sections: 0, transcripts: 0, rows: [], partial: false, seen: -1, held: NONE }
    heads.push(head)
  }
  if (head.seen !== serial) {
    head.seen = serial
    head.held = [section]
    touched.push(head)
  } else if (head.held[head.held.length - 1] !== section) head.held.push(section)
  return head
}

/** Adds the transcript's sections noted on a head to it, keeping its best `size` rows. */
function addTo(head: Head, name: string, place: number, size: number): void {
  const sections = head.held
  head.held = NONE
  head.sections += sections.length
  head.transcripts += 1
  const { rows } = head
  if (rows.length === size && !before(sections.length, place, rows.at(-1)!)) {
    head.partial = true
    return
  }
  let at = rows.length
  while (at > 0 && before(sections.length, place, rows[at - 1]!)) at--
  rows.splice(at, 0, { name, place, sections })
  if (rows.length > size) {
    rows.pop()
    head.partial = true
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
    const place = this.places.get(label)
    if (place === undefined) throw new Error(`the label of ${name} (${label}) was not among the collection's labels`)
    const serial = this.serial++
    const pairs: Head[] = []
    const triples: Head[] = []
    const tokens = fragmentWords(passages.content)
    sectionRanges(passages.anchors, tokens.length).forEach(({ start, end }, i) => {
      // The two words before this one in the section (-1: none), and whether the pair they make is partial.
      let first = -1
      let second = -1
      let partialBefore = false
      for (let t = start; t < end; t++) {
        for (const id of this.idsOf(tokens[t]!)) {
          if (second >= 0) {
            // Partial as of the transcripts before this one: heads change only once it is read.
            const partialNow = note(this.pairHeads, this.pairs.number(second, id), serial, i, pairs).partial
            if (partialBefore && partialNow) note(this.tripleHeads, this.triples.number(first, second, id), serial, i, triples)
            partialBefore = partialNow
          }
          first = second
          second = id
        }
      }
    })
    for (const head of pairs) addTo(head, name, place, this.pairSize)
    for (const head of triples) addTo(head, name, place, this.tripleSize)
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
