/**
 * The benchmarks' command lines, read one way (Node's own `util.parseArgs`): whole-number options
 * (`--count 1000`) and switches (`--reuse`). A wrong command line prints the usage and exits with
 * status 2, never a stack trace.
 */
import { parseArgs } from 'node:util'

export interface ArgSpec<N extends string, S extends string> {
  /** `npm run bench:x -- [--count N] …`, printed when the command line is wrong. */
  usage: string
  /** Whole-number options (at least 1) and their defaults. */
  numbers: Record<N, number>
  /** Switches, off unless given. */
  switches: readonly S[]
}

export function benchArgs<N extends string, S extends string = never>(
  spec: ArgSpec<N, S>,
  argv: string[] = process.argv.slice(2),
): Record<N, number> & Record<S, boolean> {
  const options: Record<string, { type: 'string' | 'boolean' }> = {}
  for (const name of Object.keys(spec.numbers)) options[name] = { type: 'string' }
  for (const name of spec.switches) options[name] = { type: 'boolean' }
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values
  } catch (error) {
    return usage(spec.usage, (error as Error).message)
  }
  const result: Record<string, number | boolean> = {}
  for (const [name, fallback] of Object.entries(spec.numbers) as [string, number][]) {
    const given = values[name]
    const value = given === undefined ? fallback : Number(given)
    if (!Number.isInteger(value) || value < 1) return usage(spec.usage, `--${name} takes a whole number of at least 1`)
    result[name] = value
  }
  for (const name of spec.switches) result[name] = values[name] === true
  return result as Record<N, number> & Record<S, boolean>
}

function usage(text: string, why: string): never {
  process.stderr.write(`${why}\n${text}\n`)
  process.exit(2)
}
