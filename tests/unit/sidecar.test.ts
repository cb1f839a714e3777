/**
 * Sidecars (`<name>.yml` beside `<name>.txt`): tests/fixtures/sidecar/ holds one small transcript and,
 * per case, a sidecar `<case>.yml` with `<case>.expected.json`: the metadata the transcript's JSON must
 * carry and the sidecar's diagnostics (rule, line, column, message), written by reading each sidecar.
 * Then the CLI, which finds the sidecar beside the file by itself and names it in its messages.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { loadTranscript } from '../../src/core/load.ts'
import { fixtures, root } from '../support/paths.ts'

const folder = join(fixtures, 'sidecar')
const transcript = join(folder, 'transcript.txt')
const cases = readdirSync(folder)
  .filter((name) => name.endsWith('.yml'))
  .map((name) => name.slice(0, -'.yml'.length))

function load(name: string) {
  const sidecar = join(folder, `${name}.yml`)
  return loadTranscript(readFileSync(transcript), transcript, {
    sidecar: { value: readFileSync(sidecar), path: sidecar },
  })
}

describe('sidecar fixtures: <case>.yml → metadata and diagnostics', () => {
  test('there is a valid sidecar and one per error rule', () => {
    expect(cases).toContain('valid')
    const rules = new Set(
      cases.flatMap((name) =>
        JSON.parse(readFileSync(join(folder, `${name}.expected.json`), 'utf8')).diagnostics.map((d: { rule: string }) => d.rule),
      ),
    )
    expect([...rules].sort()).toEqual(['sidecar-invalid', 'sidecar-syntax', 'sidecar-unknown-key', 'sidecar-unknown-style'])
  })

  test.each(cases)('%s', (name) => {
    const { json } = load(name)
    const { title, series, source, recording } = json
    // The facts a sidecar gives (id, date, time, place), as the JSON records them: from the sidecar.
    const given = Object.entries(json.metadata).filter(([, fact]) => typeof fact === 'object' && fact.from === 'sidecar')
    const actual = {
      title,
      ...(given.length > 0 ? { id: json.id, date: json.date, time: json.time, metadata: Object.fromEntries(given) } : {}),
      ...(series !== undefined ? { series } : {}),
      ...(source !== undefined ? { source } : {}),
      ...(recording !== undefined ? { recording } : {}),
      diagnostics: json.diagnostics.filter((diagnostic) => diagnostic.file !== undefined),
    }
    expect(actual).toEqual(JSON.parse(readFileSync(join(folder, `${name}.expected.json`), 'utf8')))
  })

  test('a valid sidecar names the title on the page and leaves the printed heading in it', () => {
    const { json, tree } = load('valid')
    expect(tree.meta?.title).toBe('The President and the Governor on the highway bill')
    expect(json.blocks.find((block) => block.type === 'heading')).toMatchObject({
      text: 'Telephone conversation with the Governor',
    })
  })

  test('a valid sidecar’s speakers name the printed labels, its conventions choose the style', () => {
    const { json } = load('valid')
    expect(json.speakers.map(({ name, labels }) => ({ name, labels }))).toEqual([
      { name: 'Lyndon B. Johnson', labels: ['President'] },
      { name: 'John Connally', labels: ['Governor'] },
    ])
    expect(json.diagnostics.filter((diagnostic) => diagnostic.rule.startsWith('house-style'))).toEqual([])
  })

  test('without a sidecar the JSON has no sidecar fields', () => {
    const { json } = loadTranscript(readFileSync(transcript), transcript)
    expect(json).not.toHaveProperty('series')
    expect(json).not.toHaveProperty('source')
    expect(json).not.toHaveProperty('recording')
    expect(json.title).toBe('Telephone conversation with the Governor')
  })
})

describe('the CLI reads the sidecar beside the file', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'sidecar-cli-'))
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))
  const cli = (path: string) =>
    spawnSync(process.execPath, [join(root, 'scripts/parse.ts'), path], { cwd: root, encoding: 'utf8' })

  test('a valid sidecar: its metadata in the JSON, exit 0', () => {
    copyFileSync(transcript, join(scratch, 'good.txt'))
    copyFileSync(join(folder, 'recording-url.yml'), join(scratch, 'good.yml'))
    const result = cli(join(scratch, 'good.txt'))
    expect(result.status).toBe(0)
    expect(JSON.parse(result.stdout).recording).toEqual({ src: 'https://example.org/tapes/WH6401.07.mp3' })
  }, 30_000)

  test('a bad sidecar: an error at the sidecar’s file:line:column, exit 1', () => {
    copyFileSync(transcript, join(scratch, 'bad.txt'))
    copyFileSync(join(folder, 'duplicate-key.yml'), join(scratch, 'bad.yml'))
    const result = cli(join(scratch, 'bad.txt'))
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(`${join(scratch, 'bad.yml')}:3:1: error Map keys must be unique (YAML) [sidecar-syntax]`)
    expect(JSON.parse(result.stdout).diagnostics[0]).toMatchObject({ file: 'bad.yml', rule: 'sidecar-syntax', line: 3 })
  }, 30_000)
})

describe('revision notes are keyed as printed', () => {
  test('a commit id YAML would read as a number stays the id: `12e4567`, `0123456`, `1234567`', async () => {
    const { readSidecar } = await import('../../src/core/sidecar.ts')
    const { VFile } = await import('vfile')
    const file = new VFile({
      path: 'x.yml',
      value: 'revisions:\n  12e4567: Float-looking id\n  0123456: Leading zero\n  1234567: Digits\n  2026-12-06: A day\n',
    })
    expect(readSidecar(file)?.revisions).toEqual({
      '12e4567': 'Float-looking id',
      '0123456': 'Leading zero',
      '1234567': 'Digits',
      '2026-12-06': 'A day',
    })
    expect(file.messages).toEqual([])
  })
})
