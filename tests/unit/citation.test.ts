/**
 * Issue 21: a transcript's citation, the same fields in the JSON and the TEI (and, through the page, the
 * source note and the turn panel: tests/e2e/citation.test.ts). Expected values come from reading the
 * transcripts' headers:
 * - the seed (content/transcripts/1962-11-14-01181.txt), line 7: "This is a draft transcript subject to
 *   additional review and emendation before publication in *Presidential Recordings: John F. Kennedy, Volume
 *   4*, Timothy Naftali and David Coleman, eds."; header id `01181`; note 4 (line 54): "Tape 58, John F.
 *   Kennedy Library, President's Office Files, Presidential Recordings Collection" (its sidecar says so);
 * - the FRUS call (tests/fixtures/parse/real-2-lbj-rowe.txt), lines 7–8: "published in *Foreign Relations of
 *   the United States, 1964–1968, Volume VII, Vietnam, September 1968–January 1969*, Document 173, Kent Sieg,
 *   ed. (Washington: Government Printing Office, 2003)"; header id `00173`;
 *   its note 1 (line 44), on the heading: "Source: Johnson Library, Recordings and Transcripts, Recording of
 *   Telephone Conversation Between Johnson and Rowe, November 1, 1968, 1:58 p.m., Tape F6811.01, PNO 1.";
 * - the Watergate meeting (real-4-nixon-haldeman-meeting.txt), line 7: "released by the Nixon Presidential
 *   Library as wspf/898-006.pdf"; it names no edition, editor or publisher.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { scratchDir } from '../support/scratch.ts'
import { citationText } from '../../src/contract/citation.ts'
import { toTei } from '../../src/core/formats/tei/index.ts'
import { loadTranscript, type LoadOptions } from '../../src/core/load.ts'
import { transcriptSchema } from '../../src/core/schema.ts'
import { fixtures, root, seedPath } from '../support/paths.ts'

const rowePath = `${fixtures}parse/real-2-lbj-rowe.txt`
const nixonPath = `${fixtures}parse/real-4-nixon-haldeman-meeting.txt`
const seedSidecar = seedPath.replace(/\.txt$/, '.yml')
const site = { title: 'Tapes of the Kennedy White House', publisher: 'Miller Center', editors: ['Marc Selverstone'] }

function load(path: string, options: LoadOptions = {}) {
  return loadTranscript(readFileSync(path), path, options)
}
const seed = (options: LoadOptions = {}) =>
  load(seedPath, { sidecar: { value: readFileSync(seedSidecar), path: seedSidecar }, ...options })

describe('the citation in the JSON', () => {
  test('the seed: a draft, to appear in volume 4, its editors, document 1181 unpadded, tape and archive', () => {
    const { json } = seed({ citation: site })
    expect(transcriptSchema.safeParse(json).success).toBe(true)
    expect(json.id).toBe('01181') // the printed id stays as it is
    expect(json.citation).toEqual({
      title: 'Off-the-Record Oval Office Conversation on Cuba',
      date: '1962-11-14',
      status: 'draft',
      statusNote:
        'This is a draft transcript subject to additional review and emendation before publication in Presidential Recordings: John F. Kennedy, Volume 4, Timothy Naftali and David Coleman, eds.',
      edition: 'Presidential Recordings: John F. Kennedy',
      volume: '4',
      editors: ['Timothy Naftali', 'David Coleman'],
      document: '1181',
      // A draft's publisher is not printed: the site's, which publishes it.
      publisher: 'Miller Center',
      archive: 'John F. Kennedy Library',
      collection: "President's Office Files, Presidential Recordings Collection",
      tape: '58',
      site: { title: 'Tapes of the Kennedy White House', publisher: 'Miller Center', editors: ['Marc Selverstone'] },
    })
  })

  test('the FRUS call: published, volume VII, its editor, publisher, place and year, document 173', () => {
    const { json } = load(rowePath)
    expect(json.id).toBe('00173')
    expect(json.citation).toMatchObject({
      status: 'published',
      edition: 'Foreign Relations of the United States, 1964–1968',
      volume: 'VII',
      volumeTitle: 'Vietnam, September 1968–January 1969',
      editors: ['Kent Sieg'],
      document: '173',
      publisher: 'Government Printing Office',
      place: 'Washington',
      year: '2003',
      // From the FRUS source note on the heading, not the sidecar (it has none).
      archive: 'Johnson Library',
      collection: 'Recordings and Transcripts',
      tape: 'F6811.01',
      site: { title: 'Transcript Reader', editors: [] },
    })
    expect(json.citation.archiveUrl).toBeUndefined()
  })

  test('the Watergate meeting: neither draft nor published is said; the archive it names; nothing invented', () => {
    const { json } = load(nixonPath)
    expect(json.citation).toMatchObject({
      status: 'unstated',
      editors: [],
      document: '898-006',
      archive: 'Nixon Presidential Library',
    })
    for (const key of ['edition', 'volume', 'publisher', 'year', 'tape', 'archiveUrl', 'editionUrl'] as const)
      expect(json.citation[key], key).toBeUndefined()
  })

  test("a sidecar's source overrides the status note, key by key, and gives the archive's link", () => {
    const sidecar = [
      'source:',
      '  status: published',
      '  editors: [Timothy Naftali, David Coleman, Ernest May]',
      '  publisher: W. W. Norton',
      '  place: New York',
      '  year: 2001',
      '  archive: John F. Kennedy Library',
      '  tape: 58',
      '  archiveUrl: https://archive.example.org/tape-58',
    ].join('\n')
    const { json, file } = load(seedPath, { sidecar: { value: sidecar, path: 'seed.yml' } })
    expect(file.messages).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ ruleId: expect.stringMatching(/^sidecar/) })]),
    )
    expect(json.citation).toMatchObject({
      status: 'published',
      edition: 'Presidential Recordings: John F. Kennedy',
      editors: ['Timothy Naftali', 'David Coleman', 'Ernest May'],
      publisher: 'W. W. Norton',
      place: 'New York',
      year: '2001',
      archiveUrl: 'https://archive.example.org/tape-58',
    })
    expect(citationText(json.citation, { url: 'https://example.org/s/', accessed: '2026-12-06' })).toContain(
      'in Presidential Recordings: John F. Kennedy, vol. 4, ed. Timothy Naftali, David Coleman, and Ernest May (New York: W. W. Norton, 2001)',
    )
  })

  test('a bad sidecar key is a message at its line and column, not a throw', () => {
    const { file } = load(seedPath, { sidecar: { value: 'source:\n  status: final\n  editors: []\n', path: 'seed.yml' } })
    const problems = file.messages.filter((m) => m.ruleId?.startsWith('sidecar')).map((m) => `${m.line}:${m.column} ${m.ruleId}`)
    expect(problems.sort()).toEqual(['2:11 sidecar-invalid', '3:12 sidecar-invalid'])
    expect(file.messages.find((m) => m.line === 2)?.reason).toMatch(/`source\.status`/)
  })
})

describe('the citation as text', () => {
  test('the seed: a draft cited as a draft, with its editors, unpadded, its tape, the site and the access date', () => {
    const { json } = seed({ citation: site })
    expect(citationText(json.citation, { url: 'https://example.org/1962-11-14-01181/', accessed: '2026-12-06' })).toBe(
      "“Off-the-Record Oval Office Conversation on Cuba,” November 14, 1962, document 1181, draft transcript, to appear in Presidential Recordings: John F. Kennedy, vol. 4, ed. Timothy Naftali and David Coleman (forthcoming), Tape 58, John F. Kennedy Library, President's Office Files, Presidential Recordings Collection. Tapes of the Kennedy White House, Miller Center, https://example.org/1962-11-14-01181/, accessed December 6, 2026.",
    )
  })

  test('the FRUS call, a turn without a printed time: the speaker, no time', () => {
    const { json } = load(rowePath)
    const url = 'https://example.org/real-2-lbj-rowe/#t-00-00-3'
    expect(citationText(json.citation, { url, accessed: '2026-12-06', turn: { speaker: 'James Rowe' } })).toBe(
      `James Rowe, in “173. Telephone Conversation Between President Johnson and James Rowe,” November 1, 1968, document 173, in Foreign Relations of the United States, 1964–1968, vol. VII, Vietnam, September 1968–January 1969, ed. Kent Sieg (Washington: Government Printing Office, 2003), Tape F6811.01, Johnson Library, Recordings and Transcripts. Transcript Reader, ${url}, accessed December 6, 2026.`,
    )
  })
})

describe('the citation in the TEI', () => {
  test('the same fields in sourceDesc/bibl; a draft is forthcoming, never published; valid against tei_all', () => {
    const seedTei = toTei(seed().tree, site)
    const source = seedTei.slice(seedTei.indexOf('<sourceDesc>'), seedTei.indexOf('<recordingStmt>'))
    expect(source).toContain('<bibl type="draftTranscript">')
    expect(source).toContain(
      '<relatedItem type="forthcomingIn"><bibl><title level="m">Presidential Recordings: John F. Kennedy</title><editor>Timothy Naftali</editor><editor>David Coleman</editor><biblScope unit="volume">4</biblScope><biblScope unit="document">1181</biblScope></bibl></relatedItem>',
    )
    expect(source).not.toContain('publishedIn')
    expect(source).toContain('<idno type="document">01181</idno>')
    expect(source).toContain('<idno type="tape">58</idno><orgName role="archive">John F. Kennedy Library</orgName>')
    expect(source).toContain('<distributor>Tapes of the Kennedy White House, ed. Marc Selverstone, Miller Center</distributor>')

    const roweTei = toTei(load(rowePath).tree)
    expect(roweTei).toContain('<bibl type="publishedTranscript">')
    expect(roweTei).toContain(
      '<relatedItem type="publishedIn"><bibl><title level="m">Foreign Relations of the United States, 1964–1968</title><editor>Kent Sieg</editor><biblScope unit="volume">VII</biblScope><title level="m" type="volume">Vietnam, September 1968–January 1969</title><biblScope unit="document">173</biblScope><pubPlace>Washington</pubPlace><publisher>Government Printing Office</publisher><date type="published">2003</date></bibl></relatedItem>',
    )
    const nixonTei = toTei(load(nixonPath).tree)
    expect(nixonTei).toContain('<orgName role="archive">Nixon Presidential Library</orgName>')
    expect(nixonTei).not.toContain('relatedItem')

    const out = scratchDir('citation-tei-')
    const files = [seedTei, roweTei, nixonTei].map((xml, i) => {
      const file = join(out, `${i}.xml`)
      writeFileSync(file, xml)
      return file
    })
    const schema = process.env.TEI_SCHEMA || join(root, 'tests/schemas/tei-p5/tei_all.rng')
    const jing = spawnSync(process.env.JING ?? 'jing', [schema, ...files], { encoding: 'utf8' })
    expect(jing.stdout).toBe('')
    expect(jing.status).toBe(0)
  }, 60_000)
})
