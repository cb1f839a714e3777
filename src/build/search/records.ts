/**
 * The search record of one transcript, read from its built JSON. A record is a whole transcript, not a
 * turn. Pagefind's metadata grows with every record (about 6 bytes each): at a thousand transcripts one
 * record per turn made the first query fetch 550 KB of it. And Pagefind's exact (phrase) search compares
 * every page holding the phrase with every page holding any of its words: 140 ms at 9,000 records, 10 ms
 * at 1,000. Each turn, note or paragraph inside is a section opened by a heading whose id names the
 * passage, its kind and its speaker; Pagefind keeps the heading as an anchor with its word position, and
 * the search page turns sections back into turn-level results.
 */
import { footnoteId } from '../../core/ids.ts'
import { assertNever } from '../../core/kinds.ts'
import { listedName, speakerKey, UNIDENTIFIED_KIND } from '../../contract/speakers.ts'
import { transcriptTitle } from '../../core/names.ts'
import type { TranscriptJson } from '../../core/schema.ts'
import { shownTime } from '../../contract/time.ts'
import { transcriptRoute } from '../../contract/routes.ts'
import { anchorId, transcriptAnchorId, voiceValue } from '../../contract/search.ts'
import type { PassageKind } from '../../contract/passages.ts'

/**
 * The heading word of a section that has no printed number or time (a paragraph of the introduction, an
 * excision): punctuation, so Pagefind indexes no word for it, yet a heading Pagefind keeps as an anchor.
 * Like every heading it takes one word position, which the search page skips.
 */
export const SECTION_MARK = '§'

export interface SearchSection {
  /** The passage's id on the transcript's page; none for the header lines, which open the page. */
  id?: string
  kind: PassageKind
  /** The speaker's key (`george-ball`, `unidentified` for every unidentified voice); turns only. */
  voice?: string
  /** One whitespace-free word: the turn's time (`05:03`, `≈03:48`), the note's printed number, or `§`. */
  heading: string
  paragraphs: string[]
}

export interface SearchRecord {
  /** The transcript's page; Pagefind keeps one record per URL. */
  url: string
  /** Speaker filter values by speaker key (model/speakers.ts): every person by name, every unidentified voice as one. */
  voices: Map<string, string>
  /** The labels the transcript prints for its speakers (`Ball`, `Under Secretary Ball`). */
  labels: string[]
  sections: SearchSection[]
}

/** What a transcript's facet value is made of: enough to tell two transcripts apart, without their text. */
export type LabelSource = Pick<TranscriptJson, 'name' | 'id' | 'date' | 'title'>

/** The transcript facet's value: readable in the list and in a shared URL (`1962-11-14 · Title`). */
export function transcriptLabel(json: LabelSource, withId = false): string {
  // An undated transcript (nothing gives its date) is named by its title alone.
  return `${json.date ? `${json.date} · ` : ''}${transcriptTitle(json)}${withId ? ` · ${json.id}` : ''}`
}

/**
 * Facet values for a collection: two transcripts with the same date and title are told apart by their
 * ids, and two with the same id too (two transcriptions of one recording, numbered alike: witnesses, which
 * a search must be able to tell apart) by their names. Takes the transcripts one at a time (an iterable),
 * keeping only their labels.
 */
export function transcriptLabels(transcripts: Iterable<LabelSource>): Map<string, string> {
  const plain = new Map<string, string>()
  const ids = new Map<string, string>()
  const seen = new Map<string, number>()
  for (const json of transcripts) {
    const label = transcriptLabel(json)
    plain.set(json.name, label)
    ids.set(json.name, transcriptLabel(json, true))
    seen.set(label, (seen.get(label) ?? 0) + 1)
  }
  const withIds = new Map([...plain].map(([name, label]) => [name, (seen.get(label) ?? 0) > 1 ? ids.get(name)! : label]))
  const again = new Map<string, number>()
  for (const label of withIds.values()) again.set(label, (again.get(label) ?? 0) + 1)
  return new Map([...withIds].map(([name, label]) => [name, (again.get(label) ?? 0) > 1 ? `${label} · ${name}` : label]))
}

/**
 * Every searchable passage of one transcript, in page order, as one record. Together the sections hold
 * every word of the JSON's plain text (turn paragraphs, notes, narrative, heading, excisions, stage
 * directions and the header's lines), and the record's labels every speaker label: nothing is lost on
 * the way to the index.
 */
export function transcriptRecord(json: TranscriptJson): SearchRecord {
  const unidentifiedIds = new Set(json.speakers.filter((s) => s.kind === UNIDENTIFIED_KIND).map((s) => s.id))
  const heading = json.blocks.find((block) => block.type === 'heading')
  const header = [heading?.text, `Document ${json.id}`, json.status, json.dateLine, json.time].filter(
    (line): line is string => !!line,
  )
  const record: SearchRecord = {
    url: transcriptRoute(json.name),
    voices: new Map(),
    labels: [],
    sections: [{ kind: 'editorial', heading: '', paragraphs: header }],
  }

  for (const block of json.blocks) {
    switch (block.type) {
      case 'heading':
        break // in the header section above
      case 'paragraph':
      case 'excision':
      case 'direction':
        record.sections.push({ id: block.id, kind: 'editorial', heading: SECTION_MARK, paragraphs: [block.text] })
        break
      case 'turn': {
        const speaker = { ...block.speaker, kind: unidentifiedIds.has(block.speaker.id) ? UNIDENTIFIED_KIND : 'person' } as const
        const voice = speakerKey(speaker)
        if (block.paragraphs.every((p) => p.trim() === '')) break // nothing to find: its speaker is not in the filters for it
        record.voices.set(voice, listedName(speaker))
        if (!record.labels.includes(block.speaker.label)) record.labels.push(block.speaker.label)
        record.sections.push({
          id: block.id,
          kind: 'turn',
          voice,
          // A turn the transcript gives no time for is headed like editorial text: never a time it does not say.
          heading: block.time ? shownTime(block.time.start, block.time.estimated) : SECTION_MARK,
          paragraphs: block.paragraphs,
        })
        break
      }
      case 'pageFurniture':
        break // a running head or page number is the typed page's, not anyone's words: not indexed
      default:
        assertNever(block)
    }
  }
  const printed = new Map<number, number>()
  for (const note of json.footnotes) {
    // A number printed twice: the second note has its own id on the page, as here.
    const times = (printed.get(note.n) ?? 0) + 1
    printed.set(note.n, times)
    record.sections.push({ id: footnoteId(note.n, times), kind: 'footnote', heading: String(note.n), paragraphs: [note.text] })
  }
  record.sections = record.sections.filter((s) => s.paragraphs.some((p) => p.trim() !== ''))
  return record
}

/**
 * A transcript's filter values: its facet values (transcript, kind, speaker) and what a result shows
 * (title, date, page, speakers' keys and printed labels). In a record of one transcript Pagefind keeps
 * them (its fragment is the transcript's passages as they are); in a record of several, the build writes
 * them into each transcript's passages itself.
 */
export function recordFilters(record: SearchRecord, json: TranscriptJson, label: string): Record<string, string[]> {
  const voices = [...record.voices]
  return {
    transcript: [label],
    kind: [...new Set(record.sections.map((section) => section.kind))],
    speaker: voices.map(([, name]) => name),
    voice: voices.map(([key, name]) => voiceValue(key, name)),
    title: [transcriptTitle(json)],
    date: [json.date],
    page: [json.name],
    label: [...record.labels],
  }
}

/**
 * The HTML that Pagefind reads is written as a string: a page of headings, text and line breaks, no
 * other markup. (Through hast-util-to-html it took an eighth of the search worker's busy time in a
 * profile at 2,000 transcripts.) Text escapes `&` and `<`; attribute values, always double-quoted, `&`
 * and `"`.
 */
const escapeText = (value: string) => value.replace(/[&<]/g, (c) => (c === '&' ? '&amp;' : '&lt;'))
const escapeAttribute = (value: string) => value.replace(/[&"]/g, (c) => (c === '&' ? '&amp;' : '&quot;'))
const heading = (id: string, text: string) => `<h2 id="${escapeAttribute(id)}">${escapeText(text)}</h2>`

/**
 * A transcript's passages as HTML: each after a heading whose id says what it is and where it lands
 * (`anchorId`). Paragraphs as bare text between line breaks: Pagefind ends a block element with a full
 * stop when its text has none, which would put into excerpts a stop the transcript does not print.
 * Zero-width spaces go: Pagefind's client drops them from the text, which would shift every later word's
 * position.
 */
function passagesHtml(record: SearchRecord): string {
  let html = ''
  for (const section of record.sections) {
    if (section.id) html += heading(anchorId(section.kind, section.id, section.voice), section.heading)
    section.paragraphs.forEach((p, i) => {
      html += `${i === 0 ? '' : '<br>\n'}${escapeText(p.replace(/\u200B/g, ''))}`
    })
    html += '\n'
  }
  return html
}

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><main data-pagefind-body="">${body}</main></body></html>`

/**
 * The record of one transcript as the HTML page Pagefind indexes: everything but the text in filter
 * attributes, since Pagefind 1.5 searches its metadata fields, and a record found by its transcript's
 * title or a speaker's name would hold no passage with the word. The search page reads them back from the
 * fragment's filters. Then each passage after its heading.
 */
export function recordHtml(record: SearchRecord, json: TranscriptJson, label: string): string {
  let fields = ''
  for (const [name, values] of Object.entries(recordFilters(record, json, label))) {
    for (const value of values)
      fields += `<span data-pagefind-filter="${escapeAttribute(name)}[data-value]" data-value="${escapeAttribute(value)}"></span>`
  }
  return page(fields + passagesHtml(record))
}

/**
 * A record of several transcripts: each one opens with a heading `d~<name>` (`transcriptAnchorId`) whose
 * word, `§`, Pagefind indexes as no word; its header lines follow, then its passages. No filters: the
 * page never asks Pagefind to filter (each transcript's passages carry their own).
 */
export function groupHtml(records: SearchRecord[], names: string[]): string {
  return page(
    records.map((record, i) => `${heading(transcriptAnchorId(names[i]!), SECTION_MARK)}\n${passagesHtml(record)}`).join(''),
  )
}
