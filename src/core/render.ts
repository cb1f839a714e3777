/** Transcript tree → the reading page's HTML; every text and attribute is escaped (./html.ts). */
import { hastToHtml } from './html.ts'
import { type PageOptions, toHastTree } from './to-hast.ts'
import type { TranscriptRoot } from './types.ts'

export function renderTranscript(tree: TranscriptRoot, options: PageOptions = {}): string {
  return hastToHtml(toHastTree(tree, options))
}
