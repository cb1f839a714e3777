/**
 * Raw transcript → transcript tree, with diagnostics as vfile messages. Never throws: whatever the input,
 * the caller gets a tree (possibly empty) and messages saying what is wrong and where.
 *
 * Stages: lines → paragraphs (source.ts; a line that opens a turn starts one: layout.ts) → flow with
 * footnote blocks and mid-sentence joins (flow.ts) → header (header.ts) → introduction, speaker key,
 * heading (here; a printed heading's facts: headings.ts) → conversation and epilogue
 * (conversation.ts) → inline content (inline.ts) → speakers (speakers.ts), opening stamps
 * (opening-stamp.ts), turn ids (turn-ids.ts) → checks (checks.ts) → the recording's facts (facts.ts). What labels, marks, page furniture, datelines and headings look like is the house
 * style's (styles/), chosen here once per transcript.
 */
import type { FootnoteDefinition, Heading, Paragraph, PhrasingContent } from 'mdast'
import { VFile } from 'vfile'
import { report, reportOverflow } from '../diagnostics.ts'
import { toPlainText } from '../plain-text.ts'
import { defaultStyle, detectStyle, houseStyles, type HouseStyle } from '../styles/index.ts'
import type { Conversation, PageBreak, PageFurniture, Section, TranscriptRoot, Turn } from '../types.ts'
import { checkCharacters } from './characters.ts'
import { checkFootnotes, checkTimestamps } from './checks.ts'
import { readConversation, type BlockReader, type TurnDraft } from './conversation.ts'
import { decodeFile } from './decode.ts'
import { endsSentence, toFlow, type FlowItem, type FootnoteBlock, type ProseParagraph } from './flow.ts'
import { recordingFacts, type GivenFacts } from './facts.ts'
import { readHeader } from './header.ts'
import { headingPlace, placePrintedHeading, type HeadingRead } from './headings.ts'
import { parseInline, type InlineContext } from './inline.ts'
import { labelReader, misfitLabel, type LabelMatch, type LabelReader } from './labels.ts'
import { splitAtTurns } from './layout.ts'
import { Locator, splitParagraphs } from './source.ts'
import { openingStamp } from './opening-stamp.ts'
import { readSpeakerKey } from './speaker-key.ts'
import { namedParticipants, resolveSpeakers, type Resolution } from './speakers.ts'
import { assignTurnIds } from './turn-ids.ts'

export interface ParseOptions {
  /** The transcript's name (its page path); defaults to the file's stem. */
  name?: string
  /**
   * A house style's name (`seed`, `frus`, `watergate`: styles/), from a sidecar or the site's settings.
   * Without it the style is detected from the text; an unknown name is an error, then detection.
   */
  style?: string
  /** Names for labels, from a sidecar: label as printed → name (and role). They come before any other source. */
  speakers?: Record<string, { name?: string; role?: string }>
  /** The sidecar's `id`, `date`, `time` and `place`: they supply what the text lacks, or override it. */
  given?: GivenFacts
}

export function parse(file: VFile, options: ParseOptions = {}): TranscriptRoot {
  const name = options.name ?? file.stem ?? 'transcript'
  // The facts are read once the heading is (facts.ts); until then, and if the parser fails, the id is the name.
  const tree: TranscriptRoot = {
    type: 'root',
    name,
    style: defaultStyle.name,
    speakers: [],
    facts: { id: { value: name, from: 'name' } },
    children: [],
  }
  try {
    new Builder(file, tree, options).build()
  } catch (error) {
    // A bug of ours must not become a stack trace for an editor: it is reported like any other problem.
    const detail = error instanceof Error ? error.message : String(error)
    report(file, 'internal-error', `The parser failed on this file (${detail}); please report it with the file`)
  }
  reportOverflow(file)
  return tree
}

/** Parses a string; convenient for tests and scripts. */
export function parseString(value: string, path?: string, options: ParseOptions = {}): { tree: TranscriptRoot; file: VFile } {
  const file = new VFile({ value, path })
  return { tree: parse(file, options), file }
}

class Builder implements BlockReader {
  readonly file: VFile
  readonly tree: TranscriptRoot
  readonly options: ParseOptions
  readonly value: string
  readonly context: InlineContext
  readonly definitions: FootnoteDefinition[] = []
  style: HouseStyle = defaultStyle
  readLabel: LabelReader = labelReader(defaultStyle)
  /** A speaker key's codes and names, from the introduction (`N` → `President`). */
  key = new Map<string, string>()
  /** The printed heading's facts, when a house style read it (headings.ts). */
  printedHeading: HeadingRead | undefined

  constructor(file: VFile, tree: TranscriptRoot, options: ParseOptions) {
    this.file = file
    this.tree = tree
    this.options = options
    if (typeof file.value === 'string') this.value = file.value
    else file.value = this.value = decodeFile(file, file.value ?? new Uint8Array())
    this.context = { file, locator: new Locator(this.value) }
  }

  /** The style asked for, or the one detected; named in an `info` message unless it is the default. */
  chooseStyle(): void {
    const asked = this.options.style
    let style = asked === undefined ? undefined : houseStyles.get(asked)
    if (asked !== undefined && !style) {
      report(
        this.file,
        'house-style-unknown',
        `No house style is called \`${asked}\` (known: ${[...houseStyles.keys()].join(', ')}); the style is detected from the text instead. Correct the name in the sidecar's \`conventions\` or the site's settings`,
        { line: 1, column: 1 },
      )
    }
    const how = style ? 'as asked' : 'detected from the text'
    style ??= detectStyle(this.value)
    this.style = style
    this.readLabel = labelReader(style)
    this.context.style = style
    this.tree.style = style.name
    if (style !== defaultStyle) {
      report(this.file, 'house-style', `Read in the house style \`${style.name}\` (${style.title}), ${how}`, {
        line: 1,
        column: 1,
      })
    }
  }

  build(): void {
    const { tree, file, context } = this
    tree.position = context.locator.position(0, this.value.length)
    if (!/\S/.test(this.value.replace(/\uFEFF/g, ''))) {
      report(file, 'empty-file', 'The file is empty: a transcript starts with its document id and date', { line: 1, column: 1 })
      return
    }
    if (!checkCharacters(this.value, file, context.locator)) return
    this.chooseStyle()
    const paragraphs = splitAtTurns(splitParagraphs(this.value), {
      opensTurn: (text) => this.readLabel(text) !== undefined,
      standsAlone: (text) => this.furnitureKind(text) !== undefined,
    })
    const flow = toFlow(paragraphs, {
      isLabel: (text) => this.readLabel(text) !== undefined,
      isFurniture: (item) => this.furniture(item) !== undefined,
    })
    const given = this.options.given ?? {}
    const header = readHeader(flow, this.narrative, given.date !== undefined)
    if (header.fields.length > 0) {
      const first = header.fields[0]!.position!
      const last = header.fields.at(-1)!.position!
      tree.children.push({ type: 'header', children: header.fields, position: { start: first.start, end: last.end } })
    }
    this.readFacts = () => {
      tree.facts = recordingFacts({
        name: tree.name,
        header: header.fields,
        heading: this.printedHeading,
        given,
        value: this.value,
        locator: context.locator,
        file,
        dateReported: header.dateReported,
      })
    }
    // Text wrongly put before the header (an error) is read as the introduction's start, so none is lost.
    const body = [...flow.slice(0, header.before), ...flow.slice(header.next)]
    const firstTurn = body.findIndex((item) => this.labelOf(item) !== undefined)
    if (firstTurn === -1) {
      const at = body[0]?.start ?? this.value.length
      report(file, 'no-turns', 'No speaker turn (`Name: what they said`) was found in this file', context.locator.point(at))
      this.pushSection('introduction', body)
      tree.children.push(...this.definitions)
      this.readFacts()
      return
    }
    const printed = placePrintedHeading(body, firstTurn, this.style.headings, this.value, (item) => this.beforeFirstTurn(item))
    this.printedHeading = printed?.read
    const headingIndex = printed?.index ?? this.findHeading(body, firstTurn)
    this.readKey(body.slice(0, firstTurn))
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
      const heading: Heading = { type: 'heading', depth: 2, children: this.inline(item, true), position: this.span(item) }
      tree.children.push(heading)
    }
    // What stands between a printed heading and the turns that is not a dateline (`This opens just as Dean
    // comes in the door`) is the introduction, after the heading, as printed.
    if (printed && printed.after.length > 0) this.pushSection('introduction', printed.after)
    this.buildConversation(body, printed?.from ?? (headingIndex ?? firstTurn - 1) + 1)
    tree.children.push(...this.definitions)
    checkFootnotes(tree, file)
    checkTimestamps(tree, file)
    this.readFacts()
  }

  /** Sets the tree's facts (facts.ts), once the heading is read; set up in `build`. */
  readFacts: () => void = () => {}

  /**
   * The heading is a single short line, not a sentence (unless the house style's headings may end like
   * one), right before the first turn: footnotes, a dateline and a stage direction may stand between.
   */
  findHeading(body: FlowItem[], firstTurn: number): number | undefined {
    const index = headingPlace(body, firstTurn, (item) => this.beforeFirstTurn(item))
    const item = body[index]
    if (item?.kind !== 'paragraph' || item.parts.length > 1 || item.parts[0]!.length > 1) return undefined
    const text = item.parts[0]![0]!.text
    return text.length <= 200 && (!endsSentence(text) || this.style.heading?.test(text)) ? index : undefined
  }

  /** A dateline or a wholly bracketed stage direction: what may stand between the heading and the first turn. */
  beforeFirstTurn(item: FlowItem): boolean {
    const text = oneLine(item)
    if (text === undefined || this.furniture(item)) return false
    if (this.style.dateline?.test(text)) return true
    return this.style.marks.delimiters.some(
      ({ open, close }) => text.startsWith(open) && text.endsWith(close) && !text.slice(1, -1).includes(close),
    )
  }

  /** A printed key of the speakers before the first turn (speaker-key.ts), kept in the tree with its places. */
  readKey(items: FlowItem[]): void {
    const entries = readSpeakerKey(items, this.style.speakerKey, this.context.locator)
    for (const entry of entries) this.key.set(entry.code, entry.name)
    if (entries.length > 0) this.tree.speakerKey = entries
  }

  /** A line of the typed pages that is not text (styles/: running heads, page numbers, notes), as a node. */
  furniture(item: FlowItem): PageFurniture | undefined {
    const text = oneLine(item)
    const found = text === undefined ? undefined : this.furnitureKind(text)
    if (!found) return undefined
    const node: PageFurniture = { type: 'pageFurniture', kind: found.kind, value: text!, position: this.span(item) }
    if (found.page !== undefined) node.page = found.page
    return node
  }

  /** What kind of page furniture a line is in the house style, and the page it carries. */
  furnitureKind(text: string): { kind: PageFurniture['kind']; page?: string } | undefined {
    const { runningHead, pageNumber, note } = this.style.furniture
    if ((!runningHead && !pageNumber && !note) || this.readLabel(text)) return undefined
    const found: Array<[PageFurniture['kind'], RegExpExecArray | null | undefined]> = [
      ['pageNumber', pageNumber?.exec(text)],
      ['runningHead', runningHead?.exec(text)],
      ['note', note?.exec(text)],
    ]
    for (const [kind, match] of found) {
      if (!match) continue
      const page = match.slice(1).find((group) => group !== undefined)
      return page === undefined ? { kind } : { kind, page }
    }
    return undefined
  }

  buildConversation(body: FlowItem[], from: number): void {
    const { pieces, drafts, epilogue } = readConversation(this, body, from)
    const { speakers, turnSpeakers } = this.resolveSpeakers(drafts)
    const stamps = drafts.map((draft) => openingStamp(draft))
    const ids = assignTurnIds(drafts.map((draft, index) => ({ children: draft.children, openingStamp: stamps[index] })))
    const turns = new Map(
      drafts.map((draft, index): [TurnDraft, Turn] => {
        const { type: _, ...rest } = draft
        const turn: Turn = { type: 'turn', id: ids[index]!, speaker: turnSpeakers[index]!, ...rest }
        if (stamps[index]) turn.openingStamp = stamps[index]
        return [draft, turn]
      }),
    )
    const children = pieces.map((piece) => (piece.type === 'turnDraft' ? turns.get(piece)! : piece))
    const conversation: Conversation = { type: 'conversation', children }
    const first = children[0]
    const last = children.at(-1)
    if (first?.position && last?.position) conversation.position = { start: first.position.start, end: last.position.end }
    this.tree.speakers = speakers
    this.tree.children.push(conversation)
    if (epilogue) this.tree.children.push(this.withSpan(epilogue))
  }

  /** Who speaks each turn, from the labels and every source of names the document and the sidecar give. */
  resolveSpeakers(drafts: TurnDraft[]): Resolution {
    const headingNotes = new Set<string>()
    const heading = this.tree.children.find((child) => child.type === 'heading')
    for (const child of heading?.children ?? []) if (child.type === 'footnoteReference') headingNotes.add(child.identifier)
    const participants: string[] = []
    const narrative: string[] = []
    for (const definition of this.definitions) {
      ;(headingNotes.has(definition.identifier) ? participants : narrative).push(toPlainText(definition.children))
    }
    const introduction: string[] = []
    for (const child of this.tree.children) {
      if (child.type !== 'section') continue
      narrative.push(toPlainText(child.children))
      if (child.name === 'introduction') introduction.push(...child.children.map((block) => toPlainText([block])))
    }
    const named = [
      ...namedParticipants([...(heading ? [toPlainText(heading.children)] : []), ...introduction]),
      ...(this.printedHeading?.participants ?? []).map((name) => name.value),
    ]
    return resolveSpeakers(
      drafts.map((draft) => ({ label: draft.label, position: draft.position })),
      { participants, narrative, named, key: this.key, ...(this.options.speakers ? { given: this.options.speakers } : {}) },
      this.file,
    )
  }

  /** A paragraph that looks like a turn but whose label is empty or not a name is kept as text, with a warning. */
  checkLabel(item: ProseParagraph): void {
    const misfit = misfitLabel(item.parts[0]![0]!.text, this.readLabel)
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

  labelOf(item: FlowItem): LabelMatch | undefined {
    return item.kind === 'paragraph' ? this.readLabel(item.parts[0]![0]!.text) : undefined
  }

  /** The context for editorial prose: the same file and style, but parentheses are text. */
  get narrative(): InlineContext {
    return { ...this.context, narrative: true }
  }

  /** Inline content of a paragraph, its parts joined by page-break markers. */
  inline(item: ProseParagraph, narrative = false): PhrasingContent[] {
    const children: PhrasingContent[] = []
    const context = narrative ? this.narrative : this.context
    item.parts.forEach((part, index) => {
      if (index > 0) children.push(this.pageBreak(item.breaks[index - 1]!))
      if (part.length > 0) children.push(...parseInline(part, context))
    })
    return children
  }

  /** A paragraph of editorial prose (introduction, epilogue). */
  paragraph(item: ProseParagraph): Paragraph {
    return { type: 'paragraph', children: this.inline(item, true), position: this.span(item) }
  }

  /** Records a block of footnote definitions and returns the marker that keeps its place. */
  pageBreak(block: FootnoteBlock): PageBreak {
    for (const definition of block.definitions) {
      const position = this.context.locator.position(definition.start, definition.end)
      const children = definition.lines.length > 0 ? parseInline(definition.lines, this.narrative) : []
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
    const children = items.map((item) =>
      item.kind === 'footnotes' ? this.pageBreak(item) : (this.furniture(item) ?? this.paragraph(item)),
    )
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

/** The text of a paragraph of one line, or undefined. */
function oneLine(item: FlowItem): string | undefined {
  return item.kind === 'paragraph' && item.parts.length === 1 && item.parts[0]!.length === 1 ? item.parts[0]![0]!.text : undefined
}
