/**
 * The heads of word pairs (src/search/contract.ts, `WordHead`, keyed `word word`): for each two words
 * side by side in a passage, as the phrase check reads them (`words`), the passages holding them and the
 * transcripts with most such passages. A quoted phrase's first results then come from its rarest pair:
 * every passage holding the phrase holds each of its pairs, and a pair found nowhere means no results.
 * Gathered transcript by transcript as the passages are written; only each pair's best HEAD_SIZE rows kept.
 */
import { encodePositions, HEAD_SIZE, rankByHits, type Fragment, type WordHead } from '../contract.ts'
import { words } from '../query.ts'
import { fragmentWords, sectionRanges } from '../sections.ts'

interface Row {
  name: string
  label: string
  sections: number[]
}
interface Pair {
  sections: number
  transcripts: number
  rows: Row[]
}

/** Whether a transcript with `count` passages and `label` ranks before `row`. */
const before = (count: number, label: string, row: Row) =>
  rankByHits({ hits: count, label }, { hits: row.sections.length, label: row.label }) < 0

/** Pair keys are numbers, `first * WORD_IDS + second`, over word ids below WORD_IDS (exact in a double). */
const WORD_IDS = 2 ** 24

export class PairCollector {
  private readonly pairs = new Map<number, Pair>()
  private readonly size: number
  /** Each word met, by id, and each spelling of a Pagefind word (`ships,`) as the ids of the words in it. */
  private readonly wordIds = new Map<string, number>()
  private readonly wordList: string[] = []
  private readonly tokens = new Map<string, number[]>()

  constructor(size = HEAD_SIZE) {
    this.size = size
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
    const local = new Map<number, number[]>()
    const tokens = fragmentWords(passages.content)
    sectionRanges(passages.anchors, tokens.length).forEach(({ start, end }, i) => {
      let previous = -1
      for (let t = start; t < end; t++) {
        for (const id of this.idsOf(tokens[t]!)) {
          if (previous >= 0) {
            const key = previous * WORD_IDS + id
            const held = local.get(key)
            if (!held) local.set(key, [i])
            else if (held[held.length - 1] !== i) held.push(i)
          }
          previous = id
        }
      }
    })
    for (const [key, sections] of local) {
      let pair = this.pairs.get(key)
      if (!pair) {
        pair = { sections: 0, transcripts: 0, rows: [] }
        this.pairs.set(key, pair)
      }
      pair.sections += sections.length
      pair.transcripts += 1
      const { rows } = pair
      if (rows.length === this.size && !before(sections.length, label, rows.at(-1)!)) continue
      let at = rows.length
      while (at > 0 && before(sections.length, label, rows[at - 1]!)) at--
      rows.splice(at, 0, { name, label, sections })
      if (rows.length > this.size) rows.pop()
    }
  }

  get count(): number {
    return this.pairs.size
  }

  /** Every pair's head (`word word`), the pairs let go of as they are given. */
  *heads(): Generator<[string, WordHead]> {
    for (const [key, { sections, transcripts, rows }] of this.pairs) {
      const first = this.wordList[Math.floor(key / WORD_IDS)]!
      const second = this.wordList[key % WORD_IDS]!
      yield [
        `${first} ${second}`,
        [sections, transcripts, rows.map((row): [string, string] => [row.name, encodePositions(row.sections)])],
      ]
      this.pairs.delete(key)
    }
  }
}
