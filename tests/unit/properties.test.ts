/**
 * Properties, with fast-check: nothing is lost between a transcript and its tree and JSON, the serializer
 * is the parser's inverse, and no input makes the parser throw. `npm run fuzz` runs the last property
 * 100,000 times and more; here a few thousand runs keep `npm test` quick.
 */
import fc from 'fast-check'
import { visit } from 'unist-util-visit'
import { VFile } from 'vfile'
import { describe, expect, test } from 'vitest'
import { rules } from '../../src/core/diagnostics.ts'
import { loadTranscript } from '../../src/core/load.ts'
import { parse, parseString } from '../../src/core/parse/index.ts'
import { serialize } from '../../src/core/serialize.ts'
import { toJson } from '../../src/core/to-json.ts'
import { hostileBytes, hostileString, transcript } from '../../scripts/lib/hostile-arbitraries.ts'
import { withoutPositions } from '../../scripts/lib/hostile-inputs.ts'
import { counts, jsonWords, words } from '../support/words.ts'

/** One property over generated transcripts in the series’ conventions, 300 runs. */
function forEveryTranscript(name: string, check: (text: string) => void): void {
  test(name, () => {
    fc.assert(fc.property(transcript, check), { numRuns: 300 })
  }, 60_000)
}

describe('transcripts in the series’ conventions', () => {
  forEveryTranscript('parse without a single diagnostic', (text) => {
    const { file } = parseString(text, 'generated.txt')
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`)).toEqual([])
  })

  forEveryTranscript('serialized and parsed again, give the same tree (positions aside)', (text) => {
    const { tree } = parseString(text, 'generated.txt')
    const again = parseString(serialize(tree), 'generated.txt').tree
    expect(withoutPositions(again)).toEqual(withoutPositions(tree))
  })

  forEveryTranscript('lose no word: the word multiset of the source equals that of the JSON', (text) => {
    const { json } = loadTranscript(text, 'generated.txt')
    expect(counts(jsonWords(json))).toEqual(counts(words(text)))
  })
})

/** Parses like the CLI and the site do; fails on a throw or on the parser catching its own failure. */
function survive(value: string | Uint8Array): void {
  const file = new VFile({ path: 'fuzz.txt', value })
  const tree = parse(file)
  expect(tree.type).toBe('root')
  const json = toJson(tree, file)
  serialize(tree)
  for (const diagnostic of json.diagnostics) {
    expect(diagnostic.rule).not.toBe('internal-error')
    expect(Object.keys(rules)).toContain(diagnostic.rule)
    expect(diagnostic.line).toBeGreaterThanOrEqual(1)
    expect(diagnostic.column).toBeGreaterThanOrEqual(1)
  }
}

describe('any input', () => {
  test('strings: the parser never throws and always gives a tree and diagnostics', () => {
    fc.assert(fc.property(hostileString, survive), { numRuns: 3000 })
  }, 120_000)

  test('bytes (damaged UTF-8 and UTF-16, random bytes): the same', () => {
    fc.assert(fc.property(hostileBytes, survive), { numRuns: 1000 })
  }, 60_000)

  // One known gap: a marker's leading zero (`⁰²` is footnote 2, and the JSON has numbers), so such
  // inputs are left out here.
  test('strings without errors lose no letter or digit on the way to the JSON', () => {
    fc.assert(
      fc.property(hostileString, (text) => {
        const { json, tree } = loadTranscript(text, 'fuzz.txt')
        fc.pre(!json.diagnostics.some((diagnostic) => diagnostic.severity === 'error'))
        let zero = false
        visit(tree, (node) => {
          if (node.type === 'footnoteReference' || node.type === 'footnoteDefinition') zero ||= node.label !== node.identifier
        })
        fc.pre(!zero)
        const letters = (list: string[]) => counts([...list.join('')])
        expect(letters(jsonWords(json))).toEqual(letters(words(text)))
      }),
      { numRuns: 2000 },
    )
  }, 60_000)
})
