/**
 * Pagefind's index in parts (the build's src/build/search/parts.ts; the search manifest lists a site's
 * parts): the first part's `pagefind.js`, a file of the built site and not a module of the bundle,
 * imported by URL, and every other part merged into it (`mergeIndex`), for one `search` over all. The
 * search page opens its own site's parts; the hub opens every part of every shard, each under its base.
 */
import { pagefindPartRoute, pagefindRoute, sitePath } from '../../contract/routes.ts'

/** What of Pagefind's module the pages call. */
export interface PagefindModule<Result> {
  options(options: Record<string, unknown>): Promise<void>
  init(): Promise<void>
  mergeIndex(basePath: string, options?: Record<string, unknown>): Promise<void>
  search(term: string): Promise<{ results: Result[] } | null>
}

/** One part of an index, and the base of the site that holds it (the page's own by default). */
export interface IndexPart {
  part: string
  base?: string
}

/**
 * Opens the parts as one Pagefind search. `options` are set before init (`noWorker` among them); `each`
 * are given to every part, the first included.
 */
export async function openParts<Result>(
  parts: readonly IndexPart[],
  options: Record<string, unknown>,
  each: Record<string, unknown> = {},
): Promise<PagefindModule<Result>> {
  const [first, ...rest] = parts
  if (!first) throw new Error('the search manifest lists no part of the index')
  const pagefind = (await import(/* @vite-ignore */ sitePath(pagefindRoute(first.part), first.base))) as PagefindModule<Result>
  await pagefind.options({ ...options, ...each })
  await pagefind.init()
  await Promise.all(rest.map(({ part, base }) => pagefind.mergeIndex(sitePath(pagefindPartRoute(part), base), each)))
  return pagefind
}
