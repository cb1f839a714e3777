/**
 * Where a value stands in a YAML text (or JSON, which is YAML 1.2), for messages: the sidecar's and the
 * alignment file's readers place their messages with it.
 */
import type { Point } from 'unist'
import { type Document, LineCounter, type Node as YamlNode, parseDocument } from 'yaml'

export interface PlacedDocument {
  doc: Document
  /** The line and column of an offset in the text. */
  at(offset: number): Point
  /** Where the value at `path` stands, or the nearest enclosing one that exists (`nearestNode`). */
  nearest(path: readonly PropertyKey[]): Point
}

export function placedDocument(text: string): PlacedDocument {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false })
  const at = (offset: number): Point => {
    const { line, col } = lines.linePos(offset)
    return { line, column: col }
  }
  return { doc, at, nearest: (path) => at(nearestNode(doc, path)?.range?.[0] ?? 0) }
}

/** The value at `path`, or the nearest enclosing one that exists (a missing key is reported at its map). */
export function nearestNode(doc: Document, path: readonly PropertyKey[]): YamlNode | undefined {
  for (let length = path.length; length >= 0; length--) {
    const node = doc.getIn(path.slice(0, length) as unknown[], true)
    if (node && typeof node === 'object' && 'range' in node) return node as YamlNode
  }
  return doc.contents ?? undefined
}
