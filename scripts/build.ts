/**
 * `npm run build`: `astro build`, with its output kept readable on a large collection. Astro prints a line
 * for every page it writes (30,000 lines for 10,000 transcripts); this passes every other line through
 * and turns those into a progress line every few seconds (`routes: 12,000 written (34.5 s)`) and one
 * when the stage ends. The search is built beside the routes (src/build/search/background.ts), so its lines
 * can arrive while Astro is half-way through a page's line (`├─ /x/index.html`, then ` (+3ms)`): such a line
 * is taken out of the page's and printed whole, and it does not end the routes' stage. Node's compile cache is turned off for the build: each build's generated chunks
 * would add files to it under the temp folder that nothing ever removes. Arguments go to `astro build`.
 */
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { SEARCH_LOG_LABEL } from '../src/build/search/log-label.ts'
import { progress, type Progress } from '../src/contract/progress.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url))
/** `12:00:01   ├─ /x/index.html (+3ms)`, with or without colours. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC.
const PAGE_LINE = /^(?:\x1b\[[0-9;]*m)*\d\d:\d\d:\d\d\s+(?:\x1b\[[0-9;]*m)*[├└]─/
/** A log line that began after a page's path, before its time: from its own timestamp to the end. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC.
const INSIDE_PAGE_LINE = /[├└]─(?:\x1b\[[0-9;]*m)*\s+\S+?((?:\x1b\[[0-9;]*m)*\d\d:\d\d:\d\d(?:\x1b\[[0-9;]*m)*\s.*)$/
/** The rest of a page's line whose start was printed before another line: ` (+3ms)`. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC.
const PAGE_TIME = /^(?:\x1b\[[0-9;]*m)*\s*\(\+[\d.]+m?s\)(?:\x1b\[[0-9;]*m)*\s*$/
/** Lines of the search, which runs beside the routes and so does not end their stage. */
const BESIDE = `[${SEARCH_LOG_LABEL}]`

const child = spawn(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
  cwd: root,
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_DISABLE_COMPILE_CACHE: '1' },
  stdio: ['inherit', 'pipe', 'pipe'],
})

/** The routes' stage: from Astro's first page line to the first other line after them. */
let routes: Progress | undefined
let pages = 0

function pageLine(): void {
  routes ??= progress((text) => process.stdout.write(`${text}\n`), 'routes', 'written')
  routes.update(++pages)
}

function otherLine(text: string, to: NodeJS.WriteStream): void {
  // The first line after a run of pages closes the stage (the search's lines come while it runs).
  if (routes !== undefined && !text.includes(BESIDE)) {
    routes.finish()
    routes = undefined
    pages = 0
  }
  to.write(`${text}\n`)
}

for (const [stream, to] of [
  [child.stdout, process.stdout],
  [child.stderr, process.stderr],
] as const) {
  createInterface({ input: stream }).on('line', (text) => {
    if (PAGE_TIME.test(text)) return
    if (!PAGE_LINE.test(text)) return otherLine(text, to)
    pageLine()
    const inside = INSIDE_PAGE_LINE.exec(text)?.[1]
    if (inside !== undefined) otherLine(inside, to)
  })
}

child.on('close', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0)
})
