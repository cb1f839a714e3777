/**
 * The page's title block, as an edition prints one: the title, then what the transcript is, as a list of
 * facts (date, time, participants, document, tape, series, source, transcriber, status, recording). Each printed fact is
 * the header line the transcript prints, rendered from the tree with its marks and note references, so
 * nothing printed is lost; the participants are the tree's speakers; series, source and recording are the
 * sidecar's (`TranscriptRoot.meta`), shown only when it gives them. Without the seed's header, the date, time
 * and place are the facts a printed heading or the sidecar gives (`TranscriptRoot.facts`), in their words. A sidecar's title heads the block and
 * the printed heading follows it.
 */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { Heading } from 'mdast'
import type { State } from 'mdast-util-to-hast'
import type { Header, HeaderField, HeaderFieldName, Source, Speaker, TranscriptMeta, TranscriptRoot } from './types.ts'
import { publishRecording } from './recording.ts'
import { UNIDENTIFIED_KIND, unidentifiedVoices, voicesPhrase } from '../contract/speakers.ts'
import type { CitationDefaults } from './citation.ts'
import { dayOf, longDate } from '../contract/dates.ts'

export interface TitleBlockOptions {
  /**
   * The page of a participant (for an unidentified voice: of the unidentified voices), as a URL the
   * transcript's page can use. Without it participants are named without links.
   */
  speakerHref?: (speaker: Speaker) => string
  /** What every citation takes from the site's configuration (./citation.ts); the CLI's page has none. */
  citation?: CitationDefaults
  /** The About page (the editorial method), as a URL the page can use: the source note and the marks' key link it. */
  aboutHref?: string
  /** The transcript's revisions page, as a URL the page can use: the version line links it (and each revised mark). */
  revisionsHref?: string
}

/** What each printed header line is, in the block. */
const labels: Record<HeaderFieldName, string> = {
  dateLine: 'Date',
  date: 'Date',
  time: 'Time',
  id: 'Document',
  status: 'Status',
}

type Fact =
  | HeaderFieldName
  | 'place'
  | 'participants'
  | 'tape'
  | 'series'
  | 'source'
  | 'transcriber'
  | 'recording'
  | 'version'
  | 'editorial'

/**
 * The order of the facts: when, where, who, what it is and where it comes from, how it may be heard, and
 * which version of the edition's text this is.
 */
const order: readonly Fact[] = [
  'date',
  'time',
  'place',
  'participants',
  'id',
  'tape',
  'series',
  'source',
  'transcriber',
  'status',
  'recording',
  'editorial',
  'version',
]

export function titleBlock(state: State, root: TranscriptRoot, options: TitleBlockOptions): Element {
  const heading = root.children.find((child): child is Heading => child.type === 'heading')
  const header = root.children.find((child): child is Header => child.type === 'header')
  const fields = new Map((header?.children ?? []).map((field) => [field.name, field]))
  const meta = root.meta ?? {}
  const inline = (field: HeaderField) => state.all(field as never) as ElementContent[]
  const rows: Element[] = []
  for (const fact of order) {
    if (fact === 'participants') {
      const people = participants(root.speakers, options)
      if (people.length > 0) rows.push(row('Participants', people, 'participants'))
      continue
    }
    if (fact === 'version' || fact === 'editorial') {
      const shown = fact === 'version' ? versionLine(root, options) : meta.status
      if (shown)
        rows.push(
          row(
            fact === 'version' ? 'Version' : 'Edition status',
            typeof shown === 'string' ? [{ type: 'text', value: shown }] : shown,
            fact,
          ),
        )
      continue
    }
    if (fact === 'tape' || fact === 'series' || fact === 'source' || fact === 'transcriber' || fact === 'recording') {
      const shown = fromSidecar(fact, meta)
      if (shown) rows.push(row(shown.label, shown.content, fact))
      continue
    }
    if (fact === 'date' || fact === 'time' || fact === 'place' || fact === 'id') {
      // Without the seed's header lines, what a printed heading or the sidecar gives, as printed or given
      // (never the file's name: that is no document id).
      const known = root.facts[fact]
      const shown = known && known.from !== 'name' ? (known.printed ?? String(known.value)) : undefined
      const printedInHeader = (fact !== 'place' && fields.has(fact)) || (fact === 'date' && fields.has('dateLine'))
      // The sidecar's value overrides the header's line; a heading's only stands where no header line does.
      if (shown !== undefined && (known?.from === 'sidecar' || !printedInHeader)) {
        const words: ElementContent[] = [{ type: 'text', value: shown }]
        const content = fact === 'date' ? [h('time', { dateTime: root.facts!.date!.value }, words)] : words
        rows.push(row(fact === 'place' ? 'Place' : labels[fact], content, fact.toLowerCase()))
        continue
      }
    }
    if (fact === 'place') continue
    if (fact === 'date') {
      const date = fields.get('date')
      const line = fields.get('dateLine')
      if (!date && !line) continue
      // The weekday line reads as the date; the numeric line is the same date, kept as the element's
      // machine-readable value, and shown too when it carries a note marker or a time.
      const shown = line ?? date!
      const content = date?.value ? [h('time', { dateTime: date.value }, inline(shown))] : inline(shown)
      if (line && date && hasMarks(date))
        content.push({ type: 'text', value: ' (' }, ...inline(date), { type: 'text', value: ')' })
      rows.push(row(labels.date, content, 'date'))
      continue
    }
    const field = fields.get(fact)
    if (field) rows.push(row(labels[fact], inline(field), fact.toLowerCase()))
  }
  const printed = heading ? state.all(heading) : [{ type: 'text' as const, value: root.name }]
  // A sidecar's title heads the page; the printed heading then follows it, so none of its words is lost.
  // An archive's printed heading (a kind a house style reads: often a paragraph of capitals, glued by a
  // PDF) stands whole as the title, but set at reading size: as large type it filled screens on a phone.
  const title =
    meta.title === undefined
      ? [h(root.facts.heading ? 'h1.printed-heading' : 'h1', printed)]
      : [h('h1', meta.title), ...(heading ? [h('p.transcript-heading', printed)] : [])]
  return h('header.title-block', [...title, ...(rows.length > 0 ? [h('dl.title-facts', rows)] : [])])
}

/** The facts only a sidecar gives, as label and content, when it gives them. */
function fromSidecar(fact: 'tape' | 'series' | 'source' | 'transcriber' | 'recording', meta: TranscriptMeta) {
  const text = (value: string): ElementContent[] => [{ type: 'text', value }]
  const source: Source = meta.source ?? {}
  switch (fact) {
    case 'tape':
      if (source.tape !== undefined) return { label: 'Tape', content: text(joined([source.tape, source.archive])) }
      return source.archive === undefined ? undefined : { label: 'Archive', content: text(source.archive) }
    case 'series':
      return meta.series === undefined ? undefined : { label: 'Series', content: text(meta.series) }
    case 'source': {
      const volume = source.volume && /^\d+$/.test(source.volume) ? `volume ${source.volume}` : source.volume
      const document = source.document && `document ${source.document}`
      const parts = joined([source.edition, volume, document, source.publisher])
      const link = source.url ? [h('a', { href: source.url }, parts ? 'read it there' : source.url)] : []
      if (!parts && link.length === 0) return undefined
      return { label: 'Source', content: [...text(parts), ...(parts && link.length > 0 ? text(': ') : []), ...link] }
    }
    case 'transcriber':
      return meta.transcriber === undefined ? undefined : { label: 'Transcribed by', content: text(meta.transcriber) }
    case 'recording': {
      const recording = meta.recording
      if (!recording) return undefined
      // Linked where the site publishes it (recording.ts decides: the copy beside the page, or the URL).
      const published = publishRecording(recording)
      const name = published ? h('a', { href: published.href }, recording.src) : h('span', recording.src)
      const offset = recording.offset ? text(` (the transcript’s 00:00 is ${recording.offset} seconds into it)`) : []
      return { label: 'Recording', content: [name, ...offset] }
    }
  }
}

/**
 * "Version of December 6, 2026 · 3 revisions", linked to the revisions page; edits not yet committed are
 * said to be so (never passed off as a version).
 */
function versionLine(root: TranscriptRoot, options: TitleBlockOptions): ElementContent[] | undefined {
  const versions = root.history?.versions ?? []
  const newest = versions.at(-1)
  if (!newest) return undefined
  const day = dayOf(newest.date)
  const revisions = versions.length - 1
  const count = revisions === 0 ? 'no revisions' : revisions === 1 ? '1 revision' : `${revisions} revisions`
  const words: ElementContent[] = [
    'Version of ',
    h('time', { dateTime: newest.date }, longDate(day, options.citation?.locale)),
    ` (${newest.id}) · ${count}`,
  ].map((part) => (typeof part === 'string' ? { type: 'text', value: part } : part))
  const line = options.revisionsHref ? [h('a', { href: options.revisionsHref }, words)] : words
  if (root.history?.unpublished) line.push({ type: 'text', value: ', with unpublished changes made after it' })
  return line
}

function joined(parts: (string | undefined)[]): string {
  return parts.filter((part) => part !== undefined && part !== '').join(', ')
}

function row(label: string, content: ElementContent[], name: string): Element {
  return h(`div.title-${name}`, [h('dt', label), h('dd', content)])
}

/**
 * People by name, linked to their pages, in order of first appearance; unidentified voices counted as
 * voices (a label of their own is one voice, whatever its turns: `unidentifiedVoices`), never named.
 */
function participants(speakers: readonly Speaker[], options: TitleBlockOptions): ElementContent[] {
  const people = speakers.filter((speaker) => speaker.kind === 'person')
  const voices = speakers.filter((speaker) => speaker.kind === UNIDENTIFIED_KIND)
  const named = (speaker: Speaker, text: string): ElementContent =>
    options.speakerHref ? h('a', { href: options.speakerHref(speaker) }, text) : { type: 'text', value: text }
  const items: ElementContent[] = people.map((person) => named(person, person.name))
  if (voices.length > 0) {
    items.push(named(voices[0]!, voicesPhrase(unidentifiedVoices(voices))))
  }
  return items.flatMap((item, i) => {
    const separator = i === 0 ? '' : i === items.length - 1 ? (items.length > 2 ? ', and ' : ' and ') : ', '
    return separator ? [{ type: 'text', value: separator } as ElementContent, item] : [item]
  })
}

function hasMarks(field: HeaderField): boolean {
  return field.children.some((child) => child.type !== 'text')
}
