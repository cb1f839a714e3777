/** The benchmark's table, as aligned text for the terminal and as Markdown for docs/benchmarks.md. */
import { readFile, writeFile } from 'node:fs/promises'

export interface Row {
  measure: string
  value: string
  budget: string
  pass: boolean
}

export const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`

/** The middle value (the upper one of an even count). */
export const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
/** The value 95 % of the others do not exceed. */
export const p95 = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)]!

export function textTable(rows: Row[]): string {
  const head: [string, string, string, string] = ['measure', 'measured', 'budget', 'result']
  const cells = [
    head,
    ...rows.map((r): [string, string, string, string] => [r.measure, r.value, r.budget, r.pass ? 'pass' : 'FAIL']),
  ]
  const widths = head.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)))
  const line = (c: string[]) => c.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n')
}

export function markdownTable(rows: Row[]): string {
  return [
    '| measure | measured | budget | result |',
    '| --- | ---: | ---: | :---: |',
    ...rows.map((r) => `| ${r.measure} | ${r.value} | ${r.budget} | ${r.pass ? 'pass' : '**FAIL**'} |`),
  ].join('\n')
}

const START = '<!-- bench:start -->'
const END = '<!-- bench:end -->'

/** Replaces the figures between the markers in `file` (written by `npm run bench -- --write`). */
export async function writeFigures(file: string, markdown: string): Promise<void> {
  const doc = await readFile(file, 'utf8')
  const start = doc.indexOf(START)
  const end = doc.indexOf(END)
  if (start < 0 || end < start) throw new Error(`${file}: the markers ${START} … ${END} are missing`)
  await writeFile(file, `${doc.slice(0, start + START.length)}\n${markdown}\n${doc.slice(end)}`)
}
