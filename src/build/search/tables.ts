/**
 * The search's tables (layouts in src/contract/search.ts), read from the fragments Pagefind has just made,
 * so that page ids and word positions are Pagefind's own. Rows are taken one record at a time
 * (`TableWriter.add`); only the rows (a few hundred bytes a record) are held until the tables are cut into
 * buckets. (A record's section table and summary are no longer written: counts come from the word tables
 * and the postings; the tests build them in memory, tests/support/section-tables.ts.)
 */
import {
  bucketOf,
  EDITORIAL,
  FACETS,
  hasLeadingSection,
  headingAnchors,
  kindTablePath,
  MANIFEST_PATH,
  NOTE,
  parseAnchorId,
  transcriptOfAnchor,
  piecesFor,
  TOTALS_PATH,
  valueKey,
  valueTablePath,
  voicesOf,
  type Facet,
  type Fragment,
  type Manifest,
  type Totals,
  type ValueTables,
  UNNAMED_LABEL,
} from '../../contract/search.ts'

/** About this many bytes per bucket of value tables. */
export const BUCKET_TARGET = 12_000
/** Transcripts listed in the totals (for the facets of a search with neither words nor choices). */
export const TOTAL_TRANSCRIPTS = 100

/** A transcript of a record: its name, its facet label, and its passages' filters (a record of several). */
export interface TranscriptInfo {
  label: string
  filters: Record<string, string[]>
}

/**
 * One record's row: its transcripts (names, labels, and the heading positions that open them, none in a
 * record of one), heading positions and section codes (speaker names or NOTE, EDITORIAL).
 */
export interface RecordRow {
  id: string
  names: string[]
  labels: string[]
  starts: number[]
  positions: number[]
  /** Each heading's section: a speaker's name, or NOTE, or EDITORIAL. */
  sections: string[]
}

/**
 * The row of one record, from its fragment: a record of one transcript carries its own filters; a
 * record of several has a heading opening each transcript, whose filters `info` gives.
 */
export function recordRow(id: string, fragment: Fragment, info?: (name: string) => TranscriptInfo | undefined): RecordRow {
  const anchors = headingAnchors(fragment.anchors)
  const row: RecordRow = { id, names: [], labels: [], starts: [], positions: [], sections: [] }
  let voices = voicesOf(fragment.filters)
  if (!anchors.some((a) => transcriptOfAnchor(a.id) !== undefined)) {
    row.names.push(fragment.filters.page?.[0] ?? '')
    row.labels.push(fragment.filters.transcript?.[0] ?? UNNAMED_LABEL)
  }
  for (const anchor of anchors) {
    const name = transcriptOfAnchor(anchor.id)
    if (name !== undefined) {
      const known = info?.(name)
      voices = voicesOf(known?.filters ?? {})
      row.names.push(name)
      row.labels.push(known?.label ?? name)
      row.starts.push(anchor.location)
      row.positions.push(anchor.location)
      row.sections.push(EDITORIAL)
      continue
    }
    const { kind, voice } = parseAnchorId(anchor.id)
    row.positions.push(anchor.location)
    row.sections.push(kind === 'footnote' ? NOTE : kind === 'editorial' ? EDITORIAL : (voices.get(voice ?? '') ?? voice ?? ''))
  }
  return row
}

/**
 * A record's fragment cut into its transcripts' passages, each with Pagefind's words and positions from
 * the heading that opens it; a record of one transcript is its passages as it is.
 */
export function splitRecord(
  fragment: Fragment,
  info?: (name: string) => TranscriptInfo | undefined,
): Array<{ name: string; start: number; passages: Fragment }> {
  const marks = headingAnchors(fragment.anchors).filter((a) => transcriptOfAnchor(a.id) !== undefined)
  if (marks.length === 0)
    return [
      {
        name: fragment.filters.page?.[0] ?? '',
        start: 0,
        passages: { content: fragment.content, anchors: fragment.anchors, filters: fragment.filters },
      },
    ]
  const words = fragment.content.split(/[\r\n\s]+/g)
  return marks.map((mark, i) => {
    const name = transcriptOfAnchor(mark.id)!
    const start = mark.location + 1
    const end = marks[i + 1]?.location ?? words.length
    const anchors = fragment.anchors
      .filter((a) => a.location >= start && a.location < end)
      .map((a) => ({ ...a, location: a.location - start }))
    return {
      name,
      start,
      passages: { content: words.slice(start, end).join(' '), anchors, filters: info?.(name)?.filters ?? {} },
    }
  })
}

/** Each transcript of a row with its passages per section name (speaker, NOTE, EDITORIAL), header lines included. */
export function transcriptGroups(row: RecordRow): Array<{ name: string; label: string; groups: Map<string, number> }> {
  const out = row.names.map((name, i) => ({ name, label: row.labels[i]!, groups: new Map<string, number>() }))
  if (row.starts.length === 0 && hasLeadingSection(row.positions)) out[0]!.groups.set(EDITORIAL, 1)
  let t = 0
  row.positions.forEach((position, i) => {
    while (t + 1 < row.starts.length && row.starts[t + 1]! <= position) t++
    const groups = out[t]!.groups
    groups.set(row.sections[i]!, (groups.get(row.sections[i]!) ?? 0) + 1)
  })
  return out
}

/** Facet values listed once per table and referred to by index. */
export class Values {
  readonly lists = Object.fromEntries(FACETS.map((facet) => [facet, [] as string[]])) as Record<Facet, string[]>
  private readonly lookup = Object.fromEntries(FACETS.map((facet) => [facet, new Map<string, number>()])) as Record<
    Facet,
    Map<string, number>
  >
  indexOf(facet: Facet, value: string): number {
    let at = this.lookup[facet].get(value)
    if (at === undefined) {
      at = this.lists[facet].push(value) - 1
      this.lookup[facet].set(value, at)
    }
    return at
  }
  /** A section's code: its speaker's index in base 36, or NOTE, EDITORIAL. */
  code(section: string): string {
    return section === NOTE || section === EDITORIAL ? section : this.indexOf('speaker', section).toString(36)
  }
}

/** A fragment's page id from its path in Pagefind's output (`fragment/en_1234567.pf_fragment`). */
export function fragmentId(path: string): string | undefined {
  return /(?:^|\/)fragment\/(.+)\.pf_fragment$/.exec(path.replace(/\\/g, '/'))?.[1]
}

/** A file of the search's tables: its path under the site's folder and its text. */
export interface TableFile {
  path: string
  text: string
}

/**
 * Takes each record's row as its fragment is read, then cuts the tables: value tables by facet value (kinds, which hold nearly every record, in files of their own), the totals
 * and the manifest.
 */
export class TableWriter {
  private readonly rows: RecordRow[] = []
  private passages = 0
  private readonly bucketTarget: number
  private readonly groupSize: number

  /** The target in bytes for a bucket of value tables (smaller in tests); transcripts per record. */
  constructor({ bucketTarget = BUCKET_TARGET, groupSize = 1 } = {}) {
    this.bucketTarget = bucketTarget
    this.groupSize = groupSize
  }

  add(row: RecordRow): void {
    this.rows.push(row)
    this.passages += row.sections.length + (row.starts.length === 0 && hasLeadingSection(row.positions) ? 1 : 0)
  }

  get size(): number {
    return this.rows.length
  }

  /** `extra`: what the manifest says of files written elsewhere (the word heads' and the postings' buckets). */
  *files(extra: Pick<Manifest, 'heads' | 'postings' | 'parts'> = {}): Generator<TableFile, Manifest> {
    const rows = this.rows
    // Each transcript's passages per code, in transcript order: what a search with no words lists.
    const transcripts = rows.flatMap((row) => transcriptGroups(row)).sort((a, b) => a.label.localeCompare(b.label))
    const byValue = new Map<string, typeof transcripts>()
    const totals: Totals = { speakerKinds: {}, transcripts: {}, transcriptCount: transcripts.length }
    const perTranscript: Array<[string, number]> = []
    for (const transcript of transcripts) {
      const add = (facet: Facet, value: string) => {
        const key = valueKey(facet, value)
        const list = byValue.get(key) ?? []
        if (list.at(-1) !== transcript) list.push(transcript)
        byValue.set(key, list)
      }
      add('transcript', transcript.label)
      let passages = 0
      for (const [section, n] of transcript.groups) {
        passages += n
        const kind = section === NOTE ? 'footnote' : section === EDITORIAL ? 'editorial' : 'turn'
        const speaker = kind === 'turn' ? section : ''
        add('kind', kind)
        if (speaker !== '') add('speaker', speaker)
        const key = `${speaker}\u0000${kind}`
        totals.speakerKinds[key] = (totals.speakerKinds[key] ?? 0) + n
      }
      perTranscript.push([transcript.label, passages])
    }
    for (const [label, n] of perTranscript.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TOTAL_TRANSCRIPTS))
      totals.transcripts[label] = n

    const tableOf = (entries: Array<[string, typeof transcripts]>): ValueTables => {
      const values = new Values()
      const tables: ValueTables = { values: values.lists, byValue: {} }
      for (const [key, list] of entries) {
        tables.byValue[key] = list.map((t) => [
          t.name,
          values.indexOf('transcript', t.label),
          Object.fromEntries([...t.groups].map(([section, n]) => [values.code(section), n])),
        ])
      }
      return tables
    }
    const kinds = [...byValue].filter(([key]) => key.startsWith('kind\u0000'))
    for (const entry of kinds)
      yield { path: kindTablePath(entry[0].slice('kind\u0000'.length)), text: JSON.stringify(tableOf([entry])) }
    const rest = [...byValue].filter(([key]) => !key.startsWith('kind\u0000'))
    const restBytes = rest.reduce((sum, [key, list]) => sum + key.length + list.length * 40, 0)
    const bucketCount = piecesFor(restBytes, this.bucketTarget)
    const buckets: Array<Array<[string, typeof transcripts]>> = Array.from({ length: bucketCount }, () => [])
    for (const entry of rest) buckets[bucketOf(entry[0], bucketCount)]!.push(entry)
    for (const [n, bucket] of buckets.entries()) yield { path: valueTablePath(n), text: JSON.stringify(tableOf(bucket)) }
    yield { path: TOTALS_PATH, text: JSON.stringify(totals) }

    const manifest: Manifest = {
      version: 2,
      groupSize: this.groupSize,
      records: transcripts.length,
      passages: this.passages,
      buckets: bucketCount,
      ...extra,
    }
    yield { path: MANIFEST_PATH, text: JSON.stringify(manifest) }
    return manifest
  }
}
