/**
 * From Pagefind's records back to turn-level results. A record (every turn of one speaker in one
 * transcript, or a transcript's notes, or its editorial text) is split into sections at its headings,
 * whose word positions Pagefind keeps as anchors; a search's word positions then say which sections
 * match. No DOM here, so it is easy to test.
 */
import { FACETS, words, type Facet, type SearchState } from './search-query.ts'

/**
 * Written at build time from Pagefind's own fragments (src/integrations/search-table.ts), so that counts
 * need no fragment: for each Pagefind page id, its facet values and its sections' word positions.
 */
export interface SectionTable {
  /** Facet values, listed once and referred to by index. */
  values: Record<Facet, string[]>
  /** Page id → [speaker index (-1: none), transcript index, kind index, heading positions]. */
  records: Record<string, [number, number, number, string]>
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

export interface Anchor {
  element: string
  id: string
  text: string
  location: number
}

/** The anchors Pagefind would make sections of: headings with some text, in word order. */
export function headingAnchors(anchors: Anchor[]): Anchor[] {
  return anchors.filter((a) => /^h\d$/i.test(a.element) && /\S/.test(a.text ?? '')).sort((a, b) => a.location - b.location)
}

/**
 * Which sections hold a match for every unit of the query (a free word, a quoted phrase): `units[u]` are
 * unit u's word positions in the record, `headings` the sections' heading positions. Words before the
 * first heading are a section of their own (a transcript's header lines); a heading's own word (a turn's
 * time) is not part of its section. No units: every section.
 */
export function matchingSections(headings: number[], units: number[][]): number[] {
  const leading = headings.length === 0 || headings[0]! > 0
  const starts = leading ? [0, ...headings] : headings
  const all = starts.map((_, i) => i)
  if (units.length === 0) return all
  const sectionOf = (position: number): number => {
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (starts[mid]! <= position) low = mid
      else high = mid - 1
    }
    const isHeading = !(leading && low === 0) && starts[low] === position
    return isHeading ? -1 : low
  }
  let found = new Set(all)
  for (const positions of units) {
    const here = new Set(positions.map(sectionOf))
    found = new Set([...found].filter((i) => here.has(i)))
  }
  return [...found].sort((a, b) => a - b)
}

/**
 * Which free words each of Pagefind's matched positions stands for, from the word printed there. Pagefind
 * matches a word by its stem or its start ("quarantine" finds "quarantined"), so each part of the printed
 * word ("svg/onload" has two) goes to the term sharing the longest start with it, at least three letters
 * (or the whole term). Returns each term's positions, in the terms' order.
 */
export function termPositions(content: string, positions: number[], terms: string[]): number[][] {
  if (terms.length === 1) return [positions]
  const byTerm = terms.map((): number[] => [])
  const unplaced: number[] = []
  const printed = content.split(/[\r\n\s]+/g)
  const shared = (a: string, b: string) => {
    let n = 0
    while (n < a.length && n < b.length && a[n] === b[n]) n++
    return n
  }
  for (const position of positions) {
    const found = new Set<number>()
    for (const part of words(printed[position] ?? '')) {
      let best = -1
      let length = 0
      terms.forEach((term, t) => {
        const n = shared(part, term)
        if (n > length && n >= Math.min(3, term.length)) [best, length] = [t, n]
      })
      if (best >= 0) found.add(best)
    }
    for (const t of found) byTerm[t]!.push(position)
    if (found.size === 0) unplaced.push(position)
  }
  // A position no term starts like is still one Pagefind matched, by a stem the rule above misses
  // ("skies" for "sky"): it goes to the terms left without any.
  for (const positions of byTerm) if (positions.length === 0) positions.push(...unplaced)
  return byTerm
}

export interface Section {
  /** The passage's id on the transcript's page; none for the header lines. */
  id?: string
  /** The heading's word: a turn's time, a note's number, or `§`. */
  heading?: string
  text: string
}

/** A record's sections with their text, from Pagefind's fragment (its text and anchors). */
export function sectionsOf(fragment: { content: string; anchors: Anchor[] }): Section[] {
  const words = fragment.content.split(/[\r\n\s]+/g)
  const anchors = headingAnchors(fragment.anchors)
  const sections: Section[] = []
  if (anchors.length === 0 || anchors[0]!.location > 0) sections.push({ text: words.slice(0, anchors[0]?.location ?? words.length).join(' ') })
  anchors.forEach((anchor, i) => {
    const end = anchors[i + 1]?.location ?? words.length
    sections.push({ id: anchor.id, heading: anchor.text, text: words.slice(anchor.location + 1, end).join(' ') })
  })
  return sections
}

/** The heading positions of a fragment, as the table stores them. */
export function headingPositions(anchors: Anchor[]): number[] {
  return headingAnchors(anchors).map((a) => a.location)
}

export type Counts = Record<Facet, Record<string, number>>

/** A record's facet values and how many of its sections match. */
export interface Tally {
  values: Partial<Record<Facet, string>>
  sections: number
}

/** The table as the page uses it: positions decoded once, not at every search. */
export type DecodedTable = Map<string, Tally['values'] & { headings: number[] }>

export function decodeTable(table: SectionTable): DecodedTable {
  const rows: DecodedTable = new Map()
  for (const [id, [speaker, transcript, kind, headings]] of Object.entries(table.records)) {
    rows.set(id, {
      speaker: speaker >= 0 ? table.values.speaker[speaker] : undefined,
      transcript: table.values.transcript[transcript],
      kind: table.values.kind[kind],
      headings: decodePositions(headings),
    })
  }
  return rows
}

/**
 * Each record's matching sections, from the table: `matches` holds each matching record's unit positions;
 * `undefined` means no query words, so every section of every record counts. `ids`: only these records.
 */
export function tableTallies(table: DecodedTable, matches: Map<string, number[][]> | undefined, ids: Iterable<string> = matches ? matches.keys() : table.keys()): Tally[] {
  const tallies: Tally[] = []
  for (const id of ids) {
    const row = table.get(id)
    if (!row) continue
    const sections = matchingSections(row.headings, matches?.get(id) ?? []).length
    if (sections > 0) tallies.push({ values: row, sections })
  }
  return tallies
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
    const passes = (facet: Facet) => state[facet].length === 0 || (values[facet] !== undefined && state[facet].includes(values[facet]))
    for (const facet of FACETS) {
      const value = values[facet]
      if (value === undefined || !FACETS.every((other) => other === facet || passes(other))) continue
      counts[facet][value] = (counts[facet][value] ?? 0) + sections
    }
    if (FACETS.every(passes)) total += sections
  }
  return { total, counts }
}
