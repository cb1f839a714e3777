/** The `npm run parse` CLI, run as a user runs it: exit codes, stdout JSON, stderr diagnostics. */
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { scratchDir } from '../support/scratch.ts'
import { fixtures, root, seedPath } from '../support/paths.ts'

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'scripts/parse.ts'), ...args], { cwd: root, encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const scratch = scratchDir('transcript-cli-')
const broken = join(scratch, 'broken.txt')
writeFileSync(broken, '01181\n\nno date here\n\nAnn Lee: Hi.\n')

describe('npm run parse', () => {
  test('one file: its JSON object on stdout, warnings on stderr, exit 0', () => {
    const { code, stdout, stderr } = cli(seedPath)
    expect(code).toBe(0)
    const json = JSON.parse(stdout)
    expect(json).toMatchObject({ id: '01181', date: '1962-11-14' })
    expect(stderr.trim().split('\n')).toEqual([
      `${seedPath}:184:1: warning Footnote 9 is defined here but never referenced in the text [footnote-unreferenced]`,
    ])
  })

  test('several files: an array, in the order given', () => {
    const { code, stdout } = cli(seedPath, join(fixtures, 'parse/1961-04-20-00042.txt'))
    expect(code).toBe(0)
    expect(JSON.parse(stdout).map((json: { id: string }) => json.id)).toEqual(['01181', '00042'])
  })

  test('an error: exit 1, the JSON still printed, the error at its place', () => {
    const { code, stdout, stderr } = cli(broken)
    expect(code).toBe(1)
    expect(JSON.parse(stdout).diagnostics[0]).toMatchObject({ severity: 'error', rule: 'missing-date', line: 3, column: 1 })
    expect(stderr).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:1: error .+ \\[missing-date\\]$`, 'm'))
  })

  test('--strict: warnings count as errors (exit 1), still listed at their places', () => {
    const { code, stdout, stderr } = cli('--strict', seedPath)
    expect(code).toBe(1)
    expect(JSON.parse(stdout)).toMatchObject({ id: '01181' })
    expect(stderr.trim().split('\n')).toEqual([
      `${seedPath}:184:1: warning Footnote 9 is defined here but never referenced in the text [footnote-unreferenced]`,
      'strict: 1 warning counts as an error',
    ])
  })

  test('--strict on a file without warnings: exit 0', () => {
    const clean = join(fixtures, 'hostile/clean.txt')
    const { code, stderr } = cli(clean, '--strict')
    expect(code).toBe(0)
    expect(stderr).toBe('')
  })

  test('a binary or wrongly encoded file: exit 1 and a message naming the byte, no stack trace', () => {
    const { code, stderr } = cli(join(fixtures, 'hostile/invalid-utf8.txt'))
    expect(code).toBe(1)
    expect(stderr).toMatch(
      /invalid-utf8\.txt:9:29: error Byte 0xE9 at byte offset 100 is not valid UTF-8 .+ \[invalid-encoding\]\n$/,
    )
    expect(stderr).not.toMatch(/\n\s+at /)
  })

  test('usage and I/O failures: exit 2, a message and no stack trace', () => {
    for (const args of [[], ['--frobnicate', seedPath], [join(scratch, 'missing.txt')], [scratch]]) {
      const { code, stdout, stderr } = cli(...args)
      expect(code, args.join(' ')).toBe(2)
      expect(stdout).toBe('')
      expect(stderr).not.toMatch(/\n\s+at /)
      expect(stderr.length).toBeGreaterThan(0)
    }
  })
})
