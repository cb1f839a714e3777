/**
 * Turn-level counts for the search page's status and facets. For one word, or none, they come from the
 * section table (`/search/sections.json`, written at build time from Pagefind's own fragments by
 * src/integrations/search-table.ts), so that no fragment is fetched: each record's sections, their word
 * positions, speakers and kinds. No DOM here, so it is easy to test.
 */
import { FACETS, type Facet, type SearchState } from './search-query.ts'
import { hasLeadingSection, matchingSections } from './search-sections.ts'

export interface SectionTable {
  /** Facet values, listed once and referred to by index. */
  values: Record<Facet, string[]>
  /**
   * Pagefind page id → [transcript index, heading positions, and for each heading's section its code,
   * `.`-separated: its speaker's index in base 36, or NOTE, or EDITORIAL]. Words before the first heading
   * are an editorial section of their own.
   */
  records: Record<string, [number, string, string]>
}

/** A section's code for a note and for editorial text: not base-36 digits, which name speakers. */
export const NOTE = '-'
export const EDITORIAL = '_'

/** Each record's transcript and its number of passages per code (a speaker's index in base 36, or NOTE, EDITORIAL). */
export interface RecordSummary {
  values: Record<Facet, string[]>
  records: Record<string, [number, Record<string, number>]>
}

interface SummaryRow {
  transcript: string
  groups: Array<{ values: { transcript: string; kind: string; speaker?: string }; sections: number }>
}
/** The summary as the page uses it: each record's passages grouped by speaker and kind. */
export type DecodedSummary = Map<string, SummaryRow>

/** What a section code stands for. */
function sectionOf(code: string, transcript: string, speakers: string[]): { transcript: string; kind: string; speaker?: string } {
  if (code === NOTE) return { transcript, kind: 'footnote' }
  if (code === EDITORIAL) return { transcript, kind: 'editorial' }
  return { transcript, kind: 'turn', speaker: speakers[parseInt(code, 36)] ?? '' }
}

export function decodeSummary(summary: RecordSummary): DecodedSummary {
  const rows: DecodedSummary = new Map()
  for (const [id, [index, groups]] of Object.entries(summary.records)) {
    const transcript = summary.values.transcript[index] ?? ''
    rows.set(id, {
      transcript,
      groups: Object.entries(groups).map(([code, sections]) => ({
        values: sectionOf(code, transcript, summary.values.speaker),
        sections,
      })),
    })
  }
  return rows
}

/** Word positions as base-36 differences, `0.1k.2f`: the table stays small. */
export function encodePositions(positions: number[]): string {
  return positions.map((p, i) => (p - (positions[i - 1] ?? 0)).toString(36)).join('.')
}

export function decodePositions(text: string): number[] {
  if (text === '') return []
  let at = 0
  return text.split('.').map((step) => (at += parseInt(step, 36)))
}

export type Counts = Record<Facet, Record<string, number>>

/** How many matching sections share these facet values. */
export interface Tally {
  values: Partial<Record<Facet, string>>
  sections: number
}

interface Row {
  transcript: string
  headings: number[]
  /** Every section's speaker and kind, the leading one included. */
  sections: Array<{ speaker?: string; kind: string }>
}
/** The table as the page uses it: decoded once, not at every search. */
export type DecodedTable = Map<string, Row>

export function decodeTable(table: SectionTable): DecodedTable {
  const rows: DecodedTable = new Map()
  for (const [id, [transcript, positions, codes]] of Object.entries(table.records)) {
    const headings = decodePositions(positions)
    const anchored = codes === '' ? [] : codes.split('.').map((code) => sectionOf(code, '', table.values.speaker))
    const leading = hasLeadingSection(headings) ? [{ kind: 'editorial' }] : []
    rows.set(id, { transcript: table.values.transcript[transcript] ?? '', headings, sections: [...leading, ...anchored] })
  }
  return rows
}

/** Sections of one transcript grouped by speaker and kind. */
export function groupTallies(transcript: string, sections: Array<{ speaker?: string; kind: string }>): Tally[] {
  const groups = new Map<string, Tally>()
  for (const { speaker, kind } of sections) {
    const key = `${kind}\u0000${speaker ?? ''}`
    const tally = groups.get(key) ?? { values: { transcript, kind, ...(speaker === undefined ? {} : { speaker }) }, sections: 0 }
    tally.sections += 1
    groups.set(key, tally)
  }
  return [...groups.values()]
}

/**
 * The matching sections of records, from the table: `matches` holds each matching record's word
 * positions per free word; `undefined` means no query words, so every section counts. `ids`: only these.
 */
export function tableTallies(table: DecodedTable, matches: Map<string, number[][]> | undefined, ids: Iterable<string> = matches ? matches.keys() : table.keys()): Tally[] {
  const tallies: Tally[] = []
  for (const id of ids) {
    const row = table.get(id)
    if (!row) continue
    const chosen = matchingSections(row.headings, matches?.get(id) ?? [])
    tallies.push(...groupTallies(row.transcript, chosen.map((i) => row.sections[i] ?? { kind: 'editorial' })))
  }
  return tallies
}

/** Whether one section's values pass the state's choices in every facet but `except`. */
export function passes(values: Partial<Record<Facet, string>>, state: SearchState, except?: Facet): boolean {
  return FACETS.every((facet) => facet === except || state[facet].length === 0 || (values[facet] !== undefined && state[facet].includes(values[facet])))
}

/**
 * Turn-level counts: the results in all (the state's filters applied) and, for each facet, how many each
 * value would give with the other facets' choices kept and its own set aside (so a chosen value's
 * neighbours stay choosable).
 */
export function countSections(tallies: Tally[], state: SearchState): { total: number; counts: Counts } {
  const counts = Object.fromEntries(FACETS.map((facet) => [facet, {} as Record<string, number>])) as Counts
  let total = 0
  for (const { values, sections } of tallies) {
    for (const facet of FACETS) {
      const value = values[facet]
      if (value === undefined || !passes(values, state, facet)) continue
      counts[facet][value] = (counts[facet][value] ?? 0) + sections
    }
    if (passes(values, state)) total += sections
  }
  return { total, counts }
}
