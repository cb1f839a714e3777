/**
 * A transcript as the passages two versions are compared by: its header lines, its heading, each paragraph,
 * turn, excision, direction and page line of its sections and conversation, and each note, in reading
 * order, each with its id on the page (when it has one) and its words as a reader reads them (brackets,
 * printed times and note markers kept, through the serializer's plain `inline`, as the text export has
 * them; no `*` of the source's italics): a correction to any of them is a change a reader must see. Ids come from the tree (turn ids, ./ids.ts), never made up here.
 */
import type { PhrasingContent } from 'mdast'
import { splitWords } from '../align/words.ts'
import { footnoteId, paragraphIds, passageIds } from '../ids.ts'
import { assertNever } from '../kinds.ts'
import { inline } from '../serialize.ts'
import type { ConversationContent, TranscriptRoot } from '../types.ts'

export type PassageKind = 'header' | 'heading' | 'paragraph' | 'turn' | 'excision' | 'direction' | 'page' | 'note'

export interface Passage {
  kind: PassageKind
  /** Its id on the page (`t-05-03`, `intro-1`, `fn-3`); the header, the heading and page lines have none. */
  id?: string
  /** What a reader calls it: the speaker's label as printed, `Note 3`, `Introduction`. */
  label: string
  words: string[]
}

export function passagesOf(tree: TranscriptRoot): Passage[] {
  const paragraphs = paragraphIds(tree)
  const editorial = passageIds(tree)
  const passages: Passage[] = []
  const words = (nodes: PhrasingContent[]) => splitWords(inline(nodes, true))
  const notesSeen = new Map<string, number>()
  const block = (node: ConversationContent, section: string) => {
    switch (node.type) {
      case 'turn': {
        const list: string[] = []
        for (const child of node.children) {
          if (child.type === 'paragraph') list.push(...words(child.children))
          else if (child.type === 'pageFurniture') list.push(...splitWords(child.value))
        }
        passages.push({ kind: 'turn', id: node.id, label: node.label, words: list })
        break
      }
      case 'paragraph':
        passages.push({ kind: 'paragraph', id: paragraphs.get(node)!, label: section, words: words(node.children) })
        break
      case 'excision':
        passages.push({ kind: 'excision', id: editorial.get(node)!, label: 'Excision', words: words(node.children) })
        break
      case 'directionBlock':
        passages.push({ kind: 'direction', id: editorial.get(node)!, label: 'Stage direction', words: words(node.children) })
        break
      case 'pageFurniture':
        passages.push({ kind: 'page', label: 'Page line', words: splitWords(node.value) })
        break
      case 'pageBreak':
        break // its notes are read below, in the notes' order
      default:
        assertNever(node)
    }
  }
  for (const child of tree.children) {
    switch (child.type) {
      case 'header':
        passages.push({ kind: 'header', label: 'Header', words: child.children.flatMap((field) => words(field.children)) })
        break
      case 'heading':
        passages.push({ kind: 'heading', label: 'Heading', words: words(child.children) })
        break
      case 'section':
        for (const node of child.children) block(node, child.name === 'introduction' ? 'Introduction' : 'Afterwards')
        break
      case 'conversation':
        for (const node of child.children) block(node, 'Conversation')
        break
      case 'pageBreak':
      case 'footnoteDefinition':
        break
      default:
        assertNever(child)
    }
  }
  for (const child of tree.children) {
    if (child.type !== 'footnoteDefinition') continue
    const occurrence = (notesSeen.get(child.identifier) ?? 0) + 1
    notesSeen.set(child.identifier, occurrence)
    const text = child.children.flatMap((part) => ('children' in part ? words(part.children as PhrasingContent[]) : []))
    passages.push({
      kind: 'note',
      id: footnoteId(child.identifier, occurrence),
      label: `Note ${child.label ?? child.identifier}`,
      words: text,
    })
  }
  return passages
}
