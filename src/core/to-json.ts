/** Transcript tree → the public JSON format (docs/data-format.md). */
import type { Nodes, Paragraph, PhrasingContent } from 'mdast'
import { eachNode, eachOfType } from './walk.ts'
import { assertNever } from './kinds.ts'
import { VFile } from 'vfile'
import { paragraphIds, passageIds, referencedNotes } from './ids.ts'
import { toPlainText } from './plain-text.ts'
import type { BlockJson, MetadataJson, PageFurnitureJson, TranscriptJson, TurnJson } from './schema.ts'
import { turnTimes, type TurnTime } from './timing.ts'
import type {
  Fact,
  HeaderFieldName,
  PageFurniture,
  RecordingFacts,
  SpokenWord,
  TranscriptRoot,
  Turn,
  WitnessRef,
} from './types.ts'
import { citationFields, type CitationDefaults } from './citation.ts'

/** `citation`: the site's defaults for the citation (its configuration); the CLI gives none. */
export function toJson(tree: TranscriptRoot, file: VFile, citation: CitationDefaults = {}): TranscriptJson {
  const header = new Map<HeaderFieldName, string>()
  let headerMarks: Marks = {}
  const blocks: BlockJson[] = []
  const ids = paragraphIds(tree)
  const passages = passageIds(tree)
  const speakers = new Map(tree.speakers.map((speaker) => [speaker.id, speaker]))
  const times = turnTimes(tree)
  let title = ''

  for (const child of tree.children) {
    switch (child.type) {
      case 'header':
        for (const field of child.children) {
          header.set(field.name, toPlainText(field.children))
        }
        headerMarks = marks(child)
        break
      case 'heading':
        title = toPlainText(child.children)
        blocks.push({ type: 'heading', text: title, footnotes: footnoteNumbers(child), ...marks(child, 'timestamps') })
        break
      case 'section':
      case 'conversation':
        for (const block of child.children) {
          switch (block.type) {
            case 'paragraph': {
              const section = child.type === 'section' ? child.name : 'conversation'
              const text = toPlainText(block.children)
              blocks.push({
                type: 'paragraph',
                id: ids.get(block)!,
                section,
                text,
                footnotes: footnoteNumbers(block),
                ...marks(block, 'timestamps'),
              })
              break
            }
            case 'turn':
              blocks.push(turnJson(block, speakers.get(block.speaker)?.name ?? block.label, times.get(block)))
              break
            case 'excision':
              blocks.push({
                type: 'excision',
                id: passages.get(block)!,
                text: toPlainText(block.children),
                seconds: block.seconds,
                ...marks(block),
              })
              break
            case 'directionBlock':
              blocks.push({ type: 'direction', id: passages.get(block)!, text: toPlainText(block.children), ...marks(block) })
              break
            case 'pageFurniture':
              blocks.push(furnitureJson(block))
              break
            case 'pageBreak':
              break // its notes are the JSON's `footnotes`
            default:
              assertNever(block)
          }
        }
        break
      case 'pageBreak':
      case 'footnoteDefinition':
        break // the notes are read below
      default:
        assertNever(child)
    }
  }

  const referenced = referencedNotes(tree)
  const footnotes = tree.children
    .filter((child) => child.type === 'footnoteDefinition')
    .map((definition) => ({
      n: Number(definition.identifier),
      text: toPlainText(definition.children),
      referenced: referenced.has(definition.identifier),
      ...marks(definition),
    }))
    .sort((a, b) => a.n - b.n)

  const meta = tree.meta ?? {}
  const { facts } = tree
  return {
    name: tree.name,
    id: facts.id.value,
    date: facts.date?.value ?? '',
    title: meta.title ?? title,
    ...(meta.series !== undefined ? { series: meta.series } : {}),
    ...(meta.source !== undefined ? { source: { ...meta.source } } : {}),
    ...(meta.recording !== undefined ? { recording: { ...meta.recording } } : {}),
    ...(meta.alignment !== undefined ? { alignment: { ...meta.alignment } } : {}),
    ...(meta.transcriber !== undefined ? { transcriber: meta.transcriber } : {}),
    ...(meta.witnesses !== undefined ? { witnesses: meta.witnesses.map(witnessJson) } : {}),
    status: header.get('status') ?? null,
    citation: citationFields(tree, citation),
    ...(meta.status !== undefined ? { editorialStatus: meta.status } : {}),
    ...(tree.history ? { versions: tree.history.versions.map((version) => ({ ...version })) } : {}),
    ...(tree.history?.unpublished ? { unpublished: true } : {}),
    dateLine: header.get('dateLine') ?? null,
    time: header.get('time') ?? facts.time?.printed ?? null,
    metadata: metadataJson(facts),
    speakers: tree.speakers.map((speaker) => ({ ...speaker, labels: [...speaker.labels] })),
    ...(tree.speakerKey
      ? {
          speakerKey: tree.speakerKey.map(({ code, name, note, position }) => ({
            code,
            name,
            ...(note !== undefined ? { note } : {}),
            line: position?.start.line ?? 1,
            column: position?.start.column ?? 1,
          })),
        }
      : {}),
    blocks,
    footnotes,
    ...(Object.keys(headerMarks).length > 0 ? { headerMarks } : {}),
    diagnostics: diagnosticsJson(file),
  }
}

function metadataJson(facts: RecordingFacts): MetadataJson {
  const json: MetadataJson = { ...(facts.heading ? { heading: facts.heading } : {}), id: factJson(facts.id) }
  if (facts.date) json.date = factJson(facts.date)
  if (facts.time) json.time = factJson(facts.time)
  if (facts.place) json.place = factJson(facts.place)
  if (facts.participants) json.participants = factJson(facts.participants)
  return json
}

function factJson<T>({ value, from, in: where, printed, position }: Fact<T>) {
  return {
    value,
    from,
    ...(where !== undefined ? { in: where } : {}),
    ...(printed !== undefined ? { printed } : {}),
    ...(position ? { line: position.start.line, column: position.start.column } : {}),
  }
}

function turnJson(turn: Turn, name: string, time: TurnTime | undefined): TurnJson {
  const paragraphs = turn.children.filter((child): child is Paragraph => child.type === 'paragraph')
  const furniture: NonNullable<TurnJson['furniture']> = []
  let before = 0
  for (const child of turn.children) {
    if (child.type === 'paragraph') before++
    else if (child.type === 'pageFurniture') furniture.push({ ...furnitureJson(child), before })
  }
  const timestamps: TurnJson['timestamps'] = []
  const editorial: TurnJson['editorial'] = []
  for (const paragraph of paragraphs) {
    eachNode(paragraph, (node) => {
      if (node.type === 'timestamp') timestamps.push({ label: node.value, seconds: node.seconds })
      if (node.type === 'unclear' || node.type === 'supplied' || node.type === 'direction' || node.type === 'omission') {
        const mark: TurnJson['editorial'][number] = { kind: node.type, text: toPlainText([node]) }
        if (node.type === 'unclear' && node.conjecture !== undefined) mark.conjecture = node.conjecture
        editorial.push(mark)
      }
    })
  }
  return {
    type: 'turn',
    id: turn.id,
    speaker: { id: turn.speaker, name, label: turn.label },
    timestamps,
    paragraphs: paragraphs.map((paragraph) => toPlainText(paragraph.children)),
    footnotes: paragraphs.flatMap(footnoteNumbers),
    editorial,
    ...(furniture.length > 0 ? { furniture } : {}),
    time: time ?? null,
    ...(turn.words ? { words: turn.words.map(wordJson) } : {}),
  }
}

function wordJson({ value, position, start, end, score }: SpokenWord): NonNullable<TurnJson['words']>[number] {
  return {
    text: value,
    line: position.start.line,
    column: position.start.column,
    ...(start !== undefined && end !== undefined ? { start, end } : {}),
    ...(score !== undefined ? { score } : {}),
  }
}

function furnitureJson(node: PageFurniture): PageFurnitureJson {
  const json: PageFurnitureJson = { type: 'pageFurniture', kind: node.kind, text: node.value }
  if (node.page !== undefined) json.page = node.page
  return json
}

type Marks = { timestamps?: TurnJson['timestamps']; footnotes?: number[] }

/**
 * Timestamps and footnote markers outside turns (rare: a time in an excision note, a marker in a
 * note), so that the JSON keeps them too; only the kinds asked for, and only when there are any.
 */
function marks(node: Nodes | { children: unknown[] }, ...only: Array<keyof Marks>): Marks {
  const result: Marks = {}
  const timestamps: TurnJson['timestamps'] = []
  eachOfType(node as Nodes, 'timestamp', (stamp) => {
    timestamps.push({ label: stamp.value, seconds: stamp.seconds })
  })
  const footnotes = footnoteNumbers(node as Nodes)
  const wanted = (kind: keyof Marks) => only.length === 0 || only.includes(kind)
  if (timestamps.length > 0 && wanted('timestamps')) result.timestamps = timestamps
  if (footnotes.length > 0 && wanted('footnotes')) result.footnotes = footnotes
  return result
}

function footnoteNumbers(node: Nodes | { children: PhrasingContent[] }): number[] {
  const numbers: number[] = []
  eachOfType(node as Nodes, 'footnoteReference', (reference) => {
    numbers.push(Number(reference.identifier))
  })
  return numbers
}

/**
 * The file's messages in source order. A message about another file (the sidecar's, src/core/sidecar.ts)
 * names it by its base name and comes first, as the sidecar is read first.
 */
export function diagnosticsJson(file: VFile): TranscriptJson['diagnostics'] {
  return file.messages
    .map((message) => ({
      // vfile's meaning: fatal is an error, false a warning, unset an informational message.
      severity: message.fatal === true ? ('error' as const) : message.fatal === false ? ('warning' as const) : ('info' as const),
      ...(message.file && message.file !== file.path ? { file: baseName(message.file) } : {}),
      rule: message.ruleId ?? 'unknown',
      message: message.reason,
      line: message.line ?? 1,
      column: message.column ?? 1,
    }))
    .sort((a, b) => Number(!a.file) - Number(!b.file) || a.line - b.line || a.column - b.column)
}

/** `folder/sidecar.yml` → `sidecar.yml`, by vfile's path handling (Node's own in Node), so the core imports no Node. */
function baseName(path: string): string {
  return new VFile({ path }).basename ?? path
}

/** A sidecar's witness as the JSON gives it: the place where the sidecar names it as `line` and `column`. */
function witnessJson({ position, ...witness }: WitnessRef): NonNullable<TranscriptJson['witnesses']>[number] {
  return { ...witness, ...(position ? { line: position.start.line, column: position.start.column } : {}) }
}
