/**
 * The search's tables (layouts in src/search/contract.ts), read from the fragments Pagefind has just made,
 * so that page ids and word positions are Pagefind's own. Rows are taken one record at a time
 * (`TableWriter.add`); only the rows (a few hundred bytes a record) are held until the tables are cut into
 * chunks and buckets.
 */
import { gunzipSync } from 'node:zlib'
import {
  bucketOf,
  EDITORIAL,
  encodePositions,
  FACETS,
  hasLeadingSection,
  headingAnchors,
  kindTablePath,
  MANIFEST_PATH,
  NOTE,
  parseAnchorId,
  parseFragmentText,
  piecesFor,
  sectionChunkPath,
  TOTALS_PATH,
  valueKey,
  valueTablePath,
  voicesOf,
  type Facet,
  type Fragment,
  type Manifest,
  type RecordSummary,
  type SectionTable,
  type Totals,
  type ValueTables,
} from '../contract.ts'

/** About this many bytes per section chunk and per bucket of value tables. */
export const CHUNK_TARGET = 40_000
export const BUCKET_TARGET = 12_000
/** Transcripts listed in the totals (for the facets of a search with neither words nor choices). */
export const TOTAL_TRANSCRIPTS = 100

/** One record's row: its transcript, speakers by name, heading positions and section codes (speaker names or NOTE, EDITORIAL). */
export interface RecordRow {
  id: string
  transcript: string
  positions: number[]
  /** Each heading's section: a speaker's name, or NOTE, or EDITORIAL. */
  sections: string[]
}

/** The row of one record, from its fragment. */
export function recordRow(id: string, fragment: Fragment): RecordRow {
  const voices = voicesOf(fragment.filters)
  const anchors = headingAnchors(fragment.anchors)
  const sections = anchors.map((anchor) => {
    const { kind, voice } = parseAnchorId(anchor.id)
    if (kind === 'footnote') return NOTE
    if (kind === 'editorial') return EDITORIAL
    return voices.get(voice ?? '') ?? voice ?? ''
  })
  return { id, transcript: fragment.filters.transcript?.[0] ?? '', positions: anchors.map((a) => a.location), sections }
}

/** The passages of a row per section name (speaker, NOTE, EDITORIAL), the header lines included. */
function passageGroups(row: RecordRow): Map<string, number> {
  const groups = new Map<string, number>()
  if (hasLeadingSection(row.positions)) groups.set(EDITORIAL, 1)
  for (const section of row.sections) groups.set(section, (groups.get(section) ?? 0) + 1)
  return groups
}

/** Facet values listed once per table and referred to by index. */
class Values {
  readonly lists = Object.fromEntries(FACETS.map((facet) => [facet, [] as string[]])) as Record<Facet, string[]>
  private readonly lookup = Object.fromEntries(FACETS.map((facet) => [facet, new Map<string, number>()])) as Record<Facet, Map<string, number>>
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

/** The section table of some rows (one chunk, or in tests a whole collection). */
export function sectionTableOf(rows: Iterable<RecordRow>): SectionTable {
  const values = new Values()
  const records: SectionTable['records'] = {}
  for (const row of rows) records[row.id] = [values.indexOf('transcript', row.transcript), encodePositions(row.positions), row.sections.map((s) => values.code(s)).join('.')]
  return { values: values.lists, records }
}

/** Each row's passages per code, for the whole of some rows. */
export function summaryOf(rows: Iterable<RecordRow>): RecordSummary {
  const values = new Values()
  const records: RecordSummary['records'] = {}
  for (const row of rows) records[row.id] = [values.indexOf('transcript', row.transcript), Object.fromEntries([...passageGroups(row)].map(([section, n]) => [values.code(section), n]))]
  return { values: values.lists, records }
}

/**
 * The section table and its summary for a set of Pagefind's files in memory (tests, small sites): the same
 * rows the writer takes one at a time.
 */
export function sectionTable(files: Array<{ path: string; content: Uint8Array }>): { table: SectionTable; summary: RecordSummary } {
  const rows = files.flatMap((file) => {
    const id = fragmentId(file.path)
    return id === undefined ? [] : [recordRow(id, parseFragmentText(gunzipSync(file.content).toString('utf8')))]
  })
  return { table: sectionTableOf(rows), summary: summaryOf(rows) }
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
 * Takes each record's row as its fragment is read, then cuts the tables: section chunks by record id,
 * value tables by facet value (kinds, which hold nearly every record, in files of their own), the totals
 * and the manifest.
 */
export class TableWriter {
  private readonly rows: RecordRow[] = []
  private passages = 0
  private readonly chunkTarget: number
  private readonly bucketTarget: number

  /** Targets in bytes for a section chunk and a bucket of value tables (smaller in tests). */
  constructor({ chunkTarget = CHUNK_TARGET, bucketTarget = BUCKET_TARGET } = {}) {
    this.chunkTarget = chunkTarget
    this.bucketTarget = bucketTarget
  }

  add(row: RecordRow): void {
    this.rows.push(row)
    this.passages += row.sections.length + (hasLeadingSection(row.positions) ? 1 : 0)
  }

  get size(): number {
    return this.rows.length
  }

  *files(): Generator<TableFile, Manifest> {
    // Rows in transcript order: value tables list records the way a search with no words shows them.
    const rows = [...this.rows].sort((a, b) => a.transcript.localeCompare(b.transcript))
    const table = sectionTableOf(rows)
    const chunkCount = piecesFor(JSON.stringify(table).length, this.chunkTarget)
    const chunks: RecordRow[][] = Array.from({ length: chunkCount }, () => [])
    for (const row of rows) chunks[bucketOf(row.id, chunkCount)]!.push(row)
    const chunkSizes: number[] = []
    for (const [n, chunk] of chunks.entries()) {
      const text = JSON.stringify(sectionTableOf(chunk))
      chunkSizes.push(Buffer.byteLength(text))
      yield { path: sectionChunkPath(n), text }
    }

    // Each facet value's records: speakers and transcripts bucketed, kinds alone.
    const byValue = new Map<string, RecordRow[]>()
    const totals: Totals = { speakerKinds: {}, transcripts: {}, transcriptCount: rows.length }
    const perTranscript: Array<[string, number]> = []
    for (const row of rows) {
      const groups = passageGroups(row)
      const add = (facet: Facet, value: string) => {
        const key = valueKey(facet, value)
        const list = byValue.get(key) ?? []
        if (list.at(-1) !== row) list.push(row)
        byValue.set(key, list)
      }
      add('transcript', row.transcript)
      let passages = 0
      for (const [section, n] of groups) {
        passages += n
        const kind = section === NOTE ? 'footnote' : section === EDITORIAL ? 'editorial' : 'turn'
        const speaker = kind === 'turn' ? section : ''
        add('kind', kind)
        if (speaker !== '') add('speaker', speaker)
        const key = `${speaker}\u0000${kind}`
        totals.speakerKinds[key] = (totals.speakerKinds[key] ?? 0) + n
      }
      perTranscript.push([row.transcript, passages])
    }
    for (const [transcript, n] of perTranscript.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TOTAL_TRANSCRIPTS)) totals.transcripts[transcript] = n

    const tableOf = (entries: Array<[string, RecordRow[]]>): ValueTables => {
      const values = new Values()
      const tables: ValueTables = { values: values.lists, byValue: {} }
      for (const [key, list] of entries) {
        tables.byValue[key] = list.map((row) => [row.id, values.indexOf('transcript', row.transcript), Object.fromEntries([...passageGroups(row)].map(([section, n]) => [values.code(section), n]))])
      }
      return tables
    }
    const kinds = [...byValue].filter(([key]) => key.startsWith('kind\u0000'))
    for (const entry of kinds) yield { path: kindTablePath(entry[0].slice('kind\u0000'.length)), text: JSON.stringify(tableOf([entry])) }
    const rest = [...byValue].filter(([key]) => !key.startsWith('kind\u0000'))
    const restBytes = rest.reduce((sum, [key, list]) => sum + key.length + list.length * 40, 0)
    const bucketCount = piecesFor(restBytes, this.bucketTarget)
    const buckets: Array<Array<[string, RecordRow[]]>> = Array.from({ length: bucketCount }, () => [])
    for (const entry of rest) buckets[bucketOf(entry[0], bucketCount)]!.push(entry)
    for (const [n, bucket] of buckets.entries()) yield { path: valueTablePath(n), text: JSON.stringify(tableOf(bucket)) }
    yield { path: TOTALS_PATH, text: JSON.stringify(totals) }

    const manifest: Manifest = { version: 2, records: rows.length, passages: this.passages, chunks: chunkSizes, buckets: bucketCount }
    yield { path: MANIFEST_PATH, text: JSON.stringify(manifest) }
    return manifest
  }
}
