/**
 * The search page's state → results logic (src/browser/search/engine.ts) without a browser: the seed and
 * two synthetic transcripts built by the index build itself (buildSearchIndex: the real Pagefind through
 * its Node API, then the passages and tables), one and two transcripts to a Pagefind record, and a
 * stand-in for Pagefind's in-browser search that matches words by their start (as Pagefind does) over the
 * records it wrote. Expected results are worked out independently, from the
 * records the build made (every section's text, speaker and kind).
 */
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildSearchIndex } from '../../src/build/search/index.ts'
import { transcriptLabels, transcriptRecord } from '../../src/build/search/records.ts'
import { UNIDENTIFIED_LABEL } from '../../src/contract/speakers.ts'
import { fragmentId } from '../../src/build/search/tables.ts'
import { MANIFEST_PATH, parseFragmentText, passagesPath, type Fragment, type Manifest } from '../../src/contract/search.ts'
import {
  forgetWords,
  SearchSession,
  wordTallies,
  type Hit,
  type Pagefind,
  type SearchData,
} from '../../src/browser/search/engine.ts'
import { containsPhrase, words, type SearchState } from '../../src/contract/query.ts'
import { loadTranscript } from '../../src/core/load.ts'
import type { TranscriptJson } from '../../src/core/schema.ts'
import { makeTranscript } from '../../scripts/make-corpus.ts'
import { seedPath } from '../support/paths.ts'

const seed = loadTranscript(readFileSync(seedPath), seedPath).json
const synthetic = [3, 4].map((i) => {
  const { name, text } = makeTranscript(i)
  return loadTranscript(text, `${name}.txt`).json
})
const transcripts: TranscriptJson[] = [seed, ...synthetic]
const labels = transcriptLabels(transcripts)
const records = new Map(transcripts.map((json) => [json.name, transcriptRecord(json)]))

/** Pagefind's records (fragments by page id) and the search's files, as the build writes them. */
const fragments = new Map<string, Fragment>()
let site = ''
let manifest: Manifest

/** Every search Pagefind was asked for, to check what a state needs. */
const asked: string[] = []

/** Pagefind's search as the page sees it: records holding every word (by its start), best first. */
const stand: Pagefind = {
  async search(term) {
    asked.push(term)
    const phrase = /^"(.*)"$/.exec(term)
    const results = [...fragments].flatMap(([id, fragment]) => {
      const printed = fragment.content.split(/[\r\n\s]+/g).map((word) => words(word))
      if (phrase) {
        // Pagefind's exact search gives the first place the phrase is found.
        const wanted = words(phrase[1]!)
        const at = printed.findIndex((_, i) => wanted.every((w, j) => printed[i + j]?.includes(w)))
        return at >= 0 ? [{ id, score: 1, words: wanted.map((_, j) => at + j), data: async () => fragment }] : []
      }
      // Pagefind leaves out a word it finds nowhere and matches the others.
      const known = words(term).filter((t) => [...fragments.values()].some((f) => words(f.content).some((w) => w.startsWith(t))))
      if (known.length === 0) return []
      const at = known.map((t) => printed.flatMap((parts, i) => (parts.some((w) => w.startsWith(t)) ? [i] : [])))
      if (at.some((list) => list.length === 0)) return []
      const positions = [...new Set(at.flat())].sort((a, b) => a - b)
      return [{ id, score: positions.length, words: positions, data: async () => fragment }]
    })
    return { results: results.sort((a, b) => b.score - a.score) }
  },
}

let pagefindLoads = 0
const data: SearchData = {
  pagefind: async () => {
    pagefindLoads += 1
    return stand
  },
  json: async <T>(path: string) => {
    let bytes: Buffer
    try {
      bytes = await readFile(join(site, path))
    } catch (error) {
      // Only a file the build did not write stands for the browser's 404 (undefined); a file that cannot be
      // read, gunzipped or parsed is a fault of the build and fails the test.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
    return JSON.parse((path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')) as T
  },
  passages: async (name) => parseFragmentText(gunzipSync(await readFile(join(site, passagesPath(name)))).toString('utf8')),
}

/** Builds the search of the three transcripts into a new folder, `size` transcripts to a record (`headSize` to a word's head). */
async function build(size: number, headSize?: number): Promise<void> {
  site = await scratch('search-engine-')
  const log: string[] = []
  manifest = await buildSearchIndex({
    site,
    names: transcripts.map((t) => t.name),
    read: async (name) => transcripts.find((t) => t.name === name)!,
    log: (m) => log.push(m),
    groupSize: size,
    wordFileTarget: 3_000,
    headSize,
  })
  expect(log.some((line) => /search index: 3\/3 transcripts/.test(line))).toBe(true)
  fragments.clear()
  for (const part of manifest.parts ?? []) {
    const folder = join(site, 'pagefind', part, 'fragment')
    for (const file of await readdir(folder))
      fragments.set(
        fragmentId(`fragment/${file}`)!,
        parseFragmentText(gunzipSync(await readFile(join(folder, file))).toString('utf8')),
      )
  }
  expect(fragments.size).toBe(Math.ceil(transcripts.length / size))
  forgetWords()
}

/** Every folder the file made (each build makes one): all are removed at the end, not only the last. */
const made: string[] = []
async function scratch(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))))

const none: SearchState = { q: '', speaker: [], transcript: [], kind: [] }

/** Every hit of a state, page after page, and its counts; `wordBudget` 0 searches words through Pagefind. */
async function everything(state: SearchState, wordBudget?: number, source: SearchData = data) {
  const search = await SearchSession.start(source, state, wordBudget === undefined ? {} : { wordBudget })
  const hits: Hit[] = []
  for (;;) {
    const page = await search.more()
    hits.push(...page!)
    if (search.exhausted()) break
  }
  const counted = await search.count()
  return { search, hits, counted: counted! }
}

/** A passage's address, as a result links to it. */
const address = (hit: Hit) => `${hit.fragment.filters.page?.[0]}#${hit.section.id ?? ''}`

/** Every section of the records, with what the facets know of it. */
const allSections = () =>
  transcripts.flatMap((json) =>
    records.get(json.name)!.sections.map((section) => ({
      json,
      section,
      address: `${json.name}#${section.id ?? ''}`,
      speaker: section.voice === undefined ? undefined : records.get(json.name)!.voices.get(section.voice),
      text: section.paragraphs.join(' '),
    })),
  )

const holding = (term: string) => allSections().filter((s) => words(s.text).some((w) => w.startsWith(term)))

describe.each([1, 2])('the search engine, %i transcript(s) to a Pagefind record: state → results', (size) => {
  beforeAll(() => build(size), 60_000)

  test('the build wrote the records, the tables and a manifest that says so', async () => {
    expect(manifest).toMatchObject({ records: 3, groupSize: size, passages: allSections().length })
    expect(fragments.size).toBe(Math.ceil(3 / size))
    // Word tables cut small here, so that words are looked for across files.
    expect((await readdir(join(site, 'search', 'words'))).filter((f) => f.endsWith('.json.gz')).length).toBeGreaterThan(10)
  })

  test('one word: every section holding it, counted exactly, speakers counted per turn, from the word tables or through Pagefind', async () => {
    const expected = holding('quarantine')
    expect(expected.length).toBeGreaterThan(3)
    const kennedy = expected.filter((s) => s.speaker === 'President Kennedy').length
    expect(kennedy).toBeGreaterThan(0)
    for (const budget of [undefined, 0]) {
      forgetWords()
      const before = pagefindLoads
      const { search, hits, counted } = await everything({ ...none, q: 'quarantine' }, budget)
      // The count no longer works out the whole search (exact-count.ts): whether Pagefind was asked says
      // which way the results came; with the budget, the head or the word tables, never Pagefind.
      if (budget === 0) expect(search.matches, 'through Pagefind').toBeUndefined()
      expect(pagefindLoads > before, 'Pagefind loaded').toBe(budget === 0)
      expect(hits.map(address).sort()).toEqual(expected.map((s) => s.address).sort())
      expect(counted).toMatchObject({ total: expected.length, complete: true, facetsComplete: true })
      expect(counted.counts.speaker['President Kennedy']).toBe(kennedy)
    }
  })

  test("a word and a speaker: only that speaker's sections, the speaker facet still counts the others", async () => {
    const state = { ...none, q: 'quarantine', speaker: ['McGeorge Bundy'] }
    const { hits, counted } = await everything(state)
    const expected = holding('quarantine')
    const bundy = expected.filter((s) => s.speaker === 'McGeorge Bundy')
    expect(bundy.length).toBeGreaterThan(0)
    expect(hits.map(address).sort()).toEqual(bundy.map((s) => s.address).sort())
    expect(counted.total).toBe(bundy.length)
    expect(counted.counts.speaker['President Kennedy']).toBe(expected.filter((s) => s.speaker === 'President Kennedy').length)
  })

  test("a quoted phrase: only the sections holding it as consecutive words, from the postings; from the word tables or Pagefind's exact search in an index without them", async () => {
    // The postings serve whatever the word tables' budget; an index built before them (its manifest
    // names none) is searched as before, from the word tables within the budget, else through Pagefind,
    // and its phrases are not counted (`null`: the page says it cannot count).
    const ways = [
      { postings: true, budget: undefined, via: 'postings' },
      { postings: true, budget: 0, via: 'postings' },
      { postings: false, budget: undefined, via: 'word tables' },
      { postings: false, budget: 0, via: 'Pagefind' },
    ] as const
    for (const { postings, budget, via } of ways) {
      forgetWords()
      const before = pagefindLoads
      const { fetched, reading } = watched({ postings })
      const { search, hits, counted } = await everything({ ...none, q: '"castro with the"' }, budget, reading)
      if (via === 'Pagefind') expect(search.matches, 'through Pagefind').toBeUndefined()
      expect(pagefindLoads > before, `${via}: Pagefind loaded`).toBe(via === 'Pagefind')
      expect(
        fetched.some((path) => path.startsWith('search/postings/')),
        `${via}: postings fetched`,
      ).toBe(via === 'postings')
      expect(hits.map(address), via).toEqual([`${seed.name}#t-00-35`])
      if (postings) expect(counted.total, via).toBe(1)
      else expect(counted, via).toBeNull()
    }
    // Unquoted, the same words anywhere in a section.
    const loose = await everything({ ...none, q: 'castro with the' })
    const expected = allSections().filter((s) =>
      ['castro', 'with', 'the'].every((t) => words(s.text).some((w) => w.startsWith(t))),
    )
    expect(loose.hits.map(address).sort()).toEqual(expected.map((s) => s.address).sort())
    expect(loose.counted.total).toBe(expected.length)
  })

  test('a word found nowhere: no results, though Pagefind would match the other words alone', async () => {
    const { hits, counted } = await everything({ ...none, q: 'castro zqxjv' })
    expect(hits).toEqual([])
    expect(counted.total).toBe(0)
  })

  test("a speaker and no words: all of that speaker's turns, from the value tables, without Pagefind", async () => {
    const before = pagefindLoads
    const { hits, counted } = await everything({ ...none, speaker: ['George Ball'] })
    const ball = allSections().filter((s) => s.speaker === 'George Ball')
    expect(ball.length).toBe(5)
    expect(hits.map(address).sort()).toEqual(ball.map((s) => s.address).sort())
    expect(counted.total).toBe(5)
    // The speaker facet counts every speaker (its own choice set aside); the kind facet only Ball's.
    expect(counted.counts.speaker['Dean Rusk']).toBe(allSections().filter((s) => s.speaker === 'Dean Rusk').length)
    expect(counted.counts.kind).toEqual({ turn: 5 })
    expect(counted.counts.transcript).toEqual({ [labels.get(seed.name)!]: 5 })
    expect(pagefindLoads, 'Pagefind loaded for a search with no words').toBe(before)
  })

  test("no words, a kind and a transcript: that transcript's notes; unidentified voices are one speaker", async () => {
    const label = labels.get(synthetic[0]!.name)!
    const { hits, counted } = await everything({ ...none, transcript: [label], kind: ['footnote'] })
    const notes = allSections().filter((s) => s.json === synthetic[0] && s.section.kind === 'footnote')
    expect(notes.length).toBeGreaterThan(0)
    expect(hits.map(address).sort()).toEqual(notes.map((s) => s.address).sort())
    expect(counted.total).toBe(notes.length)
    const all = await everything({ ...none, kind: ['turn'] })
    expect(all.counted.counts.speaker[UNIDENTIFIED_LABEL]).toBe(
      allSections().filter((s) => s.section.voice === 'unidentified').length,
    )
    expect(all.counted.total).toBe(allSections().filter((s) => s.section.kind === 'turn').length)
    expect(all.hits.length).toBe(all.counted.total)
  })

  test('the transcripts listed in a search with no words come in transcript order', async () => {
    const { hits } = await everything({ ...none, kind: ['editorial'] })
    const order = [...new Set(hits.map((hit) => hit.fragment.filters.transcript?.[0]))]
    expect(order).toEqual([...order].sort((a, b) => a!.localeCompare(b!)))
    expect(order.length).toBe(3)
  })

  test("the word tables count a word's sections, and several words' together, as Pagefind finds them", async () => {
    for (const query of [['quarantine'], ['castro', 'with', 'the'], ['soviet'], ['quarantined']]) {
      const tallies = await wordTallies(data, query, Infinity)
      expect(tallies, query.join(' ')).toBeDefined()
      // Pagefind takes "quarantined" as it indexed it, "quarantin": every word starting so.
      const stems = query.map((t) => (t === 'quarantined' ? 'quarantin' : t))
      const expected = allSections().filter((s) => stems.every((t) => words(s.text).some((w) => w.startsWith(t))))
      expect(
        tallies!.reduce((sum, t) => sum + t.sections, 0),
        query.join(' '),
      ).toBe(expected.length)
    }
    expect(await wordTallies(data, ['zqxjv'], Infinity)).toEqual([])
    // Over the budget: the tables do not say.
    forgetWords()
    expect(await wordTallies(data, ['quarantine'], 0)).toBeUndefined()
    forgetWords()
  })
})

/** The data, with what is fetched listed: tables by path, a transcript's passages as `passages:<name>`. */
function watched({ postings = true } = {}): { fetched: string[]; reading: SearchData } {
  const fetched: string[] = []
  const reading: SearchData = {
    ...data,
    json: async <T>(path: string) => {
      fetched.push(path)
      const table = await data.json<T>(path)
      // An index built before the postings: its manifest does not name them.
      if (!postings && path === MANIFEST_PATH) return { ...(table as Manifest), postings: undefined } as T
      return table
    },
    passages: (name: string) => {
      fetched.push(`passages:${name}`)
      return data.passages(name)
    },
  }
  return { fetched, reading }
}

describe('word heads: a single word or a phrase starts from one small file, and the search goes on past it', () => {
  beforeAll(() => build(1, 1), 60_000)

  test('one word, a head of one transcript: first results from its head alone, then every section, counted exactly; a word it does not know from the word tables', async () => {
    for (const [q, stem] of [
      ['quarantine', 'quarantine'],
      ['quarantined', 'quarantin'],
    ] as const) {
      forgetWords()
      const { fetched, reading } = watched()
      const before = pagefindLoads
      const search = await SearchSession.start(reading, { ...none, q })
      // A word printed nowhere ("quarantined") is not in the heads: the whole search, as Pagefind takes it.
      const printed = q === 'quarantine'
      expect(fetched.filter((path) => path.startsWith('search/heads/')).length, q).toBe(1)
      expect(
        fetched.some((path) => path.startsWith('search/words/')),
        `${q}: word tables`,
      ).toBe(!printed)
      if (printed) expect(search.candidates.length, q).toBe(1)
      const hits: Hit[] = []
      while (!search.exhausted()) hits.push(...(await search.more())!)
      const expected = holding(stem)
      expect(hits.map(address).sort(), q).toEqual(expected.map((s) => s.address).sort())
      expect(new Set(hits.map(address)).size, `${q}: each once`).toBe(hits.length)
      expect(await search.count(), q).toMatchObject({ total: expected.length, complete: true })
      expect(pagefindLoads, q).toBe(before)
    }
  })

  test('a phrase: from the head of its rarest pair of words, then the rest; a pair found nowhere gives no results at once', async () => {
    forgetWords()
    const { hits, counted } = await everything({ ...none, q: '"castro with the"' })
    expect(hits.map(address)).toEqual([`${seed.name}#t-00-35`])
    expect(counted.total).toBe(1)
    const { fetched, reading } = watched()
    const search = await SearchSession.start(reading, { ...none, q: '"castro quarantine"' })
    expect(search.candidates).toEqual([])
    expect(search.exhausted()).toBe(true)
    expect(fetched.some((path) => path.startsWith('search/words/'))).toBe(false)
    expect(allSections().some((s) => containsPhrase(s.text, ['castro', 'quarantine']))).toBe(false)
  })

  test('a phrase rarer than both of its pairs, whose heads list one transcript each: from its own triple, every transcript read first holds it', async () => {
    // Three words in a row in fewer transcripts than each of its pairs, and neither pair most often in one
    // that holds the phrase (most passages, then by label): a pair's head here lists one transcript, that
    // one, which does not hold the phrase. And a triple the build gathered, in one transcript: the build
    // gathers a triple in a transcript only once both of its pairs' heads have left transcripts out, that
    // is once each pair was in more transcripts than a pair's head lists (one here) among those gathered
    // before it; and it gathers the transcripts in the order it reads Pagefind's records back, by their
    // fragment files' names (docs/search.md, "Triples"). Those names hash the records' text, so which
    // transcript is gathered last changes with any record's words (a turn's heading too): the phrase is
    // worked out from the records' text in that order, never from the heads the build wrote.
    const pairHeadSize = 1
    const gatherOrder = [...fragments]
      .map(([id, fragment]) => ({ file: `${id}.pf_fragment`, name: fragment.filters.page?.[0] }))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
      .map(({ name }) => name!)
    expect(gatherOrder.toSorted(), 'one transcript to a record').toEqual(transcripts.map((t) => t.name).toSorted())
    const sections = allSections().map((s) => ({ name: s.json.name, list: words(s.text) }))
    const transcriptsHolding = (phrase: string[]) =>
      new Set(sections.filter((s) => containsPhrase(s.list, phrase)).map((s) => s.name))
    const mostOften = (pair: string[]) => {
      const passages = new Map<string, number>()
      for (const s of sections) if (containsPhrase(s.list, pair)) passages.set(s.name, (passages.get(s.name) ?? 0) + 1)
      const label = (name: string) => labels.get(name)!
      return [...passages].sort((a, b) => b[1] - a[1] || label(a[0]).localeCompare(label(b[0])))[0]![0]
    }
    /** The transcripts holding a triple that are gathered once both of its pairs' heads leave one out. */
    const gatheredIn = (triple: string[]) => {
      const pairs = [triple.slice(0, 2), triple.slice(1)].map(transcriptsHolding)
      return [...transcriptsHolding(triple)].filter((name) => {
        const before = gatherOrder.slice(0, gatherOrder.indexOf(name))
        return pairs.every((holding) => before.filter((other) => holding.has(other)).length > pairHeadSize)
      })
    }
    const phrase = sections
      .flatMap((s) => s.list.slice(2).map((word, i) => [s.list[i]!, s.list[i + 1]!, word]))
      .find((triple) => {
        const held = transcriptsHolding(triple)
        const pairs = [triple.slice(0, 2), triple.slice(1)]
        return (
          triple.every((w) => /^[a-z]+$/.test(w)) &&
          pairs.every((pair) => transcriptsHolding(pair).size > held.size && !held.has(mostOften(pair))) &&
          gatheredIn(triple).length === 1
        )
      })
    expect(phrase, 'such a phrase in the three transcripts').toBeDefined()
    // The one transcript the triple's head lists.
    const [holder] = gatheredIn(phrase!)
    forgetWords()
    const { fetched, reading } = watched()
    const q = `"${phrase!.join(' ')}"`
    const search = await SearchSession.start(reading, { ...none, q })
    expect(
      search.candidates.map((c) => c.id),
      q,
    ).toEqual([holder])
    // Read alone, and it gives the first results.
    const first = await search.more(undefined, 1)
    expect(
      fetched.filter((path) => path.startsWith('passages:')),
      q,
    ).toEqual([`passages:${holder}`])
    expect(first!.length, q).toBe(1)
    const hits = [...first!]
    while (!search.exhausted()) hits.push(...(await search.more())!)
    const expected = allSections().filter((s) => containsPhrase(words(s.text), phrase!))
    expect(hits.map(address).sort(), q).toEqual(expected.map((s) => s.address).sort())
  })
  test("past its head, a phrase's results are read from the transcripts holding it only (its postings), not from every transcript holding its words", async () => {
    // A phrase of three words in a row held by two transcripts or more (past a head of one), whose three
    // words also stand in one passage of a transcript that does not hold it: worked out from the records'
    // text. The word tables would send that transcript to be read; the postings do not.
    const sections = allSections().map((s) => ({ name: s.json.name, list: words(s.text) }))
    const holders = (phrase: string[]) => new Set(sections.filter((s) => containsPhrase(s.list, phrase)).map((s) => s.name))
    let phrase: string[] | undefined
    let strangers: string[] = []
    scan: for (const { list } of sections)
      for (let i = 0; i + 3 <= list.length; i++) {
        const candidate = list.slice(i, i + 3)
        const held = holders(candidate)
        if (held.size < 2) continue
        const others = sections.filter(
          (s) => !held.has(s.name) && candidate.every((word) => s.list.some((w) => w.startsWith(word))),
        )
        if (others.length === 0) continue
        phrase = candidate
        strangers = [...new Set(others.map((s) => s.name))]
        break scan
      }
    expect(phrase, 'a phrase whose words stand apart in a transcript that does not hold it').toBeDefined()
    forgetWords()
    const q = `"${phrase!.join(' ')}"`
    const { fetched, reading } = watched()
    const search = await SearchSession.start(reading, { ...none, q })
    const hits: Hit[] = []
    while (!search.exhausted()) hits.push(...(await search.more())!)
    const expected = allSections().filter((s) => containsPhrase(words(s.text), phrase!))
    expect(hits.map(address).sort(), q).toEqual(expected.map((s) => s.address).sort())
    const read = fetched.filter((path) => path.startsWith('passages:')).map((path) => path.slice('passages:'.length))
    expect(
      read.filter((name) => strangers.includes(name)),
      `${q}: transcripts read that do not hold it`,
    ).toEqual([])
    expect(new Set(read), q).toEqual(holders(phrase!))
  })
})

describe('word heads that list every transcript holding their pair', () => {
  beforeAll(() => build(1), 60_000)

  test('a phrase whose pairs of words are each printed, but never in one passage: no results, no passage read', async () => {
    // "x y z" such that "x y" and "y z" are each in some passage (their heads list every transcript, three
    // here), never both in one: worked out from the records' text.
    const passages = allSections().map((s) => words(s.text))
    const pairsIn = new Map<string, Set<number>>()
    passages.forEach((list, n) => {
      for (let i = 1; i < list.length; i++) {
        const key = `${list[i - 1]} ${list[i]}`
        pairsIn.set(key, (pairsIn.get(key) ?? new Set()).add(n))
      }
    })
    const disjoint = (left: string, right: string) => ![...pairsIn.get(left)!].some((n) => pairsIn.get(right)!.has(n))
    // The first such phrase in the order the pairs were met, the pairs that follow one looked up by its
    // second word (comparing every pair with every other took 11 s).
    const startingWith = Map.groupBy(pairsIn.keys(), (key) => key.split(' ')[0]!)
    const phrase = [...pairsIn.keys()]
      .values()
      .flatMap((left) =>
        (startingWith.get(left.split(' ')[1]!) ?? [])
          .filter((right) => right !== left && disjoint(left, right))
          .map((right) => [...left.split(' '), right.split(' ')[1]!]),
      )
      .find((words) => words.every((w) => /^[a-z]+$/.test(w)))
    expect(phrase, 'such a phrase in the three transcripts').toBeDefined()
    expect(passages.some((list) => containsPhrase(list, phrase!))).toBe(false)

    const { fetched, reading } = watched()
    const search = await SearchSession.start(reading, { ...none, q: `"${phrase!.join(' ')}"` })
    expect(search.candidates, phrase!.join(' ')).toEqual([])
    expect(search.exhausted()).toBe(true)
    expect(await search.more()).toEqual([])
    expect(fetched.filter((path) => path.startsWith('passages:'))).toEqual([])
  })
})

describe("the tests' stand-in for the browser's tables (`data.json`)", () => {
  beforeAll(async () => {
    site = await scratch('search-engine-json-')
    await mkdir(join(site, 'search'))
    await writeFile(join(site, 'search/cut-off.json'), '{"records": [1, 2')
  })

  test('a table the build did not write is undefined (the browser gets a 404); one that cannot be parsed fails', async () => {
    await expect(data.json('search/not-written.json')).resolves.toBeUndefined()
    await expect(data.json('search/cut-off.json')).rejects.toThrow(SyntaxError)
  })
})
