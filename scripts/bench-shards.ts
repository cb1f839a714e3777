/**
 * `npm run bench:shards [-- --count N] [-- --reuse]`: the hub's first query over 1, 2 and 4 shards (issue 9,
 * item 7). Writes 4 × N synthetic transcripts (default N = 250 a shard; scripts/make-corpus.ts), builds
 * four shards with the project's build (`SITE_BASE=/s1/` … `/s4/`, each into its folder of one hub),
 * then assembles the hub over the first 1, 2 and 4 of them (src/build/hub/assemble.ts) and, in headless
 * Chromium, measures every byte fetched from opening `/?q=embargo` to its first page of results on
 * screen, by kind: the hub (page, script, hub.json), Pagefind (its script, WebAssembly, each shard's
 * entry, metadata and index chunks) and the shards' tables (record lists, passages). Served on 127.0.0.1
 * as on disk (Pagefind's files and the passages are gzipped already), `no-store`. Work folder:
 * BENCH_DIR or tmp/bench-shards inside the project (Astro resolves a build's imports from there).
 */
import { existsSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { assembleHub } from '../src/build/hub/assemble.ts'
import { benchArgs } from './bench/args.ts'
import { astroBuild } from './bench/build.ts'
import { kb } from './bench/report.ts'
import { serveStatic } from './bench/static.ts'
import { launchBrowser } from './lib/browser.ts'
import { makeTranscript } from './make-corpus.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const { count, reuse } = benchArgs({
  usage: 'Usage: npm run bench:shards -- [--count N] [--reuse]',
  numbers: { count: 250 },
  switches: ['reuse'],
})
const SHARDS = 4
const QUERY = 'embargo'
const work = join(process.env.BENCH_DIR ?? join(root, 'tmp', 'bench-shards'), `shards-${count}`)
const hub = join(work, 'hub')
const base = (k: number) => `/s${k + 1}/`

async function buildShards(): Promise<void> {
  for (let k = 0; k < SHARDS; k++) {
    const out = join(hub, base(k))
    if (reuse && existsSync(join(out, 'search', 'manifest.json'))) continue
    const content = join(work, `content-${k + 1}`)
    await rm(content, { recursive: true, force: true })
    await mkdir(content, { recursive: true })
    for (let i = k * count; i < (k + 1) * count; i++) {
      const { name, text } = makeTranscript(i)
      await writeFile(join(content, `${name}.txt`), text)
    }
    const started = performance.now()
    process.stderr.write(`Building shard ${base(k)} (${count} transcripts) …\n`)
    astroBuild(root, out, join(work, `cache-${k + 1}`), { TRANSCRIPTS_DIR: content, SITE_BASE: base(k) })
    process.stderr.write(`  built in ${((performance.now() - started) / 1000).toFixed(0)} s\n`)
  }
}

/** What a request is for, by its path. */
function kindOf(path: string): 'hub' | 'pagefind' | 'tables' {
  if (/^\/s\d+\/pagefind\//.test(path)) return 'pagefind'
  if (/^\/s\d+\/search\//.test(path)) return 'tables'
  return 'hub'
}

async function firstQuery(shards: number): Promise<Record<'hub' | 'pagefind' | 'tables' | 'all', number> & { shown: number }> {
  await assembleHub({
    out: hub,
    title: 'the benchmark',
    shards: Array.from({ length: shards }, (_, k) => ({ base: base(k), dir: join(hub, base(k)) })),
  })
  const server = await serveStatic(hub)
  const browser = await launchBrowser()
  try {
    const context = await browser.newContext()
    const page = await context.newPage()
    const sizes: Array<Promise<[string, number]>> = []
    context.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname
      sizes.push(request.sizes().then((s) => [kindOf(path), s.responseBodySize + s.responseHeadersSize]))
    })
    await page.goto(`${server.url}/?q=${QUERY}`)
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-hub]')?.dataset.state === 'done', null, {
      timeout: 60_000,
    })
    const shown = await page.locator('.hub-result').count()
    const totals = { hub: 0, pagefind: 0, tables: 0, all: 0, shown }
    for (const [kind, bytes] of await Promise.all(sizes)) {
      totals[kind as 'hub'] += bytes
      totals.all += bytes
    }
    await context.close()
    return totals
  } finally {
    await browser.close()
    await server.close()
  }
}

await buildShards()
const rows: string[] = []
for (const shards of [1, 2, 4]) {
  const t = await firstQuery(shards)
  rows.push(`| ${shards} | ${shards * count} | ${kb(t.all)} | ${kb(t.hub)} | ${kb(t.pagefind)} | ${kb(t.tables)} | ${t.shown} |`)
}
process.stdout.write(
  [
    `First query ("${QUERY}") on the hub, ${count} transcripts a shard: every byte fetched to the first page of results`,
    '',
    '| shards | transcripts | fetched | hub | Pagefind | tables | results shown |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ].join('\n'),
)
