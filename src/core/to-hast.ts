/**
 * Transcript tree → hast (HTML) for the reading page. mdast-util-to-hast does the work it already does
 * well — paragraphs, emphasis, and accessible footnotes linked both ways with back-references — and the
 * handlers below add the transcript's own nodes. Everything is text nodes and elements: no raw HTML can
 * pass through, so a transcript's content is always rendered as text.
 */
import type { Element, ElementContent, Properties } from 'hast'
import { h } from 'hastscript'
import type { Heading, Nodes, Paragraph } from 'mdast'
import { defaultHandlers, toHast, type Handler, type State } from 'mdast-util-to-hast'
import { eachNode } from './walk.ts'
import { footnoteId, paragraphIds, passageIds, referencedNotes, timestampIds } from './ids.ts'
import { delimitersOf, printTimestamp } from './syntax.ts'
import { anchorReference, placeNotes } from './margin-notes.ts'
import { toPlainText } from './plain-text.ts'
import { type PublishedRecording, publishRecording, recordingLink } from './recording.ts'
import { formatTime, shownTime, spokenTime } from '../contract/time.ts'
import { UNIDENTIFIED_KIND } from '../contract/speakers.ts'
import { titleBlock, type TitleBlockOptions } from './title-block.ts'
import { citationFields } from './citation.ts'
import { sourceNote } from './source-note.ts'
import { marksKey } from './marks-key.ts'
import { markMeanings } from '../contract/marks.ts'
import { transcriptRoute } from '../contract/routes.ts'
import { turnTimes } from './timing.ts'
import { turnHistoryMarks } from './revisions/marks.ts'
import { wordTextHandler } from './word-spans.ts'
import type {
  Conversation,
  DirectionBlock,
  Excision,
  FootnoteReference,
  Header,
  OwnNode,
  MarkDelimiters,
  PageFurniture,
  Section,
  Timestamp,
  TranscriptRoot,
  Turn,
} from './types.ts'

/** What the page's body is rendered with: the title block's options and the site's word confidence. */
export interface PageOptions extends TitleBlockOptions {
  /** The configuration's `alignment.confidence`: a timed word scored below it is marked unsure (./word-spans.ts). */
  confidence?: number
}

const sectionTitles = { introduction: 'Introduction', epilogue: 'Afterwards' } as const

/** The transcript as an `<article>`: title block, sections, conversation and the notes. */
export function toHastTree(tree: TranscriptRoot, options: PageOptions = {}): Element {
  const speakers = new Map(tree.speakers.map((speaker) => [speaker.id, speaker]))
  const paragraphs = paragraphIds(tree)
  const stamps = timestampIds(tree)
  const passages = passageIds(tree)
  const times = turnTimes(tree)
  const recording = publishRecording(tree.meta?.recording)
  const inNotes = new Set<unknown>()
  for (const child of tree.children) {
    if (child.type === 'footnoteDefinition') eachNode(child, (node) => void inNotes.add(node))
  }
  const notes = tree.children
    .filter((child) => child.type === 'footnoteDefinition')
    .map((definition) => definition.identifier)
    .sort((a, b) => Number(a) - Number(b))
  const uniqueNotes = [...new Set(notes)]
  const defined = new Set(uniqueNotes)
  const duplicates: Element[] = []
  /** Notes whose first reference in the text anchors them in the margin (./margin-notes.ts). */
  const anchored = new Set<string>()

  const all = (state: State, node: { children: unknown[] }) => state.all(node as Parameters<State['all']>[0])
  const withIds = (state: State, node: Section | Conversation) =>
    node.children.flatMap((child): ElementContent[] => {
      const result = state.one(child as Nodes, node as never)
      if (child.type === 'paragraph' && result && !Array.isArray(result) && result.type === 'element') {
        result.properties.id = paragraphs.get(child as Paragraph)
      }
      return result === undefined ? [] : Array.isArray(result) ? result : [result]
    })

  // Every kind of the transcript's own has a handler (the header renders its fields itself).
  const handlers: Record<Exclude<OwnNode['type'], 'headerField'>, Handler> & Record<string, Handler> = {
    root(state: State, node: TranscriptRoot) {
      // Number the notes by their printed numbers, in number order, unreferenced ones included:
      // mdast-util-to-hast numbers them in order of first reference and drops those never referenced.
      state.footnoteOrder.push(...uniqueNotes.map((id) => id.toUpperCase()))
      for (const id of uniqueNotes) state.footnoteCounts.set(id.toUpperCase(), 0)
      // mdast-util-to-hast shows only the first of two notes with one number; the second is listed too.
      const seen = new Set<string>()
      for (const child of node.children) {
        if (child.type !== 'footnoteDefinition') continue
        if (seen.has(child.identifier)) {
          const id = footnoteId(
            child.identifier,
            duplicates.filter((li) => li.properties.dataNote === child.identifier).length + 2,
          )
          duplicates.push(
            h('li', { id, dataNote: child.identifier, className: ['duplicate'] }, [
              ...state.all(child),
              h('p.note-unreferenced', `A second note numbered ${child.identifier}: the markers point to the first.`),
            ]),
          )
        }
        seen.add(child.identifier)
      }
      const heading = node.children.find((child): child is Heading => child.type === 'heading')
      const header = node.children.find((child): child is Header => child.type === 'header')
      const meta = node.meta ?? {}
      const content: ElementContent[] = [titleBlock(state, node, options)]
      // The marks' key stands just before the conversation, linked to the About page's sections.
      const about = options.aboutHref
      const key = marksKey(node, (section) => (about ? `${about}#${section}` : undefined))
      for (const child of node.children) {
        if (child.type === 'conversation' && key) content.push(key)
        if (child.type === 'section' || child.type === 'conversation') {
          content.push(state.one(child, node as never) as Element)
        }
      }
      // Where the text comes from and how to cite it, after the text and before its notes.
      const defaults = options.citation ?? {}
      content.push(
        sourceNote(citationFields(node, defaults), {
          url: `${defaults.address ?? '/'}${transcriptRoute(node.name).slice(1)}`,
          ...(options.aboutHref ? { aboutHref: options.aboutHref } : {}),
          ...(defaults.locale ? { locale: defaults.locale } : {}),
        }),
      )
      const status = header?.children.find((field) => field.name === 'status')
      const series = status?.children.find((child) => child.type === 'emphasis')
      const documentId = header?.children.find((field) => field.name === 'id')
      const date = header?.children.find((field) => field.name === 'date')?.value
      const data: Properties = { dataName: node.name }
      if (meta.title !== undefined) data.dataTitle = meta.title
      else if (heading) data.dataTitle = toPlainText(heading.children)
      if (meta.series !== undefined) data.dataSeries = meta.series
      else if (series) data.dataSeries = toPlainText([series])
      // What a citation names beyond the transcript itself (src/browser/reader/cite.ts).
      for (const key of ['publisher', 'edition', 'volume', 'archive', 'tape', 'url'] as const) {
        const value = meta.source?.[key]
        if (value !== undefined) data[`dataSource${key[0]!.toUpperCase()}${key.slice(1)}`] = value
      }
      if (meta.source?.document !== undefined) data.dataDocument = meta.source.document
      else if (documentId) data.dataDocument = toPlainText(documentId.children)
      if (date) data.dataDate = date
      return h('article.transcript', data, state.wrap(content, true))
    },
    // A turn's timed words, each a span with its times (./word-spans.ts); any other text as it is.
    text: wordTextHandler(tree, options.confidence),
    // The header's lines are the title block's facts (./title-block.ts), which the root renders.
    header: () => undefined,
    section(state: State, node: Section) {
      const label = `${node.name}-label`
      return h(`section.${node.name}`, { ariaLabelledBy: label }, [
        h('h2', { id: label }, sectionTitles[node.name]),
        ...state.wrap(withIds(state, node), true),
      ])
    },
    conversation(state: State, node: Conversation) {
      return h('section.conversation', { ariaLabelledBy: 'conversation-label' }, [
        h('h2', { id: 'conversation-label' }, 'Conversation'),
        ...state.wrap(withIds(state, node), true),
      ])
    },
    turn(state: State, node: Turn) {
      const speaker = speakers.get(node.speaker)
      const time = times.get(node)
      const properties: Properties = { id: node.id, dataSpeaker: node.speaker }
      // Only the times the transcript gives (../timing.ts): a turn without one has no place on the tape.
      // `data-time`: whether the start is printed (a citation gives only a printed time, src/browser/reader/cite.ts).
      if (time) Object.assign(properties, { dataStart: String(time.start), dataTime: time.estimated ? 'estimated' : 'printed' })
      if (time?.end !== undefined) properties.dataEnd = String(time.end)
      const label = h('span.speaker-label', node.label)
      if (speaker && speaker.name !== node.label) label.properties.title = speaker.name
      const space: ElementContent = { type: 'text', value: ' ' }
      const head: ElementContent[] = [label]
      if (time?.estimated) {
        head.push(
          space,
          h('span.turn-time', { title: 'Estimated time' }, [h('span.sr-only', 'about '), shownTime(time.start, true)]),
        )
      }
      const who = speaker?.kind === UNIDENTIFIED_KIND ? 'an unidentified speaker' : (speaker?.name ?? node.label)
      const at = time ? `, ${spokenTime(time.start, time.estimated)}` : ''
      // The visible mark is decoration; the accessible name says what the link is. A label, not hidden
      // text: hidden text would be copied with the passage (src/styles/reading-text.css).
      const link = h('a.turn-link', { href: `#${node.id}`, ariaLabel: `Link to this turn (${who}${at})` }, '#')
      head.push(space, link)
      if (recording && time) head.push(space, playLink(time.start, time.estimated, who, recording))
      // Its history: a "revised" link, and anchors for the ids earlier versions gave its words (./revisions/marks.ts).
      const history = turnHistoryMarks(tree, node, options.revisionsHref, options.citation?.locale)
      if (history?.revised) head.push(space, history.revised)
      return h('div.turn', properties, [...(history?.before ?? []), h('p.speaker', head), ...state.wrap(state.all(node), true)])
    },
    excision(state: State, node: Excision) {
      const properties: Properties = { id: passages.get(node) }
      if (node.seconds !== null) properties.dataSeconds = String(node.seconds)
      // A length, not a time: "7 seconds excised", never "00:07", which reads as a moment of the tape.
      const gap = node.seconds === null ? 'Excised' : `${excisedLength(node.seconds)} excised`
      return h('p.excision', properties, [h('span.excision-gap', { ariaHidden: 'true' }, gap), ' ', ...all(state, node)])
    },
    directionBlock(state: State, node: DirectionBlock) {
      return h('p.direction-block', { id: passages.get(node) }, all(state, node))
    },
    timestamp(_state: State, node: Timestamp) {
      const id = stamps.get(node)!
      const time = h('time', { dateTime: `PT${node.seconds}S` }, printTimestamp(node.value))
      // With a recording, a printed time plays it from there (a media fragment, so without JavaScript too).
      if (recording && !inNotes.has(node)) {
        const title = `Play the recording from ${formatTime(node.seconds)}`
        return h('a.timestamp', { id, href: recordingLink(node.seconds, recording), title, dataSeconds: node.seconds }, [time])
      }
      return h('a.timestamp', { id, href: `#${id}` }, [time])
    },
    unclear: mark('unclear', inNotes),
    supplied: mark('supplied', inNotes),
    direction: mark('direction', inNotes),
    omission: mark('omission', inNotes),
    pageFurniture(_state: State, node: PageFurniture) {
      // A quiet marker where the typed page turned, as a scholarly edition prints one; not read as speech.
      const what =
        node.page === undefined ? 'Page furniture of the typed transcript' : `Page ${node.page} of the typed transcript`
      return h('p.page-furniture', { dataKind: node.kind }, [h('span.sr-only', `${what}: `), node.value])
    },
    pageBreak(_state: State, _node: unknown, parent: { type: string } | undefined) {
      // Where a footnote block cut a paragraph (or an excision note) the reader sees one; between blocks, nothing.
      const between = ['root', 'section', 'conversation', 'turn'].includes(parent?.type ?? 'root')
      return between ? undefined : { type: 'text', value: ' ' }
    },
    footnoteReference(state: State, node: FootnoteReference) {
      // A marker whose note is missing (a warning for the editor) must not become a dead link.
      if (!defined.has(node.identifier)) return h('sup', node.label ?? node.identifier)
      const sup = defaultHandlers.footnoteReference(state, node)
      const link = sup.children[0]
      if (link?.type === 'element') {
        link.children = [{ type: 'text', value: node.label ?? node.identifier }]
        if (!inNotes.has(node)) anchorReference(link, node.identifier, anchored)
      }
      return sup
    },
  }

  // The root handler returns the article, and mdast-util-to-hast appends the notes to it.
  const article = toHast(tree as never, {
    handlers,
    clobberPrefix: '',
    footnoteLabel: 'Notes',
    footnoteLabelProperties: {},
    footnoteBackLabel: (index) => `Back to the reference to note ${uniqueNotes[index]}`,
  }) as Element
  markNotes(article, referencedNotes(tree), duplicates, anchored)
  return article
}

/** `7 seconds`, `1 minute 37 seconds`, `1 hour 2 minutes`: an excision's length in words. */
export function excisedLength(seconds: number): string {
  const units: [number, string][] = [
    [Math.floor(seconds / 3600), 'hour'],
    [Math.floor((seconds % 3600) / 60), 'minute'],
    [Math.round(seconds % 60), 'second'],
  ]
  const parts = units.filter(([n]) => n > 0).map(([n, unit]) => `${n} ${unit}${n === 1 ? '' : 's'}`)
  return parts.length > 0 ? parts.join(' ') : '0 seconds'
}

/**
 * A turn's "play from here": a link into the recording at the turn's start, which the player's script
 * turns into a seek. Its mark is drawn by CSS and its name is a label, so copying the turn copies none of it.
 */
function playLink(seconds: number, estimated: boolean, who: string, recording: PublishedRecording): Element {
  const at = `${spokenTime(seconds, estimated)}${estimated ? ' (estimated)' : ''}`
  return h('a.turn-play', {
    href: recordingLink(seconds, recording),
    ariaLabel: `Play from ${at}: ${who}`,
    title: `Play from here (${shownTime(seconds, estimated)}${estimated ? ', estimated' : ''})`,
    dataSeconds: seconds,
  })
}

/**
 * Brackets in the editors' own notes are their text, not marks on the speakers' words. A mark's element
 * holds exactly its printed text: how a screen reader introduces each kind (sighted readers see its style)
 * is CSS generated content (src/styles/reading-text.css), which is announced but never copied.
 */
function mark(kind: 'unclear' | 'supplied' | 'direction' | 'omission', inNotes: Set<unknown>): Handler {
  return (state, node: { children: unknown[]; conjecture?: string; delimiters?: MarkDelimiters }) => {
    const inner = state.all(node as never)
    const [open, close] = delimitersOf(node)
    const text: ElementContent[] = [{ type: 'text', value: open }, ...inner, { type: 'text', value: close }]
    if (inNotes.has(node)) return text
    // The title names the kind for a pointer's hover; screen readers hear it from reading-text.css.
    return h(
      `span.mark.${kind}${kind === 'unclear' && node.conjecture ? '.conjecture' : ''}`,
      { title: markMeanings[kind].name },
      text,
    )
  }
}

/** Gives every note its printed number and marks the ones no marker points to. */
function markNotes(
  article: Element,
  referenced: ReadonlySet<string>,
  duplicates: Element[],
  anchored: ReadonlySet<string>,
): void {
  const footer = article.children.find(
    (child): child is Element => child.type === 'element' && child.tagName === 'section' && 'dataFootnotes' in child.properties,
  )
  const list = footer?.children.find((child): child is Element => child.type === 'element' && child.tagName === 'ol')
  if (!list) return
  for (const item of list.children) {
    if (item.type !== 'element') continue
    const id = String(item.properties.id ?? '').replace(/^fn-/, '')
    item.properties.value = id
    if (!referenced.has(id)) {
      item.properties.className = ['unreferenced']
      item.children.push(h('p.note-unreferenced', 'This note is not referenced in the transcript.'))
    }
  }
  // Each second note with a number goes right after the first, numbered as printed.
  for (const duplicate of duplicates) {
    const number = String(duplicate.properties.dataNote)
    const first = list.children.findLastIndex(
      (item) => item.type === 'element' && (item.properties.id === footnoteId(number, 1) || item.properties.dataNote === number),
    )
    duplicate.properties.value = number
    list.children.splice(first + 1, 0, duplicate)
  }
  // Every note in the margin: a wide screen shows no list, so its heading and the menu's link to it go
  // (src/styles/notes.css; issue 21, item 8).
  if (placeNotes(list, anchored)) footer!.properties.dataMarginOnly = ''
}
