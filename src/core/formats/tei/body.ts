/**
 * The TEI `text` of a transcript (Guidelines ch. 8, Transcriptions of Speech): the introduction, the
 * conversation and the epilogue as `div`s; each turn a `u` with `who`, `start` and `end` on the timeline;
 * unclear passages `unclear`, supplied words `supplied`, stage directions `vocal`/`kinesic`/`incident`,
 * excisions `gap` with their duration, footnotes `note` at their first reference, old page bottoms `pb`.
 */
import type { FootnoteDefinition, PhrasingContent } from 'mdast'
import { assertNever } from '../../kinds.ts'
import { printBracket, toSuperscript } from '../../syntax.ts'
import { toPlainText } from '../../plain-text.ts'
import type { ConversationContent, PageFurniture, Section, SpokenWord, TranscriptRoot } from '../../types.ts'
import { textPieces } from '../../alignment/words.ts'
import { directionElement } from './directions.ts'
import { type Timeline, timeline } from './timeline.ts'
import { element, xmlText, xmlId } from './xml.ts'

/** Where inline content is written: running text, a `desc` (text only), or a note's own text. */
type Context = 'text' | 'desc' | 'note'

export function speakerRef(id: string): string {
  return xmlId('sp', id)
}

export function teiText(tree: TranscriptRoot): string {
  return new TextWriter(tree).write()
}

class TextWriter {
  readonly tree: TranscriptRoot
  readonly times: Timeline
  /** Definitions by identifier, in source order (a number may be defined twice). */
  readonly definitions = new Map<string, FootnoteDefinition[]>()
  readonly placed = new Set<FootnoteDefinition>()
  /** What a `desc` cannot hold (a note, a time) is written right after the element around it. */
  after: string[] = []

  /** Every turn's spoken words, in source order (none without an alignment). */
  readonly words: SpokenWord[]

  constructor(tree: TranscriptRoot) {
    this.tree = tree
    this.times = timeline(tree)
    this.words = tree.children.flatMap((child) =>
      child.type === 'conversation' ? child.children.flatMap((block) => (block.type === 'turn' ? (block.words ?? []) : [])) : [],
    )
    for (const child of tree.children) {
      if (child.type !== 'footnoteDefinition') continue
      this.definitions.set(child.identifier, [...(this.definitions.get(child.identifier) ?? []), child])
    }
  }

  write(): string {
    const body: string[] = [this.times.xml]
    let heading: string | undefined
    const flushHeading = () => {
      if (heading !== undefined) body.push(element('div', { type: 'heading' }, element('p', {}, heading)))
      heading = undefined
    }
    for (const child of this.tree.children) {
      switch (child.type) {
        case 'header':
        case 'footnoteDefinition':
          break
        case 'heading':
          flushHeading()
          heading = this.inline(child.children)
          break
        case 'section':
          flushHeading()
          body.push(this.div(child.name, child.children))
          break
        case 'conversation':
          body.push(this.div('conversation', child.children, heading))
          heading = undefined
          break
        case 'pageBreak':
          flushHeading()
          body.push(element('pb'))
          break
        default:
          assertNever(child)
      }
    }
    flushHeading()
    const back = this.unplacedNotes()
    return element(
      'text',
      {},
      `\n${element('body', {}, `\n${body.join('\n')}\n`)}\n${back ? `${element('back', {}, `\n${back}\n`)}\n` : ''}`,
    )
  }

  div(type: string, blocks: Array<ConversationContent | Section['children'][number]>, head?: string): string {
    const parts: string[] = head === undefined ? [] : [element('head', {}, head)]
    let common = false // a div needs a paragraph or an utterance, not only gaps and incidents
    for (const block of blocks) {
      switch (block.type) {
        case 'turn': {
          common = true
          const paragraphs = block.children.filter((part) => part.type === 'paragraph').length
          const content = block.children
            .map((part) =>
              part.type === 'pageBreak'
                ? element('pb')
                : part.type === 'pageFurniture'
                  ? this.furniture(part)
                  : paragraphs > 1
                    ? element('seg', { type: 'paragraph' }, this.inline(part.children))
                    : this.inline(part.children),
            )
            .join('')
          const attrs = {
            'xml:id': xmlId('u', block.id),
            who: `#${speakerRef(block.speaker)}`,
            start: optionalRef(this.times.start.get(block)),
            end: optionalRef(this.times.end.get(block)),
          }
          parts.push(element('u', attrs, content))
          break
        }
        case 'paragraph':
          common = true
          parts.push(element('p', {}, this.inline(block.children)))
          break
        case 'excision': {
          const [desc, after] = this.desc(block.children)
          parts.push(
            element('gap', { reason: 'excised', dur: block.seconds === null ? undefined : `PT${block.seconds}S` }, desc) + after,
          )
          break
        }
        case 'directionBlock': {
          // The block's brackets are its direction's own: `[Bundy, Sorensen, and Rusk have …]`.
          const [only, ...rest] = block.children
          parts.push(this.direction(only?.type === 'direction' && rest.length === 0 ? only.children : block.children))
          break
        }
        case 'pageBreak':
          parts.push(element('pb'))
          break
        case 'pageFurniture':
          parts.push(this.furniture(block))
          break
        default:
          assertNever(block)
      }
    }
    if (!common) parts.push(element('p'))
    return element('div', { type }, `\n${parts.join('\n')}\n`)
  }

  /** A running head or page number of the typed pages: TEI's forme work. */
  furniture(node: PageFurniture): string {
    return element('fw', { type: node.kind === 'runningHead' ? 'header' : 'pageNum' }, xmlText(node.value))
  }

  /** A stage direction, and after it what its `desc` cannot hold. */
  direction(children: PhrasingContent[]): string {
    const [desc, after] = this.desc(children)
    return element(directionElement(toPlainText(children)), {}, desc) + after
  }

  /** A `desc` of text only, and the notes, times and marks its words carried, to be written after it. */
  desc(children: PhrasingContent[]): [string, string] {
    const outer = this.after
    this.after = []
    const desc = element('desc', {}, this.inline(children, 'desc'))
    const after = this.after.join('')
    this.after = outer
    return [desc, after]
  }

  wordAnchor(word: SpokenWord): string {
    const when = this.times.words.get(word)
    return when ? element('anchor', { synch: `#${when}` }) : ''
  }

  inline(nodes: PhrasingContent[], context: Context = 'text'): string {
    let out = ''
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          // An aligned word is preceded by an anchor on its own `when` (./timeline.ts).
          out +=
            context === 'text' && this.words.length > 0
              ? textPieces(node, this.words)
                  .map((piece) => (typeof piece === 'string' ? xmlText(piece) : this.wordAnchor(piece)))
                  .join('')
              : xmlText(node.value)
          break
        case 'inlineCode':
        case 'html':
          out += xmlText(node.value)
          break
        case 'emphasis':
        case 'strong':
          out +=
            context === 'desc'
              ? this.inline(node.children, context)
              : element('hi', { rend: node.type === 'emphasis' ? 'italic' : 'bold' }, this.inline(node.children, context))
          break
        case 'delete':
        case 'link':
        case 'linkReference':
          out += this.inline(node.children, context)
          break
        case 'image':
        case 'imageReference':
          out += xmlText(node.alt ?? '')
          break
        case 'break':
          out += context === 'desc' ? ' ' : element('lb')
          break
        case 'unclear': {
          // A desc holds text only: there the passage stays as printed, in its brackets.
          if (context === 'desc') {
            out += `[${this.inline(node.children, context)}]`
            break
          }
          // The words as printed (`unclear`, `*unclear*: on this`) in a gap's desc, or the editors' conjecture.
          const [desc, after] = this.desc(node.children)
          out +=
            node.conjecture === undefined
              ? element('unclear', {}, element('gap', { reason: 'inaudible' }, desc))
              : element('unclear', { cert: 'low' }, xmlText(node.conjecture))
          out += after
          break
        }
        case 'supplied':
          out +=
            context === 'desc'
              ? `[${this.inline(node.children, context)}]`
              : element('supplied', {}, this.inline(node.children, context))
          break
        case 'direction':
          if (context === 'desc') out += `[${this.inline(node.children, context)}]`
          else out += this.direction(node.children)
          break
        case 'omission': {
          // Material withheld (`(Privileged Material Deleted)`): a gap, its wording as printed in its desc.
          if (context === 'desc') {
            out += printBracket(this.inline(node.children, context), node.delimiters)
            break
          }
          const [desc, after] = this.desc(node.children)
          out += element('gap', { reason: 'withheld' }, desc) + after
          break
        }
        case 'timestamp': {
          const anchor = element('anchor', { synch: `#${this.times.stamps.get(node)}` })
          if (context === 'desc') this.after.push(anchor)
          else out += anchor
          break
        }
        case 'pageBreak':
          if (context === 'desc') out += ' '
          else out += element('pb')
          break
        case 'footnoteReference':
          out += this.reference(node.identifier, node.label ?? node.identifier, context)
          break
        default:
          assertNever(node)
      }
    }
    return out
  }

  /**
   * A note at its first reference (in a `desc`, written after the element around it); later references,
   * and references inside notes, point to it. A marker without a note stays the number printed.
   */
  reference(identifier: string, label: string, context: Context): string {
    const first = this.definitions.get(identifier)?.[0]
    if (first && context !== 'note' && !this.placed.has(first)) {
      const note = this.note(first, { 'xml:id': noteId(identifier), place: 'foot' })
      if (context !== 'desc') return note
      this.after.push(note)
      return ''
    }
    if (context === 'desc') return xmlText(toSuperscript(label))
    if (first) return element('ptr', { type: 'noteref', target: `#${noteId(identifier)}` })
    return element('hi', { rend: 'superscript' }, xmlText(label))
  }

  note(definition: FootnoteDefinition, attrs: Record<string, string>): string {
    this.placed.add(definition)
    const paragraphs = definition.children.map((child) =>
      'children' in child ? this.inline(child.children as PhrasingContent[], 'note') : '',
    )
    const content = paragraphs.length === 1 ? paragraphs[0]! : paragraphs.map((p) => element('p', {}, p)).join('')
    return element('note', { n: definition.label ?? definition.identifier, ...attrs }, content)
  }

  /** Notes no reference placed (unreferenced, or a number defined twice), in number order. */
  unplacedNotes(): string {
    const notes: string[] = []
    const sorted = [...this.definitions.entries()].sort(([a], [b]) => Number(a) - Number(b))
    for (const [identifier, definitions] of sorted) {
      definitions.forEach((definition, index) => {
        if (this.placed.has(definition)) return
        const attrs: Record<string, string> =
          index === 0 ? { 'xml:id': noteId(identifier), type: 'unreferenced' } : { type: 'duplicate' }
        notes.push(this.note(definition, { ...attrs, place: 'end' }))
      })
    }
    return notes.length === 0 ? '' : element('div', { type: 'notes' }, `\n${notes.join('\n')}\n${element('p')}\n`)
  }
}

function noteId(identifier: string): string {
  return xmlId('note', identifier)
}

/** A pointer to a `when`, or no attribute when the turn has no such time. */
function optionalRef(id: string | undefined): string | undefined {
  return id === undefined ? undefined : `#${id}`
}
