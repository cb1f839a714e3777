/**
 * A transcript's versions from a real git history (tests/support/history.ts makes the repository: four
 * commits with fixed dates): what git gives (src/build/history/), what the core makes of it
 * (src/core/revisions/: the changes word by word, the ids that moved) and what the site's steps say when
 * the history is shallow, missing or incomplete. Every expectation is written from what was committed.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { readCollectionHistory } from '../../src/build/history/read.ts'
import { taskHistory } from '../../src/build/history/task.ts'
import { fetchVersionTexts, versionFile, versionSidecar } from '../../src/build/history/texts.ts'
import { historyInput } from '../../src/build/prepare/history.ts'
import { readTranscriptJson, revisionsArtifact } from '../../src/build/prepare/artifacts.ts'
import { runSiteSteps } from '../../src/build/steps.ts'
import { loadWithHistory } from '../../src/core/revisions/load.ts'
import { gitIn, HISTORY_MERGED, HISTORY_NAME, HISTORY_TEXTS, historyRepository } from '../support/history.ts'
import { root } from '../support/paths.ts'

const scratch = mkdtempSync(join(tmpdir(), 'history-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const repo = join(scratch, 'repo')
const { transcripts, commits } = historyRepository(repo)
const short = (commit: string) => gitIn(repo, ['rev-parse', '--short=10', commit])
const ids = commits.map(short)

function logOf(): { warnings: string[]; infos: string[]; log: { info(line: string): void; warn(line: string): void } } {
  const warnings: string[] = []
  const infos: string[] = []
  return { warnings, infos, log: { info: (line) => infos.push(line), warn: (line) => warnings.push(line) } }
}

describe('versions read from git', () => {
  test('one version per commit that changed the transcript: short id, committer date, first line of the message', () => {
    const history = readCollectionHistory(transcripts, [HISTORY_NAME])
    expect(history.warnings).toEqual([])
    expect(history.byName.get(HISTORY_NAME)).toEqual({
      unpublished: false,
      shallow: false,
      versions: [
        { commit: commits[0], id: ids[0], date: '2026-11-02T09:00:00+00:00', subject: 'Transcribed from the tape' },
        { commit: commits[1], id: ids[1], date: '2026-11-20T10:30:00+00:00', subject: "Corrected the ambassador's name" },
        { commit: commits[2], id: ids[2], date: '2026-12-01T14:00:00+00:00', subject: 'Split the turn where McNamara answers' },
        { commit: commits[3], id: ids[3], date: '2026-12-06T08:15:00+00:00', subject: 'Added a note on Dobrynin' },
      ],
      // Each version's text by its blob, as git names it; no sidecar was ever committed.
      blobs: new Map(
        commits.map((commit) => [
          commit,
          { txt: gitIn(transcripts, ['rev-parse', `${commit}:./${HISTORY_NAME}.txt`]).trim(), yml: null },
        ]),
      ),
    })
  })

  test('a sidecar added later: each version has the files its commit had, fetched by their blobs', async () => {
    const folder = join(scratch, 'sidecar-later')
    mkdirSync(folder)
    gitIn(folder, ['init', '-q', '-b', 'main'])
    writeFileSync(join(folder, 'a.txt'), 'first\n')
    gitIn(folder, ['add', '.'])
    gitIn(folder, ['commit', '-qm', 'text'], '2026-01-01T10:00:00Z')
    writeFileSync(join(folder, 'a.yml'), 'status: draft\n')
    gitIn(folder, ['add', '.'])
    gitIn(folder, ['commit', '-qm', 'sidecar'], '2026-01-02T10:00:00Z')
    writeFileSync(join(folder, 'a.txt'), 'second\n')
    gitIn(folder, ['commit', '-qam', 'text again'], '2026-01-03T10:00:00Z')
    const [c3, c2, c1] = gitIn(folder, ['log', '--format=%H']).trim().split('\n') as [string, string, string]
    const blob = (commit: string, file: string) => gitIn(folder, ['rev-parse', `${commit}:${file}`]).trim()
    const history = readCollectionHistory(folder, ['a'])
    expect(history.byName.get('a')!.blobs).toEqual(
      new Map([
        [c1, { txt: blob(c1, 'a.txt'), yml: null }],
        [c2, { txt: blob(c1, 'a.txt'), yml: blob(c2, 'a.yml') }],
        [c3, { txt: blob(c3, 'a.txt'), yml: blob(c2, 'a.yml') }],
      ]),
    )
    // The newest version is the file on disk unless a folder is given; here every text comes from git.
    const cache = join(scratch, 'sidecar-later-cache')
    expect(await fetchVersionTexts(history, cache)).toBe(5)
    expect([c1, c2, c3].map((commit) => readFileSync(versionFile(cache, 'a', commit, 'txt'), 'utf8'))).toEqual([
      'first\n',
      'first\n',
      'second\n',
    ])
    expect(
      [c1, c2, c3].map(
        (commit) => versionSidecar(cache, 'a', commit) && readFileSync(versionSidecar(cache, 'a', commit)!, 'utf8'),
      ),
    ).toEqual([undefined, 'status: draft\n', 'status: draft\n'])
  })

  test('authors only when the configuration says so', () => {
    const history = readCollectionHistory(transcripts, [HISTORY_NAME], { authors: true })
    expect(history.byName.get(HISTORY_NAME)!.versions.map((version) => version.author)).toEqual(Array(4).fill('Ann Editor'))
  })

  test("every version's text is fetched into the cache as it was committed", async () => {
    const cache = join(scratch, 'texts-cache')
    const history = readCollectionHistory(transcripts, [HISTORY_NAME])
    expect(await fetchVersionTexts(history, cache)).toBe(4)
    for (const [index, commit] of commits.entries())
      expect(readFileSync(versionFile(cache, HISTORY_NAME, commit, 'txt'), 'utf8')).toBe(HISTORY_TEXTS[index])
    expect(await fetchVersionTexts(history, cache)).toBe(0) // a commit's text never changes: fetched once
  })

  test("a branch's commits are not versions: the main line's are, a merge as what it changed on it", () => {
    const folder = join(scratch, 'branched')
    mkdirSync(folder)
    gitIn(folder, ['init', '-q', '-b', 'main'])
    const write = (text: string) => writeFileSync(join(folder, 'a.txt'), text)
    write('one\ntwo\nthree\n')
    gitIn(folder, ['add', '.'])
    gitIn(folder, ['commit', '-qm', 'base'], '2026-01-01T10:00:00Z')
    gitIn(folder, ['checkout', '-qb', 'side'])
    write('ONE\ntwo\nthree\n')
    gitIn(folder, ['commit', '-qam', 'side-edit'], '2026-01-03T10:00:00Z')
    gitIn(folder, ['checkout', '-q', 'main'])
    write('one\ntwo\nTHREE\n')
    gitIn(folder, ['commit', '-qam', 'main-edit'], '2026-01-02T10:00:00Z')
    gitIn(folder, ['merge', '-q', '--no-commit', 'side'], '2026-01-04T10:00:00Z')
    write('ONE\nTWO\nTHREE\n')
    gitIn(folder, ['commit', '-qam', 'merge, and two corrected'], '2026-01-04T10:00:00Z')
    const versions = readCollectionHistory(folder, ['a']).byName.get('a')?.versions ?? []
    // Newest first or oldest first, the three of the main line and never the side's own commit.
    expect(versions.map((version) => version.subject).sort()).toEqual(['base', 'main-edit', 'merge, and two corrected'])
    expect(versions.every((version) => version.id.length === 10 && version.commit.startsWith(version.id))).toBe(true)
  })
})

describe('what each version changed', () => {
  const load = async (sidecar?: string) => {
    const cache = join(scratch, `load-cache-${Math.random()}`)
    const history = readCollectionHistory(transcripts, [HISTORY_NAME])
    await fetchVersionTexts(history, cache)
    const task = taskHistory(HISTORY_NAME, history, cache)!
    return loadWithHistory(HISTORY_TEXTS[3]!, `transcripts/${HISTORY_NAME}.txt`, {
      history: historyInput(task),
      ...(sidecar ? { sidecar: { value: sidecar, path: `transcripts/${HISTORY_NAME}.yml` } } : {}),
    })
  }
  const same = (text: string) => ({ kind: 'same', text })
  const label = (kind: string, text: string, label = text) => ({ kind, text, boundary: { kind: 'turn', label } })

  test('a word corrected, a turn split in two, a note added: exactly the words that changed', async () => {
    const { changes, tree } = await load()
    expect(changes!.map((entry) => [entry.version.id, entry.first, entry.compared])).toEqual([
      [ids[0], true, true],
      [ids[1], false, true],
      [ids[2], false, true],
      [ids[3], false, true],
    ])
    // Passages by index: the header lines (0), the heading (1), then the turns, then the notes.
    expect(changes![1]!.changed).toEqual([
      {
        index: 2,
        id: 't-05-03',
        kind: 'turn',
        label: 'Bundy',
        current: 't-05-03',
        pieces: [
          label('same', 'Bundy'),
          same('[05:03] The ambassador'),
          { kind: 'removed', text: 'Dobrinin' },
          { kind: 'added', text: 'Dobrynin' },
          same('will come at five.'),
        ],
      },
    ])
    // The split: McNamara's new turn holds words Rusk's turn held; nothing else changed.
    expect(changes![2]!.changed).toEqual([
      {
        index: 4,
        id: 't-05-03-2',
        kind: 'turn',
        label: 'McNamara',
        current: 't-05-03-2',
        pieces: [label('added', 'McNamara'), same('The ships are at sea.')],
      },
    ])
    // The note: its marker in Bundy's turn, and the note itself.
    expect(changes![3]!.changed).toEqual([
      {
        index: 2,
        id: 't-05-03',
        kind: 'turn',
        label: 'Bundy',
        current: 't-05-03',
        pieces: [
          label('same', 'Bundy'),
          same('[05:03] The ambassador Dobrynin will come at'),
          { kind: 'removed', text: 'five.' },
          { kind: 'added', text: 'five.¹' },
        ],
      },
      {
        index: 7,
        id: 'fn-1',
        kind: 'note',
        label: 'Note 1',
        current: 'fn-1',
        pieces: [
          { kind: 'added', text: 'Note 1', boundary: { kind: 'note', label: 'Note 1' } },
          { kind: 'added', text: 'Anatoly Dobrynin, the Soviet ambassador.' },
        ],
      },
    ])
    expect(tree.history!.revised).toEqual({ 't-05-03': ids[3], 't-05-03-2': ids[2], 'fn-1': ids[3] })
    // Bundy's "Then that is settled." was t-05-03-2 before the split; that id now holds McNamara's words.
    expect(tree.history!.former).toEqual([{ id: 't-05-03-2', successor: 't-05-03-3', version: ids[2], kind: 'moved' }])
  })

  test("the JSON names every version and the citation the newest; the sidecar's notes and status", async () => {
    const sidecar = `status: checked\nrevisions:\n  ${ids[2]}: Split at the change of voice, heard on the master tape\n  2026-11-20: Name corrected\n  abcdef0: A note for no version\n`
    const { json, file } = await load(sidecar)
    expect(json.editorialStatus).toBe('checked')
    expect(json.versions!.map((version) => [version.id, version.note])).toEqual([
      [ids[0], 'Transcribed from the tape'],
      [ids[1], 'Name corrected'],
      [ids[2], 'Split at the change of voice, heard on the master tape'],
      [ids[3], 'Added a note on Dobrynin'],
    ])
    expect(json.citation.version).toEqual({ id: ids[3], date: '2026-12-06' })
    const unknown = file.messages.filter((message) => message.ruleId === 'sidecar-unknown-version')
    expect(unknown.map((message) => [message.file, message.line, message.column])).toEqual([
      [`transcripts/${HISTORY_NAME}.yml`, 5, 3],
    ])
  })
})

describe("the site's steps with a history that is missing or incomplete: one line, and the build goes on", () => {
  test('a complete history: the page says which version, and the revisions page is written', async () => {
    const cache = join(scratch, 'steps-full')
    const { warnings: all, log } = logOf()
    const warnings = () => all.filter((line) => line.startsWith('history:'))
    const summaries = await runSiteSteps({ root, folder: transcripts, cache, log })
    expect(warnings()).toEqual([])
    expect(summaries[0]!.history!.versions.map((version) => [version.id, version.changed])).toEqual([
      [ids[0], 0],
      [ids[1], 1],
      [ids[2], 1],
      [ids[3], 2],
    ])
    const html = readFileSync(join(cache, 'transcripts', `${HISTORY_NAME}.html`), 'utf8')
    expect(html).toContain(
      `Version of <time datetime="2026-12-06T08:15:00+00:00">December 6, 2026</time> (${ids[3]}) · 3 revisions`,
    )
    // The split moved Bundy's words from t-05-03-2 to t-05-03-3: the id's turn says so to a link that arrives.
    expect(html).toContain(
      `<div class="turn" id="t-05-03-2" data-speaker="mcnamara" data-start="346" data-time="estimated" data-end="358"><p class="moved-notice" role="note">A link to #t-05-03-2 made before this passage was revised on December 1, 2026 pointed to other words: they are now <a href="#t-05-03-3">at #t-05-03-3</a>. <a href="/${HISTORY_NAME}/revisions/#v-${ids[2]}">See the change</a></p>`,
    )
    expect(html).toContain(
      `<a class="revised-mark" href="/${HISTORY_NAME}/revisions/#change-${ids[3]}-t-05-03" aria-label="Revised on December 6, 2026: see the change">revised</a>`,
    )
    const revisions = readFileSync(revisionsArtifact(HISTORY_NAME, cache), 'utf8')
    expect(revisions).toContain(
      '<del><span class="sr-only">removed: </span>Dobrinin</del> <ins><span class="sr-only">added: </span>Dobrynin</ins>',
    )
  }, 60_000)

  test('a shallow clone builds what it has and says how to get the rest', async () => {
    const clone = join(scratch, 'shallow')
    gitIn(scratch, ['clone', '-q', '--depth', '1', `file://${repo}`, clone])
    const { warnings: all, log } = logOf()
    const warnings = () => all.filter((line) => line.startsWith('history:'))
    const summaries = await runSiteSteps({ root, folder: join(clone, 'transcripts'), cache: join(scratch, 'steps-shallow'), log })
    expect(warnings()).toEqual([
      'history: this clone is shallow, so the oldest version shown of a transcript may not be its first; fetch the full history to publish every revision: git fetch --unshallow',
    ])
    expect(summaries[0]!.history!.versions.map((version) => version.id)).toEqual([ids[3]])
  }, 60_000)

  test('a folder without git builds without versions, with one line', async () => {
    const plain = join(scratch, 'plain')
    cpSync(transcripts, plain, { recursive: true })
    rmSync(join(plain, '.git'), { recursive: true, force: true })
    const { warnings: all, log } = logOf()
    const warnings = () => all.filter((line) => line.startsWith('history:'))
    const summaries = await runSiteSteps({ root, folder: plain, cache: join(scratch, 'steps-plain'), log })
    expect(warnings()).toHaveLength(1)
    expect(warnings()[0]).toMatch(
      /^history: .*plain is not in a git repository, so transcripts are published without versions; commit the transcripts in git/,
    )
    expect(summaries[0]!.history).toBeUndefined()
    expect(readTranscriptJson(HISTORY_NAME, join(scratch, 'steps-plain')).versions).toBeUndefined()
  }, 60_000)

  test('a file never committed, and uncommitted edits: built, never passed off as a version', async () => {
    const copy = join(scratch, 'edited')
    gitIn(scratch, ['clone', '-q', `file://${repo}`, copy])
    writeFileSync(join(copy, 'transcripts', `${HISTORY_NAME}.txt`), HISTORY_TEXTS[3]!.replace('tomorrow', 'on Monday'))
    writeFileSync(join(copy, 'transcripts', '1962-10-19-00902.txt'), HISTORY_TEXTS[0]!.replace('00901', '00902'))
    const { warnings: all, infos, log } = logOf()
    const warnings = () => all.filter((line) => line.startsWith('history:'))
    const cache = join(scratch, 'steps-edited')
    await runSiteSteps({ root, folder: join(copy, 'transcripts'), cache, log })
    expect(warnings()).toEqual([
      'history: 1 transcript was never committed (1962-10-19-00902.txt), so it is published without versions; commit it to publish its history',
    ])
    expect(infos).toContain(
      `history: 1 transcript has uncommitted edits (${HISTORY_NAME}.txt), built and marked as unpublished changes; commit them to publish a version`,
    )
    const json = readTranscriptJson(HISTORY_NAME, cache)
    expect(json.unpublished).toBe(true)
    expect(json.citation.version).toEqual({ id: ids[3], date: '2026-12-06', unpublished: true })
    const revisions = readFileSync(revisionsArtifact(HISTORY_NAME, cache), 'utf8')
    expect(revisions).toContain('<section class="version" id="v-unpublished"')
    expect(revisions).toContain(
      '<del><span class="sr-only">removed: </span>tomorrow.</del> <ins><span class="sr-only">added: </span>on Monday.</ins>',
    )
  }, 60_000)
})

describe('the comparison, given the versions as plain data', () => {
  const versions = [...HISTORY_TEXTS, HISTORY_MERGED.text].map((text, index) => ({
    id: `v${index}`,
    commit: `${index}`.repeat(40),
    date: `2026-12-0${index + 1}T09:00:00+00:00`,
    subject: `Version ${index}`,
    text,
  }))

  test('two turns merged: the removed id lands on the turn that holds its words, and the turn is marked revised', () => {
    const { tree, changes } = loadWithHistory(HISTORY_MERGED.text, `${HISTORY_NAME}.txt`, {
      history: { versions, unpublished: false, shallow: false },
    })
    // Version 3 had Bundy's "Then that is settled." as t-05-03-3; version 4 merged it into McNamara's turn.
    expect(tree.history!.former).toEqual([{ id: 't-05-03-3', successor: 't-05-03-2', version: 'v4', kind: 'gone' }])
    expect(changes![4]!.changed.map((change) => [change.id, change.pieces])).toEqual([
      [
        't-05-03-2',
        [
          { kind: 'same', text: 'McNamara', boundary: { kind: 'turn', label: 'McNamara' } },
          { kind: 'same', text: 'The ships are at sea.' },
          { kind: 'removed', text: 'Bundy', boundary: { kind: 'turn', label: 'Bundy' } },
          { kind: 'same', text: 'Then that is settled.' },
        ],
      ],
    ])
    expect(tree.history!.revised['t-05-03-2']).toBe('v4')
  })

  test('the words are shown as a reader reads them: a bracketed mark without the source’s italic markers', () => {
    const before = HISTORY_TEXTS[3]!.replace('Then that is settled.', '[*unclear*] that is settled.')
    const after = before.replace('that is settled.', 'that is agreed.')
    const plain = [before, after].map((text, index) => ({ ...versions[index]!, text }))
    const { changes } = loadWithHistory(after, `${HISTORY_NAME}.txt`, {
      history: { versions: plain, unpublished: false, shallow: false },
    })
    expect(changes![1]!.changed.map((change) => [change.id, change.pieces])).toEqual([
      [
        't-05-03-3',
        [
          { kind: 'same', text: 'Bundy', boundary: { kind: 'turn', label: 'Bundy' } },
          { kind: 'same', text: '[unclear] that is' },
          { kind: 'removed', text: 'settled.' },
          { kind: 'added', text: 'agreed.' },
        ],
      ],
    ])
  })

  test('a version whose text could not be read is said to be unknown, never shown as unchanged', () => {
    const missing = versions.map((version, index) => (index === 1 ? { ...version, text: undefined } : version))
    const { changes } = loadWithHistory(HISTORY_MERGED.text, `${HISTORY_NAME}.txt`, {
      history: { versions: missing, unpublished: false, shallow: false },
    })
    expect(changes!.map((entry) => entry.compared)).toEqual([true, false, false, true, true])
  })
})
