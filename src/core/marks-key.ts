/**
 * The key to the editorial marks a transcript uses, on its page before the conversation: each kind as it
 * looks, its name linked to its section of the About page. Only the kinds the transcript holds; none, no key.
 * The words are src/contract/marks.ts's, which the About page reads too.
 */
import type { Element } from 'hast'
import { h } from 'hastscript'
import { type MarkKind, markMeanings } from '../contract/marks.ts'
import type { TranscriptRoot } from './types.ts'
import { eachNode } from './walk.ts'

const order: readonly MarkKind[] = ['unclear', 'supplied', 'direction', 'omission', 'excision']

/** What each kind's sample shows, styled as the mark is. */
const samples: Record<MarkKind, string> = { unclear: '[…]', supplied: '[…]', direction: '[…]', omission: '[…]', excision: '—' }

export function marksKey(tree: TranscriptRoot, aboutHref: (section: string) => string | undefined): Element | undefined {
  const used = new Set<MarkKind>()
  eachNode(tree as never, (node: { type: string }) => {
    // Brackets in the editors' notes are their text, not marks (./to-hast.ts).
    if (node.type === 'footnoteDefinition') return false
    if (node.type === 'directionBlock') used.add('direction')
    else if ((order as readonly string[]).includes(node.type)) used.add(node.type as MarkKind)
  })
  if (used.size === 0) return undefined
  const items = order
    .filter((kind) => used.has(kind))
    .map((kind) => {
      const { id, name, meaning } = markMeanings[kind]
      const href = aboutHref(id)
      const sample =
        kind === 'excision'
          ? h('span.marks-key-sample.excision-sample', { ariaHidden: 'true' }, samples[kind])
          : h(`span.mark.${kind}.marks-key-sample`, { ariaHidden: 'true' }, samples[kind])
      return h('li', { title: meaning }, [sample, ' ', href ? h('a', { href }, name) : name])
    })
  return h('aside.marks-key', { ariaLabelledBy: 'marks-key-label' }, [
    h('h2#marks-key-label', 'Key to the marks'),
    h('ul', items),
  ])
}
