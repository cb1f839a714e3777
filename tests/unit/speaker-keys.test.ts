/**
 * One speaker key everywhere: the participants panel (its `?speaker=`), the timeline, the speaker pages
 * (`/speakers/<key>/`) and the search (`/search/?speaker=<key>`) name each speaker with the same key, the
 * rule of src/contract/speakers.ts.
 */
import { describe, expect, test } from 'vitest'
import { speakerGroups } from '../../src/collection/speakers.ts'
import { voicesByKey } from '../../src/collection/speaker-index.ts'
import { keysOfValues, valuesOfKeys, type SpeakerKeys } from '../../src/contract/search.ts'
import { transcriptRecord } from '../../src/build/search/records.ts'
import { readTranscript } from '../../src/build/prepare/transcript-files.ts'
import { speakerKey, speakerSlug, UNIDENTIFIED_KEY, UNIDENTIFIED_LABEL } from '../../src/contract/speakers.ts'
import { fixtures, seedPath } from '../support/paths.ts'

const transcripts = [seedPath, `${fixtures}parse/1961-04-20-00042.txt`, `${fixtures}parse/1963-10-29-02417.txt`]

describe('speaker keys', () => {
  test.each(transcripts)('the panel, the speaker pages and the search agree on every key: %s', async (path) => {
    const { json } = await readTranscript(path)
    const panel = speakerGroups(json).map((group) => group.key)
    const pages = voicesByKey(json).map((voices) => voices.key)
    const search = [...transcriptRecord(json).voices.keys()]
    const expected = [...new Set(json.speakers.map(speakerKey))]
    expect(new Set(panel)).toEqual(new Set(expected))
    expect(new Set(pages)).toEqual(new Set(expected))
    expect(new Set(search)).toEqual(new Set(expected))
    // A person's key is their id; every unidentified voice is `unidentified`, never a person's key.
    for (const speaker of json.speakers) {
      expect(speakerKey(speaker)).toBe(speaker.kind === 'person' ? speaker.id : UNIDENTIFIED_KEY)
    }
  })

  test('the seed: George Ball is `george-ball` in all three; its four unidentified turns are one key', async () => {
    const { json } = await readTranscript(seedPath)
    expect(speakerGroups(json).find((group) => group.key === 'george-ball')?.name).toBe('George Ball')
    expect(voicesByKey(json).find((voices) => voices.key === 'george-ball')?.name).toBe('George Ball')
    const voices = transcriptRecord(json).voices
    expect(voices.get('george-ball')).toBe('George Ball')
    expect(voices.get(UNIDENTIFIED_KEY)).toBe(UNIDENTIFIED_LABEL)
    expect(speakerGroups(json).find((group) => group.key === UNIDENTIFIED_KEY)).toMatchObject({
      name: UNIDENTIFIED_LABEL,
      turns: 4,
    })
  })

  test("the search's `?speaker=` takes the key and writes it back; a name (a link of old) still works", () => {
    const table: SpeakerKeys = {
      'george-ball': ['George Ball'],
      [UNIDENTIFIED_KEY]: [UNIDENTIFIED_LABEL],
      odell: ["O'Dell", 'ODell'],
    }
    expect(valuesOfKeys(['george-ball'], table)).toEqual(['George Ball'])
    expect(valuesOfKeys([UNIDENTIFIED_KEY], table)).toEqual([UNIDENTIFIED_LABEL])
    expect(valuesOfKeys(['odell'], table)).toEqual(["O'Dell", 'ODell'])
    expect(valuesOfKeys(['Dean Rusk'], table)).toEqual(['Dean Rusk'])
    expect(keysOfValues(['George Ball', UNIDENTIFIED_LABEL, "O'Dell", 'ODell'], table)).toEqual([
      'george-ball',
      UNIDENTIFIED_KEY,
      'odell',
    ])
    expect(keysOfValues(['Dean Rusk'], table)).toEqual(['Dean Rusk'])
  })

  test('keys from names', () => {
    expect(speakerSlug('McGeorge Bundy')).toBe('mcgeorge-bundy')
    expect(speakerSlug("O'Dell")).toBe('odell')
    expect(speakerSlug('Hervé Alphand')).toBe('herve-alphand')
    expect(speakerSlug('محمد علي')).toBe('محمد-علي')
  })
})
