/**
 * The search records of one transcript, read from its built JSON. A record is not one turn: Pagefind's
 * metadata grows with every record (about 6 bytes each), and at a thousand transcripts one record per
 * turn made the first query fetch 550 KB of it. So a record gathers every turn of one speaker in one
 * transcript (the speaker filter stays exact), plus one record for the notes and one for the editorial
 * text; each turn, note or paragraph inside is a section opened by a heading with the passage's page id,
 * which Pagefind keeps as an anchor with its word position. The search page turns sections back into
 * turn-level results.
 */
import { h } from 'hastscript'
import { toHtml } from 'hast-util-to-html'
import { UNIDENTIFIED } from '../scripts/search-query.ts'
import type { TranscriptJson } from '../transcript/schema.ts'
import { shownTime } from '../transcript/time.ts'

export { UNIDENTIFIED } from '../scripts/search-query.ts'

export type RecordKind = 'turn' | 'footnote' | 'editorial'

/**
 * The heading word of a section that has no printed number or time (a paragraph of the introduction, an
 * excision): punctuation, so Pagefind indexes no word for it, yet a heading Pagefind keeps as an anchor.
 * Like every heading it takes one word position, which the search page skips.
 */
export const SECTION_MARK = '§'

export interface SearchSection {
  /** The passage's id on the transcript's page; none for the header lines, which open the page. */
  id?: string
  /** One whitespace-free word: the turn's time (`05:03`, `≈03:48`), the note's printed number, or `§`. */
  heading: string
  paragraphs: string[]
}

export interface SearchRecord {
  /** Pagefind keeps one record per URL; the search page links to the sections' ids, not to this. */
  url: string
  kind: RecordKind
  /** The speaker filter's value (turn records only). */
  speaker?: string
  /** The labels the transcript prints for this speaker (`Ball`, `Under Secretary Ball`). */
  labels?: string[]
  sections: SearchSection[]
}

/** A transcript's title as shown to readers. */
export function transcriptTitle(json: TranscriptJson): string {
  return json.title || `Document ${json.id}`
}

/** The transcript facet's value: readable in the list and in a shared URL (`1962-11-14 · Title`). */
export function transcriptLabel(json: TranscriptJson, withId = false): string {
  return `${json.date} · ${transcriptTitle(json)}${withId ? ` · ${json.id}` : ''}`
}

/** Facet values for a collection: two transcripts with the same date and title are told apart by their ids. */
export function transcriptLabels(transcripts: TranscriptJson[]): Map<string, string> {
  const seen = new Map<string, number>()
  for (const json of transcripts) seen.set(transcriptLabel(json), (seen.get(transcriptLabel(json)) ?? 0) + 1)
  return new Map(transcripts.map((json) => [json.name, transcriptLabel(json, (seen.get(transcriptLabel(json)) ?? 0) > 1)]))
}

/**
 * Every searchable passage of one transcript, grouped into records. Together the sections hold every word
 * of the JSON's plain text (turn paragraphs, notes, narrative, heading, excisions, stage directions and
 * the header's lines), and the records' labels every speaker label: nothing is lost on the way to the index.
 */
export function transcriptRecords(json: TranscriptJson): SearchRecord[] {
  const page = `/${json.name}/`
  const unidentifiedIds = new Set(json.speakers.filter((s) => s.kind === 'unidentified').map((s) => s.id))
  const bySpeaker = new Map<string, SearchRecord>()
  const heading = json.blocks.find((block) => block.type === 'heading')
  const header = [heading?.text, `Document ${json.id}`, json.status, json.dateLine, json.time].filter((line): line is string => !!line)
  const editorial: SearchRecord = { url: page, kind: 'editorial', sections: [{ heading: '', paragraphs: header }] }

  for (const block of json.blocks) {
    if (block.type === 'turn') {
      const unidentified = unidentifiedIds.has(block.speaker.id)
      const speaker = unidentified ? UNIDENTIFIED : block.speaker.name
      let record = bySpeaker.get(speaker)
      if (!record) {
        const key = unidentified ? 'unidentified' : block.speaker.id
        record = { url: `${page}#turns-${key}`, kind: 'turn', speaker, labels: [], sections: [] }
        bySpeaker.set(speaker, record)
      }
      if (!record.labels!.includes(block.speaker.label)) record.labels!.push(block.speaker.label)
      record.sections.push({ id: block.id, heading: shownTime(block.time.start, block.time.estimated), paragraphs: block.paragraphs })
    } else if (block.type === 'paragraph' || block.type === 'excision' || block.type === 'direction') {
      editorial.sections.push({ id: block.id, heading: SECTION_MARK, paragraphs: [block.text] })
    }
  }

  const notes: SearchRecord = { url: `${page}#footnotes`, kind: 'footnote', sections: [] }
  const printed = new Map<number, number>()
  for (const note of json.footnotes) {
    // A number printed twice: the second note has its own id on the page (`fn-2-x2`), as here.
    const times = (printed.get(note.n) ?? 0) + 1
    printed.set(note.n, times)
    notes.sections.push({ id: times === 1 ? `fn-${note.n}` : `fn-${note.n}-x${times}`, heading: String(note.n), paragraphs: [note.text] })
  }

  const records = [editorial, ...bySpeaker.values(), notes]
  for (const record of records) record.sections = record.sections.filter((s) => s.paragraphs.some((p) => p.trim() !== ''))
  return records.filter((record) => record.sections.length > 0)
}

/**
 * The record as the HTML page Pagefind indexes: everything but the text in filter attributes, since
 * Pagefind 1.5 searches its metadata fields, and a record found by its transcript's title or its speaker's
 * name would hold no passage with the word. The search page reads them back from the record's filters.
 * Then each passage after a heading that carries its id. hast-util-to-html escapes.
 */
export function recordHtml(record: SearchRecord, json: TranscriptJson, label: string): string {
  const filter = (name: string, value: string) => h('span', { dataPagefindFilter: `${name}[data-value]`, dataValue: value })
  const fields = [
    filter('transcript', label),
    filter('kind', record.kind),
    ...(record.speaker ? [filter('speaker', record.speaker)] : []),
    filter('title', transcriptTitle(json)),
    filter('date', json.date),
    filter('page', json.name),
    ...(record.labels ?? []).map((l) => filter('label', l)),
  ]
  // Paragraphs as bare text between line breaks: Pagefind ends a block element with a full stop when its
  // text has none, which would put into excerpts a stop the transcript does not print. Zero-width spaces
  // go: Pagefind's client drops them from the text, which would shift every later word's position.
  const text = (p: string) => p.replace(/\u200B/g, '')
  const sections = record.sections.flatMap((section) => [
    ...(section.id ? [h('h2', { id: section.id }, section.heading)] : []),
    ...section.paragraphs.flatMap((p, i) => (i === 0 ? [text(p)] : [h('br'), '\n', text(p)])),
    '\n',
  ])
  const tree = h('html', { lang: 'en' }, [h('head', [h('meta', { charset: 'utf-8' })]), h('body', [h('main', { dataPagefindBody: '' }, [...fields, ...sections])])])
  return `<!doctype html>${toHtml(tree)}`
}
