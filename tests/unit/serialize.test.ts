/** The serializer writes the tree back as raw text: the seed comes back as published, notes in place. */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { parseString } from '../../src/core/parse/index.ts'
import { serialize } from '../../src/core/serialize.ts'
import { fixtures, seedPath } from '../support/paths.ts'

describe('serialize', () => {
  // The published files open with two blank lines and end without a line end; the serializer writes
  // neither, and everything between is the same, byte for byte.
  test.each([seedPath, `${fixtures}parse/1961-04-20-00042.txt`, `${fixtures}parse/1963-10-29-02417.txt`])(
    '%s comes back as written',
    (path) => {
      const raw = readFileSync(path, 'utf8')
      expect(serialize(parseString(raw, path).tree)).toBe(`${raw.trim()}\n`)
    },
  )

  test('a footnote block in mid-sentence goes back between the two halves; unplaced notes go last', () => {
    const raw = '01181\n\n1962/11/14\n\nMeeting¹\n\nAnn Lee: We met with the\n\n¹ Ann Lee.\n\n² A second.\n\npresident.²\n'
    const { tree } = parseString(raw, 'cut.txt')
    expect(serialize(tree)).toBe(raw)
    const withoutMarkers = { ...tree, children: tree.children.filter((child) => child.type !== 'conversation') }
    expect(serialize(withoutMarkers)).toBe('01181\n\n1962/11/14\n\nMeeting¹\n\n¹ Ann Lee.\n\n² A second.\n')
  })
})
