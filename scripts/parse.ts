/**
 * `npm run parse -- [--format NAME] FILE…`: prints each transcript in one of the registry's formats
 * (src/core/formats/: json by default, text, tei, vtt, raw) to stdout and its diagnostics to stderr as
 * `file:line:column: severity message [rule]`. Several files print a JSON array; in the other formats they
 * need `--out DIR`, which writes one `<name>.<extension>` per transcript (and works for one file too).
 * Exit status: 0 without errors (warnings allowed), 1 when any file has an error, 2 on usage or I/O failure.
 * `--strict` counts warnings as errors (exit 1), for editors who want a clean collection.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { hasErrors } from '../src/core/diagnostics.ts'
import { formatNamed, formats } from '../src/core/formats/index.ts'
import type { LoadedTranscript } from '../src/core/load.ts'
import { readTranscript } from '../src/build/prepare/transcript-files.ts'
import { formatDiagnostic } from '../src/core/report.ts'

const names = formats.map((format) => format.name).join('|')
const usage = `Usage: npm run parse -- [--strict] [--format ${names}] [--out DIR] FILE.txt [FILE.txt …]`

interface Options {
  strict: boolean
  format: string
  out?: string
  files: string[]
}

/** The options, or a usage message. */
function options(args: string[]): Options | string {
  const result: Options = { strict: false, format: 'json', files: [] }
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined]
    if (flag === '--strict') result.strict = true
    else if (flag === '--format' || flag === '--out') {
      const value = inline ?? args[++index]
      if (!value) return `${flag} needs a value.`
      if (flag === '--format') result.format = value
      else result.out = value
    } else if (arg.startsWith('-')) return `Unknown option ${arg}.`
    else result.files.push(arg)
  }
  if (result.files.length === 0) return ''
  if (!formatNamed(result.format)) return `Unknown format ${result.format} (one of ${names}).`
  return result
}

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${usage}\n`)
    return 0
  }
  const parsed = options(args)
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed ? `${parsed} ` : ''}${usage}\n`)
    return 2
  }
  const format = formatNamed(parsed.format)!
  if (parsed.files.length > 1 && !format.writeMany && parsed.out === undefined) {
    process.stderr.write(`Several files in the ${format.name} format need --out DIR (one file each). ${usage}\n`)
    return 2
  }
  const loaded: LoadedTranscript[] = []
  for (const path of parsed.files) {
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
  if (parsed.strict && warnings > 0) {
    process.stderr.write(`strict: ${warnings === 1 ? '1 warning counts as an error' : `${warnings} warnings count as errors`}\n`)
    failed = true
  }
  if (parsed.out !== undefined) {
    const inputs = new Set(parsed.files.map((file) => resolve(file)))
    const targets = loaded.map(({ tree }) => join(parsed.out!, `${tree.name}.${format.extension}`))
    const clash = targets.find((target) => inputs.has(resolve(target)))
    if (clash) {
      process.stderr.write(`${clash}: would overwrite a transcript read here; choose another --out folder.\n`)
      return 2
    }
    try {
      await mkdir(parsed.out, { recursive: true })
      for (const [index, transcript] of loaded.entries()) await writeFile(targets[index]!, format.write(transcript))
    } catch (error) {
      process.stderr.write(`${parsed.out}: cannot write (${(error as Error).message})\n`)
      return 2
    }
  } else if (loaded.length === 1) process.stdout.write(format.write(loaded[0]!))
  else process.stdout.write(format.writeMany!(loaded))
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
