/**
 * Speaker identity (src/contract/speakers.ts): the key of a speaker (a URL segment, a `?speaker=` value) and
 * the label they are listed and searched under are two values with two names; for the unidentified voices
 * they differ (`unidentified` against `Unidentified voices`), and no import path gives one for the other.
 */
import { beforeAll, describe, expect, test } from 'vitest'
import {
  isVoiceId,
  listedName,
  speakerKey,
  UNIDENTIFIED_KEY,
  UNIDENTIFIED_KIND,
  UNIDENTIFIED_LABEL,
  voiceId,
} from '../../src/contract/speakers.ts'
import { speakerGroups } from '../../src/collection/speakers.ts'
import { voicesByKey } from '../../src/collection/speaker-index.ts'
import { transcriptRecord } from '../../src/build/search/records.ts'
import { readTranscript } from '../../src/build/prepare/transcript-files.ts'
import { seedPath } from '../support/paths.ts'

describe('key and label', () => {
  test('the unidentified voices’ key is a URL segment, their label the words a reader sees', () => {
    expect(UNIDENTIFIED_KEY).toBe('unidentified')
    expect(UNIDENTIFIED_LABEL).toBe('Unidentified voices')
    expect(UNIDENTIFIED_KIND).toBe('unidentified')
  })

  test('a person: the key is their id, the label their name', () => {
    const ball = { id: 'george-ball', name: 'George Ball', kind: 'person' } as const
    expect(speakerKey(ball)).toBe('george-ball')
    expect(listedName(ball)).toBe('George Ball')
  })

  test('every unidentified voice: one key, one label, whatever the voice is called', () => {
    const voices = [
      { id: 'unidentified-1', name: 'Unidentified', kind: 'unidentified' },
      { id: 'unidentified-2', name: 'Unknown speaker', kind: 'unidentified' },
    ] as const
    expect(voices.map(speakerKey)).toEqual(['unidentified', 'unidentified'])
    expect(voices.map(listedName)).toEqual(['Unidentified voices', 'Unidentified voices'])
  })

  test('a voice’s id is numbered under the key, and is known as a voice’s', () => {
    expect(voiceId(3)).toBe('unidentified-3')
    expect(isVoiceId('unidentified-3')).toBe(true)
    expect(isVoiceId('unidentified')).toBe(false)
    expect(isVoiceId('george-ball')).toBe(false)
  })
})

describe('the seed: the panel, the speaker pages and the search take the key and the label alike', () => {
  // The seed (1962-11-14-01181) has four turns by unidentified voices, `Unidentified:` each.
  let json: Awaited<ReturnType<typeof readTranscript>>['json']
  beforeAll(async () => {
    json = (await readTranscript(seedPath)).json
  })

  test('the participants panel: key `unidentified`, named `Unidentified voices`', () => {
    const group = speakerGroups(json).find((g) => g.kind === 'unidentified')!
    expect(group).toMatchObject({ key: 'unidentified', name: 'Unidentified voices', turns: 4 })
  })

  test('the speaker pages gather them under the same key and label', () => {
    const voices = voicesByKey(json).find((v) => v.kind === 'unidentified')!
    expect(voices).toMatchObject({ key: 'unidentified', name: 'Unidentified voices' })
    expect(voices.turns).toHaveLength(4)
  })

  test('the search record files them under the key, with the label as the facet value', () => {
    expect(transcriptRecord(json).voices.get('unidentified')).toBe('Unidentified voices')
    expect(transcriptRecord(json).voices.get('george-ball')).toBe('George Ball')
  })
})
