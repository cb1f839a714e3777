/**
 * The browser's `SearchData` (engine.ts): Pagefind loaded on first use (a search with no words never
 * loads it), the search's tables fetched once each and revalidated (a new build brings new page ids), and
 * transcripts' passages fetched by name (never Pagefind's own fragments, which hold whole records).
 */
import { MANIFEST_PATH, parseFragmentText, passagesPath, url, type Fragment, type Manifest } from '../../contract/search.ts'
import { sitePath } from '../../contract/routes.ts'
import type { Pagefind, SearchData } from './engine.ts'
import type { PagefindResult } from './records.ts'
import { openParts } from './pagefind-parts.ts'
import { responseText as text } from './response-text.ts'

let pagefind: Promise<Pagefind> | undefined
/**
 * Pagefind's index in its parts, as the manifest lists them (./pagefind-parts.ts). No web worker
 * (`noWorker`, set before init): posting every result's word positions across costs more than the search,
 * and a worker releases a result's data once the result object is collected, which the counting, holding
 * only `data`, would then find gone.
 */
export function loadPagefind(): Promise<Pagefind> {
  pagefind ??= json<Manifest>(MANIFEST_PATH).then((manifest) =>
    openParts<PagefindResult>(
      (manifest?.parts ?? []).map((part) => ({ part })),
      { noWorker: true },
      { excerptLength: 30 },
    ),
  )
  return pagefind
}

const tables = new Map<string, Promise<unknown>>()
function json<T>(path: string): Promise<T | undefined> {
  let loaded = tables.get(path)
  if (!loaded) {
    loaded = fetch(sitePath(url(path)), { cache: 'no-cache' })
      .then(async (response) => (response.ok ? (JSON.parse(await text(response)) as T) : undefined))
      .catch(() => undefined)
    tables.set(path, loaded)
  }
  return loaded as Promise<T | undefined>
}

const passages = new Map<string, Promise<Fragment>>()
/**
 * A transcript's passages by its name: gzipped JSON as the build writes it (a host may send it
 * decompressed, with `Content-Encoding: gzip`; either way works).
 */
function transcriptPassages(name: string): Promise<Fragment> {
  let known = passages.get(name)
  if (!known) {
    known = fetch(sitePath(url(passagesPath(name))), { cache: 'no-cache' }).then(async (response) => {
      if (!response.ok) throw new Error(`${response.status} for the passages of ${name}`)
      return parseFragmentText(await text(response))
    })
    passages.set(name, known)
  }
  return known
}

export const browserData: SearchData = { pagefind: loadPagefind, json, passages: transcriptPassages }
