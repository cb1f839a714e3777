/**
 * Turn-level counts for the search page's status and facets: the sections a query holds, tallied by
 * transcript, speaker and kind with the state's choices applied (`countSections`, for exact-count.ts), and
 * the value tables and totals of src/contract/search.ts for a search with no words. No DOM here, so it is
 * easy to test.
 */
import { codeValues, FACETS, type Facet, type Totals, type ValueTables } from '../../contract/search.ts'
import { inStateDates, type SearchState } from '../../contract/query.ts'

export {
  decodePositions,
  EDITORIAL,
  encodePositions,
  NOTE,
} from '../../contract/search.ts'

export interface SummaryRow {
  transcript: string
  groups: Array<{ values: { transcript: string; kind: string; speaker?: string }; sections: number }>
}
/** One record's passages per code as the page uses them: grouped by speaker and kind. */
export function summaryRow(values: Record<Facet, string[]>, index: number, groups: Record<string, number>): SummaryRow {
  const transcript = values.transcript[index] ?? ''
  return {
    transcript,
    groups: Object.entries(groups).map(([code, sections]) => ({
      values: codeValues(code, transcript, values.speaker),
      sections,
    })),
  }
}

/** One value's records from a bucket of value tables, in transcript order (none when the value has none). */
export function valueRows(tables: ValueTables, key: string): Array<[string, SummaryRow]> {
  return (tables.byValue[key] ?? []).map(([id, index, groups]) => [id, summaryRow(tables.values, index, groups)])
}

export type Counts = Record<Facet, Record<string, number>>

/** How many matching sections share these facet values. */
export interface Tally {
  values: Partial<Record<Facet, string>>
  sections: number
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
 * The totals as tallies: each speaker's passages per kind with no transcript, each transcript listed
 * with its passages and no kind. Only good for facets whose other facets have no choices: `countSections`
 * with such tallies gives every facet's counts for a state with at most one facet chosen.
 */
export function totalsTallies(totals: Totals): { speakerKinds: Tally[]; transcripts: Tally[] } {
  const speakerKinds = Object.entries(totals.speakerKinds).map(([key, sections]) => {
    const [speaker, kind] = key.split('\u0000') as [string, string]
    return { values: { kind, ...(speaker === '' ? {} : { speaker }) }, sections }
  })
  const transcripts = Object.entries(totals.transcripts).map(([transcript, sections]) => ({ values: { transcript }, sections }))
  return { speakerKinds, transcripts }
}

/**
 * Whether one section's values pass the state's choices in every facet but `except`, and its transcript's
 * date the state's range of dates (a range holds in every facet's counts).
 */
export function passes(values: Partial<Record<Facet, string>>, state: SearchState, except?: Facet): boolean {
  return (
    FACETS.every(
      (facet) =>
        facet === except || state[facet].length === 0 || (values[facet] !== undefined && state[facet].includes(values[facet])),
    ) && inStateDates(values.transcript, state)
  )
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
