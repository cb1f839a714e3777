/**
 * Counting on text and on the section chunks: tallies of the sections holding a query, by transcript, for
 * the count and the facets' counts (counts.ts turns tallies into counts).
 */
import { bucketOf, sectionChunkPath, type SectionTable } from '../../contract/search.ts'
import { decodeTable, groupTallies, type DecodedTable, type Tally } from './counts.ts'
import type { ParsedQuery } from '../../contract/query.ts'
import { manifestOf, readRecords, sectionValues, transcriptsOf, type Candidate, type SearchData } from './records.ts'

/**
 * For counting a query with phrases or several words: the sections are checked on their text, so the
 * transcripts' passages are read, at most `limit` transcripts, taken record by record from `records` (a
 * record's transcripts come from `expand`, those of Pagefind's records from `transcriptsOf`). Tallies by
 * transcript; `undefined` when `current()` turns false (another search has begun); `complete` false when
 * there were more transcripts than `limit`.
 */
export async function fragmentTallies(
  data: SearchData,
  records: Candidate[],
  query: ParsedQuery,
  limit: number,
  current: () => boolean,
  expand: (record: Candidate) => Promise<Candidate[]> = (record) => transcriptsOf(data, record),
): Promise<{ tallies: Map<string, Tally[]>; complete: boolean } | undefined> {
  const tallies = new Map<string, Tally[]>()
  const read: Candidate[] = []
  let r = 0
  for (; r < records.length && read.length < limit; r += 8) {
    for (const list of await Promise.all(records.slice(r, r + 8).map(expand))) read.push(...list)
    if (!current()) return undefined
  }
  const complete = r >= records.length && read.length <= limit
  for (let i = 0; i < Math.min(read.length, limit); i += 24) {
    const batch = read.slice(i, Math.min(i + 24, limit))
    const hits = await readRecords(data, batch, query)
    if (!current()) return undefined
    if (hits === 'absent') return { tallies: new Map(), complete: true }
    hits.forEach((list, j) => {
      const fragment = list[0]?.fragment
      if (fragment)
        tallies.set(
          batch[j]!.id,
          groupTallies(
            fragment.filters.transcript?.[0] ?? '',
            list.map((hit) => sectionValues(hit.section, fragment)),
          ),
        )
    })
  }
  return { tallies, complete }
}

/**
 * The section rows of some records, in rank order, from the section chunks they live in: every chunk
 * needed when together they fit `budget` bytes (an exact count), else the chunks of the best records
 * until the budget is spent (a count of those records only). Decoded chunks are kept for later searches.
 */
export async function sectionRows(
  data: SearchData,
  ids: string[],
  budget: number,
): Promise<{ table: DecodedTable; complete: boolean } | undefined> {
  const manifest = await manifestOf(data)
  const chunkOf = (id: string) => bucketOf(id, manifest.chunks.length)
  const order: number[] = []
  const seen = new Set<number>()
  for (const id of ids) {
    const chunk = chunkOf(id)
    if (!seen.has(chunk)) {
      order.push(chunk)
      seen.add(chunk)
    }
  }
  let spent = 0
  const chosen: number[] = []
  for (const chunk of order) {
    const size = manifest.chunks[chunk] ?? 0
    if (chosen.length > 0 && spent + size > budget && !decoded.has(`${chunk}`)) continue
    spent += decoded.has(`${chunk}`) ? 0 : size
    chosen.push(chunk)
  }
  const table: DecodedTable = new Map()
  for (const rows of await Promise.all(chosen.map((chunk) => chunkRows(data, chunk)))) {
    if (!rows) return undefined
    for (const [id, row] of rows) table.set(id, row)
  }
  return { table, complete: chosen.length === order.length }
}

const decoded = new Map<string, DecodedTable>()
async function chunkRows(data: SearchData, chunk: number): Promise<DecodedTable | undefined> {
  const known = decoded.get(`${chunk}`)
  if (known) return known
  const table = await data.json<SectionTable>(sectionChunkPath(chunk))
  if (!table) return undefined
  const rows = decodeTable(table)
  decoded.set(`${chunk}`, rows)
  return rows
}

/** Forget decoded chunks (a new build, or a test with other data). */
export function forgetChunks(): void {
  decoded.clear()
}
