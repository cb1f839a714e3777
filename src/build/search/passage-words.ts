/**
 * The words of every passage as the phrase check reads them (`words` in contract/query.ts), numbered once
 * for the whole search build: one dictionary and one reading of each transcript feed both the phrase heads
 * (sequences.ts) and the postings (postings.ts). Each of them used to split and number every passage's
 * words again on its own.
 */
import { words } from '../../contract/query.ts'
import { fragmentWords, parseAnchorId, sectionRanges, voicesOf, type Fragment } from '../../contract/sections.ts'
import type { PassageKind } from '../../contract/passages.ts'
import { TupleIndex } from './tuple-index.ts'

/** One transcript's passages as word ids, read once. */
export interface TranscriptWords {
  /** Every word of every section, in order, as ids. */
  ids: Int32Array
  /** Section s's words are `ids[starts[s]]` up to `ids[starts[s + 1]]`: one more entry than sections. */
  starts: Int32Array
  /** At i, the number of the pair (`ids[i - 1]`, `ids[i]`) (`WordDictionary.pairs`); -1 at a section's first word. */
  pairs: Int32Array
  /** Each section's kind and speaker (a turn's speaker's name as the speaker facet gives it). */
  sections: Array<{ kind: PassageKind; speaker?: string }>
}

export class WordDictionary {
  private readonly ids = new Map<string, number>()
  /** Each word, by id. */
  readonly words: string[] = []
  /** Each spelling of a Pagefind word (`ships,`) as the ids of the phrase check's words in it: read once. */
  private readonly tokens = new Map<string, number[]>()
  /** Every pair of words side by side in a section, numbered as first met. */
  readonly pairs = new TupleIndex(2)

  /** No phrase word spans white space, so a section's words are its Pagefind words' words in turn. */
  idsOf(token: string): number[] {
    let ids = this.tokens.get(token)
    if (ids) return ids
    ids = words(token).map((word) => {
      let id = this.ids.get(word)
      if (id === undefined) {
        id = this.words.push(word) - 1
        this.ids.set(word, id)
      }
      return id
    })
    this.tokens.set(token, ids)
    return ids
  }

  /** One transcript's passages (numbered as the page numbers them), as ids. */
  read(passages: Fragment): TranscriptWords {
    const tokens = fragmentWords(passages.content)
    const ranges = sectionRanges(passages.anchors, tokens.length)
    const voices = voicesOf(passages.filters ?? {})
    const ids: number[] = []
    const starts = new Int32Array(ranges.length + 1)
    const sections: TranscriptWords['sections'] = []
    ranges.forEach(({ anchor, start, end }, s) => {
      starts[s] = ids.length
      for (let t = start; t < end; t++) for (const id of this.idsOf(tokens[t]!)) ids.push(id)
      if (!anchor) sections.push({ kind: 'editorial' })
      else {
        const { kind, voice } = parseAnchorId(anchor.id)
        sections.push(voice === undefined ? { kind } : { kind, speaker: voices.get(voice) ?? voice })
      }
    })
    starts[ranges.length] = ids.length
    const pairs = new Int32Array(ids.length).fill(-1)
    for (let s = 0; s < ranges.length; s++)
      for (let i = starts[s]! + 1; i < starts[s + 1]!; i++) pairs[i] = this.pairs.number(ids[i - 1]!, ids[i]!)
    return { ids: Int32Array.from(ids), starts, pairs, sections }
  }
}
