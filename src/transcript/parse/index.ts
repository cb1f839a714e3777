/**
 * Raw transcript → transcript tree, with diagnostics as vfile messages. Never throws: whatever the input,
 * the caller gets a tree (possibly empty) and messages saying what is wrong and where.
 *
 * Stages: lines → paragraphs (source.ts) → flow with footnote blocks and mid-sentence joins (flow.ts)
 * → header (header.ts) → introduction, heading, conversation, epilogue (here) → inline content
 * (inline.ts) → speakers (speakers.ts), opening stamps (opening-stamp.ts), turn ids (turn-ids.ts)
 * → checks (checks.ts).
 */
import type { FootnoteDefinition, Heading, Paragraph, PhrasingContent } from 'mdast'
import { VFile } from 'vfile'
import { report, reportOverflow } from '../diagnostics.ts'
import { toPlainText } from '../plain-text.ts'
import type { Conversation, ConversationContent, PageBreak, Section, TranscriptRoot, Turn } from '../types.ts'
import { checkCharacters } from './characters.ts'
import { checkFootnotes, checkTimestamps } from './checks.ts'
import { decodeFile } from './decode.ts'
import { matchExcision } from './excision.ts'
import { endsSentence, toFlow, type FlowItem, type FootnoteBlock, type ProseParagraph } from './flow.ts'
import { readHeader } from './header.ts'
import { parseInline, type InlineContext } from './inline.ts'
import { matchLabel, misfitLabel } from './labels.ts'
import { dropPrefix, Locator, splitParagraphs } from './source.ts'
import { resolveSpeakers } from './speakers.ts'
import { openingStamp } from './opening-stamp.ts'
import { assignTurnIds } from './turn-ids.ts'

export interface ParseOptions {
  /** The transcript's name (its page path); defaults to the file's stem. */
  name?: string
  /** Printed label → the person's name and role, from the sidecar (src/transcript/sidecar.ts). */
  speakers?: Record<string, { name: string; role?: string }>
  /** The house style to read with, by name (the sidecar's `conventions` or the site's default). */
  style?: string
}

export function parse(file: VFile, options: ParseOptions = {}): TranscriptRoot {
  const tree: TranscriptRoot = { type: 'root', name: options.name ?? file.stem ?? 'transcript', speakers: [], children: [] }
  try {
    new Builder(file, tree).build()
  } catch (error) {
    // A bug of ours must not become a stack trace for an editor: it is reported like any other problem.
    const detail = error instanceof Error ? error.message : String(error)
    report(file, 'internal-error', `The parser failed on this file (${detail}); please report it with the file`)
  }
  reportOverflow(file)
  return tree
}

/** Parses a string; convenient for tests and scripts. */
export function parseString(value: string, path?: string): { tree: TranscriptRoot; file: VFile } {
  const file = new VFile({ value, path })
  return { tree: parse(file), file }
}

class Builder {
  readonly file: VFile
  readonly tree: TranscriptRoot
  readonly value: string
  readonly context: InlineContext
  readonly definitions: FootnoteDefinition[] = []

  constructor(file: VFile, tree: TranscriptRoot) {
    this.file = file
    this.tree = tree
    if (typeof file.value === 'string') this.value = file.value
    else file.value = this.value = decodeFile(file, file.value ?? new Uint8Array())
    this.context = { file, locator: new Locator(this.value) }
  }

  build(): void {
    const { tree, file, context } = this
    tree.position = context.locator.position(0, this.value.length)
    if (!/\S/.test(this.value.replace(/\uFEFF/g, ''))) {
      report(file, 'empty-file', 'The file is empty: a transcript starts with its document id and date', { line: 1, column: 1 })
      return
    }
    if (!checkCharacters(this.value, file, context.locator)) return
    const flow = toFlow(splitParagraphs(this.value))
    const header = readHeader(flow, context)
    if (header.fields.length > 0) {
      const first = header.fields[0]!.position!
      const last = header.fields.at(-1)!.position!
      tree.children.push({ type: 'header', children: header.fields, position: { start: first.start, end: last.end } })
    }
    // Text wrongly put before the header (an error) is read as the introduction's start, so none is lost.
    const body = [...flow.slice(0, header.before), ...flow.slice(header.next)]
    const firstTurn = body.findIndex((item) => this.labelOf(item) !== undefined)
    if (firstTurn === -1) {
      const at = body[0]?.start ?? this.value.length
      report(file, 'no-turns', 'No speaker turn (`Name: what they said`) was found in this file', context.locator.point(at))
      this.pushSection('introduction', body)
      tree.children.push(...this.definitions)
      return
    }
    const headingIndex = this.findHeading(body, firstTurn)
    this.pushSection('introduction', body.slice(0, headingIndex ?? firstTurn))
    if (headingIndex === undefined) {
      report(
        file,
        'missing-heading',
        'No heading line (such as `Off-the-Record Meeting on Cuba`) stands before the first turn; the page has no title',
        context.locator.point(body[firstTurn]!.start),
      )
    } else {
      const item = body[headingIndex] as ProseParagraph
      const heading: Heading = { type: 'heading', depth: 2, children: this.inline(item), position: this.span(item) }
      tree.children.push(heading)
    }
    this.buildConversation(body, (headingIndex ?? firstTurn - 1) + 1)
    tree.children.push(...this.definitions)
    checkFootnotes(tree, file)
    checkTimestamps(tree, file)
  }

  /** The heading is a single short line, not a sentence, right before the first turn (footnotes aside). */
  findHeading(body: FlowItem[], firstTurn: number): number | undefined {
    let index = firstTurn - 1
    while (index >= 0 && body[index]!.kind === 'footnotes') index--
    const item = body[index]
    if (item?.kind !== 'paragraph' || item.parts.length > 1 || item.parts[0]!.length > 1) return undefined
    const text = item.parts[0]![0]!.text
    return text.length <= 200 && !endsSentence(text) ? index : undefined
  }

  buildConversation(body: FlowItem[], from: number): void {
    const conversation: Conversation = { type: 'conversation', children: [] }
    let epilogue: Section | undefined
    let lastTurn = body.length - 1
    while (lastTurn >= 0 && this.labelOf(body[lastTurn]!) === undefined) lastTurn--
    let pending: PageBreak[] = []
    let turn: Omit<Turn, 'id'> | undefined
    const unnamed: Array<Omit<Turn, 'id'>> = []
    const place = (node: ConversationContent) => {
      conversation.children.push(...pending, node)
      pending = []
    }

    for (let index = from; index < body.length; index++) {
      const item = body[index]!
      if (item.kind === 'footnotes') {
        pending.push(this.pageBreak(item))
        continue
      }
      if (epilogue) {
        epilogue.children.push(...pending, this.paragraph(item))
        pending = []
        continue
      }
      const label = this.labelOf(item)
      if (label) {
        turn = this.turn(item, label)
        unnamed.push(turn)
        place(turn as Turn)
        continue
      }
      this.checkLabel(item)
      const children = this.inline(item)
      const text = toPlainText(children)
      const excision = matchExcision(text)
      if (excision) {
        if (excision.seconds === null) {
          report(
            this.file,
            'excision-duration',
            'This excision note gives no duration that can be read (such as `Seven seconds` or `One minute, thirty-seven seconds`)',
            this.context.locator.point(item.start),
          )
        }
        place({ type: 'excision', seconds: excision.seconds, children, position: this.span(item) })
        turn = undefined
        continue
      }
      if (isWhollyBracketed(children)) {
        place({ type: 'directionBlock', children: asDirection(children), position: this.span(item) })
        turn = undefined
        continue
      }
      const paragraph: Paragraph = { type: 'paragraph', children, position: this.span(item) }
      if (turn) {
        turn.children.push(...pending, paragraph)
        pending = []
        turn.position = { start: turn.position!.start, end: paragraph.position!.end }
      } else if (index < lastTurn) {
        report(
          this.file,
          'unattributed-paragraph',
          'This paragraph has no speaker label and follows an excision or a direction, not a turn: add the speaker’s label',
          this.context.locator.point(item.start),
        )
        place(paragraph)
      } else {
        conversation.children.push(...pending)
        pending = []
        epilogue = { type: 'section', name: 'epilogue', children: [paragraph] }
      }
    }
    if (epilogue) epilogue.children.push(...pending)
    else conversation.children.push(...pending)

    const first = conversation.children[0]
    const last = conversation.children.at(-1)
    if (first?.position && last?.position) conversation.position = { start: first.position.start, end: last.position.end }
    this.tree.children.push(conversation)
    if (epilogue) this.tree.children.push(this.withSpan(epilogue))
    this.nameTurns(unnamed)
  }

  nameTurns(turns: Array<Omit<Turn, 'id'>>): void {
    const headingNotes = new Set<string>()
    const heading = this.tree.children.find((child) => child.type === 'heading')
    for (const child of heading?.children ?? []) if (child.type === 'footnoteReference') headingNotes.add(child.identifier)
    const participants: string[] = []
    const narrative: string[] = []
    for (const definition of this.definitions) {
      ;(headingNotes.has(definition.identifier) ? participants : narrative).push(toPlainText(definition.children))
    }
    for (const child of this.tree.children) {
      if (child.type === 'section') narrative.push(toPlainText(child.children))
    }
    const { speakers, turnSpeakers } = resolveSpeakers(
      turns.map((turn) => ({ label: turn.label, position: turn.position })),
      { participants, narrative },
      this.file,
    )
    for (const turn of turns) {
      const stamp = openingStamp(turn)
      if (stamp) turn.openingStamp = stamp
    }
    const ids = assignTurnIds(turns)
    turns.forEach((turn, index) => {
      const named = turn as Turn
      named.id = ids[index]!
      named.speaker = turnSpeakers[index]!
    })
    this.tree.speakers = speakers
  }

  turn(item: ProseParagraph, label: { label: string; length: number }): Omit<Turn, 'id'> {
    const firstPart = item.parts[0]!
    const rest = dropPrefix(firstPart[0]!, label.length)
    const parts = [rest ? [rest, ...firstPart.slice(1)] : firstPart.slice(1), ...item.parts.slice(1)]
    const turn: Omit<Turn, 'id'> = { type: 'turn', label: label.label, speaker: '', children: [], position: this.span(item) }
    if (parts.every((part) => part.length === 0)) {
      report(
        this.file,
        'empty-turn',
        `The label \`${label.label}:\` is followed by no text`,
        this.context.locator.point(item.start),
      )
    } else {
      const start = parts.find((part) => part.length > 0)![0]!.start
      const paragraph: Paragraph = {
        type: 'paragraph',
        children: this.inline({ ...item, parts }),
        position: this.context.locator.position(start, item.end),
      }
      turn.children.push(paragraph)
    }
    return turn
  }

  /** A paragraph that looks like a turn but whose label is empty or not a name is kept as text, with a warning. */
  checkLabel(item: ProseParagraph): void {
    const misfit = misfitLabel(item.parts[0]![0]!.text)
    if (!misfit) return
    const place = this.context.locator.point(item.start)
    if (misfit.label === '') {
      report(
        this.file,
        'empty-label',
        'This paragraph starts with `:` but no speaker name: write the speaker’s label before the colon (or `Unidentified:`); until then it is read as text',
        place,
      )
    } else {
      report(
        this.file,
        'label-invalid',
        `\`${misfit.label}:\` looks like a speaker label, but a label is one to six capitalised words (\`McGeorge Bundy\`, \`O'Dell\`); this paragraph is read as text. Correct the label`,
        place,
      )
    }
  }

  labelOf(item: FlowItem): { label: string; length: number } | undefined {
    return item.kind === 'paragraph' ? matchLabel(item.parts[0]![0]!.text) : undefined
  }

  /** Inline content of a paragraph, its parts joined by page-break markers. */
  inline(item: ProseParagraph): PhrasingContent[] {
    const children: PhrasingContent[] = []
    item.parts.forEach((part, index) => {
      if (index > 0) children.push(this.pageBreak(item.breaks[index - 1]!))
      if (part.length > 0) children.push(...parseInline(part, this.context))
    })
    return children
  }

  paragraph(item: ProseParagraph): Paragraph {
    return { type: 'paragraph', children: this.inline(item), position: this.span(item) }
  }

  /** Records a block of footnote definitions and returns the marker that keeps its place. */
  pageBreak(block: FootnoteBlock): PageBreak {
    for (const definition of block.definitions) {
      const position = this.context.locator.position(definition.start, definition.end)
      const children = definition.lines.length > 0 ? parseInline(definition.lines, this.context) : []
      this.definitions.push({
        type: 'footnoteDefinition',
        identifier: definition.identifier,
        label: definition.label,
        children: [{ type: 'paragraph', children, position }],
        position,
      })
    }
    return {
      type: 'pageBreak',
      footnotes: block.definitions.map((definition) => definition.identifier),
      position: this.span(block),
    }
  }

  pushSection(name: Section['name'], items: FlowItem[]): void {
    if (items.length === 0) return
    const children = items.map((item) => (item.kind === 'footnotes' ? this.pageBreak(item) : this.paragraph(item)))
    this.tree.children.push(this.withSpan({ type: 'section', name, children }))
  }

  withSpan(section: Section): Section {
    const first = section.children[0]?.position
    const last = section.children.at(-1)?.position
    if (first && last) section.position = { start: first.start, end: last.end }
    return section
  }

  span(item: { start: number; end: number }) {
    return this.context.locator.position(item.start, item.end)
  }
}

function isWhollyBracketed(children: PhrasingContent[]): boolean {
  const content = children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  if (content.length !== 1) return false
  const only = content[0]!
  if (only.type === 'emphasis') return isWhollyBracketed(only.children)
  return only.type === 'unclear' || only.type === 'supplied' || only.type === 'direction'
}

/** A wholly bracketed paragraph is a stage direction, whatever its words looked like inline. */
function asDirection(children: PhrasingContent[]): PhrasingContent[] {
  return children.map((child) => {
    if (child.type === 'supplied') return { ...child, type: 'direction' }
    if (child.type === 'emphasis') return { ...child, children: asDirection(child.children) }
    return child
  })
}
