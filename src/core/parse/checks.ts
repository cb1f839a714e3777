/** Whole-document checks once the tree is built: footnotes and the order of timestamps. */
import type { FootnoteReference } from 'mdast'
import { eachNode, eachOfType } from '../walk.ts'
import type { VFile } from 'vfile'
import { report } from '../diagnostics.ts'
import { referencedNotes } from '../ids.ts'
import type { Timestamp, TranscriptRoot } from '../types.ts'

export function checkFootnotes(tree: TranscriptRoot, file: VFile): void {
  const references: FootnoteReference[] = []
  eachOfType(tree, 'footnoteReference', (node) => {
    references.push(node)
  })
  checkOrder(tree, file)
  const referenced = referencedNotes(tree)
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
      report(
        file,
        'footnote-unreferenced',
        `Footnote ${child.identifier} is defined here but never referenced in the text`,
        place,
      )
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
  eachOfType(tree, 'timestamp', (node) => {
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

/** Identifiers are digit strings without leading zeros: the longer is the larger, then by characters. */
function compare(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)
}

/** Footnotes are numbered in the order of their first markers, and printed in number order. */
function checkOrder(tree: TranscriptRoot, file: VFile): void {
  const seen = new Set<string>()
  let highest: string | undefined
  eachNode(tree, (node) => {
    if (node.type === 'footnoteDefinition') return false // markers inside notes do not set the order
    if (node.type !== 'footnoteReference' || seen.has(node.identifier)) return
    seen.add(node.identifier)
    if (highest !== undefined && compare(node.identifier, highest) < 0) {
      report(
        file,
        'footnote-order',
        `Footnote ${node.identifier} is first referenced here, after footnote ${highest}: footnotes are numbered in the order of their markers. Renumber them`,
        node.position?.start,
      )
    } else highest = node.identifier
  })
  let previous: string | undefined
  for (const child of tree.children) {
    if (child.type !== 'footnoteDefinition') continue
    if (previous !== undefined && compare(child.identifier, previous) < 0) {
      report(
        file,
        'footnote-order',
        `Footnote ${child.identifier} is defined here, after footnote ${previous}: print the definitions in number order`,
        child.position?.start,
      )
    } else previous = child.identifier
  }
}
