/**
 * Depth-first walks over a transcript tree, in document order. unist-util-visit does the same with more
 * (ancestors, tests, skip and exit codes), at a cost that showed in profiles of large builds: these walks
 * run several times per transcript, so they are kept to a loop over children.
 */
import type { Nodes } from 'mdast'
import type { TranscriptRoot } from './types.ts'

type Walked = Nodes | TranscriptRoot

/** Calls `enter` on `node` and every node below it; when `enter` returns false, its children are skipped. */
export function eachNode(node: Walked, enter: (node: Nodes) => unknown): void {
  if (enter(node as Nodes) === false) return
  if ('children' in node) for (const child of node.children as Walked[]) eachNode(child, enter)
}

/** Calls `found` on every node of one type at or below `node`. */
export function eachOfType<Type extends Nodes['type']>(
  node: Walked,
  type: Type,
  found: (node: Extract<Nodes, { type: Type }>) => void,
): void {
  eachNode(node, (each) => {
    if (each.type === type) found(each as Extract<Nodes, { type: Type }>)
  })
}
