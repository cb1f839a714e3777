/**
 * `npm run bench:search [-- --count N] [-- --reuse] [-- --index-only]`: writes N synthetic transcripts
 * (default 1,000; scripts/make-corpus.ts), builds the site and its search into a temporary folder, and
 * measures search in headless Chromium against the budgets of issue 9 (KB = 1,000 bytes):
 *
 * - the first query (`embargo`): every byte fetched from opening /search/ to its results on screen,
 *   ≤ 300 KB;
 * - the first page of results with its count and facet counts, in a new tab: ≤ 500 KB in all;
 * - a speaker with no words (the busiest named one), in a new tab: ≤ 300 KB to its results and count;
 * - warm queries, typing to the first results on screen, p95 ≤ 100 ms: 20 words, 12 phrases sampled from
 *   the turns, 8 phrases of the generator's own sentence shapes (each in about half of all transcripts);
 *   the time to a full first page of 20 is printed too;
 * - the same queries and `"of the"`, typing to the exact count on screen (issue 24): every count equal to a
 *   brute-force count over the transcripts' JSON (bench/brute-count.ts), p95 ≤ 1 s warm (the page's pause
 *   of 250 ms before counting included), p95 ≤ 1.5 MB fetched from typing to the count (the results'
 *   fetches included); the worst query's time and bytes printed.
 *
 * Above ASTRO_LIMIT transcripts (or with `--index-only`) Astro builds the site from the first
 * PAGE_SAMPLE transcripts only (for the search page and its scripts), and the search index is built from
 * all N with the build's own code (src/build/search/index.ts `buildSearchIndex`), reading each
 * transcript with the library (loadTranscript), as the content loader does. The server sends
 * `no-store`, so every visit fetches again. Exit status 0 when every measurement was made, a budget met
 * or not (FAIL in the table); 1 when a measurement failed: a build, a query that found nothing (its time
 * would not be a search's), or a query with no first page of results in QUERY_TIMEOUT_MS.
 */
import { existsSync } from 'node:fs'
import { copyFile, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BrowserContext, Page } from 'playwright-core'
import { buildSearchIndex } from '../src/build/search/index.ts'
import { pagefindRoute } from '../src/contract/routes.ts'
import { TOTALS_PATH, type Manifest, type Totals } from '../src/contract/search.ts'
import { UNIDENTIFIED_LABEL } from '../src/contract/speakers.ts'
import { loadTranscript } from '../src/core/load.ts'
import { benchArgs } from './bench/args.ts'
import { astroBuild } from './bench/build.ts'
import { kb, median, p95 } from './bench/report.ts'
import { serveStatic } from './bench/static.ts'
import { MeasurementFailed, withTimeout } from './bench/fail.ts'
import { launchBrowser } from './lib/browser.ts'
import { speechOf, writeCorpus } from './make-corpus.ts'
import { bruteCount, readPassages } from './bench/brute-count.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const args = benchArgs({
  usage: 'Usage: npm run bench:search -- [--count N] [--reuse] [--index-only]',
  numbers: { count: 1000 },
  switches: ['reuse', 'index-only'],
})
const { count, reuse } = args
/** Above this many transcripts the site build itself does not yet scale: the search is built without Astro. */
const ASTRO_LIMIT = 3000
const PAGE_SAMPLE = 50
const indexOnly = args['index-only'] || count > ASTRO_LIMIT
const work = join(
  process.env.BENCH_DIR ?? join(tmpdir(), 'transcript-reader-bench'),
  `search-${count}${indexOnly ? '-index' : ''}`,
)
const corpus = join(work, 'transcripts')
const dist = join(work, 'dist')

const BUDGET = { first: 300_000, facets: 500_000, speaker: 300_000, warmMs: 100, countMs: 1000, countBytes: 1_500_000 }
/** How long one query may take to its first page of results before the bench stops and names it. */
const QUERY_TIMEOUT_MS = 120_000

async function sizeOf(
  dir: string,
  keep: (name: string, parent: string) => boolean = () => true,
): Promise<{ bytes: number; files: number }> {
  let bytes = 0
  let files = 0
  if (!existsSync(dir)) return { bytes, files }
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !keep(entry.name, entry.parentPath)) continue
    bytes += (await stat(join(entry.parentPath, entry.name))).size
    files += 1
  }
  return { bytes, files }
}

/**
 * Phrases as a reader might remember them: three words in a row from the corpus' turns, picked at fixed
 * places (every so many transcripts, a turn and a word chosen by a small deterministic generator).
 */
async function samplePhrases(dir: string, n: number): Promise<string[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort()
  let state = 12345
  const next = (max: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state % max
  }
  const phrases: string[] = []
  for (let i = 0; phrases.length < n && i < files.length * 2; i++) {
    const text = await readFile(join(dir, files[(i * 97) % files.length]!), 'utf8')
    const speeches = text.split('\n').flatMap((line) => speechOf(line) ?? [])
    if (speeches.length === 0) continue
    const words = speeches[next(speeches.length)]!.replace(/\[[^\]]*\]/g, ' ')
      .split(/\s+/)
      .filter((w) => /^[\p{L}'’,.?-]+$/u.test(w))
    if (words.length < 3) continue
    const at = next(words.length - 2)
    phrases.push(
      `"${words
        .slice(at, at + 3)
        .join(' ')
        .replace(/[,.?]+$/, '')}"`,
    )
  }
  return phrases
}

/** Responses a context receives, with their sizes as sent (body and headers). */
function recorder(context: BrowserContext) {
  const fetched: Array<{ url: string; bytes: number }> = []
  const pending: Array<Promise<unknown>> = []
  context.on('requestfinished', (request) => {
    const entry = { url: request.url(), bytes: 0 }
    fetched.push(entry)
    pending.push(request.sizes().then((sizes) => (entry.bytes = sizes.responseBodySize + sizes.responseHeadersSize)))
  })
  return {
    fetched,
    mark: () => fetched.length,
    async bytes(from = 0, to = fetched.length) {
      await Promise.all(pending)
      return fetched.slice(from, to).reduce((sum, f) => sum + f.bytes, 0)
    },
  }
}

async function settled(page: Page, q: string): Promise<void> {
  await page.waitForFunction(
    (q) => {
      const root = document.querySelector<HTMLElement>('[data-search]')
      return root?.dataset.state === 'done' && (root.dataset.query ?? '') === q
    },
    q,
    { timeout: 120_000 },
  )
}

/**
 * Time from the input event to the first results of `q` on screen (`data-results`), and to its first page
 * full (`data-page`), with how many results that page shows; the count and facets follow, not timed. A
 * search that ends without a page (it failed: the page says why) or takes longer than QUERY_TIMEOUT_MS
 * rejects, naming the query.
 */
function settleBoth(page: Page, q: string): Promise<{ results: number; page: number; shown: number }> {
  const timing = page.evaluate(
    (q) =>
      new Promise<{ results: number; page: number; shown: number }>((done, fail) => {
        const root = document.querySelector<HTMLElement>('[data-search]')!
        const input = document.querySelector<HTMLInputElement>('#search-q')!
        const list = root.querySelector('ol[data-results]')!
        const t0 = performance.now()
        let results: number | undefined
        const observer = new MutationObserver(() => {
          if (results === undefined && root.dataset.results === q) results = performance.now() - t0
          if (root.dataset.page === q) {
            observer.disconnect()
            done({ results: results ?? performance.now() - t0, page: performance.now() - t0, shown: list.childElementCount })
          } else if (root.dataset.state === 'done' && root.dataset.query === q) {
            observer.disconnect()
            fail(new Error(`the search ended with no page of results: ${root.querySelector('[data-status]')?.textContent}`))
          }
        })
        observer.observe(root, { attributes: true })
        input.value = q
        input.dispatchEvent(new Event('input', { bubbles: true }))
      }),
    q,
  )
  const named = timing.catch((error: Error) => {
    throw new MeasurementFailed(`query ${q}: ${error.message.split('\n')[0]}`)
  })
  return withTimeout(named, QUERY_TIMEOUT_MS, `query ${q}`)
}

/**
 * Time from the input event to the search's end (`data-state="done"`: the count on screen), the status it
 * ends with and the bytes fetched meanwhile. A count that fails or takes longer than QUERY_TIMEOUT_MS
 * rejects, naming the query.
 */
async function settleCount(
  page: Page,
  record: ReturnType<typeof recorder>,
  q: string,
): Promise<{ ms: number; bytes: number; status: string; files: string }> {
  const from = record.mark()
  const timing = page.evaluate(
    (q) =>
      new Promise<{ ms: number; status: string }>((done) => {
        const root = document.querySelector<HTMLElement>('[data-search]')!
        const input = document.querySelector<HTMLInputElement>('#search-q')!
        const t0 = performance.now()
        const observer = new MutationObserver(() => {
          if (root.dataset.state === 'done' && root.dataset.query === q) {
            observer.disconnect()
            done({ ms: performance.now() - t0, status: root.querySelector('[data-status]')?.textContent ?? '' })
          }
        })
        observer.observe(root, { attributes: true })
        input.value = q
        input.dispatchEvent(new Event('input', { bubbles: true }))
      }),
    q,
  )
  const { ms, status } = await withTimeout(timing, QUERY_TIMEOUT_MS, `the count of ${q}`)
  await page.waitForLoadState('networkidle')
  const bytes = await record.bytes(from)
  return { ms, status, bytes, files: filesOf(record.fetched.slice(from)) }
}

/** Where a count's bytes went: each kind of file fetched, how many and how many bytes (postings files one by one). */
function filesOf(fetched: Array<{ url: string; bytes: number }>): string {
  const kinds = new Map<string, { n: number; bytes: number }>()
  for (const { url, bytes } of fetched) {
    const path = new URL(url).pathname
    const kind = path.startsWith('/search/postings/')
      ? path.replace('/search/postings/', 'postings ')
      : path.split('/').slice(0, 3).join('/')
    const seen = kinds.get(kind) ?? { n: 0, bytes: 0 }
    seen.n += 1
    seen.bytes += bytes
    kinds.set(kind, seen)
  }
  return [...kinds]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .map(([kind, { n, bytes }]) => `${kind}${n > 1 ? ` ×${n}` : ''} ${kb(bytes)}`)
    .join(', ')
}

/** The number a status gives as the count (`1,234 results.`, `No results.`); undefined for anything else. */
function countOf(status: string): number | undefined {
  if (/^No results\./.test(status)) return 0
  const found = /^([\d,]+) results?\.$/.exec(status.trim())
  return found ? Number(found[1]!.replaceAll(',', '')) : undefined
}

async function build(): Promise<{ seconds?: number; manifest?: Manifest; mode: string }> {
  if (reuse && existsSync(join(dist, 'search', 'manifest.json'))) return { mode: 'reused' }
  await rm(work, { recursive: true, force: true })
  let t = performance.now()
  await writeCorpus(corpus, count)
  console.log(`Wrote ${count} synthetic transcripts in ${((performance.now() - t) / 1000).toFixed(1)} s (${corpus})`)
  t = performance.now()
  if (!indexOnly) {
    console.log('Building the site (astro build and its search index) …')
    astroBuild(root, dist, join(work, 'cache'), { TRANSCRIPTS_DIR: corpus })
    return { seconds: (performance.now() - t) / 1000, mode: 'astro build' }
  }
  // The site from a sample (the search page and its scripts), then the search over all transcripts.
  const names = (await readdir(corpus)).filter((name) => name.endsWith('.txt')).sort()
  const sample = join(work, 'sample')
  await mkdir(sample, { recursive: true })
  for (const name of names.slice(0, PAGE_SAMPLE)) await copyFile(join(corpus, name), join(sample, name))
  console.log(`Building the site from ${PAGE_SAMPLE} transcripts (astro build), then the search over all ${count} …`)
  astroBuild(root, dist, join(work, 'cache'), { TRANSCRIPTS_DIR: sample })
  const astroSeconds = (performance.now() - t) / 1000
  // The sample's index goes; the search page (search/index.html) stays.
  for (const built of [
    'pagefind',
    'search/values',
    'search/words',
    'search/heads',
    'search/postings',
    'search/manifest.json',
    'search/totals.json',
  ])
    await rm(join(dist, built), { recursive: true, force: true })
  t = performance.now()
  const manifest = await buildSearchIndex({
    site: dist,
    names: names.map((name) => name.replace(/\.txt$/, '')),
    read: async (name) => loadTranscript(await readFile(join(corpus, `${name}.txt`)), join(corpus, `${name}.txt`)).json,
    log: (message) => console.log(`  ${message}`),
  })
  return {
    seconds: (performance.now() - t) / 1000,
    manifest,
    mode: `search index without Astro (astro build of ${PAGE_SAMPLE}: ${astroSeconds.toFixed(0)} s)`,
  }
}

interface Row {
  measure: string
  value: string
  budget?: string
  pass?: boolean
}

async function main(): Promise<number> {
  const built = await build()
  const manifest = built.manifest ?? (JSON.parse(await readFile(join(dist, 'search', 'manifest.json'), 'utf8')) as Manifest)
  // Pagefind's index, in parts (pagefind/<part>/): each part's fragments, metadata and the rest.
  const pagefindDir = join(dist, 'pagefind')
  const index = await sizeOf(pagefindDir)
  const fragments = await sizeOf(pagefindDir, (_name, parent) => parent.endsWith('/fragment'))
  const meta = await sizeOf(pagefindDir, (name) => name.endsWith('.pf_meta'))
  const values = await sizeOf(join(dist, 'search', 'values'))
  const postings = await sizeOf(join(dist, 'search', 'postings'))
  const totalsFile = await readFile(join(dist, TOTALS_PATH))
  const totals = JSON.parse(totalsFile.toString('utf8')) as Totals

  // The busiest named speaker, by turns.
  const turns = new Map<string, number>()
  for (const [key, n] of Object.entries(totals.speakerKinds)) {
    const [speaker, kind] = key.split('\u0000')
    if (kind === 'turn' && speaker && speaker !== UNIDENTIFIED_LABEL) turns.set(speaker, (turns.get(speaker) ?? 0) + n)
  }
  const busiest = [...turns].sort((a, b) => b[1] - a[1])[0]!

  const server = await serveStatic(dist)
  const browser = await launchBrowser()
  const rows: Row[] = []
  const notes: string[] = []
  try {
    // 1. First query: open /search/ cold, type a word, results on screen.
    const first = 'embargo'
    let context = await browser.newContext()
    let record = recorder(context)
    let page = await context.newPage()
    await page.goto(`${server.url}/search/`)
    await settled(page, '')
    const firstQuery = await settleBoth(page, first)
    if (firstQuery.shown === 0)
      throw new MeasurementFailed(`the first query, ${first}, found nothing: its bytes are not a search's`)
    const firstMs = firstQuery.results
    const firstBytes = await record.bytes()
    const kinds = new Map<string, number>()
    for (const f of record.fetched) {
      const path = new URL(f.url).pathname
      const kind = path.startsWith('/search/passages/')
        ? 'passages'
        : path.startsWith('/search/words/')
          ? 'word tables'
          : path.includes('/fragment/')
            ? 'fragments'
            : path.includes('/index/')
              ? 'index chunks'
              : path.endsWith('.pf_meta') || path.endsWith('entry.json')
                ? 'Pagefind metadata'
                : path.includes('wasm')
                  ? 'WebAssembly'
                  : path.startsWith('/pagefind/')
                    ? 'Pagefind library'
                    : path.startsWith('/search/') && /\.json(\.gz)?$/.test(path)
                      ? 'search tables'
                      : 'the page (HTML, JS, CSS)'
      kinds.set(kind, (kinds.get(kind) ?? 0) + f.bytes)
    }
    rows.push({
      measure: `first query "${first}": fetched to results on screen`,
      value: kb(firstBytes),
      budget: `≤ ${kb(BUDGET.first)}`,
      pass: firstBytes <= BUDGET.first,
    })
    for (const [kind, bytes] of kinds) rows.push({ measure: `  ${kind}`, value: kb(bytes) })
    rows.push({ measure: '  typing to results, cold', value: `${firstMs.toFixed(0)} ms` })
    await settled(page, first)
    await page.waitForLoadState('networkidle')
    rows.push({ measure: '  then its count (no facets asked for)', value: kb((await record.bytes(0)) - firstBytes) })

    // 2. Warm: new words, the same again, sampled phrases, the generator's phrases.
    const words = [
      'quotas',
      'levees',
      'runway',
      'Lakeview',
      'memorandum',
      'encouraging',
      'subsidy',
      'tracking',
      'wage',
      'gold',
      'marshals',
      'arbitration',
      'reservoir',
      'observers',
      'seismic',
      'contractors',
      'airlines',
      'exchange',
      'verdict',
      'treaty',
    ]
    const sampled = await samplePhrases(corpus, 12)
    const shapes = [
      '"the trouble with"',
      '"inclined to agree"',
      '"run its course"',
      '"he was not encouraging"',
      '"nobody has explained to me"',
      '"see what happens"',
      '"will never go along"',
      '"the figure I have"',
    ]
    const full = new Map<string, number[]>()
    // A query that finds nothing is timed as fast as the search can say so: not a search's time.
    const empty: string[] = []
    const timed = async (label: string, list: string[]) => {
      const ms: number[] = []
      const pages: number[] = []
      for (const q of list) {
        const t = await settleBoth(page, q)
        if (t.shown === 0) empty.push(`${q} (${label})`)
        ms.push(t.results)
        pages.push(t.page)
      }
      full.set(label, pages)
      return ms
    }
    const fresh = await timed('new words', words)
    const repeat = await timed('the same words', words)
    const sampledMs = await timed('sampled phrases', sampled)
    const shapeMs = await timed('shapes', shapes)
    if (empty.length > 0)
      throw new MeasurementFailed(
        `${empty.length} warm quer${empty.length === 1 ? 'y' : 'ies'} found nothing (the time to no results is not a search's): ${empty.join(', ')}`,
      )
    const pagefindOnly = async (list: string[]) => {
      const times: number[] = []
      for (const phrase of list) {
        const time = page.evaluate(`(async () => {
          const pagefind = await import(${JSON.stringify(pagefindRoute(manifest.parts?.[0] ?? ''))})
          const t0 = performance.now()
          await pagefind.search(${JSON.stringify(phrase)})
          return performance.now() - t0
        })()`) as Promise<number>
        times.push(await withTimeout(time, QUERY_TIMEOUT_MS, `Pagefind's search alone for ${phrase}`))
      }
      return times
    }
    const sampledPagefind = await pagefindOnly(sampled)
    const wordsPagefind = await pagefindOnly(words)
    const stat = (ms: number[]) => `median ${median(ms).toFixed(0)} ms, p95 ${p95(ms).toFixed(0)} ms`
    const warm = (label: string, ms: number[]) =>
      rows.push({ measure: label, value: stat(ms), budget: `p95 ≤ ${BUDGET.warmMs} ms`, pass: p95(ms) <= BUDGET.warmMs })
    warm(`warm, ${words.length} new words`, fresh)
    warm('warm, the same words again', repeat)
    rows.push({ measure: "  Pagefind's search alone, the same words (no longer used for words)", value: stat(wordsPagefind) })
    warm(`warm, ${sampled.length} phrases sampled from the turns`, sampledMs)
    rows.push({ measure: "  Pagefind's exact search alone (its chunks loaded on the way)", value: stat(sampledPagefind) })
    warm(`warm, ${shapes.length} phrases of the generator's shapes`, shapeMs)
    for (const [label, pages] of full) rows.push({ measure: `  to a full first page (20), ${label}`, value: stat(pages) })
    // 2b. The same queries and the commonest phrase, typing to the exact count, each against a brute force.
    const passageTexts = await readPassages(corpus)
    const counted: Array<{ q: string; ms: number; bytes: number; files: string; shown?: number; expected: number }> = []
    for (const q of [...words, ...sampled, ...shapes]) {
      const { ms, bytes, status, files } = await settleCount(page, record, q)
      counted.push({ q, ms, bytes, files, shown: countOf(status), expected: bruteCount(passageTexts, q) })
    }
    // The commonest phrase, in a new tab: nothing of its words read before, their places fetched whole.
    {
      const fresh = await browser.newContext()
      const freshRecord = recorder(fresh)
      const freshPage = await fresh.newPage()
      await freshPage.goto(`${server.url}/search/`)
      await settled(freshPage, '')
      await freshPage.waitForLoadState('networkidle')
      const q = '"of the"'
      const { ms, bytes, status, files } = await settleCount(freshPage, freshRecord, q)
      counted.push({ q, ms, bytes, files, shown: countOf(status), expected: bruteCount(passageTexts, q) })
      await fresh.close()
    }
    const wrong = counted.filter((c) => c.shown !== c.expected)
    rows.push({
      measure: `exact counts, ${counted.length} queries (the words and phrases above, "of the" in a new tab), against a brute force`,
      value: `${counted.length - wrong.length} of ${counted.length} equal`,
      budget: 'all equal',
      pass: wrong.length === 0,
    })
    for (const c of wrong) notes.push(`count of ${c.q}: the page said ${c.shown ?? '(no count)'}, brute force ${c.expected}`)
    const countMs = counted.map((c) => c.ms)
    const countBytes = counted.map((c) => c.bytes)
    rows.push({
      measure: '  typing to the exact count, warm (its 250 ms pause included)',
      value: stat(countMs),
      budget: `p95 ≤ ${BUDGET.countMs} ms`,
      pass: p95(countMs) <= BUDGET.countMs,
    })
    rows.push({
      measure: '  fetched from typing to the count (results included)',
      value: `median ${kb(median(countBytes))}, p95 ${kb(p95(countBytes))}`,
      budget: `p95 ≤ ${kb(BUDGET.countBytes)}`,
      pass: p95(countBytes) <= BUDGET.countBytes,
    })
    const worst = [...counted].sort((a, b) => b.bytes - a.bytes)[0]!
    const slowest = [...counted].sort((a, b) => b.ms - a.ms)[0]!
    rows.push({
      measure: `  most bytes: ${worst.q} (${worst.expected.toLocaleString('en')})`,
      value: `${worst.ms.toFixed(0)} ms, ${kb(worst.bytes)}`,
    })
    rows.push({
      measure: `  slowest: ${slowest.q} (${slowest.expected.toLocaleString('en')})`,
      value: `${slowest.ms.toFixed(0)} ms, ${kb(slowest.bytes)}`,
    })
    notes.push('each count: its count, time and bytes, and the files fetched (postings one by one):')
    for (const c of counted) notes.push(`  ${c.q} ${c.shown} in ${c.ms.toFixed(0)} ms, ${kb(c.bytes)}: ${c.files}`)
    notes.push(`each sampled phrase: ${sampled.map((p, i) => `${p} ${sampledMs[i]!.toFixed(0)} ms`).join(', ')}`)
    notes.push(`each word: ${words.map((p, i) => `${p} ${fresh[i]!.toFixed(0)} ms`).join(', ')}`)
    await context.close()

    // 3. The first page with its count and facet counts, in a new tab.
    context = await browser.newContext()
    record = recorder(context)
    page = await context.newPage()
    const t0 = performance.now()
    await page.goto(`${server.url}/search/?q=${first}`)
    await settled(page, first)
    await page.getByRole('button', { name: 'Filter by speaker, transcript or kind of text' }).click()
    await page.waitForSelector('fieldset[data-facet="speaker"]', { timeout: 120_000 })
    await settled(page, first)
    await page.waitForLoadState('networkidle')
    const facetBytes = await record.bytes()
    const facetStatus = await page.locator('[data-status]').textContent()
    rows.push({
      measure: `first page of "${first}" with count and facets, new tab`,
      value: kb(facetBytes),
      budget: `≤ ${kb(BUDGET.facets)}`,
      pass: facetBytes <= BUDGET.facets,
    })
    rows.push({ measure: '  to facets on screen; status', value: `${(performance.now() - t0).toFixed(0)} ms; ${facetStatus}` })
    await context.close()

    // 4. A speaker with no words, in a new tab.
    context = await browser.newContext()
    record = recorder(context)
    page = await context.newPage()
    const t1 = performance.now()
    await page.goto(`${server.url}/search/?speaker=${encodeURIComponent(busiest[0])}`)
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('[data-search]')?.dataset.results !== undefined,
      undefined,
      { timeout: 120_000 },
    )
    const speakerMs = performance.now() - t1
    await settled(page, '')
    await page.waitForLoadState('networkidle')
    const speakerBytes = await record.bytes()
    const speakerStatus = await page.locator('[data-status]').textContent()
    rows.push({
      measure: `speaker only (${busiest[0]}, ${busiest[1]} turns), new tab`,
      value: kb(speakerBytes),
      budget: `≤ ${kb(BUDGET.speaker)}`,
      pass: speakerBytes <= BUDGET.speaker,
    })
    rows.push({ measure: '  to results; status', value: `${speakerMs.toFixed(0)} ms; ${speakerStatus}` })
    await context.close()
  } finally {
    await browser.close()
    await server.close()
  }

  const facts: Row[] = [
    {
      measure: 'transcripts (records), passages',
      value: `${manifest.records.toLocaleString('en')}, ${manifest.passages.toLocaleString('en')}`,
    },
    ...(built.seconds === undefined ? [] : [{ measure: `build (${built.mode})`, value: `${built.seconds.toFixed(0)} s` }]),
    {
      measure: 'Pagefind index on disk (without UI bundles)',
      value: `${kb(index.bytes)} in ${index.files.toLocaleString('en')} files`,
    },
    { measure: '  of which fragments / metadata', value: `${kb(fragments.bytes)} / ${kb(meta.bytes)}` },
    { measure: 'value tables (speakers, transcripts; kinds apart)', value: `${kb(values.bytes)} in ${values.files} files` },
    {
      measure: 'postings (words, pairs of words and their places; transcripts), for exact counts',
      value: `${kb(postings.bytes)} in ${postings.files} files`,
    },
    { measure: 'totals / manifest', value: `${kb(totalsFile.length)} / ${kb(JSON.stringify(manifest).length)}` },
  ]
  const all = [...facts, ...rows]
  const width = Math.max(...all.map((r) => r.measure.length))
  const valueWidth = Math.max(...all.map((r) => r.value.length))
  console.log(`\nSearch at ${count.toLocaleString('en')} transcripts (KB = 1,000 bytes)`)
  for (const row of all)
    console.log(
      `  ${row.measure.padEnd(width)}  ${row.value.padStart(valueWidth)}${row.budget ? `  ${row.budget.padEnd(16)} ${row.pass ? 'pass' : 'FAIL'}` : ''}`,
    )
  for (const note of notes) console.log(`  ${note}`)
  const failed = rows.filter((r) => r.pass === false).length
  console.log(failed === 0 ? '\nEvery budget met.' : `\n${failed} budget${failed === 1 ? '' : 's'} missed (FAIL above).`)
  return 0
}

try {
  process.exitCode = await main()
} catch (error) {
  const why =
    error instanceof MeasurementFailed ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)
  console.error(`bench:search could not measure: ${why}`)
  process.exitCode = 1
}
