/** Transcript tree → the reading page's HTML. hast-util-to-html escapes every text and attribute. */
import { toHtml } from 'hast-util-to-html'
import { toHastTree } from './to-hast.ts'
import type { TranscriptRoot } from './types.ts'

export function renderTranscript(tree: TranscriptRoot): string {
  return toHtml(toHastTree(tree))
}
