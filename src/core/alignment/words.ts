/**
 * The words spoken in a turn, as the transcript prints them, each with its place in the source: what an
 * alignment times (./map.ts) and what a page may show word by word. Only the speech is words: editorial
 * marks (unclear passages, supplied words, stage directions, omissions), note markers, timestamps and
 * page furniture are the editors' and never spoken, so never timed. Punctuation is not a word.
 */
import type { PhrasingContent } from 'mdast'
import { assertNever, isForeign } from '../kinds.ts'
import type { Locator } from '../parse/source.ts'
import type { SpokenWord, Turn } from '../types.ts'

/** Letters and digits, with inner apostrophes, hyphens, points and commas kept (`I'll`, `twenty-five`, `1,000`, `U.S`). */
const wordPattern = /[\p{L}\p{M}\p{N}]+(?:['’.,\-‐][\p{L}\p{M}\p{N}]+)*/gu

/** The turn's spoken words in order, without times; `source` is the transcript's text. */
export function turnWords(turn: Turn, source: string, locator: Locator): SpokenWord[] {
  const words: SpokenWord[] = []
  const visit = (nodes: readonly PhrasingContent[]) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text': {
          // A text value is the source's lines joined by `\n`: each word is found in the source in order.
          let cursor = node.position?.start.offset ?? 0
          for (const match of node.value.matchAll(wordPattern)) {
            const found = source.indexOf(match[0], cursor)
            const start = found === -1 ? cursor : found
            cursor = start + match[0].length
            words.push({ value: match[0], position: locator.position(start, cursor) })
          }
          break
        }
        case 'emphasis':
          visit(node.children)
          break
        case 'unclear':
        case 'supplied':
        case 'direction':
        case 'omission':
        case 'footnoteReference':
        case 'timestamp':
        case 'pageBreak':
          break // the editors', not the speaker's
        default:
          if (!isForeign(node)) assertNever(node)
      }
    }
  }
  for (const child of turn.children) if (child.type === 'paragraph') visit(child.children)
  return words
}
