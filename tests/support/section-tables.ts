/**
 * A whole collection's sections in memory, for the tests: each record's heading positions and section codes
 * (the section table) and its passages per code (the record summary), read back as the counts' tallies.
 * The site no longer writes these tables (its counts come from the word tables and the postings,
 * src/browser/search/exact-count.ts); the tests keep them as a second, independent reading of Pagefind's
 * own records against which the search's rows and counts are checked.
 */
import { gunzipSync } from 'node:zlib'
import { groupTallies, summaryRow, type SummaryRow, type Tally } from '../../src/browser/search/counts.ts'
import { fragmentId, recordRow, transcriptGroups, Values, type RecordRow } from '../../src/build/search/tables.ts'
import {
  codeValues,
  decodePositions,
  encodePositions,
  hasLeadingSection,
  parseFragmentText,
  type Facet,
} from '../../src/contract/search.ts'
import { matchingSections } from '../../src/contract/sections.ts'

/** A section table: each record's sections. */
export interface SectionTable {
  /** Facet values, listed once and referred to by index. */
  values: Record<Facet, string[]>
  /**
   * Pagefind page id → [transcript index, heading positions, and for each heading's section its code,
   * `.`-separated: its speaker's index in base 36, or NOTE, or EDITORIAL]. Words before the first heading
   * are an editorial section of their own. A record of several transcripts has each transcript's index
   * and, fourth, the positions of the headings that open them (`transcriptAnchorId`, coded EDITORIAL:
   * the transcript's header lines follow).
   */
  records: Record<string, [number, string, string] | [number[], string, string, string]>
}

/** Each record's transcript and its number of passages per code (a speaker's index in base 36, or NOTE, EDITORIAL). */
export interface RecordSummary {
  values: Record<Facet, string[]>
  records: Record<string, [number, Record<string, number>]>
}

/** The section table of some rows. */
export function sectionTableOf(rows: Iterable<RecordRow>): SectionTable {
  const values = new Values()
  const records: SectionTable['records'] = {}
  for (const row of rows) {
    const codes = row.sections.map((s) => values.code(s)).join('.')
    const labels = row.labels.map((label) => values.indexOf('transcript', label))
    records[row.id] =
      row.starts.length === 0
        ? [labels[0]!, encodePositions(row.positions), codes]
        : [labels, encodePositions(row.positions), codes, encodePositions(row.starts)]
  }
  return { values: values.lists, records }
}

/** The passages of a row per section name, all its transcripts together. */
function passageGroups(row: RecordRow): Map<string, number> {
  const all = new Map<string, number>()
  for (const { groups } of transcriptGroups(row)) for (const [code, n] of groups) all.set(code, (all.get(code) ?? 0) + n)
  return all
}

/** Each record's passages per code, for the whole of some rows of one transcript each. */
export function summaryOf(rows: Iterable<RecordRow>): RecordSummary {
  const values = new Values()
  const records: RecordSummary['records'] = {}
  for (const row of rows)
    records[row.id] = [
      values.indexOf('transcript', row.labels[0]!),
      Object.fromEntries([...passageGroups(row)].map(([section, n]) => [values.code(section), n])),
    ]
  return { values: values.lists, records }
}

/** The section table and its summary for a set of Pagefind's files in memory (Pagefind's `getFiles()`). */
export function sectionTable(files: Array<{ path: string; content: Uint8Array }>): {
  table: SectionTable
  summary: RecordSummary
} {
  const rows = files.flatMap((file) => {
    const id = fragmentId(file.path)
    return id === undefined ? [] : [recordRow(id, parseFragmentText(gunzipSync(file.content).toString('utf8')))]
  })
  return { table: sectionTableOf(rows), summary: summaryOf(rows) }
}

/** A summary read back: each record's passages grouped by speaker and kind. */
export function decodeSummary(summary: RecordSummary): Map<string, SummaryRow> {
  const rows = new Map<string, SummaryRow>()
  for (const [id, [index, groups]] of Object.entries(summary.records)) rows.set(id, summaryRow(summary.values, index, groups))
  return rows
}

interface Row {
  headings: number[]
  /** Every section's speaker, kind and transcript, the leading one included. */
  sections: Array<{ speaker?: string; kind: string; transcript: string }>
}
/** A section table read back. */
export type DecodedTable = Map<string, Row>

export function decodeTable(table: SectionTable, into: DecodedTable = new Map()): DecodedTable {
  for (const [id, [transcript, positions, codes, starts]] of Object.entries(table.records)) {
    const headings = decodePositions(positions)
    const labels = (Array.isArray(transcript) ? transcript : [transcript]).map((i) => table.values.transcript[i] ?? '')
    const opens = starts === undefined ? [] : decodePositions(starts)
    let t = 0
    const anchored = (codes === '' ? [] : codes.split('.')).map((code, i) => {
      while (t + 1 < opens.length && opens[t + 1]! <= headings[i]!) t++
      return codeValues(code, labels[t] ?? '', table.values.speaker)
    })
    const leading = opens.length === 0 && hasLeadingSection(headings) ? [{ kind: 'editorial', transcript: labels[0] ?? '' }] : []
    into.set(id, { headings, sections: [...leading, ...anchored] })
  }
  return into
}

/**
 * The matching sections of records, from the table: `matches` holds each matching record's word
 * positions per free word; `undefined` means no query words, so every section counts. `ids`: only these.
 */
export function tableTallies(
  table: DecodedTable,
  matches: Map<string, number[][]> | undefined,
  ids: Iterable<string> = matches ? matches.keys() : table.keys(),
): Tally[] {
  const tallies: Tally[] = []
  for (const id of ids) {
    const row = table.get(id)
    if (!row) continue
    const chosen = matchingSections(row.headings, matches?.get(id) ?? []).map(
      (i) => row.sections[i] ?? { kind: 'editorial', transcript: '' },
    )
    const byTranscript = new Map<string, typeof chosen>()
    for (const section of chosen) byTranscript.set(section.transcript, [...(byTranscript.get(section.transcript) ?? []), section])
    for (const [transcript, sections] of byTranscript) tallies.push(...groupTallies(transcript, sections))
  }
  return tallies
}
