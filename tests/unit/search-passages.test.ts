/**
 * The passages and word pairs written beside the tables (src/build/search/passage-thread.ts): in a worker
 * thread they are what this thread writes, and they read as the transcripts say, worked out by hand from
 * one record of three small transcripts.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, describe, expect, test } from 'vitest'
import { passageSink } from '../../src/build/search/passage-thread.ts'
import {
  decodePositions,
  passagesPath,
  recordPath,
  type Anchor,
  type Fragment,
  type WordHead,
} from '../../src/contract/search.ts'

type Transcripts = Array<[name: string, label: string, turns: string[]]>
const transcripts: Transcripts = [
  ['one', 'One', ['Move the ships now.', 'The ships wait.']],
  ['two', 'Two', ['Nothing here.', 'The ships, the ships!', 'Move them.']],
  ['three', 'Three', ['The ships sail.']],
]

/** One Pagefind record of the three: each transcript opens with its heading `d~<name>`, each turn with `t.a~<n>`. */
function record(list: Transcripts = transcripts): Fragment {
  const words: string[] = []
  const anchors: Anchor[] = []
  for (const [name, , turns] of list) {
    anchors.push({ element: 'h1', id: `d~${name}`, text: '§', location: words.length })
    words.push('§')
    turns.forEach((turn, n) => {
      anchors.push({ element: 'h2', id: `t.a~${n + 1}`, text: 'A', location: words.length })
      words.push('A', ...turn.split(' '))
    })
  }
  return { content: words.join(' '), anchors, filters: {} }
}

const infoOf = (list: Transcripts) =>
  list.map(([name, label]): [string, { label: string; filters: Record<string, string[]> }] => [
    name,
    { label, filters: { page: [name], transcript: [label] } },
  ])

const sites: string[] = []
afterAll(async () => {
  for (const site of sites) await rm(site, { recursive: true, force: true })
})

async function written(thread: boolean, headSize?: number, list = transcripts) {
  const site = await mkdtemp(join(tmpdir(), 'search-passages-'))
  sites.push(site)
  const sink = passageSink({ site, info: infoOf(list), headSize }, list.length, thread)
  await sink.add('r1', record(list))
  const { count, heads } = await sink.end()
  const passages = async (name: string) =>
    JSON.parse(gunzipSync(await readFile(join(site, passagesPath(name)))).toString('utf8')) as Fragment
  return { site, count, heads: new Map([...heads].map(([key, json]) => [key, JSON.parse(json) as WordHead])), passages }
}

describe('the passages and word pairs beside the tables', () => {
  test('a worker writes the same passages and gathers the same heads as this thread', async () => {
    const here = await written(false)
    const there = await written(true)
    expect(there.count).toEqual(here.count)
    expect(there.heads).toEqual(here.heads)
    for (const [name] of transcripts) expect(await there.passages(name)).toEqual(await here.passages(name))
    expect(await readFile(join(there.site, recordPath('r1')), 'utf8')).toBe(
      await readFile(join(here.site, recordPath('r1')), 'utf8'),
    )
  })

  test("each transcript's passages are its own words, headings and filters", async () => {
    const { site, passages } = await written(true)
    const two = await passages('two')
    expect(two.content).toBe('A Nothing here. A The ships, the ships! A Move them.')
    expect(two.anchors.map((a) => [a.id, a.location])).toEqual([
      ['t.a~1', 0],
      ['t.a~2', 3],
      ['t.a~3', 8],
    ])
    expect(two.filters).toEqual({ page: ['two'], transcript: ['Two'] })
    // Where each transcript starts in the record: after its own heading's word.
    expect(JSON.parse(await readFile(join(site, recordPath('r1')), 'utf8'))).toEqual([
      ['one', 1],
      ['two', 11],
      ['three', 23],
    ])
  })

  test('"the ships": its passages in all, its transcripts, most passages first, then by label', async () => {
    const { heads } = await written(true)
    // one: turns 1 and 2; two: turn 2 (twice in it, one passage); three: turn 1. Passages are numbered
    // from 0 in page order.
    const [sections, count, rows] = heads.get('the ships')!
    expect(sections).toBe(4)
    expect(count).toBe(3)
    expect(rows.map(([name, held]) => [name, decodePositions(held)])).toEqual([
      ['one', [0, 1]],
      ['three', [0]],
      ['two', [1]],
    ])
    expect(heads.has('ships now')).toBe(true)
    expect(heads.has('now the')).toBe(false) // the end of one passage and the start of the next are not side by side
  })

  test('a head keeps only its best transcripts, its counts all of them', async () => {
    const { heads } = await written(true, 1)
    expect(heads.get('the ships')).toEqual([4, 3, [['one', expect.any(String)]]])
  })

  test("three words in a row are gathered once both of their pairs' heads leave transcripts out", async () => {
    const list: Transcripts = [
      ['one', 'One', ['Move the ships now.']],
      ['two', 'Two', ['Move the boats.', 'The ships sail.']],
      ['three', 'Three', ['Move the ships.', 'The ships now.']],
      ['four', 'Four', ['The ships now move the ships.']],
    ]
    // With one transcript to a pair's head: "move the" and "the ships" leave transcripts out from two on,
    // "ships now" from three on; "the boats", "ships sail" and "now move" are in one transcript each.
    // So "move the ships" is gathered from three on, "the ships now" from four on (one and three hold it
    // too, before), and "ships now move" never.
    const { heads, count } = await written(true, 1, list)
    const rowsOf = (key: string) => {
      const [sections, held, rows] = heads.get(key)!
      return [sections, held, rows.map(([name, at]) => [name, decodePositions(at)])]
    }
    expect(rowsOf('move the ships')).toEqual([
      2,
      2,
      [
        ['four', [0]],
        ['three', [0]],
      ],
    ])
    expect(rowsOf('the ships now')).toEqual([1, 1, [['four', [0]]]])
    const triples = [...heads.keys()].filter((key) => key.split(' ').length === 3)
    expect(triples.sort()).toEqual(['move the ships', 'the ships now'])
    // move the, the ships, ships now, the boats, ships sail, now move
    expect(count).toEqual({ pairs: 6, triples: 2 })
    // With the usual heads (24 transcripts) every pair's lists all of them: no triple is gathered.
    const usual = await written(true, undefined, list)
    expect([...usual.heads.keys()].filter((key) => key.split(' ').length === 3)).toEqual([])
  })
})
