/** HTML ids derived from the tree, shared by the JSON export, the pages and the search records. */
import type { Paragraph } from 'mdast'
import { visit } from 'unist-util-visit'
import { timeSlug } from './time.ts'
import type { Timestamp, TranscriptRoot } from './types.ts'

const prefixes = { introduction: 'intro', epilogue: 'epilogue' } as const

/** Narrative paragraphs: `intro-1`, `epilogue-2`, `conversation-1`. */
export function paragraphIds(tree: TranscriptRoot): Map<Paragraph, string> {
  const ids = new Map<Paragraph, string>()
  for (const child of tree.children) {
    if (child.type !== 'section' && child.type !== 'conversation') continue
    const prefix = child.type === 'section' ? prefixes[child.name] : 'conversation'
    let count = 0
    for (const block of child.children) if (block.type === 'paragraph') ids.set(block, `${prefix}-${++count}`)
  }
  return ids
}

/** HTML ids of printed timestamps: `ts-03-01`; a repeated time gets `-x2`, `-x3`. */
export function timestampIds(tree: TranscriptRoot): Map<Timestamp, string> {
  const ids = new Map<Timestamp, string>()
  const used = new Set<string>()
  visit(tree, 'timestamp', (node) => {
    const base = `ts-${timeSlug(node.value)}`
    let id = base
    for (let n = 2; used.has(id); n++) id = `${base}-x${n}`
    used.add(id)
    ids.set(node, id)
  })
  return ids
}
