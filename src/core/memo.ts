/**
 * Values derived from a tree (ids, turn times) are asked for by the JSON export, the page and the search
 * index alike; a finished tree does not change, so each is worked out once per tree.
 */
import type { TranscriptRoot } from './types.ts'

export function perTree<Value>(derive: (tree: TranscriptRoot) => Value): (tree: TranscriptRoot) => Value {
  const cache = new WeakMap<TranscriptRoot, Value>()
  return (tree) => {
    if (!cache.has(tree)) cache.set(tree, derive(tree))
    return cache.get(tree)!
  }
}
