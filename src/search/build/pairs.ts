/**
 * The heads of word pairs (src/search/contract.ts, `WordHead`, keyed `word word`): for each two words
 * side by side in a passage, as the phrase check reads them (`words`), the passages holding them and the
 * transcripts with most such passages. A quoted phrase's first results then come from its rarest pair:
 * every passage holding the phrase holds each of its pairs, and a pair found nowhere means no results.
 * Gathered transcript by transcript as the passages are written; only each pair's best HEAD_SIZE rows kept.
 */
import { encodePositions, HEAD_SIZE, rankByHits, type Fragment, type WordHead } from '../contract.ts'
import { words } from '../query.ts'
import { sectionsOf } from '../sections.ts'

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

export class PairCollector {
  private readonly pairs = new Map<string, Pair>()
  private readonly size: number

  constructor(size = HEAD_SIZE) {
    this.size = size
  }

  /** One transcript's passages (numbered as the page numbers them). */
  add(name: string, label: string, passages: Fragment): void {
    const local = new Map<string, number[]>()
    sectionsOf(passages).forEach((section, i) => {
      const list = words(section.text)
      for (let j = 0; j + 1 < list.length; j++) {
        const key = `${list[j]} ${list[j + 1]}`
        const held = local.get(key)
        if (!held) local.set(key, [i])
        else if (held.at(-1) !== i) held.push(i)
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

  /** Every pair's head, the pairs let go of as they are given. */
  *heads(): Generator<[string, WordHead]> {
    for (const [key, { sections, transcripts, rows }] of this.pairs) {
      yield [key, [sections, transcripts, rows.map((row): [string, string] => [row.name, encodePositions(row.sections)])]]
      this.pairs.delete(key)
    }
  }
}
