/**
 * A fixture per house-style rule (tests/fixtures/styles/): `<name>.txt` → `<name>.json`, parsed with the
 * options in `<name>.options.json` when there is one (a sidecar's `conventions` and `speakers`). The
 * expected JSON was checked by reading each transcript; `UPDATE=1` rewrites it for review (refused when CI is set). Every fixture
 * also keeps every word and parses back from the raw serializer to the same tree.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { VFile } from 'vfile'
import { describe, expect, test } from 'vitest'
import { parse, parseString, type ParseOptions } from '../../src/core/parse/index.ts'
import { serialize } from '../../src/core/serialize.ts'
import { headingKindNames } from '../../src/core/heading-kinds.ts'
import { detectStyle, houseStyles } from '../../src/core/styles/index.ts'
import { toJson } from '../../src/core/to-json.ts'
import { withoutPositions } from '../../scripts/lib/hostile-inputs.ts'
import { fixtures } from '../support/paths.ts'
import { updating } from '../support/update.ts'
import { counts, jsonWords, words } from '../support/words.ts'

const folder = `${fixtures}styles/`
const cases = readdirSync(folder)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => name.replace(/\.txt$/, ''))

function load(name: string) {
  const text = readFileSync(`${folder}${name}.txt`, 'utf8')
  const optionsPath = `${folder}${name}.options.json`
  const options: ParseOptions = existsSync(optionsPath) ? JSON.parse(readFileSync(optionsPath, 'utf8')) : {}
  const file = new VFile({ value: text, path: `${name}.txt` })
  const tree = parse(file, { name, ...options })
  return { text, options, tree, json: toJson(tree, file) }
}

describe('house styles', () => {
  test('the seed, FRUS and Watergate styles are known; the seed is the default', () => {
    expect([...houseStyles.keys()]).toEqual(['seed', 'frus', 'watergate'])
    expect(detectStyle('01181\n\n1962/11/14\n\nAnn Lee: Hi.\n').name).toBe('seed')
  })

  test('there are fixtures: one at least for each style beside the seed, each .txt with its .json and back', () => {
    // A test.each over no files passes silently: this says that the folder was found and read.
    expect(cases.length).toBeGreaterThanOrEqual(6)
    for (const style of [...houseStyles.keys()].filter((style) => style !== 'seed'))
      expect(
        cases.some((name) => name.startsWith(`${style}-`)),
        `a fixture named ${style}-*.txt`,
      ).toBe(true)
    const expected = readdirSync(folder)
      .filter((name) => name.endsWith('.json') && !name.endsWith('.options.json'))
      .map((name) => name.replace(/\.json$/, ''))
    expect(expected.sort()).toEqual([...cases].sort())
  })

  test('a fixture per printed heading kind (`heading-<kind>.txt`), read as that kind; an unknown heading hides no turn', () => {
    for (const kind of headingKindNames) expect(load(`heading-${kind}`).json.metadata.heading, kind).toBe(kind)
    const unknown = load('heading-unknown').json
    expect(unknown.metadata.heading).toBeUndefined()
    expect(unknown.blocks.filter((block) => block.type === 'turn')).toHaveLength(2)
    expect(unknown.diagnostics.find((d) => d.rule === 'undated')).toMatchObject({ severity: 'warning', line: 1, column: 1 })
  })

  // Read from the fixtures' text: `IN THE OVAL OFFICE, ON MARCH 21, 1973 FROM 10:12` / `TO 11:55 A.M.`.
  test('a heading wrapped over four lines, a line ending in a number among them, is read whole: place, date, time', () => {
    const { metadata, blocks } = load('heading-prosecutor-wrapped').json
    expect(metadata.heading).toBe('prosecutor')
    expect(metadata.place?.value).toBe('THE OVAL OFFICE')
    expect(metadata.date?.value).toBe('1973-03-21')
    expect(metadata.time?.value).toEqual({ start: '10:12', end: '11:55' })
    expect(metadata.participants?.value).toEqual(['THE PRESIDENT', 'JOHN DEAN', 'H.R. HALDEMAN'])
    // The running head after the second turn (`…A.M.2`) is still page furniture; the heading's lines are not.
    expect(blocks.map((block) => block.type)).toEqual(['heading', 'turn', 'turn', 'pageFurniture', 'turn', 'turn'])
    const submission = load('heading-submission').json.metadata
    expect(submission.time?.value, 'the time on the line after the date').toEqual({ start: '10:12', end: '11:55' })
    expect(submission.place?.value).toBe('OVAL OFFICE')
    // `MEETING: The President and Dean, Oval Office, March 13, 1973, 12:42 - 2:00 p.m.`: a bare time.
    const bare = load('heading-submission-bare').json
    expect(bare.metadata.time?.value).toEqual({ start: '12:42', end: '14:00' })
    expect(bare.metadata.place?.value).toBe('Oval Office')
    expect(bare.metadata.participants?.value).toEqual(['The President', 'Dean'])
    // `TELEPHONE CONVERSATION: The President and Dean, March 20, 1973. (7:29 - 7:43 p.m.)`: a heading, not a turn.
    const call = load('heading-submission-telephone').json
    expect(call.metadata.heading).toBe('submission')
    expect(call.metadata.date?.value).toBe('1973-03-20')
    expect(call.metadata.time?.value).toEqual({ start: '19:29', end: '19:43' })
    expect(call.metadata.place).toBeUndefined()
    expect(call.blocks.map((block) => block.type)).toEqual(['heading', 'turn', 'turn'])
  })

  test.each(cases)('%s → JSON', (name) => {
    const { json } = load(name)
    const expectedPath = `${folder}${name}.json`
    if (updating()) writeFileSync(expectedPath, `${JSON.stringify(json, null, 2)}\n`)
    expect(json).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')))
  })

  test.each(cases)('%s: no word lost, and the raw round trip gives the same tree', (name) => {
    const { text, options, tree, json } = load(name)
    expect(counts(jsonWords(json))).toEqual(counts(words(text)))
    const again = parseString(serialize(tree), `${name}.txt`, { name, ...options }).tree
    expect(withoutPositions(again)).toEqual(withoutPositions(tree))
  })
})
