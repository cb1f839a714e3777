/**
 * `npm run bench:build -- --count N [--runs K] [--no-rebuild] [--github-pages] [--keep]`: what building the site costs
 * next to the least the same tools can do (issue 9). N synthetic transcripts (scripts/make-corpus.ts) are
 * built twice, in temporary folders:
 * - the floor (scripts/bench/floor.ts): a bare Astro site of the raw texts, then Pagefind over it;
 * - the project: its build as `npm run build` runs it (scripts/build.ts, i.e. `astro build`) with
 *   TRANSCRIPTS_DIR, its Pagefind step inside the build;
 * then, unless --no-rebuild, the project again into the same output and cache: unchanged, after one
 * word of one transcript changed, and after one transcript was added (issue 25: each within a quarter of
 * the full build). With --github-pages, the project once more with the configuration docs/deploy.md gives
 * for GitHub Pages (`GITHUB_PAGES_OPTIONS`), from scratch. For each: wall time, peak memory of the whole
 * process tree, output size and files (and the build's own last line); the ratios project / floor against
 * the budgets (time ≤ 3×, memory ≤ 2×), the output's budgets per transcript (1.2 GB, 100,000 files and
 * 1 GB for GitHub Pages at 10,000); and the growth of Node's compile cache in the temp folder. --runs K
 * repeats floor and project and reports medians.
 * Exits 0 when a budget is missed (the table says FAIL), 1 when a build or measurement failed.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { buildTable, cacheGrowth, mb, runsListing, sec, type Figures, type Step } from './bench/build-report.ts'
import { compileCache, folderBytes, type CompileCache } from './bench/disk.ts'
import { createFloor } from './bench/floor.ts'
import { killRunning, runMeasured, type Measured } from './bench/process-tree.ts'
import { benchArgs } from './bench/args.ts'
import { makeTranscript, speechOf, writeCorpus } from './make-corpus.ts'
import { writeAstroConfig } from './lib/astro-config.ts'
import { writeCorpusHistory } from './lib/corpus-history.ts'

const REPO = fileURLToPath(new URL('..', import.meta.url))
const USAGE = 'Usage: npm run bench:build -- [--count N] [--runs K] [--no-rebuild] [--github-pages] [--keep]'
/** The configuration docs/deploy.md gives for a collection published on GitHub Pages. */
const GITHUB_PAGES_OPTIONS = { host: 'github-pages', exports: ['json'] }
/** The word put into one transcript for the second rebuild; the generator never writes it. */
const NEW_WORD = 'marzipan'

/** A child build that failed: an expected outcome, reported with its output's tail and no stack. */
class ChildFailed extends Error {
  constructor(label: string, measured: Measured, why = measured.status) {
    const tail = measured.tail.trimEnd().split('\n').slice(-40).join('\n')
    super(`${label} failed (${why}); the last lines of its output:\n${tail}`)
  }
}

interface Options {
  count: number
  runs: number
  rebuild: boolean
  githubPages: boolean
  keep: boolean
}

const say = (line: string) => process.stdout.write(`${line}\n`)
const describe = (label: string, m: Figures & { processes?: number }) =>
  say(
    `  ${label}: ${sec(m.seconds)} s (CPU ${sec(m.cpuSeconds)} s), peak ${mb(m.peakBytes)} MB${m.processes ? ` (${m.processes} processes at most)` : ''}${m.outBytes === undefined ? '' : `, output ${mb(m.outBytes)} MB`}`,
  )

/**
 * The project's build as `npm run build` runs it: scripts/build.ts (astro build with the project's own
 * settings, e.g. Node's compile cache off) when the project has it, else astro's CLI itself.
 */
const PROJECT_BUILD = existsSync(path.join(REPO, 'scripts/build.ts'))
  ? 'scripts/build.ts'
  : 'node_modules/astro/bin/astro.mjs build'

async function buildProject(corpus: string, outDir: string, cacheDir: string, label: string, config?: string): Promise<Figures> {
  const env = {
    ...process.env,
    TRANSCRIPTS_DIR: corpus,
    ASTRO_OUT_DIR: outDir,
    ASTRO_CACHE_DIR: cacheDir,
    ASTRO_TELEMETRY_DISABLED: '1',
  }
  const [script, ...args] = PROJECT_BUILD.split(' ')
  const configArgs = config ? ['--config', config] : []
  const m = await runMeasured(process.execPath, [path.join(REPO, script!), ...args, ...configArgs], { cwd: REPO, env })
  if (!m.ok) throw new ChildFailed(label, m)
  if (!existsSync(path.join(outDir, 'index.html'))) throw new ChildFailed(label, m, `${m.status}, but no index.html in ${outDir}`)
  const out = folderBytes(outDir)
  const figures = {
    seconds: m.seconds,
    cpuSeconds: m.cpuSeconds,
    peakBytes: m.peakBytes,
    outBytes: out.bytes,
    outFiles: out.files,
    largestBytes: out.largest,
  }
  describe(label, { ...figures, processes: m.peakProcesses })
  // The build's own account of its output, and the host's warnings (src/build/output-size.ts, hosts.ts).
  for (const line of m.tail.split('\n').filter((text) => /\[transcript-reader\] (output: |the site (is|has) )/.test(text)))
    say(`    ${line.replace(/^.*?\[transcript-reader\] /, '')}`)
  return figures
}

/**
 * Changes one word in the middle of one turn of the middle transcript (in the project's copy of the
 * corpus). Returns the transcript's name.
 */
function changeOneWord(corpus: string): string {
  const files = readdirSync(corpus)
    .filter((f) => f.endsWith('.txt'))
    .sort()
  const file = files[Math.floor(files.length / 2)]!
  const lines = readFileSync(path.join(corpus, file), 'utf8').split('\n')
  const turns = lines.flatMap((line, i) => (speechOf(line) !== undefined ? [i] : []))
  // From the middle turn outwards, the first turn with a plain lower-case word after its label.
  const order = turns.map((_, k) => turns[(Math.floor(turns.length / 2) + k) % turns.length]!)
  for (const at of order) {
    const line = lines[at]!
    const start = line.length - speechOf(line)!.length
    const words = [...line.slice(start).matchAll(/(?<=\s)[a-z]{4,}(?=[\s,.;?])/g)]
    const word = words[Math.floor(words.length / 2)]
    if (!word) continue
    const offset = start + word.index
    lines[at] = line.slice(0, offset) + NEW_WORD + line.slice(offset + word[0].length)
    writeFileSync(path.join(corpus, file), lines.join('\n'))
    say(`  changed “${word[0]}” to “${NEW_WORD}” in ${file}, line ${at + 1}`)
    return file.slice(0, -4)
  }
  throw new Error(`no turn with a word to change in ${file}`)
}

/** Where the changed word should be after the rebuild and is not: the page, the search index's fragments. */
function staleParts(out: string, name: string): string[] {
  const missing: string[] = []
  const page = path.join(out, name, 'index.html')
  if (!existsSync(page) || !readFileSync(page, 'utf8').includes(NEW_WORD)) missing.push(`/${name}/index.html`)
  // Pagefind's fragments are gzipped JSON, one per record, in each part of its index.
  const parts = path.join(out, 'pagefind')
  const inIndex =
    existsSync(parts) &&
    readdirSync(parts).some((part) => {
      const fragments = path.join(parts, part, 'fragment')
      return (
        existsSync(fragments) &&
        readdirSync(fragments).some((file) => gunzipSync(readFileSync(path.join(fragments, file))).includes(NEW_WORD))
      )
    })
  if (!inIndex) missing.push('pagefind/<part>/fragment/')
  return missing
}

async function main(options: Options): Promise<number> {
  // Output piped into `head` that has gone (EPIPE) must not end the bench before it removes its folders.
  process.stdout.on('error', () => {})
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'transcript-reader-bench-build-'))
  const folder = (name: string) => path.join(tmp, name)
  // Ctrl-C or a kill: end the build being measured (by pid) and remove the temporary folders all the same.
  const interrupted = () => {
    process.stderr.write('\nbench:build: interrupted\n')
    killRunning()
    if (!options.keep) void rm(tmp, { recursive: true, force: true, maxRetries: 5 }).finally(() => process.exit(130))
    else process.exit(130)
  }
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  const cacheBefore = compileCache()
  const cacheAfter: Array<{ label: string; cache: CompileCache }> = []
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')
  const loadBefore = load()
  try {
    const corpus = folder('corpus')
    const t = performance.now()
    await writeCorpus(corpus, options.count)
    say(`Project build: node ${PROJECT_BUILD}; floor: node astro.mjs build, then Pagefind's Node API`)
    say(
      `Wrote ${options.count} synthetic transcripts (${mb(folderBytes(corpus).bytes)} MB) in ${sec((performance.now() - t) / 1000)} s`,
    )
    const floor = await createFloor(folder('floor'), corpus, REPO)
    const floorStep: Step = { label: 'floor: astro build + pagefind', runs: [] }
    const astroStep: Step = { label: '  … of which astro build', runs: [] }
    const pagefindStep: Step = { label: '  … of which pagefind', runs: [] }
    const projectStep: Step = { label: 'project: its build', runs: [], compare: true }
    const projectCorpus = folder('project-corpus')
    const projectOut = folder('project-out')
    const projectCache = folder('project-cache')

    for (let run = 1; run <= options.runs; run++) {
      const suffix = options.runs > 1 ? `, run ${run}` : ''
      // Each run starts cold: fresh output and cache folders (the compile cache is left as it is).
      const floorOut = folder('floor-out')
      const floorCache = folder('floor-cache')
      await rm(floorOut, { recursive: true, force: true })
      await rm(floorCache, { recursive: true, force: true })
      say(`Floor${suffix} …`)
      const { astro, pagefind } = await floor.build(floorOut, floorCache)
      if (!astro.ok) throw new ChildFailed(`floor astro build${suffix}`, astro)
      if (!existsSync(path.join(floorOut, 'index.html')))
        throw new ChildFailed(`floor astro build${suffix}`, astro, `${astro.status}, but no index.html`)
      if (!pagefind?.ok) throw new ChildFailed(`floor pagefind${suffix}`, pagefind ?? astro)
      const floorFigures = {
        seconds: astro.seconds + pagefind.seconds,
        cpuSeconds: astro.cpuSeconds + pagefind.cpuSeconds,
        peakBytes: Math.max(astro.peakBytes, pagefind.peakBytes),
        outBytes: folderBytes(floorOut).bytes,
      }
      describe('astro build', { ...astro, processes: astro.peakProcesses })
      describe(`pagefind (${/Pagefind indexed \d+ pages/.exec(pagefind.tail)?.[0].slice(9) ?? 'pages indexed: unknown'})`, {
        ...pagefind,
        processes: pagefind.peakProcesses,
      })
      describe('floor', floorFigures)
      astroStep.runs.push(astro)
      pagefindStep.runs.push(pagefind)
      floorStep.runs.push(floorFigures)
      cacheAfter.push({ label: `floor${suffix}`, cache: compileCache() })

      say(`Project${suffix} …`)
      await rm(projectCorpus, { recursive: true, force: true })
      await rm(projectOut, { recursive: true, force: true })
      await rm(projectCache, { recursive: true, force: true })
      // A copy of the corpus: the rebuild edits it, and the source stays the same for every run.
      await cp(corpus, projectCorpus, { recursive: true })
      // A history to read: every transcript committed, then corrected twice (scripts/lib/corpus-history.ts).
      const started = performance.now()
      const commits = await writeCorpusHistory(projectCorpus)
      say(
        `  a git history of ${commits.toLocaleString('en')} commits (3 versions a transcript) in ${sec((performance.now() - started) / 1000)} s`,
      )
      projectStep.runs.push(await buildProject(projectCorpus, projectOut, projectCache, `project${suffix}`))
      cacheAfter.push({ label: `project${suffix}`, cache: compileCache() })
    }

    const steps = [astroStep, pagefindStep, projectStep]
    let stale = ''
    if (options.rebuild) {
      /** The project built again into the same output and cache: a rebuild, held to a share of the build. */
      const rebuild = async (label: string): Promise<Step> => {
        const runs = [await buildProject(projectCorpus, projectOut, projectCache, label)]
        cacheAfter.push({ label, cache: compileCache() })
        return { label, runs, compare: true, rebuild: true }
      }
      say('Rebuild of the project, nothing changed …')
      const same = await rebuild('rebuild, nothing changed')
      say('Rebuild of the project, one word changed …')
      const name = changeOneWord(projectCorpus)
      const oneWord = await rebuild('rebuild, one word changed')
      // A rebuild that skipped the change would be fast for the wrong reason: check the output has the word.
      const missing = staleParts(projectOut, name)
      if (missing.length > 0)
        stale = `FAIL: after the one-word rebuild, “${NEW_WORD}” is missing from ${missing.join(' and ')} (stale output)`
      else say(`  the new word is in /${name}/ and in the search index`)
      say('Rebuild of the project, one transcript added …')
      // The next transcript the generator would write, under a seed of its own so its name is new.
      const added = makeTranscript(options.count, 2)
      writeFileSync(path.join(projectCorpus, `${added.name}.txt`), added.text)
      say(`  added ${added.name}.txt`)
      const oneAdded = await rebuild('rebuild, one transcript added')
      if (!existsSync(path.join(projectOut, added.name, 'index.html')))
        stale = `${stale ? `${stale}\n` : ''}FAIL: after the rebuild with one transcript added, /${added.name}/ is missing`
      steps.push(same, oneWord, oneAdded)
    }

    if (options.githubPages) {
      say('Project with the GitHub Pages configuration …')
      const config = writeAstroConfig(REPO, folder('github-pages.config.mjs'), GITHUB_PAGES_OPTIONS)
      say(`  ${JSON.stringify(GITHUB_PAGES_OPTIONS)}`)
      const figures = await buildProject(
        projectCorpus,
        folder('pages-out'),
        folder('pages-cache'),
        'GitHub Pages configuration',
        config,
      )
      steps.push({ label: 'GitHub Pages configuration', runs: [figures], compare: true, githubPages: true })
    }

    const cpus = os.cpus()
    const version = (pkg: string) =>
      (JSON.parse(readFileSync(path.join(REPO, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version
    const table = buildTable(
      `${options.count.toLocaleString('en')} transcripts${options.runs > 1 ? ` (median of ${options.runs} runs)` : ''}`,
      floorStep,
      steps,
      options.count,
    )
    say(`\n${table.text}`)
    if (stale) say(`\n${stale}`)
    const listing = runsListing([floorStep, astroStep, pagefindStep, projectStep])
    if (listing) say(`\nEvery run (time / peak memory):\n${listing}`)
    say(`\n${cacheGrowth(cacheBefore, cacheAfter)}`)
    say(
      `\n${new Date().toISOString().slice(0, 10)} · ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM · Node ${process.version}, Astro ${version('astro')}, Pagefind ${version('pagefind')}`,
    )
    say(
      `Load average (1, 5, 15 min) before: ${loadBefore}; after: ${load()}. Memory is the sum of VmRSS over each build's process tree, sampled every 100 ms; MB are 1,000,000 bytes.`,
    )
    const missed = table.missed + (stale ? 1 : 0)
    say(missed ? `\n${missed} budget${missed > 1 ? 's' : ''} missed.` : '\nEvery budget met.')
    return 0
  } finally {
    process.off('SIGINT', interrupted)
    process.off('SIGTERM', interrupted)
    if (options.keep)
      say(
        `\nTemporary folders kept in ${tmp}: corpus/, floor/ (the floor project), floor-out/, project-corpus/ (edited by the rebuild), project-out/, project-cache/${options.githubPages ? ', pages-out/, pages-cache/' : ''}`,
      )
    else await rm(tmp, { recursive: true, force: true })
  }
}

const args = benchArgs({ usage: USAGE, numbers: { count: 1000, runs: 1 }, switches: ['no-rebuild', 'github-pages', 'keep'] })
const options: Options = {
  count: args.count,
  runs: args.runs,
  rebuild: !args['no-rebuild'],
  githubPages: args['github-pages'],
  keep: args.keep,
}
process.exitCode = await main(options).catch((error: unknown) => {
  const message =
    error instanceof ChildFailed ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)
  process.stderr.write(`bench:build: ${message}\n`)
  return 1
})
