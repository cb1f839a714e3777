/** Whole-document checks once the tree is built: footnotes and the order of timestamps. */
import type { FootnoteReference } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { report } from '../diagnostics.ts'
import type { Timestamp, TranscriptRoot } from '../types.ts'

export function checkFootnotes(tree: TranscriptRoot, file: VFile): void {
  const references: FootnoteReference[] = []
  visit(tree, 'footnoteReference', (node) => {
    references.push(node)
  })
  const referenced = new Set(references.map((reference) => reference.identifier))
  const defined = new Set<string>()
  for (const child of tree.children) {
    if (child.type !== 'footnoteDefinition') continue
    const place = child.position?.start
    if (defined.has(child.identifier)) {
      report(
        file,
        'footnote-duplicate',
        `Footnote ${child.identifier} is defined a second time here; renumber one of the two`,
        place,
      )
    } else if (!referenced.has(child.identifier)) {
      report(file, 'footnote-unreferenced', `Footnote ${child.identifier} is defined here but never referenced in the text`, place)
    }
    defined.add(child.identifier)
  }
  for (const reference of references) {
    if (defined.has(reference.identifier)) continue
    report(
      file,
      'footnote-undefined',
      `Footnote ${reference.identifier} is referenced here but never defined; add its note or remove the marker`,
      reference.position?.start,
    )
  }
}

export function checkTimestamps(tree: TranscriptRoot, file: VFile): void {
  let previous: Timestamp | undefined
  visit(tree, 'timestamp', (node) => {
    if (previous && node.seconds < previous.seconds) {
      report(
        file,
        'timestamp-backwards',
        `Timestamp [${node.value}] is earlier than the one before it, [${previous.value}] on line ${previous.position?.start.line}`,
        node.position?.start,
      )
    }
    previous = node
  })
}
