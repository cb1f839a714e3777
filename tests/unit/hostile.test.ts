/**
 * The hostile corpus, tests/fixtures/hostile/: bad and malicious inputs, each with the diagnostics (rule,
 * line, column, severity) and exit code an editor must get, written by reading the input
 * (tests/fixtures/hostile/README.md). `content/` holds valid transcripts with hostile content: a site
 * can be built from them, so they may have warnings but never errors.
 */
import { execFile } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, test } from 'vitest'
import { loadTranscript } from '../../src/core/load.ts'
import { parseString } from '../../src/core/parse/index.ts'
import { serialize } from '../../src/core/serialize.ts'
import { fixtures, root } from '../support/paths.ts'
import { counts, jsonWords, words } from '../support/words.ts'
import { withoutPositions } from '../../scripts/lib/hostile-inputs.ts'

interface Expected {
  exitCode: number
  diagnostics: Array<{ severity: 'error' | 'warning'; rule: string; line: number; column: number; message?: string }>
  /** Speaker ids in order of appearance, when the fixture is about speakers. */
  speakers?: string[]
  /** The fixture is the clean one stored another way: same JSON. */
  sameAs?: string
  /** `characters` where the words are kept but cut differently (a marker splits `19²62`). */
  lossless?: 'characters'
}

const folder = `${fixtures}hostile/`
const cases = ['', 'content/'].flatMap((sub) =>
  readdirSync(folder + sub)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const path = `${folder}${sub}${name}`
      const expected = JSON.parse(readFileSync(path.replace(/\.txt$/, '.expected.json'), 'utf8')) as Expected
      return { name: sub + name, path, expected }
    }),
)
const load = (path: string) => loadTranscript(readFileSync(path), path)

describe('the hostile corpus', () => {
  test('has at least 40 inputs, each with its expectations', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40)
  })

  test.each(cases)('$name: diagnostics and exit code', ({ path, expected }) => {
    const { json } = load(path)
    expect(json.diagnostics.map(({ severity, rule, line, column }) => ({ severity, rule, line, column }))).toEqual(
      expected.diagnostics.map(({ severity, rule, line, column }) => ({ severity, rule, line, column })),
    )
    expected.diagnostics.forEach((diagnostic, index) => {
      if (diagnostic.message) expect(json.diagnostics[index]!.message).toContain(diagnostic.message)
    })
    const exitCode = json.diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? 1 : 0
    expect(exitCode).toBe(expected.exitCode)
    if (expected.speakers) expect(json.speakers.map((speaker) => speaker.id)).toEqual(expected.speakers)
    if (expected.sameAs) {
      const other = load(`${folder}${expected.sameAs}.txt`).json
      expect({ ...json, name: other.name }).toEqual(other)
    }
  })

  test.each(cases.filter(({ expected }) => expected.exitCode === 0))('$name: no word lost', ({ path, expected }) => {
    const { json } = load(path)
    const source = new TextDecoder(path.includes('utf16be') ? 'utf-16be' : path.includes('utf16') ? 'utf-16le' : 'utf-8').decode(
      readFileSync(path),
    )
    if (expected.lossless === 'characters') {
      const letters = (list: string[]) => counts([...list.join('')])
      expect(letters(jsonWords(json))).toEqual(letters(words(source)))
    } else expect(counts(jsonWords(json))).toEqual(counts(words(source)))
  })

  test.each(cases.filter(({ expected }) => expected.exitCode === 0))(
    '$name: serialized and parsed again, the same tree',
    ({ path }) => {
      const { tree } = load(path)
      const again = parseString(serialize(tree), path).tree
      expect(withoutPositions(again)).toEqual(withoutPositions(tree))
    },
  )

  test.each(cases.filter(({ name }) => name.startsWith('content/')))(
    '$name: a transcript a site can be built from',
    ({ expected }) => {
      expect(expected.exitCode).toBe(0)
    },
  )

  test('every message is a sentence for an editor, without a stack trace', () => {
    for (const { path } of cases) {
      for (const { message } of load(path).json.diagnostics) {
        expect(message.length, path).toBeGreaterThan(20)
        expect(message, path).not.toMatch(/\n|\bat .+:\d+:\d+\)?$|Error:/)
      }
    }
  })
})

const run = promisify(execFile)
const cli = async (...paths: string[]) => {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(root, 'scripts/parse.ts'), ...paths], {
      cwd: root,
      maxBuffer: 1 << 26,
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

/** Each expected diagnostic as the line `npm run parse` prints: `file:line:column: severity … [rule]`. */
function expectLines(stderr: string, expected: typeof cases) {
  const lines = stderr.split('\n').filter(Boolean)
  const wanted = expected.flatMap(({ path, expected }) => expected.diagnostics.map((diagnostic) => ({ path, ...diagnostic })))
  expect(lines).toHaveLength(wanted.length)
  lines.forEach((line, index) => {
    const { path, severity, rule, line: at, column } = wanted[index]!
    expect(line.startsWith(`${path}:${at}:${column}: ${severity} `), line).toBe(true)
    expect(line.endsWith(` [${rule}]`), line).toBe(true)
  })
}

describe('the hostile corpus through `npm run parse`', () => {
  // One run for every file without errors (exit 0 needs all of them clean), one run for each file with one.
  test('files without errors together: exit 0, warnings on stderr', async () => {
    const clean = cases.filter(({ expected }) => expected.exitCode === 0)
    const { code, stdout, stderr } = await cli(...clean.map(({ path }) => path))
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toHaveLength(clean.length)
    expectLines(stderr, clean)
  })

  test('each file with an error: exit 1, the JSON still printed, every problem at its place', { timeout: 60_000 }, async () => {
    const failing = cases.filter(({ expected }) => expected.exitCode === 1)
    const results = await Promise.all(failing.map(({ path }) => cli(path)))
    failing.forEach((fixture, index) => {
      const { code, stdout, stderr } = results[index]!
      expect(code, fixture.name).toBe(1)
      expect(JSON.parse(stdout).diagnostics, fixture.name).toHaveLength(fixture.expected.diagnostics.length)
      expectLines(stderr, [fixture])
    })
  })
})
