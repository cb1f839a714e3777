/**
 * Witnesses in the sidecar (`transcriber`, `witnesses:`) and how the collection pairs them
 * (src/collection/witnesses.ts): one side's sidecar is enough, the relation is symmetric and transitive,
 * and a sidecar naming a transcript the collection lacks, or its own, is a warning at its line and column.
 * Lines and columns below were counted in the sidecars as written here.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { pairWitnesses, type WitnessSource } from '../../src/collection/witnesses.ts'
import { loadTranscript } from '../../src/core/load.ts'
import { renderTranscript } from '../../src/core/render.ts'
import { fixtures } from '../support/paths.ts'

const harbor = `${fixtures}witnesses/1971-06-14-harbor-committee`
const text = readFileSync(`${harbor}.txt`, 'utf8')
const withSidecar = (yaml: string, name = '1971-06-14-harbor-committee') =>
  loadTranscript(text, `folder/${name}.txt`, { sidecar: { value: yaml, path: `folder/${name}.yml` } }).json

describe('the sidecar’s witnesses', () => {
  test('the committee’s sidecar: its transcriber, and the excerpt named at line 4, column 17', () => {
    const json = withSidecar(readFileSync(`${harbor}.yml`, 'utf8'))
    expect(json.transcriber).toBe('Committee staff')
    expect(json.witnesses).toEqual([
      {
        transcript: '1971-06-14-harbor-excerpt',
        transcriber: 'White House',
        source: 'Opening excerpt, as submitted to the committee',
        line: 4,
        column: 17,
      },
    ])
    expect(json.diagnostics.filter((d) => d.file !== undefined)).toEqual([])
  })

  test('the title block says who transcribed it, from the sidecar only', () => {
    const yaml = readFileSync(`${harbor}.yml`, 'utf8')
    const { tree } = loadTranscript(text, `folder/x.txt`, { sidecar: { value: yaml, path: 'folder/x.yml' } })
    expect(renderTranscript(tree, {})).toContain(
      '<div class="title-transcriber"><dt>Transcribed by</dt><dd>Committee staff</dd></div>',
    )
    expect(renderTranscript(loadTranscript(text, 'folder/x.txt').tree, {})).not.toContain('Transcribed by')
  })

  test('a bare name is a witness; naming the transcript itself is a warning at its place, and left out', () => {
    const json = withSidecar('witnesses:\n  - other-one\n  - 1971-06-14-harbor-committee\n')
    expect(json.witnesses).toEqual([{ transcript: 'other-one', line: 2, column: 5 }])
    expect(json.diagnostics.filter((d) => d.file !== undefined)).toEqual([
      {
        severity: 'warning',
        file: '1971-06-14-harbor-committee.yml',
        rule: 'witness-self',
        message:
          '`witnesses`: `1971-06-14-harbor-committee` is this transcript itself; name another transcription of the recording',
        line: 3,
        column: 5,
      },
    ])
  })

  test('an entry that is neither a name nor a witness is an error at the entry, saying what is expected', () => {
    const json = withSidecar('witnesses:\n  - { transcrip: other-one }\n')
    expect(json.witnesses).toBeUndefined()
    expect(json.diagnostics.filter((d) => d.file !== undefined).map((d) => [d.rule, d.line, d.column, d.message])).toEqual([
      [
        'sidecar-invalid',
        2,
        5,
        '`witnesses.0`: expected a transcript’s name, or `transcript` with optional `transcriber` and `source`',
      ],
    ])
  })
})

describe('pairing the collection’s witnesses', () => {
  const transcript = (name: string, extra: Partial<WitnessSource> = {}): WitnessSource => ({
    name,
    title: `Title ${name}`,
    ...extra,
  })

  test('one side’s sidecar is enough: each page offers the other, with who made it when a sidecar says', () => {
    const { pairs, of, problems } = pairWitnesses([
      transcript('b-excerpt'),
      transcript('a-committee', {
        transcriber: 'Committee staff',
        witnesses: [{ transcript: 'b-excerpt', transcriber: 'The White House', source: 'Opening excerpt' }],
      }),
      transcript('c-alone'),
    ])
    expect(pairs).toEqual([{ a: 'a-committee', b: 'b-excerpt' }])
    expect(of.get('a-committee')).toEqual([
      { name: 'b-excerpt', title: 'Title b-excerpt', transcriber: 'The White House', source: 'Opening excerpt' },
    ])
    expect(of.get('b-excerpt')).toEqual([{ name: 'a-committee', title: 'Title a-committee', transcriber: 'Committee staff' }])
    expect(of.has('c-alone')).toBe(false)
    expect(problems).toEqual([])
  })

  test('witnesses of one recording are all witnesses of each other; a transcriber is never invented', () => {
    const { pairs, of } = pairWitnesses([
      transcript('x', { witnesses: [{ transcript: 'y' }, { transcript: 'z' }] }),
      transcript('y'),
      transcript('z', { witnesses: [{ transcript: 'x' }] }),
    ])
    expect(pairs).toEqual([
      { a: 'x', b: 'y' },
      { a: 'x', b: 'z' },
      { a: 'y', b: 'z' },
    ])
    expect(of.get('y')).toEqual([
      { name: 'x', title: 'Title x' },
      { name: 'z', title: 'Title z' },
    ])
  })

  test('a witness the collection does not hold is a warning at the sidecar’s line and column; the rest is paired', () => {
    const { pairs, problems } = pairWitnesses([
      transcript('x', { witnesses: [{ transcript: 'missing', line: 3, column: 17 }, { transcript: 'y' }] }),
      transcript('y'),
    ])
    expect(pairs).toEqual([{ a: 'x', b: 'y' }])
    expect(problems).toEqual([
      {
        severity: 'warning',
        file: 'x.yml',
        rule: 'witness-unknown',
        message:
          '`witnesses`: no transcript `missing` in the collection (no `missing.txt` beside this sidecar); it is not compared',
        line: 3,
        column: 17,
      },
    ])
  })
})
