/**
 * Plain text for reading and quoting: the header lines, the speakers, then the transcript as printed —
 * `Speaker: words` turns with editorial brackets and printed timestamps kept, `*` dropped, footnote markers
 * as superscript numbers (the raw serializer's inline syntax, ../serialize.ts) — and the notes at the end. One paragraph a line, a blank line between blocks.
 */
import type { FootnoteDefinition, PhrasingContent } from 'mdast'
import { assertNever } from '../kinds.ts'
import { collapse } from '../plain-text.ts'
import { inline } from '../serialize.ts'
import type { ConversationContent, Section, TranscriptRoot } from '../types.ts'
import type { Format } from './format.ts'

export const text: Format = {
  name: 'text',
  label: 'Text',
  purpose: 'plain text to read, quote or search in any editor',
  extension: 'txt',
  mediaType: 'text/plain; charset=utf-8',
  site: true,
  write: ({ tree }) => toText(tree),
}

export function toText(tree: TranscriptRoot): string {
  const blocks: string[] = []
  const names = new Map(tree.speakers.map((speaker) => [speaker.id, speaker.name]))
  const notes: FootnoteDefinition[] = []
  const body = (child: ConversationContent | Section['children'][number]) => {
    switch (child.type) {
      case 'turn': {
        // Page furniture between a turn's paragraphs (a page number before a line that continues it) is kept, as printed.
        const [first, ...rest] = child.children.map((part) =>
          part.type === 'paragraph' ? line(part.children) : part.type === 'pageFurniture' ? part.value : '',
        )
        blocks.push([`${names.get(child.speaker) ?? child.label}: ${first ?? ''}`.trim(), ...rest.filter(Boolean)].join('\n'))
        break
      }
      case 'paragraph':
      case 'excision':
        blocks.push(line(child.children))
        break
      case 'directionBlock':
        blocks.push(`[${line(child.children)}]`)
        break
      case 'pageFurniture':
        blocks.push(child.value) // the typed page's running head or number, as printed
        break
      case 'pageBreak':
        break
      default:
        assertNever(child)
    }
  }
  for (const child of tree.children) {
    switch (child.type) {
      case 'header':
        blocks.push(child.children.map((field) => line(field.children)).join('\n'))
        blocks.push(speakerLine(tree))
        break
      case 'heading':
        blocks.push(line(child.children))
        break
      case 'section':
      case 'conversation':
        for (const block of child.children) body(block)
        break
      case 'footnoteDefinition':
        notes.push(child)
        break
      case 'pageBreak':
        break
      default:
        assertNever(child)
    }
  }
  if (notes.length > 0) {
    const sorted = notes.toSorted((a, b) => Number(a.identifier) - Number(b.identifier))
    blocks.push(
      [
        'Notes',
        ...sorted.map((note) =>
          `${note.label ?? note.identifier}. ${note.children.map((part) => ('children' in part ? line(part.children as PhrasingContent[]) : '')).join(' ')}`.trim(),
        ),
      ].join('\n\n'),
    )
  }
  const out = blocks.filter(Boolean).join('\n\n')
  return out === '' ? '' : `${out}\n`
}

/** `Speakers: George Ball; McGeorge Bundy; 4 unidentified voices`, in order of first appearance. */
function speakerLine(tree: TranscriptRoot): string {
  const people = tree.speakers.filter((speaker) => speaker.kind === 'person').map((speaker) => speaker.name)
  const unidentified = tree.speakers.length - people.length
  if (unidentified > 0) people.push(unidentified === 1 ? '1 unidentified voice' : `${unidentified} unidentified voices`)
  return people.length === 0 ? '' : `Speakers: ${people.join('; ')}`
}

/** One paragraph's words on one line, as printed. */
function line(nodes: PhrasingContent[]): string {
  return collapse(inline(nodes, true))
}
