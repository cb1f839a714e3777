/**
 * `npm run bench`: the reader's budgets (issue 3), measured on a fresh build (or on BENCH_DIST) served
 * gzip-compressed on 127.0.0.1, in Debian's Chromium:
 * - the seed page's HTML + every stylesheet it loads, gzip (≤ 35 KB)
 * - the JavaScript the seed page loads when opened, gzip (≤ 6 KB)
 * - Lighthouse 13 performance, accessibility, best practices and SEO on the seed page and the index (100).
 * Prints a table with pass/fail; exits 0 even when a budget is missed, 1 only when a measurement failed.
 * `--write` also puts the figures into docs/benchmarks.md. BENCH_LIGHTHOUSE_RUNS=N takes the median of N runs.
 * KB here are 1000 bytes.
 */
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { launchBrowser } from './lib/browser.ts'
import { siteToMeasure } from './bench/build.ts'
import { measurePage, sum, type Resource } from './bench/bytes.ts'
import { CATEGORIES, runLighthouse, type Category } from './bench/lighthouse.ts'
import { kb, markdownTable, median, textTable, writeFigures, type Row } from './bench/report.ts'
import { serveCompressed } from './bench/serve.ts'

const REPO = fileURLToPath(new URL('..', import.meta.url))
const SEED = '/1962-11-14-01181/'
const LIGHTHOUSE_PAGES = [SEED, '/']
const BUDGET = { htmlCss: 35_000, js: 6_000, lighthouse: 100 }
const RUNS = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 1) || 1)

const listing = (resources: Resource[], origin: string) =>
  resources
    .map((r) => `    ${kb(r.gzip).padStart(9)} gzip  ${kb(r.bytes).padStart(9)} raw  ${r.url.replace(origin, '')}`)
    .join('\n')

async function main(): Promise<void> {
  const site = await siteToMeasure(REPO)
  const server = await serveCompressed(site.dir)
  const rows: Row[] = []
  const details: string[] = []
  let chromium = ''
  let lighthouseVersion = ''
  try {
    const browser = await launchBrowser()
    try {
      chromium = browser.version()
      const bytes = await measurePage(browser, server.url + SEED)
      const htmlCss = sum(bytes.htmlCss)
      const js = sum(bytes.js)
      rows.push({
        measure: `${SEED} HTML + CSS, gzip`,
        value: kb(htmlCss),
        budget: `≤ ${kb(BUDGET.htmlCss)}`,
        pass: htmlCss <= BUDGET.htmlCss,
      })
      rows.push({
        measure: `${SEED} JavaScript on open, gzip`,
        value: kb(js),
        budget: `≤ ${kb(BUDGET.js)}`,
        pass: js <= BUDGET.js,
      })
      details.push(`${SEED} HTML + CSS:\n${listing(bytes.htmlCss, server.url)}`)
      details.push(`${SEED} JavaScript:\n${bytes.js.length ? listing(bytes.js, server.url) : '    (none)'}`)
      if (bytes.other.length) details.push(`${SEED} other requests:\n${listing(bytes.other, server.url)}`)
    } finally {
      await browser.close()
    }

    for (const pagePath of LIGHTHOUSE_PAGES) {
      const runs = []
      for (let i = 0; i < RUNS; i++) {
        process.stderr.write(`Lighthouse ${pagePath} (run ${i + 1} of ${RUNS}) …\n`)
        runs.push(await runLighthouse(server.url + pagePath))
      }
      lighthouseVersion = runs[0]!.version
      for (const category of CATEGORIES as readonly Category[]) {
        const score = median(runs.map((r) => r.scores[category]))
        const all = runs.map((r) => r.scores[category]).join(', ')
        rows.push({
          measure: `Lighthouse ${category}, ${pagePath}`,
          value: RUNS > 1 ? `${score} (${all})` : String(score),
          budget: String(BUDGET.lighthouse),
          pass: score >= BUDGET.lighthouse,
        })
      }
      const lost = runs.flatMap((r, i) => r.lost.map((l) => (RUNS > 1 ? `run ${i + 1}: ${l}` : l)))
      if (lost.length) details.push(`Lighthouse ${pagePath}, audits below full marks:\n${lost.map((l) => `    ${l}`).join('\n')}`)
    }
  } finally {
    await server.close()
    await site.cleanup()
  }

  const cpus = os.cpus()
  const machine = `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}`
  const date = new Date().toISOString().slice(0, 10)
  const tools = `Node ${process.version}, ${chromium ? `Chromium ${chromium}` : 'Chromium'}, Lighthouse ${lighthouseVersion} (mobile preset, ${RUNS} run${RUNS > 1 ? 's, median' : ''})`
  process.stdout.write(`\n${textTable(rows)}\n\n${details.join('\n\n')}\n\n${date} · ${machine}\n${tools}\n`)
  const missed = rows.filter((r) => !r.pass).length
  process.stdout.write(missed ? `\n${missed} budget${missed > 1 ? 's' : ''} missed.\n` : '\nEvery budget met.\n')

  if (process.argv.includes('--write')) {
    const file = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url))
    await writeFigures(
      file,
      `Measured ${date} on ${machine}.\n${tools}.\n\n${markdownTable(rows)}\n\n\`\`\`\n${details.join('\n\n')}\n\`\`\``,
    )
    process.stdout.write(`Figures written to ${file}.\n`)
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: the measurement failed: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
