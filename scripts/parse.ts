/**
 * `npm run parse -- FILE…`: prints each transcript's JSON to stdout (an object for one file, an array for
 * several) and its diagnostics to stderr as `file:line:column: severity message [rule]`.
 * Exit status: 0 without errors (warnings allowed), 1 when any file has an error, 2 on usage or I/O failure.
 * `--strict` counts warnings as errors (exit 1), for editors who want a clean collection.
 */
import { hasErrors } from '../src/transcript/diagnostics.ts'
import { readTranscript, type LoadedTranscript } from '../src/transcript/load.ts'
import { formatDiagnostic } from '../src/transcript/report.ts'

const usage = 'Usage: npm run parse -- [--strict] FILE.txt [FILE.txt …]'

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${usage}\n`)
    return 0
  }
  const strict = args.includes('--strict')
  args = args.filter((arg) => arg !== '--strict')
  const unknown = args.find((arg) => arg.startsWith('-'))
  if (args.length === 0 || unknown) {
    process.stderr.write(`${unknown ? `Unknown option ${unknown}. ` : ''}${usage}\n`)
    return 2
  }
  const loaded: LoadedTranscript[] = []
  for (const path of args) {
    try {
      loaded.push(await readTranscript(path))
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message
      process.stderr.write(`${path}: cannot read the file (${reason})\n`)
      return 2
    }
  }
  let failed = false
  let warnings = 0
  for (const { file, json } of loaded) {
    for (const diagnostic of json.diagnostics) process.stderr.write(`${formatDiagnostic(file.path, diagnostic)}\n`)
    failed ||= hasErrors(file)
    warnings += json.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length
  }
  if (strict && warnings > 0) {
    process.stderr.write(`strict: ${warnings === 1 ? '1 warning counts as an error' : `${warnings} warnings count as errors`}\n`)
    failed = true
  }
  const output = loaded.length === 1 ? loaded[0]!.json : loaded.map(({ json }) => json)
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`)
  return failed ? 1 : 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`parse: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 2
  },
)
