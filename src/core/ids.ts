/** HTML ids derived from the tree, shared by the JSON export, the pages and the search records. */
import type { Paragraph } from 'mdast'
import { eachOfType } from './walk.ts'
import { perTree } from './memo.ts'
import { timeSlug } from '../contract/time.ts'
import { editorialId } from '../contract/passages.ts'
import type { DirectionBlock, Excision, Timestamp } from './types.ts'

/** Narrative paragraphs: `intro-1`, `epilogue-2`, `conversation-1`. */
export const paragraphIds = perTree((tree): Map<Paragraph, string> => {
  const ids = new Map<Paragraph, string>()
  for (const child of tree.children) {
    if (child.type !== 'section' && child.type !== 'conversation') continue
    // A paragraph of the conversation (between turns) is no editorial passage of its own kind.
    const id = (n: number) => (child.type === 'section' ? editorialId(child.name, n) : `conversation-${n}`)
    let count = 0
    for (const block of child.children) if (block.type === 'paragraph') ids.set(block, id(++count))
  }
  return ids
})

/** HTML ids of printed timestamps: `ts-03-01`; a repeated time gets `-x2`, `-x3`. */
export const timestampIds = perTree((tree): Map<Timestamp, string> => {
  const ids = new Map<Timestamp, string>()
  const seen = new Map<string, number>()
  eachOfType(tree, 'timestamp', (node) => {
    const base = `ts-${timeSlug(node.value)}`
    // Counting per base keeps a file with thousands of equal times linear.
    const count = (seen.get(base) ?? 0) + 1
    seen.set(base, count)
    ids.set(node, count === 1 ? base : `${base}-x${count}`)
  })
  return ids
})

/** Excision notes and stage directions between turns: `excision-1`, `direction-1`, in reading order. */
export const passageIds = perTree((tree): Map<Excision | DirectionBlock, string> => {
  const ids = new Map<Excision | DirectionBlock, string>()
  const counts = { excision: 0, direction: 0 }
  for (const child of tree.children) {
    if (child.type !== 'conversation') continue
    for (const block of child.children) {
      if (block.type === 'excision') ids.set(block, editorialId('excision', ++counts.excision))
      if (block.type === 'directionBlock') ids.set(block, editorialId('direction', ++counts.direction))
    }
  }
  return ids
})

/** HTML id of a note: `fn-2`; a second note printed with the same number is `fn-2-x2`, then `-x3`. */
export function footnoteId(n: number | string, occurrence: number): string {
  return occurrence === 1 ? `fn-${n}` : `fn-${n}-x${occurrence}`
}

/** Identifiers of the notes that some marker points to (markers inside notes count). */
export const referencedNotes = perTree((tree): ReadonlySet<string> => {
  const referenced = new Set<string>()
  eachOfType(tree, 'footnoteReference', (node) => {
    referenced.add(node.identifier)
  })
  return referenced
})
