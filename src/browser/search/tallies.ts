/**
 * The section chunks read back: each record's heading positions, speakers and kinds. The page's counts no
 * longer read them (exact-count.ts counts from the word tables and the postings); kept while the build
 * writes the chunks and the tests read them through here.
 */
import { bucketOf, sectionChunkPath, type SectionTable } from '../../contract/search.ts'
import { decodeTable, type DecodedTable } from './counts.ts'
import { manifestOf, type SearchData } from './records.ts'

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
