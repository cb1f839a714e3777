/** HTML ids of narrative paragraphs (`intro-1`, `epilogue-2`, `conversation-1`), shared by JSON and pages. */
import type { Paragraph } from 'mdast'
import type { TranscriptRoot } from './types.ts'

const prefixes = { introduction: 'intro', epilogue: 'epilogue' } as const

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
