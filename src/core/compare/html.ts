/**
 * A comparison of two witnesses as the page's HTML (hast, then ../html.ts): their names and a summary,
 * a short legend, then row by row the passages that face each other, each side's turn linked to its own
 * page and id, labels, marks and printed times as each transcript gives them. Words found on one side only
 * are `<del>` (left) or `<ins>` (right), shaded and underlined, and say so to screen readers in words
 * ("only in …"), so that no difference is told by colour alone. Static: the page needs no script.
 */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import { hastToHtml } from '../html.ts'
import type { ComparedPassage, ComparedToken, Comparison, ComparisonRow } from './align.ts'

/** One side as the page names it. */
export interface ComparedWitness {
  name: string
  title: string
  /** Who made it, when a sidecar says: the side is called by it, else by the transcript's name. */
  transcriber?: string
  source?: string
  /** The transcript's page, and a passage on it, as URLs the comparison page can use. */
  href: string
  passageHref: (id: string) => string
  /** The search limited to this transcription (its transcript filter), when the site has a search. */
  searchHref?: string
}

/** What a side is called on the page: its transcriber, else its file's name; never a name no sidecar gives. */
export function witnessName(witness: Pick<ComparedWitness, 'name' | 'transcriber'>): string {
  return witness.transcriber ?? witness.name
}

export function comparisonHtml(comparison: Comparison, left: ComparedWitness, right: ComparedWitness): string {
  return hastToHtml(
    h('div', { className: ['comparison'] }, [
      witnesses(left, right),
      summary(comparison, left, right),
      legend(left, right),
      h('h2', { id: 'passages' }, 'Passage by passage'),
      h(
        'ol',
        { className: ['compare-rows'], 'aria-labelledby': 'passages' },
        comparison.rows.map((row) => rowElement(row, left, right)),
      ),
    ]),
  )
}

function witnesses(left: ComparedWitness, right: ComparedWitness): Element {
  const item = (witness: ComparedWitness, side: string) =>
    h('div', { className: ['compare-witness-about', `compare-${side}`] }, [
      h('dt', witnessName(witness)),
      h('dd', [h('a', { href: witness.href }, witness.title)]),
      ...(witness.source ? [h('dd', witness.source)] : []),
      ...(witness.searchHref
        ? [h('dd', [h('a', { href: witness.searchHref }, `Search only the ${witnessName(witness)} transcription`)])]
        : []),
    ])
  return h('dl', { className: ['compare-witnesses'] }, [item(left, 'left'), item(right, 'right')])
}

function summary(comparison: Comparison, left: ComparedWitness, right: ComparedWitness): Element {
  const { same, left: onlyLeft, right: onlyRight } = comparison.counts
  const count = (n: number) => n.toLocaleString('en-US')
  return h('dl', { className: ['compare-summary'] }, [
    h('div', [h('dt', 'Words in common'), h('dd', count(same))]),
    h('div', [h('dt', `Only in ${witnessName(left)}`), h('dd', count(onlyLeft))]),
    h('div', [h('dt', `Only in ${witnessName(right)}`), h('dd', count(onlyRight))]),
  ])
}

function legend(left: ComparedWitness, right: ComparedWitness): Element {
  return h('div', { className: ['compare-legend'] }, [
    h('p', [
      'Each row sets a passage of one transcription beside the passage of the other that shares its words; a side left empty is a passage the other does not have. ',
      h('del', 'Words only in one transcription'),
      ' are shaded and underlined, and announced as such. Labels, marks and times are as each transcript prints them.',
    ]),
    h('p', { className: ['compare-legend-sides'] }, [
      `Left (first on a narrow screen): ${witnessName(left)}. Right (second): ${witnessName(right)}.`,
    ]),
  ])
}

function rowElement(row: ComparisonRow, left: ComparedWitness, right: ComparedWitness): Element {
  return h('li', { className: ['compare-row'] }, [
    ...(row.anchor ? [h('p', { className: ['compare-anchor'] }, `Both print ${row.anchor} here`)] : []),
    side(row.left, left, 'left'),
    side(row.right, right, 'right'),
  ])
}

function side(passages: readonly ComparedPassage[], witness: ComparedWitness, which: 'left' | 'right'): Element {
  return h('div', { className: ['compare-side', `compare-${which}`] }, [
    h('p', { className: ['compare-witness'] }, witnessName(witness)),
    ...(passages.length === 0
      ? [h('p', { className: ['compare-empty'] }, 'Not in this transcription.')]
      : passages.map((passage) => passageElement(passage, witness, which))),
  ])
}

const kinds: Record<ComparedPassage['kind'], string> = {
  turn: 'turn',
  direction: 'direction',
  excision: 'excision',
  paragraph: 'paragraph',
}

function passageElement(passage: ComparedPassage, witness: ComparedWitness, which: 'left' | 'right'): Element {
  const [first, ...rest] = passage.tokens
  const label = first?.kind === 'label' ? first : undefined
  const words = label ? rest : passage.tokens
  const link = h(
    'a',
    { className: ['compare-link'], href: witness.passageHref(passage.id) },
    label ? runs([label], witness, which) : kinds[passage.kind],
  )
  return h('p', { className: ['compare-passage'] }, [
    link,
    ...(passage.time ? [' ', h('span', { className: ['compare-time'] }, `[${passage.time.value}]`)] : []),
    ' ',
    ...runs(words, witness, which),
  ])
}

/** Tokens as text, each run found on one side only in one `<del>` or `<ins>` that names the side. */
function runs(tokens: readonly ComparedToken[], witness: ComparedWitness, which: 'left' | 'right'): ElementContent[] {
  const out: ElementContent[] = []
  let at = 0
  while (at < tokens.length) {
    const status = tokens[at]!.status
    let end = at + 1
    while (end < tokens.length && tokens[end]!.status === status) end++
    const content = words(tokens.slice(at, end))
    if (at > 0 && !tokens[at]!.glued) out.push({ type: 'text', value: ' ' })
    if (status === 'same') out.push(...content)
    else
      out.push(
        h(which === 'left' ? 'del' : 'ins', [
          h('span', { className: ['sr-only'] }, `[only in ${witnessName(witness)}: `),
          ...content,
          h('span', { className: ['sr-only'] }, ']'),
        ]),
      )
    at = end
  }
  return out
}

function words(tokens: readonly ComparedToken[]): ElementContent[] {
  const out: ElementContent[] = []
  let text = ''
  const flush = () => {
    if (text !== '') out.push({ type: 'text', value: text })
    text = ''
  }
  for (const [index, token] of tokens.entries()) {
    const space = index > 0 && !token.glued ? ' ' : ''
    if (token.kind === 'mark') {
      text += space
      flush()
      out.push(h('span', { className: ['compare-mark'] }, token.text))
    } else if (token.kind === 'label') {
      text += space
      flush()
      out.push(h('span', { className: ['compare-label'] }, token.text))
    } else text += space + token.text
  }
  flush()
  return out
}
