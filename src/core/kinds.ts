/**
 * Exhaustive dispatch over node kinds. A `switch` over a node's `type` ends in `assertNever(node)`: when a
 * kind is added to the tree (types.ts), the type checker lists every switch that does not handle it yet.
 * mdast's own kinds that a transcript never holds (links, code, lists…) are told apart by `isForeign`.
 */
import type { Nodes } from 'mdast'
import type { TranscriptNode } from './types.ts'

/** Unreachable when every kind is handled; at run time (a tree built by hand), a clear error. */
export function assertNever(node: never): never {
  throw new Error(`Unhandled node kind: ${(node as { type?: unknown })?.type}`)
}

/** Every transcript kind, as a value: the record's keys are checked against `TranscriptNode`. */
const transcriptKinds: Record<TranscriptNode['type'], true> = {
  root: true,
  header: true,
  headerField: true,
  section: true,
  heading: true,
  conversation: true,
  turn: true,
  excision: true,
  directionBlock: true,
  paragraph: true,
  pageBreak: true,
  footnoteDefinition: true,
  text: true,
  emphasis: true,
  footnoteReference: true,
  timestamp: true,
  unclear: true,
  supplied: true,
  direction: true,
  omission: true,
  pageFurniture: true,
}

/** An mdast node of a kind the transcript never holds. */
export function isForeign<T extends Nodes>(node: T): node is Exclude<T, TranscriptNode> {
  return !Object.hasOwn(transcriptKinds, node.type)
}
