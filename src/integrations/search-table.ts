/**
 * The section table (`/search/sections.json`), read from the fragments Pagefind has just made, so that its
 * page ids and word positions are Pagefind's own. With it the search page counts turn-level results for
 * every facet value without fetching a single fragment.
 */
import { gunzipSync } from 'node:zlib'
import { EDITORIAL, encodePositions, NOTE, type RecordSummary, type SectionTable } from '../scripts/search-counts.ts'
import { FACETS, type Facet } from '../scripts/search-query.ts'
import { hasLeadingSection, headingAnchors, parseAnchorId, parseFragmentText, voicesOf } from '../scripts/search-sections.ts'


/**
 * The section table, and its summary (`/search/records.json`): each record's number of passages per
 * speaker and kind, all that a search with no words needs to list and count, at a tenth of the size.
 */
export function sectionTable(files: Array<{ path: string; content: Uint8Array }>): { table: SectionTable; summary: RecordSummary } {
  const values = Object.fromEntries(FACETS.map((facet) => [facet, [] as string[]])) as Record<Facet, string[]>
  const lookup = Object.fromEntries(FACETS.map((facet) => [facet, new Map<string, number>()])) as Record<Facet, Map<string, number>>
  const indexOf = (facet: Facet, value: string): number => {
    let at = lookup[facet].get(value)
    if (at === undefined) {
      at = values[facet].push(value) - 1
      lookup[facet].set(value, at)
    }
    return at
  }
  const records: SectionTable['records'] = {}
  const summary: RecordSummary['records'] = {}
  for (const file of files) {
    const match = /^fragment\/(.+)\.pf_fragment$/.exec(file.path.replace(/\\/g, '/'))
    if (!match) continue
    const fragment = parseFragmentText(gunzipSync(file.content).toString('utf8'))
    const voices = voicesOf(fragment.filters)
    const anchors = headingAnchors(fragment.anchors)
    const positions = anchors.map((a) => a.location)
    const codes = anchors.map((anchor) => {
      const { kind, voice } = parseAnchorId(anchor.id)
      if (kind === 'footnote') return NOTE
      if (kind === 'editorial') return EDITORIAL
      return indexOf('speaker', voices.get(voice ?? '') ?? voice ?? '').toString(36)
    })
    const transcript = indexOf('transcript', fragment.filters.transcript?.[0] ?? '')
    records[match[1]!] = [transcript, encodePositions(positions), codes.join('.')]
    // The words before the first heading (the header's lines) are an editorial passage too.
    const groups: Record<string, number> = hasLeadingSection(positions) ? { [EDITORIAL]: 1 } : {}
    for (const code of codes) groups[code] = (groups[code] ?? 0) + 1
    summary[match[1]!] = [transcript, groups]
  }
  return { table: { values, records }, summary: { values, records: summary } }
}
