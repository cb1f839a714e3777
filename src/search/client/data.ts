/**
 * The browser's `SearchData` (engine.ts): Pagefind loaded on first use (a search with no words never
 * loads it), the search's tables fetched once each and revalidated (a new build brings new page ids), and
 * records' fragments fetched by id.
 */
import { parseFragmentText, url, type Fragment } from '../contract.ts'
import type { Pagefind, SearchData } from './engine.ts'

// Pagefind is a file of the built site, not a module of the bundle: import it by URL.
const pagefindUrl = '/pagefind/pagefind.js'

let pagefind: Promise<Pagefind> | undefined
/**
 * No web worker (`noWorker`, set before init): posting every result's word positions across costs more
 * than the search, and a worker releases a result's data once the result object is collected, which the
 * counting, holding only `data`, would then find gone.
 */
export function loadPagefind(): Promise<Pagefind> {
  pagefind ??= import(/* @vite-ignore */ pagefindUrl).then(async (module: Pagefind & { options: (o: Record<string, unknown>) => Promise<void>; init: () => Promise<void> }) => {
    await module.options({ excerptLength: 30, noWorker: true })
    await module.init()
    return module
  })
  return pagefind
}

const tables = new Map<string, Promise<unknown>>()
function json<T>(path: string): Promise<T | undefined> {
  let loaded = tables.get(path)
  if (!loaded) {
    loaded = fetch(url(path), { cache: 'no-cache' })
      .then(async (response) => (response.ok ? ((await response.json()) as T) : undefined))
      .catch(() => undefined)
    tables.set(path, loaded)
  }
  return loaded as Promise<T | undefined>
}

const fragments = new Map<string, Promise<Fragment>>()
/**
 * A record's fragment by its page id. The file is Pagefind's own: gzipped, `pagefind_dcd`, then JSON.
 */
function fragment(id: string): Promise<Fragment> {
  let known = fragments.get(id)
  if (!known) {
    known = fetch(`/pagefind/fragment/${id}.pf_fragment`).then(async (response) => {
      if (!response.ok) throw new Error(`${response.status} for the search record ${id}`)
      const bytes = new Uint8Array(await response.arrayBuffer())
      const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))) : new Response(bytes)
      return parseFragmentText(await plain.text())
    })
    fragments.set(id, known)
  }
  return known
}

export const browserData: SearchData = { pagefind: loadPagefind, json, fragment }
