/**
 * Where a recording is published and how tape times become links into it (src/core/recording.ts),
 * and what scripts/make-recording.ts speaks when (read from tests/fixtures/audio/1961-05-02-00057.txt).
 */
import fc from 'fast-check'
import { extname as posixExtname } from 'node:path/posix'
import { describe, expect, test } from 'vitest'
import { segments } from '../../scripts/make-recording.ts'
import { readTranscript } from '../../src/build/prepare/transcript-files.ts'
import { extname, publishRecording, recordingLink } from '../../src/core/recording.ts'
import { fixtures } from '../support/paths.ts'

describe('publishRecording', () => {
  test('a file beside the transcript is published beside the page as recording.<ext>', () => {
    expect(publishRecording({ src: 'tapes/Tape 19.MP3', offset: 2 })).toEqual({
      href: 'recording.mp3',
      copy: { from: 'tapes/Tape 19.MP3', to: 'recording.mp3' },
      offset: 2,
      type: 'audio/mpeg',
    })
  })

  test('a URL is linked as it is', () => {
    expect(publishRecording({ src: 'https://example.org/a/tape.ogg?x=1' })).toEqual({
      href: 'https://example.org/a/tape.ogg?x=1',
      offset: 0,
      type: 'audio/ogg',
    })
  })

  test.each(['../secret.ogg', '/etc/tape.ogg', 'notes.txt', 'tape'])('%s is not published', (src) => {
    expect(publishRecording({ src })).toBeUndefined()
  })

  test('no recording, nothing published', () => expect(publishRecording(undefined)).toBeUndefined())
})

describe('extname (the core’s, free of Node)', () => {
  test.each([
    ['tapes/Tape 19.MP3', '.MP3'],
    ['/a/b.tar.gz', '.gz'],
    ['.ogg', ''],
    ['tapes/.ogg', ''],
    ['tape', ''],
    ['tape.', '.'],
    ['..', ''],
    ['...', '.'],
    ['..ogg', '.ogg'],
    ['tape.ogg/', '.ogg'],
    ['a.b/tape', ''],
    ['', ''],
  ])('%j → %j', (path, expected) => expect(extname(path)).toBe(expected))

  test('answers as node:path/posix does, for any path of dots, slashes and letters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '.', '/') }), (path) => extname(path) === posixExtname(path)),
      { numRuns: 2000 },
    )
  })
})

test('links into the recording are media fragments at the tape time plus the offset', () => {
  const published = publishRecording({ src: 'tape.ogg', offset: 1.5 })!
  expect(recordingLink(348, published)).toBe('recording.ogg#t=349.5')
  expect(recordingLink(0, publishRecording({ src: 'https://example.org/t.mp3#old' })!)).toBe('https://example.org/t.mp3#t=0')
})

test('make:recording speaks each turn from its time, in its speaker’s voice, without stage directions', async () => {
  const { tree } = await readTranscript(`${fixtures}audio/1961-05-02-00057.txt`)
  const spoken = segments(tree).map(({ start, voice, text }) => [start, voice, text.trim()])
  // Printed times 2, 20, 34 and 50 (lines 16, 22, 26, 30); the others where the page estimates them.
  expect(spoken.map(([start]) => start)).toEqual([2, 7, 14, 20, 28, 34, 42, 50])
  // One voice per speaker, in order of first appearance: Halloran, Pell, Ashby.
  expect(spoken.map(([, voice]) => voice)).toEqual([
    'en-us+m3',
    'en+f2',
    'en-gb+m7',
    'en-us+m3',
    'en-gb+m7',
    'en+f2',
    'en-us+m3',
    'en-gb+m7',
  ])
  // Line 28: `Good. Short is right. [*to Ashby*] Call the sheriff today.`
  expect(spoken[6]![2]).toBe('Good. Short is right.  Call the sheriff today.')
  expect(spoken[0]![2]).toBe('Good morning. Where do we stand on Aldridge?')
})
