/**
 * `npm run bench:search [-- --count N] [-- --reuse]`: builds a site of N synthetic transcripts (default
 * 1,000; scripts/make-corpus.ts) into a temporary folder and measures search in headless Chromium:
 * - build time, and the Pagefind index's size on disk;
 * - bytes fetched for the first query (everything from opening /search/ to its first results, Pagefind's
 *   library and WebAssembly included), against the 300 KB budget;
 * - time from typing to results shown, once warm, against the 150 ms budget.
 * `--reuse` skips the build when the folder already holds one. Exit status 1 when a budget is missed.
 */
import { existsSync } from 'node:fs'
import { readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { launchBrowser } from '../tests/e2e/support/browser.ts'
import { serveDist } from '../tests/e2e/support/server.ts'
import { decodeSummary, type RecordSummary } from '../src/scripts/search-counts.ts'
import { UNIDENTIFIED } from '../src/scripts/search-query.ts'
import { astroBuild } from './bench/build.ts'
import { kb, median, p95 } from './bench/report.ts'
import { writeCorpus } from './make-corpus.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)
const count = args.includes('--count') ? Number(args[args.indexOf('--count') + 1]) : 1000
if (!Number.isInteger(count) || count < 1) throw new Error('Usage: npm run bench:search -- [--count N] [--reuse]')
const reuse = args.includes('--reuse')
const work = join(process.env.BENCH_DIR ?? join(tmpdir(), 'transcript-reader-bench'), `search-${count}`)
const corpus = join(work, 'transcripts')
const dist = join(work, 'dist')

const BUDGET_BYTES = 300_000
const BUDGET_MS = 150

async function sizeOf(dir: string, keep: (name: string) => boolean = () => true): Promise<{ bytes: number; files: number }> {
  let bytes = 0
  let files = 0
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !keep(entry.name)) continue
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
  const next = (max: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31), state % max)
  const phrases: string[] = []
  for (let i = 0; phrases.length < n && i < files.length * 2; i++) {
    const text = await readFile(join(dir, files[(i * 97) % files.length]!), 'utf8')
    const turns = text.split('\n').filter((line) => /^[A-Z][\w .'-]{1,40}: \S/.test(line))
    if (turns.length === 0) continue
    const words = turns[next(turns.length)]!.replace(/^[^:]+:\s*/, '').replace(/\[[^\]]*\]/g, ' ').split(/\s+/).filter((w) => /^[\p{L}'’,.?-]+$/u.test(w))
    if (words.length < 3) continue
    const at = next(words.length - 2)
    phrases.push(`"${words.slice(at, at + 3).join(' ').replace(/[,.?]+$/, '')}"`)
  }
  return phrases
}

async function main(): Promise<number> {
  let buildSeconds: number | undefined
  let indexed = ''
  if (!(reuse && existsSync(join(dist, 'pagefind', 'pagefind.js')))) {
    await rm(work, { recursive: true, force: true })
    const t = performance.now()
    await writeCorpus(corpus, count)
    console.log(`Wrote ${count} synthetic transcripts in ${((performance.now() - t) / 1000).toFixed(1)} s (${corpus})`)
    console.log('Building the site (astro build, Pagefind records) …')
    const started = performance.now()
    const log = astroBuild(root, dist, join(work, 'cache'), { TRANSCRIPTS_DIR: corpus })
    buildSeconds = (performance.now() - started) / 1000
    const found = /Indexed (\d+) passages of \d+ transcripts as (\d+) records/.exec(log)
    indexed = found ? `${Number(found[1]).toLocaleString('en')} passages in ${Number(found[2]).toLocaleString('en')} records` : ''
  }

  const pagefindDir = join(dist, 'pagefind')
  const ui = /^pagefind-(ui|modular-ui|component-ui|highlight)\./
  const whole = await sizeOf(pagefindDir)
  const index = await sizeOf(pagefindDir, (name) => !ui.test(name))
  const fragments = await sizeOf(join(pagefindDir, 'fragment'))
  const table = await readFile(join(dist, 'search', 'sections.json'))
  const summaryFile = await readFile(join(dist, 'search', 'records.json'))

  const server = await serveDist(dist)
  const browser = await launchBrowser()
  try {
    const context = await browser.newContext()
    const page = await context.newPage()
    const fetched: Array<{ url: string; bytes: number }> = []
    context.on('requestfinished', (request) => {
      const entry = { url: request.url(), bytes: 0 }
      fetched.push(entry) // in the order requests finish; sizes come a moment later
      void request.sizes().then((sizes) => (entry.bytes = sizes.responseBodySize + sizes.responseHeadersSize))
    })

    const settle = (q: string) =>
      page.evaluate(
        (q) =>
          new Promise<number>((resolve) => {
            const root = document.querySelector<HTMLElement>('[data-search]')!
            const input = document.querySelector<HTMLInputElement>('#search-q')!
            // Results on screen (facet counts follow, and are not part of this time).
            const done = () => root.dataset.results === q
            const t0 = performance.now()
            const observer = new MutationObserver(() => {
              if (done()) {
                observer.disconnect()
                resolve(performance.now() - t0)
              }
            })
            observer.observe(root, { attributes: true })
            input.value = q
            input.dispatchEvent(new Event('input', { bubbles: true }))
          }),
        q,
      )

    // First query: open the search page cold, type a word, wait for results.
    const first = 'embargo'
    await page.goto(`${server.url}/search/`)
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search]')?.dataset.state === 'done')
    const firstMs = await settle(first)
    const atResults = fetched.length
    await page.waitForFunction((q) => document.querySelector<HTMLElement>('[data-search]')?.dataset.state === 'done' && document.querySelector<HTMLElement>('[data-search]')?.dataset.query === q, first)
    await page.waitForLoadState('networkidle')
    const facetFetched = fetched.splice(atResults)
    const pagefindFetched = fetched.filter((f) => new URL(f.url).pathname.startsWith('/pagefind/'))
    const firstBytes = pagefindFetched.reduce((sum, f) => sum + f.bytes, 0)
    const pageBytes = fetched.filter((f) => !new URL(f.url).pathname.startsWith('/pagefind/')).reduce((sum, f) => sum + f.bytes, 0)
    // What a server that compresses text would send: Pagefind's index files are gzipped already.
    let compressed = 0
    for (const f of pagefindFetched) {
      const file = join(dist, decodeURIComponent(new URL(f.url).pathname))
      compressed += /\.(js|json)$/.test(file) || file.includes('wasm.') ? gzipSync(await readFile(file)).length : f.bytes
    }
    const kinds = new Map<string, number>()
    for (const f of pagefindFetched) {
      const path = new URL(f.url).pathname
      const kind = path.includes('/fragment/') ? 'fragments' : path.includes('/index/') ? 'index chunks' : path.includes('/filter/') ? 'filter chunks' : path.includes('wasm') ? 'WebAssembly' : path.endsWith('.js') ? 'library JS' : 'entry + meta'
      kinds.set(kind, (kinds.get(kind) ?? 0) + f.bytes)
    }

    // Warm: new words (index chunks may still be fetched), then the same words again (all cached).
    const words = ['quotas', 'levees', 'runway', 'Lakeview', 'memorandum', 'encouraging', 'subsidy', 'tracking', 'wage', 'gold', 'marshals', 'arbitration', 'reservoir', 'observers', 'seismic', 'contractors', 'airlines', 'exchange', 'verdict', 'treaty']
    const sampled = await samplePhrases(corpus, 12)
    if (sampled.length === 0) throw new Error(`No phrases could be sampled from ${corpus}`)
    const phrases = ['"the trouble with"', '"inclined to agree"', '"run its course"', '"he was not encouraging"', '"nobody has explained to me"', '"see what happens"', '"will never go along"', '"the figure I have"']
    const fresh: number[] = []
    for (const word of words) fresh.push(await settle(word))
    const repeat: number[] = []
    for (const word of words) repeat.push(await settle(word))
    const phraseMs: number[] = []
    for (const phrase of phrases) phraseMs.push(await settle(phrase))
    const sampledMs: number[] = []
    for (const phrase of sampled) sampledMs.push(await settle(phrase))
    // Pagefind's own exact search for the same phrases, alone (its chunks already loaded).
    const pagefindOnly = (list: string[]) =>
      page.evaluate(async (list) => {
        const url: string = '/pagefind/pagefind.js'
        const pagefind = (await import(url)) as { search: (term: string) => Promise<unknown> }
        const times: number[] = []
        for (const phrase of list) {
          const t0 = performance.now()
          await pagefind.search(phrase)
          times.push(performance.now() - t0)
        }
        return times
      }, list)
    const sampledPagefind = await pagefindOnly(sampled)
    const phrasePagefind = await pagefindOnly(phrases)
    const last = sampled.at(-1)!
    await page.waitForFunction((q) => document.querySelector<HTMLElement>('[data-search]')?.dataset.state === 'done' && document.querySelector<HTMLElement>('[data-search]')?.dataset.query === q, last)
    const results = `${last}: ${await page.locator('[data-status]').textContent()}`

    // No words, a speaker chosen (all the turns of the corpus' busiest named speaker), in a new tab.
    const turns = new Map<string, number>()
    for (const { groups } of decodeSummary(JSON.parse(summaryFile.toString('utf8')) as RecordSummary).values()) {
      for (const { values, sections } of groups) if (values.speaker && values.speaker !== UNIDENTIFIED) turns.set(values.speaker, (turns.get(values.speaker) ?? 0) + sections)
    }
    const busiest = [...turns].sort((a, b) => b[1] - a[1])[0]!
    const tab = await context.newPage()
    const before = fetched.length
    const t0 = performance.now()
    await tab.goto(`${server.url}/search/?speaker=${encodeURIComponent(busiest[0])}`)
    await tab.waitForFunction(() => document.querySelector<HTMLElement>('[data-search]')?.dataset.results !== undefined)
    const speakerMs = performance.now() - t0
    await tab.waitForLoadState('networkidle')
    const speakerBytes = fetched.slice(before).reduce((sum, f) => sum + f.bytes, 0)
    const speakerStatus = await tab.locator('[data-status]').textContent()

    const line = (label: string, value: string, ok?: boolean) => console.log(`  ${label.padEnd(44)} ${value}${ok === undefined ? '' : ok ? '  ✓ within budget' : '  ✗ OVER BUDGET'}`)
    console.log(`\nSearch at ${count.toLocaleString('en')} transcripts${indexed ? ` (${indexed})` : ''}`)
    if (buildSeconds !== undefined) line('build time (astro build + index)', `${buildSeconds.toFixed(1)} s`)
    line('index on disk (pagefind/, without UI bundles)', `${kb(index.bytes)} in ${index.files} files`)
    line('  of which fragments', `${kb(fragments.bytes)} in ${fragments.files} files`)
    line('pagefind/ with its unused UI bundles', kb(whole.bytes))
    line('section table (/search/sections.json)', `${kb(table.length)}, ${kb(gzipSync(table).length)} gzip`)
    line('its summary (/search/records.json)', `${kb(summaryFile.length)}, ${kb(gzipSync(summaryFile).length)} gzip`)
    line(`first query "${first}": bytes fetched`, `${kb(firstBytes)} uncompressed`, firstBytes <= BUDGET_BYTES)
    line('  as a gzip-serving host would send it', kb(compressed))
    for (const [kind, bytes] of kinds) line(`    ${kind}`, kb(bytes))
    line('  search page itself (HTML, JS, CSS)', kb(pageBytes))
    line('then, for the count and facets (section table)', kb(facetFetched.reduce((sum, f) => sum + f.bytes, 0)))
    line(`first query: typing to results (cold)`, `${firstMs.toFixed(0)} ms`)
    line(`warm, ${words.length} new words: typing to results`, `median ${median(fresh).toFixed(0)} ms, p95 ${p95(fresh).toFixed(0)} ms`, p95(fresh) <= BUDGET_MS)
    line(`warm, the same words again`, `median ${median(repeat).toFixed(0)} ms, p95 ${p95(repeat).toFixed(0)} ms`, p95(repeat) <= BUDGET_MS)
    line(`warm, ${sampled.length} quoted phrases sampled from the text`, `median ${median(sampledMs).toFixed(0)} ms, p95 ${p95(sampledMs).toFixed(0)} ms`, p95(sampledMs) <= BUDGET_MS)
    line('  of which Pagefind\'s exact search alone', `median ${median(sampledPagefind).toFixed(0)} ms, p95 ${p95(sampledPagefind).toFixed(0)} ms`)
    line('  each', sampled.map((p, i) => `${p} ${sampledMs[i]!.toFixed(0)} ms`).join(', '))
    line(`warm, ${phrases.length} phrases of the generator's sentence shapes`, `median ${median(phraseMs).toFixed(0)} ms, p95 ${p95(phraseMs).toFixed(0)} ms`, p95(phraseMs) <= BUDGET_MS)
    line('  of which Pagefind\'s exact search alone', `median ${median(phrasePagefind).toFixed(0)} ms, p95 ${p95(phrasePagefind).toFixed(0)} ms`)
    line('  each (every one in about half of all records)', phrases.map((p, i) => `${p} ${phraseMs[i]!.toFixed(0)} ms`).join(', '))
    line('last query shown', results ?? '')
    line(`no words, speaker ${busiest[0]} (${busiest[1]} turns), new tab`, `${speakerMs.toFixed(0)} ms to results, ${kb(speakerBytes)} fetched; ${speakerStatus ?? ''}`)
    return firstBytes <= BUDGET_BYTES && [fresh, repeat, sampledMs, phraseMs].every((ms) => p95(ms) <= BUDGET_MS) ? 0 : 1
  } finally {
    await browser.close()
    await server.close()
  }
}

process.exitCode = await main()
