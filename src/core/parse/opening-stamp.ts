/**
 * The one rule for a turn that opens with a printed timestamp, decided here once and recorded in the tree
 * (`Turn.openingStamp`); turn ids, turn times, the timeline, the search records and the page read that.
 *
 * A turn opens with a printed timestamp when the first thing of its text is a timestamp, passing over
 * white space, footnote markers, page-break markers and the opening of emphasis (`*[07:03]* Hi.`):
 * `Ann Lee: ¹ [05:03] Hi.` opens at 05:03. When several stamps stand there before any word
 * (`[06:03] [06:10] Hi.`), the first is the turn's start; the others are printed times inside it.
 */
import type { PhrasingContent } from 'mdast'
import type { TimeMark, Turn } from '../types.ts'

export function openingStamp(turn: Pick<Turn, 'children'>): TimeMark | undefined {
  for (const block of turn.children) {
    if (block.type !== 'paragraph') continue
    const found = leading(block.children)
    if (found !== undefined) return found === 'words' ? undefined : found
  }
  return undefined
}

/** The first timestamp before any word, `words` when words come first, undefined when there is nothing. */
function leading(nodes: PhrasingContent[]): TimeMark | 'words' | undefined {
  for (const node of nodes) {
    if (node.type === 'timestamp') return { value: node.value, seconds: node.seconds }
    if (node.type === 'footnoteReference' || node.type === 'pageBreak') continue
    if (node.type === 'text' && node.value.trim() === '') continue
    if (node.type === 'emphasis') {
      const inside = leading(node.children)
      if (inside === undefined) continue
      return inside
    }
    return 'words'
  }
  return undefined
}
