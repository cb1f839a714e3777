/**
 * The conversation, from the paragraph after the heading to the end: turns (a label and the paragraphs
 * that continue it), excision notes, stage directions, a dateline, page furniture and footnote blocks in
 * their places, then the epilogue. Turns come out as drafts (label and content): who speaks and the
 * turn's id are worked out over all of them (index.ts), and only then is each turn made, complete.
 */
import type { Paragraph, PhrasingContent } from 'mdast'
import type { Position } from 'unist'
import type { VFile } from 'vfile'
import { report } from '../diagnostics.ts'
import { toPlainText } from '../plain-text.ts'
import type { HouseStyle } from '../styles/index.ts'
import type { ConversationContent, PageBreak, PageFurniture, Section, Turn } from '../types.ts'
import { matchExcision } from './excision.ts'
import type { FlowItem, FootnoteBlock, ProseParagraph } from './flow.ts'
import type { InlineContext } from './inline.ts'
import type { LabelMatch } from './labels.ts'
import { dropPrefix } from './source.ts'

/** What the conversation builder asks of the document reader. */
export interface BlockReader {
  readonly file: VFile
  readonly context: InlineContext
  readonly style: HouseStyle
  labelOf(item: FlowItem): LabelMatch | undefined
  furniture(item: FlowItem): PageFurniture | undefined
  checkLabel(item: ProseParagraph): void
  inline(item: ProseParagraph): PhrasingContent[]
  paragraph(item: ProseParagraph): Paragraph
  pageBreak(block: FootnoteBlock): PageBreak
  span(item: { start: number; end: number }): Position
}

/** A turn before its speaker and id are known: everything else about it is final. */
export interface TurnDraft {
  type: 'turnDraft'
  label: string
  separator?: string
  children: Turn['children']
  position: Position
}

export type Piece = Exclude<ConversationContent, Turn> | TurnDraft

export interface ConversationPieces {
  pieces: Piece[]
  drafts: TurnDraft[]
  epilogue: Section | undefined
}

export function readConversation(reader: BlockReader, body: FlowItem[], from: number): ConversationPieces {
  const { file, context, style } = reader
  const pieces: Piece[] = []
  const drafts: TurnDraft[] = []
  let epilogue: Section | undefined
  let lastTurn = body.length - 1
  while (lastTurn >= 0 && reader.labelOf(body[lastTurn]!) === undefined) lastTurn--
  // Footnote blocks and page furniture wait for what comes next: a turn's continuation takes them in.
  let pending: Array<PageBreak | PageFurniture> = []
  let turn: TurnDraft | undefined
  let beforeFirstTurn = true
  const place = (node: Piece) => {
    pieces.push(...pending, node)
    pending = []
  }

  for (let index = from; index < body.length; index++) {
    const item = body[index]!
    if (item.kind === 'footnotes') {
      pending.push(reader.pageBreak(item))
      continue
    }
    const furniture = reader.furniture(item)
    if (furniture) {
      pending.push(furniture)
      continue
    }
    if (epilogue) {
      epilogue.children.push(...pending, reader.paragraph(item))
      pending = []
      continue
    }
    const label = reader.labelOf(item)
    if (label) {
      turn = draftTurn(reader, item, label)
      beforeFirstTurn = false
      drafts.push(turn)
      place(turn)
      continue
    }
    reader.checkLabel(item)
    const children = reader.inline(item)
    const text = toPlainText(children)
    const marked = whollyMarked(children)
    const excision = marked === 'omission' ? { seconds: null, worded: true } : matchExcision(text)
    if (excision) {
      if (excision.seconds === null && !('worded' in excision)) {
        report(
          file,
          'excision-duration',
          'This excision note gives no duration that can be read (such as `Seven seconds` or `One minute, thirty-seven seconds`)',
          context.locator.point(item.start),
        )
      }
      place({ type: 'excision', seconds: excision.seconds, children, position: reader.span(item) })
      turn = undefined
      continue
    }
    if (marked) {
      place({ type: 'directionBlock', children: asDirection(children), position: reader.span(item) })
      turn = undefined
      continue
    }
    const paragraph: Paragraph = { type: 'paragraph', children, position: reader.span(item) }
    if (turn) {
      turn.children.push(...pending, paragraph)
      pending = []
      turn.position = { start: turn.position.start, end: paragraph.position!.end }
    } else if (beforeFirstTurn && style.dateline?.test(text)) {
      // `November 1, 1968, 1:58 p.m.` between the heading and the first turn: the edition's dateline.
      place(paragraph)
    } else if (index < lastTurn) {
      report(
        file,
        'unattributed-paragraph',
        'This paragraph has no speaker label and follows an excision or a direction, not a turn: add the speaker’s label',
        context.locator.point(item.start),
      )
      place(paragraph)
    } else {
      pieces.push(...pending)
      pending = []
      epilogue = { type: 'section', name: 'epilogue', children: [paragraph] }
    }
  }
  if (epilogue) epilogue.children.push(...pending)
  else pieces.push(...pending)
  return { pieces, drafts, epilogue }
}

function draftTurn(reader: BlockReader, item: ProseParagraph, label: LabelMatch): TurnDraft {
  const { file, context } = reader
  const firstPart = item.parts[0]!
  const rest = dropPrefix(firstPart[0]!, label.length)
  const parts = [rest ? [rest, ...firstPart.slice(1)] : firstPart.slice(1), ...item.parts.slice(1)]
  const turn: TurnDraft = { type: 'turnDraft', label: label.label, children: [], position: reader.span(item) }
  if (label.slip) {
    turn.separator = label.slip
    report(
      file,
      'label-separator',
      `The label \`${label.label}${label.slip}\` ends with \`${label.slip}\`, a typing slip for \`:\` in this house style; it is read as a label`,
      context.locator.point(item.start),
    )
  }
  if (parts.every((part) => part.length === 0)) {
    report(file, 'empty-turn', `The label \`${label.label}:\` is followed by no text`, context.locator.point(item.start))
  } else {
    const start = parts.find((part) => part.length > 0)![0]!.start
    turn.children.push({
      type: 'paragraph',
      children: reader.inline({ ...item, parts }),
      position: context.locator.position(start, item.end),
    })
  }
  return turn
}

/** The kind of mark a paragraph wholly consists of (emphasis around it aside), if it is one mark. */
function whollyMarked(children: PhrasingContent[]): 'unclear' | 'supplied' | 'direction' | 'omission' | undefined {
  const content = children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  if (content.length !== 1) return undefined
  const only = content[0]!
  if (only.type === 'emphasis') return whollyMarked(only.children)
  return only.type === 'unclear' || only.type === 'supplied' || only.type === 'direction' || only.type === 'omission'
    ? only.type
    : undefined
}

/** A wholly bracketed paragraph is a stage direction, whatever its words looked like inline. */
function asDirection(children: PhrasingContent[]): PhrasingContent[] {
  return children.map((child) => {
    if (child.type === 'supplied') return { ...child, type: 'direction' }
    if (child.type === 'emphasis') return { ...child, children: asDirection(child.children) }
    return child
  })
}
