/**
 * Plain text of inline content, as the JSON export, search records and page titles use it: editorial
 * brackets (or parentheses) kept as printed, page furniture left out (it is not the text), `*` markers,
 * footnote markers and timestamps dropped, white space collapsed.
 * (mdast-util-to-string would lose the brackets, which are part of the edited text.)
 */
import type { Nodes } from 'mdast'
import { assertNever, isForeign } from './kinds.ts'
import { printBracket } from './syntax.ts'

export function toPlainText(nodes: readonly Nodes[]): string {
  return collapse(nodes.map(raw).join(''))
}

function raw(node: Nodes): string {
  switch (node.type) {
    case 'text':
      return node.value
    case 'unclear':
    case 'supplied':
    case 'direction':
    case 'omission':
      return printBracket(node.children.map(raw).join(''), node.delimiters)
    case 'pageFurniture':
      return ''
    case 'pageBreak':
      return ' '
    case 'timestamp':
    case 'footnoteReference':
      return ''
    case 'root':
    case 'header':
    case 'headerField':
    case 'section':
    case 'heading':
    case 'conversation':
    case 'turn':
    case 'excision':
    case 'directionBlock':
    case 'paragraph':
    case 'footnoteDefinition':
    case 'emphasis':
      return children(node)
    default:
      if (!isForeign(node)) return assertNever(node)
      return children(node)
  }
}

function children(node: Nodes): string {
  return 'children' in node ? node.children.map((child) => raw(child as Nodes)).join('') : ''
}

/** Runs of white space (tabs, no-break spaces, line breaks) become one space; ends are trimmed. */
export function collapse(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}
