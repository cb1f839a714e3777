/**
 * The words spoken in a turn, as the transcript prints them, each with its place in the source: what an
 * alignment times (./map.ts) and what a page may show word by word. Only the speech is words: editorial
 * marks (unclear passages, supplied words, stage directions, omissions), note markers, timestamps and
 * page furniture are the editors' and never spoken, so never timed. Punctuation is not a word.
 */
import type { Paragraph, PhrasingContent, Text } from 'mdast'
import { assertNever, isForeign } from '../kinds.ts'
import type { Locator } from '../parse/source.ts'
import { toPlainText } from '../plain-text.ts'
import type { SpokenWord, Turn } from '../types.ts'

/** Letters and digits, with inner apostrophes, hyphens, points and commas kept (`I'll`, `twenty-five`, `1,000`, `U.S`). */
export const wordPattern = /[\p{L}\p{M}\p{N}]+(?:['’.,\-‐][\p{L}\p{M}\p{N}]+)*/gu

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

/**
 * A paragraph of a turn as its plain text (../plain-text.ts: marks in their brackets, note markers and
 * timestamps left out, white space not yet collapsed) in pieces, each of the turn's `words` standing
 * before its own text: where an export puts a word's time. `words` are the turn's, in order.
 */
export function timedPieces(paragraph: Paragraph, words: readonly SpokenWord[]): Array<string | SpokenWord> {
  const pieces: Array<string | SpokenWord> = []
  const visit = (nodes: readonly PhrasingContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') pieces.push(...textPieces(node, words))
      else if (node.type === 'emphasis') visit(node.children)
      else pieces.push(rawText(node))
    }
  }
  visit(paragraph.children)
  return pieces
}

/** A text node's value in pieces, each of its words (of `words`, in source order) before its own text. */
export function textPieces(node: Text, words: readonly SpokenWord[]): Array<string | SpokenWord> {
  const own = wordsWithin(words, node.position?.start.offset ?? 0, node.position?.end.offset ?? 0)
  const pieces: Array<string | SpokenWord> = []
  let at = 0
  let index = 0
  // The same pattern found the words in this text, in this order (`turnWords`).
  for (const match of node.value.matchAll(wordPattern)) {
    const word = own[index++]
    if (!word) break
    pieces.push(node.value.slice(at, match.index), word)
    at = match.index
  }
  pieces.push(node.value.slice(at))
  return pieces.filter((piece) => piece !== '')
}

/** The words (in source order) that start in `[from, to)` of the source, found by halving. */
function wordsWithin(words: readonly SpokenWord[], from: number, to: number): readonly SpokenWord[] {
  const first = (offset: number) => {
    let low = 0
    let high = words.length
    while (low < high) {
      const middle = (low + high) >> 1
      if ((words[middle]!.position.start.offset ?? 0) < offset) low = middle + 1
      else high = middle
    }
    return low
  }
  return words.slice(first(from), first(to))
}

/** Any other inline node's plain text (a mark in its brackets; a page break a space, as ../plain-text.ts has it). */
function rawText(node: PhrasingContent): string {
  return node.type === 'pageBreak' ? ' ' : toPlainText([node])
}
