/**
 * The core's path handling without Node (src/core: no Node import): a transcript's name from its path, a
 * sidecar's message placed beside the transcript, the sidecar named by its base name in the JSON.
 */
import { describe, expect, test } from 'vitest'
import { loadTranscript, transcriptName } from '../../src/core/load.ts'
import { formatDiagnostic } from '../../src/core/report.ts'

describe('transcriptName', () => {
  test.each([
    ['content/transcripts/1962-11-14-01181.txt', '1962-11-14-01181'],
    ['1962-11-14-01181.TXT', '1962-11-14-01181'],
    ['/abs/folder/tape.notes.txt', 'tape.notes'],
    ['folder/no-extension', 'no-extension'],
    ['', ''],
  ])('%j → %j', (path, name) => expect(transcriptName(path)).toBe(name))
})

describe('formatDiagnostic', () => {
  const diagnostic = { severity: 'error', rule: 'sidecar-syntax', message: 'Bad.', line: 3, column: 1 } as const

  test('a message about the sidecar names the sidecar beside the transcript', () => {
    expect(formatDiagnostic('content/transcripts/a.txt', { ...diagnostic, file: 'a.yml' })).toBe(
      'content/transcripts/a.yml:3:1: error Bad. [sidecar-syntax]',
    )
    expect(formatDiagnostic('a.txt', { ...diagnostic, file: 'a.yml' })).toBe('a.yml:3:1: error Bad. [sidecar-syntax]')
  })

  test('a message about the transcript names the transcript', () => {
    expect(formatDiagnostic('content/transcripts/a.txt', diagnostic)).toBe(
      'content/transcripts/a.txt:3:1: error Bad. [sidecar-syntax]',
    )
  })
})

test('the JSON names a sidecar by its base name', () => {
  const { json } = loadTranscript('01181\n\n1962/11/14\n\nMeeting\n\nAnn Lee: Hi.\n', 'content/t/a.txt', {
    sidecar: { value: 'speakers: [\n', path: 'content/t/a.yml' },
  })
  expect(json.diagnostics[0]).toMatchObject({ file: 'a.yml', rule: 'sidecar-syntax' })
})
