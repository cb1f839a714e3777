/**
 * Transcript tree → raw transcript text, the inverse of the parser: header lines, introduction, heading,
 * `Label: text` turns, excisions, directions, epilogue, with every block of footnote definitions back
 * where its `pageBreak` marker says it stood (also in mid-paragraph). Definitions that no marker places
 * come last. Parsing the result gives the same tree, positions aside (tests/unit/properties.test.ts).
 */
import type { FootnoteDefinition, PhrasingContent } from 'mdast'
import { printBracket, printEmphasis, printTimestamp, toSuperscript } from './syntax.ts'
import { assertNever, isForeign } from './kinds.ts'
import type { ConversationContent, PageBreak, TranscriptRoot, Turn } from './types.ts'

export function serialize(tree: TranscriptRoot): string {
  return new Writer(tree).write()
}

class Writer {
  readonly tree: TranscriptRoot
  readonly blocks: string[] = []
  /** Definitions not yet written, by identifier, in source order (a number may be defined twice). */
  readonly pending = new Map<string, FootnoteDefinition[]>()

  constructor(tree: TranscriptRoot) {
    this.tree = tree
    for (const child of tree.children) {
      if (child.type !== 'footnoteDefinition') continue
      const list = this.pending.get(child.identifier) ?? []
      list.push(child)
      this.pending.set(child.identifier, list)
    }
  }

  write(): string {
    for (const child of this.tree.children) {
      switch (child.type) {
        case 'header':
          for (const field of child.children) this.blocks.push(inline(field.children))
          break
        case 'heading':
          this.paragraph(child.children)
          break
        case 'section':
        case 'conversation':
          for (const block of child.children) this.block(block)
          break
        case 'pageBreak':
          this.pageBreak(child)
          break
        case 'footnoteDefinition':
          break // written where its page break stood, or at the end
        default:
          assertNever(child)
      }
    }
    for (const list of this.pending.values()) for (const definition of list) this.definition(definition)
    return this.blocks.length === 0 ? '' : `${this.blocks.join('\n\n')}\n`
  }

  /** A block of a section or of the conversation. */
  block(block: ConversationContent): void {
    switch (block.type) {
      case 'pageBreak':
        this.pageBreak(block)
        break
      case 'turn':
        this.turn(block)
        break
      case 'pageFurniture':
        this.blocks.push(block.value)
        break
      case 'paragraph':
      case 'excision':
      case 'directionBlock':
        this.paragraph(block.children)
        break
      default:
        assertNever(block)
    }
  }

  turn(turn: Turn): void {
    const [first, ...rest] = turn.children
    const label = `${turn.label}${turn.separator ?? ':'}`
    if (first?.type === 'paragraph') this.paragraph(first.children, `${label} `)
    else {
      this.blocks.push(label)
      if (first) rest.unshift(first)
    }
    for (const child of rest) this.block(child)
  }

  /** A paragraph, cut where footnote blocks stood in it. */
  paragraph(children: PhrasingContent[], prefix = ''): void {
    let part: PhrasingContent[] = []
    for (const child of children) {
      if (child.type !== 'pageBreak') {
        part.push(child)
        continue
      }
      this.blocks.push(prefix + inline(part))
      prefix = ''
      part = []
      this.pageBreak(child)
    }
    this.blocks.push(prefix + inline(part))
  }

  pageBreak(marker: PageBreak): void {
    for (const identifier of marker.footnotes) {
      const definition = this.pending.get(identifier)?.shift()
      if (definition) this.definition(definition)
    }
  }

  definition(definition: FootnoteDefinition): void {
    const marker = toSuperscript(definition.label ?? definition.identifier)
    const text = definition.children
      .map((child) => ('children' in child ? inline(child.children as PhrasingContent[]) : ''))
      .join('\n')
    this.blocks.push(text ? `${marker} ${text}` : marker)
  }
}

/**
 * Inline content in the source's syntax. `plain` (the text export, formats/text.ts) drops the `*` around
 * italics and keeps a space where a footnote block cut the paragraph.
 */
export function inline(nodes: PhrasingContent[], plain = false): string {
  let out = ''
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += node.value
        break
      case 'emphasis':
        out += plain ? inline(node.children, plain) : printEmphasis(inline(node.children))
        break
      case 'unclear':
      case 'supplied':
      case 'direction':
      case 'omission':
        out += printBracket(inline(node.children, plain), node.delimiters)
        break
      case 'timestamp':
        out += printTimestamp(node.value)
        break
      case 'footnoteReference':
        out += toSuperscript(node.label ?? node.identifier)
        break
      case 'pageBreak':
        // Cut out by `paragraph` before it gets here; the text export keeps a space.
        if (plain) out += ' '
        break
      default:
        if (!isForeign(node)) assertNever(node)
        // Nodes the parser does not make (breaks, links…) keep their words.
        if ('value' in node && typeof node.value === 'string') out += node.value
        else if ('children' in node) out += inline(node.children as PhrasingContent[], plain)
    }
  }
  return out
}
