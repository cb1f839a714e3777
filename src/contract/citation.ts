/**
 * A transcript's citation: its fields (decided once, from the tree, its sidecar and the site's configuration,
 * by src/core/citation.ts) and the one way they are written as text. The page's source note and "Cite as"
 * block, the turn panel (src/browser/reader/cite.ts), the JSON and the TEI all read these fields; the page and
 * the panel both write them with `citationText`, so a citation reads the same wherever it is copied from.
 * In contract/ because the page's script formats the panel's citation and may import nothing from core.
 */
import { longDate } from './dates.ts'

export { longDate, todayIso } from './dates.ts'

/**
 * What the transcript is, as its status note or its sidecar says: a `draft` (to appear in `edition`),
 * `published` in `edition`, or `unstated` (neither is said: nothing is claimed).
 */
export type CitationStatus = 'draft' | 'published' | 'unstated'

/** A transcript's citation, every field as the source or its sidecar gives it; absent when neither does. */
export interface CitationFields {
  /** The transcript's title (the sidecar's, else the printed heading). */
  title: string
  /** The conversation's date, ISO (`1962-11-14`), when the header gives a calendar date. */
  date?: string
  status: CitationStatus
  /** The status note as printed, whole: the source note shows it so that nothing it says is lost. */
  statusNote?: string
  /** The edition the transcript is published in or is to appear in (`Presidential Recordings: John F. Kennedy`). */
  edition?: string
  /** The volume of `edition` (`4`, `VII`). */
  volume?: string
  /** The volume's own title (`Vietnam, September 1968–January 1969`). */
  volumeTitle?: string
  /** The edition's editors, one name each (`Timothy Naftali`, `David Coleman`). */
  editors: string[]
  /** The document's number as a reader cites it: a numeric id without its zero padding (`00173` → `173`). */
  document?: string
  /** Who published the edition (`Government Printing Office`), else the site's publisher. */
  publisher?: string
  /** Where the edition was published (`Washington`). */
  place?: string
  /** The year the edition was published (`2003`). */
  year?: string
  /** The archive holding the recording (`John F. Kennedy Library`). */
  archive?: string
  /** The archive's collection or series (`President's Office Files, Presidential Recordings Collection`). */
  collection?: string
  /** The tape or conversation number in the archive (`58`, `F6811.01`). */
  tape?: string
  /** The archive's own copy of the recording or document, as the sidecar gives it (never made up). */
  archiveUrl?: string
  /** Where the edition's text can be read online, as the sidecar gives it. */
  editionUrl?: string
  /** The site: the online edition the reader cites it from. */
  site: { title: string; publisher?: string; editors: string[] }
  /** The version cited (the newest commit of the transcript's history), when its history is known. */
  version?: CitationVersion
}

/** A version as a citation names it: its date and short commit id; `unpublished` for edits not yet committed. */
export interface CitationVersion {
  /** The short commit id (`3f2a9c1`). */
  id: string
  /** The day it was committed, ISO (`2026-12-06`). */
  date: string
  /** The text cited has edits made after this version and not yet published as one. */
  unpublished?: boolean
}

/** `version of December 6, 2026 (3f2a9c1)`, with `and later unpublished edits` when there are some. */
export function versionPhrase(version: CitationVersion, locale?: string): string {
  const later = version.unpublished ? ' with later unpublished edits' : ''
  return `version of ${longDate(version.date, locale)} (${version.id})${later}`
}

/** What a citation adds at the moment it is made. */
export interface CitationUse {
  /** The page's address (with the turn's fragment for a turn). */
  url: string
  /** The day the reader read it, ISO (`2026-12-06`); the page without JavaScript leaves a place for it. */
  accessed?: string
  /** A turn: who speaks, and the time printed at its start (never an estimate). */
  turn?: { speaker: string; time?: string }
  /** The locale dates are written in (the site's configuration). */
  locale?: string
}

/** Where the static "Cite as" block leaves the access date to the reader (the page's script fills it in). */
export const ACCESSED_PLACEHOLDER = '[date]'

/** Names as a list reads them: `A`, `A and B`, `A, B, and C`. */
export function names(list: readonly string[]): string {
  if (list.length <= 2) return list.join(' and ')
  return `${list.slice(0, -1).join(', ')}, and ${list.at(-1)}`
}

/** The edition, volume and volume title (`Presidential Recordings: John F. Kennedy, vol. 4`). */
export function editionTitle(fields: CitationFields): string {
  if (!fields.edition) return ''
  return [fields.edition, fields.volume ? `vol. ${fields.volume}` : '', fields.volumeTitle].filter(Boolean).join(', ')
}

/** Where the transcript stands in its edition, as a citation says it: a draft is never cited as published. */
export function editionPhrase(fields: CitationFields): string {
  if (!fields.edition) return fields.status === 'draft' ? 'draft transcript' : ''
  const editors = fields.editors.length > 0 ? `, ed. ${names(fields.editors)}` : ''
  const imprint = [fields.place, [fields.publisher, fields.year].filter(Boolean).join(', ')].filter(Boolean).join(': ')
  const edition = `${editionTitle(fields)}${editors}`
  switch (fields.status) {
    case 'draft':
      return `draft transcript, to appear in ${edition} (forthcoming)`
    case 'published':
      return `in ${edition}${imprint ? ` (${imprint})` : ''}`
    case 'unstated':
      // The source's own publisher (its sidecar's, or printed) is the edition's; the site's is not.
      return `in ${edition}${imprint && fields.publisher !== fields.site.publisher ? ` (${imprint})` : ''}`
  }
}

/**
 * The citation as text (after the Chicago Manual's notes for a document in an edited collection, read online):
 * the turn when there is one, the transcript, its place in the edition, the archive and tape, the site, the
 * address, the version and the access date. `accessed` absent gives `accessed [date]`, a place to fill in.
 */
export function citationText(fields: CitationFields, use: CitationUse): string {
  const turn = use.turn ? `${use.turn.speaker}${use.turn.time ? `, at ${use.turn.time}` : ''}, in ` : ''
  const held = [
    fields.date ? longDate(fields.date, use.locale) : '',
    fields.document ? `document ${fields.document}` : '',
    editionPhrase(fields),
    [fields.tape ? `Tape ${fields.tape}` : '', fields.archive, fields.collection].filter(Boolean).join(', '),
  ].filter(Boolean)
  const head = held.length > 0 ? `“${fields.title},” ${held.join(', ')}` : `“${fields.title}”`
  const site = [fields.site.title, fields.site.publisher].filter(Boolean).join(', ')
  const version = fields.version ? `, ${versionPhrase(fields.version, use.locale)}` : ''
  const accessed = use.accessed ? longDate(use.accessed, use.locale) : ACCESSED_PLACEHOLDER
  return `${turn}${head}. ${site}, ${use.url}${version}, accessed ${accessed}.`
}

/** The same citation as a BibTeX entry (`@misc`, biblatex's `urldate` and `editor`). */
export function citationBibtex(fields: CitationFields, use: CitationUse & { key: string }): string {
  const status =
    fields.status === 'draft' ? `Draft transcript${fields.edition ? `, to appear in ${editionTitle(fields)}` : ''}` : ''
  const turn = use.turn ? `${use.turn.speaker}${use.turn.time ? `, at ${use.turn.time}` : ''}` : ''
  const note = [status, turn, fields.document ? `document ${fields.document}` : '', fields.tape ? `tape ${fields.tape}` : '']
    .filter(Boolean)
    .join('; ')
  const entries: [string, string | undefined][] = [
    ['title', fields.title],
    ['editor', fields.editors.length > 0 ? fields.editors.join(' and ') : undefined],
    ['howpublished', fields.status === 'published' ? editionTitle(fields) : fields.site.title],
    ['note', note || undefined],
    ['publisher', fields.status === 'published' ? fields.publisher : fields.site.publisher],
    ['organization', fields.archive],
    ['date', fields.date],
    ['year', fields.status === 'published' ? fields.year : undefined],
    [
      'version',
      fields.version
        ? `${fields.version.id} (${fields.version.date})${fields.version.unpublished ? ', with later unpublished edits' : ''}`
        : undefined,
    ],
    ['url', use.url],
    ['urldate', use.accessed],
  ]
  const lines = entries.flatMap(([name, value]) => (value ? [`  ${name} = {${name === 'url' ? value : tex(value)}}`] : []))
  return `@misc{${use.key},\n${lines.join(',\n')}\n}`
}

/** Escapes BibTeX's special characters. */
function tex(value: string): string {
  return value.replace(/[\\{}%&$#_^~]/g, (c) => (c === '\\' ? '\\textbackslash{}' : `\\${c}`))
}
