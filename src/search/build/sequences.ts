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
  rankByHits,
  sequenceKey,
  TRIPLE_HEAD_SIZE,
  type Fragment,
  type WordHead,
} from '../contract.ts'
import { words } from '../query.ts'
import { fragmentWords, sectionRanges } from '../sections.ts'

interface Row {
  name: string
  label: string
  sections: number[]
}
interface Head {
  sections: number
  transcripts: number
  rows: Row[]
}

/** Whether a transcript with `count` passages and `label` ranks before `row`. */
const before = (count: number, label: string, row: Row) =>
  rankByHits({ hits: count, label }, { hits: row.sections.length, label: row.label }) < 0

/** Pair keys are numbers, `first * WORD_IDS + second`, over word ids below WORD_IDS (exact in a double). */
const WORD_IDS = 2 ** 24
/**
 * Triple keys, `(first * TRIPLE_IDS + second) * TRIPLE_IDS + third`, need ids below TRIPLE_IDS (51 bits).
 * Words are numbered as they are met, so a word past it is one met late in a large collection: a sequence
 * holding it is rarely too rare for its pairs' heads to miss, and it gets no triple's head.
 */
const TRIPLE_IDS = 2 ** 17
const pairKey = (first: number, second: number) => first * WORD_IDS + second
const pairIds = (key: number): [number, number] => [Math.floor(key / WORD_IDS), key % WORD_IDS]
const tripleKey = (first: number, second: number, third: number) => (first * TRIPLE_IDS + second) * TRIPLE_IDS + third
const tripleIds = (key: number): [number, number, number] => [
  Math.floor(key / TRIPLE_IDS / TRIPLE_IDS),
  Math.floor(key / TRIPLE_IDS) % TRIPLE_IDS,
  key % TRIPLE_IDS,
]

/** Adds one transcript's sections to a sequence's head, keeping its best `size` rows. */
function addTo(heads: Map<number, Head>, key: number, sections: number[], name: string, label: string, size: number): Head {
  let head = heads.get(key)
  if (!head) {
    head = { sections: 0, transcripts: 0, rows: [] }
    heads.set(key, head)
  }
  head.sections += sections.length
  head.transcripts += 1
  const { rows } = head
  if (rows.length === size && !before(sections.length, label, rows.at(-1)!)) return head
  let at = rows.length
  while (at > 0 && before(sections.length, label, rows[at - 1]!)) at--
  rows.splice(at, 0, { name, label, sections })
  if (rows.length > size) rows.pop()
  return head
}

/** A section number added to a transcript's list of sections holding a sequence, once. */
function note(local: Map<number, number[]>, key: number, section: number) {
  const held = local.get(key)
  if (!held) local.set(key, [section])
  else if (held[held.length - 1] !== section) held.push(section)
}

const asHead = ({ sections, transcripts, rows }: Head): WordHead => [
  sections,
  transcripts,
  rows.map((row): [string, string] => [row.name, encodePositions(row.sections)]),
]

export class SequenceCollector {
  private readonly pairs = new Map<number, Head>()
  /** Pairs whose heads leave transcripts out: their triples are gathered from then on. */
  private readonly partial = new Set<number>()
  private readonly triples = new Map<number, Head>()
  private readonly pairSize: number
  private readonly tripleSize: number
  /** Each word met, by id, and each spelling of a Pagefind word (`ships,`) as the ids of the words in it. */
  private readonly wordIds = new Map<string, number>()
  private readonly wordList: string[] = []
  private readonly tokens = new Map<string, number[]>()

  constructor(pairSize = HEAD_SIZE, tripleSize = TRIPLE_HEAD_SIZE) {
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
        if (id >= WORD_IDS) throw new Error(`more than ${WORD_IDS} different words`)
        this.wordIds.set(word, id)
      }
      return id
    })
    this.tokens.set(token, ids)
    return ids
  }

  /** One transcript's passages (numbered as the page numbers them). */
  add(name: string, label: string, passages: Fragment): void {
    const pairs = new Map<number, number[]>()
    const triples = new Map<number, number[]>()
    const tokens = fragmentWords(passages.content)
    sectionRanges(passages.anchors, tokens.length).forEach(({ start, end }, i) => {
      // The two words before this one in the section (-1: none), and the pair they make.
      let first = -1
      let second = -1
      // Whether the pair of `first` and `second` is partial.
      let partialBefore = false
      for (let t = start; t < end; t++) {
        for (const id of this.idsOf(tokens[t]!)) {
          if (second >= 0) {
            const pair = pairKey(second, id)
            note(pairs, pair, i)
            const partialNow = this.partial.has(pair)
            if (partialBefore && partialNow && first < TRIPLE_IDS && second < TRIPLE_IDS && id < TRIPLE_IDS)
              note(triples, tripleKey(first, second, id), i)
            partialBefore = partialNow
          }
          first = second
          second = id
        }
      }
    })
    for (const [key, sections] of pairs) {
      const head = addTo(this.pairs, key, sections, name, label, this.pairSize)
      if (head.rows.length < head.transcripts) this.partial.add(key)
    }
    for (const [key, sections] of triples) addTo(this.triples, key, sections, name, label, this.tripleSize)
  }

  get count(): { pairs: number; triples: number } {
    return { pairs: this.pairs.size, triples: this.triples.size }
  }

  /** Every triple's head, then every pair's, each let go of as it is given. */
  *heads(): Generator<[string, WordHead]> {
    const word = (id: number) => this.wordList[id]!
    for (const [key, head] of this.triples) {
      yield [sequenceKey(tripleIds(key).map(word)), asHead(head)]
      this.triples.delete(key)
    }
    for (const [key, head] of this.pairs) {
      yield [sequenceKey(pairIds(key).map(word)), asHead(head)]
      this.pairs.delete(key)
    }
  }
}
