/**
 * The one rule for what a transcript's citation says (src/contract/citation.ts's fields), read by the page's
 * source note (./source-note.ts), the JSON (./to-json.ts), the TEI (./formats/tei) and, through the page, the
 * turn panel. Each field comes from, in order: the sidecar's `source` (an editor's word), the status note
 * the transcript prints in its header, the site's configuration (its publisher and editors, for the site
 * only). Nothing else: an archive's address, a publisher or a year the source does not give is left out.
 *
 * The status note is read for what editions print there (the seed: "a draft transcript … before
 * publication in *Presidential Recordings: John F. Kennedy, Volume 4*, Timothy Naftali and David Coleman,
 * eds."; FRUS: "published in *Foreign Relations …, Volume VII, …*, Document 173, Kent Sieg, ed. (Washington:
 * Government Printing Office, 2003)"). A draft stays a draft: its edition is where it is to appear.
 */
import type { PhrasingContent } from 'mdast'
import type { CitationFields, CitationStatus } from '../contract/citation.ts'
import { dayOf } from '../contract/dates.ts'
import { toPlainText } from './plain-text.ts'
import { eachOfType } from './walk.ts'
import type { HeaderField, TranscriptRoot } from './types.ts'

/** What the site's configuration gives every citation (src/build/config.ts); the CLI has none. */
export interface CitationDefaults {
  /** The site's (the online edition's) name. */
  title?: string
  /** Who publishes the site: the publisher of a transcript whose source names none. */
  publisher?: string
  /** The site's editors. */
  editors?: readonly string[]
  /** The site's address with its base (`https://example.org/tapes/`), for a page's address in a citation. */
  address?: string
  /** The language dates are written in (`en-US`). */
  locale?: string
}

export function citationFields(tree: TranscriptRoot, defaults: CitationDefaults = {}): CitationFields {
  const header = tree.children.find((child) => child.type === 'header')
  const field = (name: HeaderField['name']) => header?.children.find((child) => child.name === name)
  const heading = tree.children.find((child) => child.type === 'heading')
  const meta = tree.meta ?? {}
  const source = meta.source ?? {}
  const status = field('status')
  const printed = status ? readStatus(status.children) : { status: 'unstated' as const, editors: [] }
  const id = field('id')
  // The facts put the sidecar's date and id over the printed ones (parse/facts.ts); a file's name is no id.
  const { facts } = tree
  const date = facts.date?.value
  const documentId = facts.id.from !== 'name' ? facts.id.value : undefined
  const held = sourceNoteOf(tree)

  const fields: CitationFields = {
    title: meta.title ?? (heading ? toPlainText(heading.children) : id ? toPlainText(id.children) : tree.name),
    status: source.status ?? printed.status,
    editors: source.editors ? [...source.editors] : printed.editors,
    site: {
      title: defaults.title ?? 'Transcript Reader',
      ...(defaults.publisher !== undefined ? { publisher: defaults.publisher } : {}),
      editors: [...(defaults.editors ?? [])],
    },
  }
  const set = <K extends keyof CitationFields>(key: K, value: CitationFields[K] | undefined) => {
    if (value !== undefined && value !== '') fields[key] = value
  }
  set('date', date)
  set('statusNote', status ? toPlainText(status.children) : undefined)
  set('edition', source.edition ?? printed.edition ?? meta.series)
  set('volume', source.volume ?? printed.volume)
  set('volumeTitle', source.volumeTitle ?? printed.volumeTitle)
  set('document', readerNumber(source.document ?? printed.document ?? documentId))
  // A draft's publisher is not yet known: the site that shows it publishes it.
  set('publisher', source.publisher ?? printed.publisher ?? defaults.publisher)
  set('place', source.place ?? printed.place)
  set('year', source.year ?? printed.year)
  set('archive', source.archive ?? held.archive ?? printed.archive)
  set('collection', source.collection ?? held.collection)
  set('tape', source.tape ?? held.tape)
  set('archiveUrl', source.archiveUrl)
  set('editionUrl', source.url)
  // The version cited: the newest of the history, and whether the text has edits made after it.
  const newest = tree.history?.versions.at(-1)
  if (newest)
    fields.version = {
      id: newest.id,
      date: dayOf(newest.date),
      ...(tree.history?.unpublished ? { unpublished: true } : {}),
    }
  return fields
}

/** A numeric document id as a reader cites it: `00173` → `173`; any other id as it is. */
export function readerNumber(id: string | undefined): string | undefined {
  if (id === undefined) return undefined
  return /^\d+$/.test(id) ? String(Number(id)) : id
}

/**
 * The note an edition hangs on a document's heading to say where it comes from, as FRUS prints it
 * (real-2-lbj-rowe.txt, note 1: "Source: Johnson Library, Recordings and Transcripts, Recording of Telephone
 * Conversation …, Tape F6811.01, PNO 1. …"): its archive (a first part naming a library or archives), the
 * collection after it, and the tape. Only a note that begins "Source:".
 */
function sourceNoteOf(tree: TranscriptRoot): { archive?: string; collection?: string; tape?: string } {
  const heading = tree.children.find((child) => child.type === 'heading')
  const markers = new Set<string>()
  if (heading) eachOfType(heading, 'footnoteReference', (reference) => void markers.add(reference.identifier))
  const note = tree.children.find((child) => child.type === 'footnoteDefinition' && markers.has(child.identifier))
  const text = note && 'children' in note ? toPlainText(note.children as never) : ''
  // Its first sentence (`p.m.,` does not end one).
  const source = /^Source:\s*(.*)$/.exec(text.split(/\.\s+(?=\p{Lu})/u)[0] ?? '')?.[1]
  if (!source) return {}
  // A note of one sentence keeps its full stop: not part of the last field (an abbreviation's, `p.m.`, stays).
  const parts = source.replace(/(?<!\b\p{Ll})\.$/u, '').split(/,\s*/)
  const found: { archive?: string; collection?: string; tape?: string } = {}
  if (/\b(?:Library|Archives?)\b/.test(parts[0] ?? '')) {
    found.archive = parts[0]!
    if (parts[1] && !/^Recording\b/.test(parts[1])) found.collection = parts[1]
  }
  const tape = parts.map((part) => /^Tape\s+(\S+)$/.exec(part)?.[1]).find(Boolean)
  if (tape) found.tape = tape
  return found
}

/** What a printed status note gives: the citation's own fields (one declaration, ../contract/citation.ts). */
type PrintedStatus = Pick<
  CitationFields,
  'status' | 'edition' | 'volume' | 'volumeTitle' | 'editors' | 'document' | 'publisher' | 'place' | 'year' | 'archive'
>

/**
 * What a status note says: draft or published, and, when it names the edition in italics, the edition,
 * volume, editors (`X and Y, eds.`), document (`Document 173`) and imprint (`(Washington: GPO, 2003)`).
 */
function readStatus(children: PhrasingContent[]): PrintedStatus {
  const text = toPlainText(children)
  const status: CitationStatus = /\bdraft\b/i.test(text) ? 'draft' : /\bpublished in\b/i.test(text) ? 'published' : 'unstated'
  const result: PrintedStatus = { status, editors: [] }
  // The Watergate transcripts: "released by the Nixon Presidential Library as wspf/898-006.pdf".
  const released = /\breleased by (?:the )?([^,;()]+?) as\b/i.exec(text)
  if (released) result.archive = released[1]!
  const emphasis = children.findIndex((child) => child.type === 'emphasis')
  if (emphasis < 0) return result
  const title = toPlainText([children[emphasis]!])
  const volume = /^(.*?),\s*Volume\s+([\dIVXLC]+)\b(?:,\s*(.+))?$/i.exec(title)
  result.edition = volume ? volume[1]! : title
  if (volume) result.volume = volume[2]!
  if (volume?.[3]) result.volumeTitle = volume[3]
  const after = toPlainText(children.slice(emphasis + 1))
  const imprint = /\(([^():]+):\s*([^(),]+),\s*(\d{4})\)/.exec(after)
  if (imprint) Object.assign(result, { place: imprint[1]!.trim(), publisher: imprint[2]!.trim(), year: imprint[3] })
  const parts = after
    .replace(/\(.*?\)/g, '')
    .split(',')
    .map((part) => part.trim())
  for (const [i, part] of parts.entries()) {
    const document = /^Document\s+(\S+)$/i.exec(part)
    if (document) result.document = document[1]!
    if (/^eds?$/i.test(part.replace(/[\s.]+$/, '')) && parts[i - 1]) result.editors = parts[i - 1]!.split(/\s+and\s+/)
  }
  return result
}
