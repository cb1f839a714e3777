/**
 * The hub page: one search over several shards, each a site built on its own under its own base.
 * Pagefind's multisite search finds the records: each shard's Pagefind index is in parts; the first part
 * of the first shard gives `pagefind.js`, `mergeIndex` for every other part, one `search`. Each result
 * names a record by its page id only; hub.json says whose it is, and that shard's own search tables (its
 * record list, then one transcript's passages) say which turn holds the words (locate.ts), as the shard's
 * own search page does. Pagefind's fragments, which hold whole records, are never loaded: a page of 20
 * results fetches at most 20 transcripts' passages.
 * The count is each shard's own exact count (src/browser/search/exact-count.ts over the shard's word tables
 * and postings, as its own search page counts), summed: the hub's total is the sum of its shards'.
 */
import { parseFragmentText, passagesPath, recordPath, url, type Fragment, type RecordTranscripts } from '../../contract/search.ts'
import { HUB_MANIFEST_PATH, type HubManifest, type HubShard } from '../../contract/hub.ts'
import { sitePath, transcriptRoute } from '../../contract/routes.ts'
import { openParts, type PagefindModule } from '../search/pagefind-parts.ts'
import { parseQuery, printedAnswers, type ParsedQuery } from '../../contract/query.ts'
import { fragmentWords } from '../../contract/sections.ts'
import { passagesAt, positionsByTranscript, type HubPassage } from './locate.ts'
import { responseText } from '../search/response-text.ts'
import { exactCount } from '../search/exact-count.ts'
import type { SearchData } from '../search/records.ts'
import { renderResult, type ResultLook } from '../search/result.ts'

/** What the hub reads of a Pagefind result: its record and where the words are in it. */
type HubResult = { id: string; words: number[] }

/** Results a page shows, and passages shown at most from one transcript. */
const PAGE = 20
const PER_TRANSCRIPT = 3
/** Records or transcripts fetched at once. */
const BATCH = 5

const root = document.querySelector<HTMLElement>('[data-hub]')
const input = root?.querySelector<HTMLInputElement>('input[name="q"]')
const status = root?.querySelector<HTMLElement>('[data-status]')
const list = root?.querySelector<HTMLOListElement>('[data-results]')
const moreButton = root?.querySelector<HTMLButtonElement>('[data-more]')

/** A file of a shard, by its path under the site (contract.ts): `/1962/search/records/<id>.json`. */
const shardUrl = (shard: HubShard, path: string) => sitePath(url(path), shard.base)

/** A response's text (ungzipped), or an error for a failed response. */
async function text(response: Response): Promise<string> {
  if (!response.ok) throw new Error(`${response.status} for ${response.url}`)
  return responseText(response)
}

/** Every part of every shard's index, each under its shard's base, as one search. */
function loadPagefind(shards: HubShard[]): Promise<PagefindModule<HubResult>> {
  // No web worker: results' word positions are all the hub reads, and posting them across costs more than the search.
  return openParts<HubResult>(
    shards.flatMap((shard) => shard.parts.map((part) => ({ part, base: shard.base }))),
    { noWorker: true },
  )
}

interface Hit {
  shard: HubShard
  name: string
  passages: Fragment
  passage: HubPassage
}

const LOOK: ResultLook = { heading: 'h2', item: 'hub-result', meta: 'hub-meta', excerpt: 'hub-excerpt' }

function renderHit({ shard, name, passages, passage }: Hit, q: string): HTMLLIElement {
  const target = new URL(sitePath(transcriptRoute(name), shard.base), location.href)
  target.searchParams.set('highlight', q)
  if (passage.pageId) target.hash = passage.pageId
  const href = `${target.pathname}${target.search}${target.hash}`
  const { excerpt, cutBefore, cutAfter } = passage
  return renderResult(
    {
      passage,
      href,
      collection: shard.title,
      title: passages.filters.title?.[0] ?? name,
      date: passages.filters.date?.[0] ?? '',
      excerpt: { parts: excerpt, cutBefore, cutAfter },
      attributes: { 'data-shard': shard.base, 'data-url': href },
    },
    LOOK,
  )
}

/** A shard's search tables, as its own search page reads them (only what a count reads: no Pagefind, no passages). */
function shardData(shard: HubShard): SearchData {
  const tables = new Map<string, Promise<unknown>>()
  return {
    pagefind: () => Promise.reject(new Error('the hub counts without Pagefind')),
    passages: () => Promise.reject(new Error('the hub counts without reading passages')),
    json: <T>(path: string) => {
      let loaded = tables.get(path)
      if (!loaded) {
        loaded = fetch(shardUrl(shard, path))
          .then(async (response) => (response.ok ? (JSON.parse(await responseText(response)) as T) : undefined))
          .catch(() => undefined)
        tables.set(path, loaded)
      }
      return loaded as Promise<T | undefined>
    },
  }
}

/** Each shard's exact count of `query` (null for a shard that cannot count: built before postings). */
function shardCounts(shards: HubShard[], query: ParsedQuery): Promise<Array<number | null>> {
  const none = { q: '', speaker: [], transcript: [], kind: [] }
  return Promise.all(
    shards.map(async (shard) => (await exactCount(shardData(shard), query, none).catch(() => null))?.total ?? null),
  )
}

async function search(q: string): Promise<void> {
  const manifest = JSON.parse(await text(await fetch(HUB_MANIFEST_PATH))) as HubManifest
  const shardOf = new Map(manifest.shards.flatMap((shard) => shard.records.map((id) => [id, shard] as const)))
  const pagefind = await loadPagefind(manifest.shards)
  const results = (await pagefind.search(q))?.results ?? []
  const query = parseQuery(q)
  const wanted = [...query.terms, ...query.phrases.flat()]

  /** Transcripts with matches still to show, in the results' order; read a few records at a time. */
  const pending: Array<{ shard: HubShard; name: string; positions: number[] }> = []
  let nextResult = 0
  const discover = async () => {
    const batch = results.slice(nextResult, nextResult + BATCH)
    nextResult += batch.length
    const found = await Promise.all(
      batch.map(async (result) => {
        const shard = shardOf.get(result.id)
        if (!shard) return []
        const record = JSON.parse(await text(await fetch(shardUrl(shard, recordPath(result.id))))) as RecordTranscripts
        return positionsByTranscript(record, result.words).map((part) => ({ shard, ...part }))
      }),
    )
    pending.push(...found.flat())
  }
  let shown = 0
  // The count: until every shard's is in, the status says it is counting; then the exact sum, and each shard's.
  let counted: string | undefined
  const counting = shardCounts(manifest.shards, query).then((counts) => {
    // A shard whose count could not be read (built before postings, a fetch that failed): said, never "counting…" for ever.
    if (counts.some((n) => n === null)) {
      const missing = manifest.shards.filter((_, i) => counts[i] === null).map((shard) => shard.title)
      counted = `The total could not be counted (no count from ${missing.join(', ')}).`
      return
    }
    const total = counts.reduce<number>((sum, n) => sum + n!, 0)
    const each = manifest.shards.map((shard, i) => `${shard.title}: ${counts[i]!.toLocaleString('en')}`).join(', ')
    counted = `${total.toLocaleString('en')} passage${total === 1 ? '' : 's'} hold “${q}” in ${manifest.shards.length} collections (${each}).`
    if (root) {
      root.dataset.total = String(total)
      root.dataset.counts = JSON.stringify(Object.fromEntries(manifest.shards.map((shard, i) => [shard.base, counts[i]])))
    }
  })
  const fill = async () => {
    const hits: Hit[] = []
    while (hits.length < PAGE) {
      if (pending.length < BATCH && nextResult < results.length) await discover()
      if (pending.length === 0) break
      const loaded = await Promise.all(
        pending.splice(0, Math.min(BATCH, PAGE - hits.length)).map(async ({ shard, name, positions }) => {
          const passages = parseFragmentText(await text(await fetch(shardUrl(shard, passagesPath(name)))))
          // Only what shows a word of the query: Pagefind's last resort matches a shorter word the query
          // word starts with (`x` for `xyzzyq`), which the page would mark as if it were asked for.
          const printed = fragmentWords(passages.content)
          const shown = positions.filter((position) => printedAnswers(printed[position] ?? '', wanted))
          return passagesAt(passages, shown, PER_TRANSCRIPT).map((passage) => ({ shard, name, passages, passage }))
        }),
      )
      hits.push(...loaded.flat())
    }
    list?.append(...hits.map((hit) => renderHit(hit, q)))
    shown += hits.length
    const more = pending.length > 0 || nextResult < results.length
    if (moreButton) moreButton.hidden = !more
    showStatus(more)
  }
  const showStatus = (more: boolean) => {
    if (!status) return
    if (shown === 0) status.textContent = `No passages found for “${q}”.`
    else if (counted) status.textContent = `${counted}${more ? ` ${shown.toLocaleString('en')} shown so far.` : ''}`
    else status.textContent = `${shown.toLocaleString('en')} passage${shown === 1 ? '' : 's'} shown so far; counting them all…`
  }
  moreButton?.addEventListener('click', async () => {
    if (root) root.dataset.state = 'searching'
    await fill()
    if (root) root.dataset.state = 'done'
  })
  await fill()
  await counting
  showStatus(pending.length > 0 || nextResult < results.length)
}

async function start(): Promise<void> {
  if (!root) return
  const q = new URLSearchParams(location.search).get('q')?.trim() ?? ''
  if (input) input.value = q
  root.dataset.query = q
  if (q === '') {
    root.dataset.state = 'done'
    return
  }
  root.dataset.state = 'searching'
  if (status) status.textContent = `Searching for “${q}”…`
  try {
    await search(q)
  } catch (error) {
    if (status)
      status.textContent = `The search could not be completed: ${error instanceof Error ? error.message : String(error)}`
  }
  root.dataset.state = 'done'
}

void start()
