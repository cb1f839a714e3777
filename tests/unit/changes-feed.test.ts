/**
 * The collection's corrections (src/collection/changes.ts) and their Atom feed (src/build/changes-feed.ts),
 * from a real git history (tests/support/history.ts): the three corrections newest first with their notes,
 * and a feed that jing finds valid against RFC 4287's own RELAX NG schema (tests/schemas/atom/), with the
 * two rules the schema states only as Schematron (a feed author; each entry an alternate link) checked here.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { changesFeed, changesFeedArtifact } from '../../src/build/changes-feed.ts'
import { runSiteSteps } from '../../src/build/steps.ts'
import { changesPages, corrections } from '../../src/collection/changes.ts'
import { gitIn, HISTORY_NAME, historyRepository } from '../support/history.ts'
import { root } from '../support/paths.ts'

const scratch = mkdtempSync(join(tmpdir(), 'changes-feed-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
const schema = join(root, 'tests/schemas/atom/atom.rnc')
const quiet = { info: () => {}, warn: () => {} }

describe('the corrections and their feed', async () => {
  const repo = join(scratch, 'repo')
  const { transcripts, commits } = historyRepository(repo)
  const ids = commits.map((commit) => gitIn(repo, ['rev-parse', '--short=10', commit]))
  const cache = join(scratch, 'cache')
  const summaries = await runSiteSteps({ root, folder: transcripts, cache, log: quiet })

  test('every version after the first, newest first, with its note and what it changed', () => {
    expect(corrections(summaries)).toEqual([
      {
        name: HISTORY_NAME,
        title: 'Meeting on the quarantine',
        id: ids[3],
        commit: commits[3],
        date: '2026-12-06T08:15:00+00:00',
        note: 'Added a note on Dobrynin',
        changed: 2,
      },
      {
        name: HISTORY_NAME,
        title: 'Meeting on the quarantine',
        id: ids[2],
        commit: commits[2],
        date: '2026-12-01T14:00:00+00:00',
        note: 'Split the turn where McNamara answers',
        changed: 1,
      },
      {
        name: HISTORY_NAME,
        title: 'Meeting on the quarantine',
        id: ids[1],
        commit: commits[1],
        date: '2026-11-20T10:30:00+00:00',
        note: "Corrected the ambassador's name",
        changed: 1,
      },
    ])
    expect(changesPages(corrections(summaries), 2).map((page) => page.entries.map((entry) => entry.id))).toEqual([
      [ids[3], ids[2]],
      [ids[1]],
    ])
  })

  test('the feed is valid Atom (jing, RFC 4287), with or without the site’s address', () => {
    const withSite = changesFeed(corrections(summaries), {
      title: 'Tapes',
      base: '/tapes/',
      locale: 'en-US',
      site: 'https://example.org',
      publisher: 'Miller Center',
    })
    writeFileSync(join(scratch, 'with-site.xml'), withSite)
    const files = [changesFeedArtifact(cache), join(scratch, 'with-site.xml')]
    const jing = spawnSync(process.env.JING ?? 'jing', ['-c', schema, ...files], { encoding: 'utf8' })
    expect(jing.error, 'jing (apt-get install jing)').toBeUndefined()
    expect(jing.stdout).toBe('')
    expect(jing.status).toBe(0)

    const plain = readFileSync(changesFeedArtifact(cache), 'utf8')
    for (const feed of [plain, withSite]) {
      expect(feed).toMatch(/<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">[\s\S]*<author>\s*<name>[^<]+<\/name>/)
      expect(feed.match(/<entry>/g)).toHaveLength(3)
      expect(feed.match(/<entry>[\s\S]*?<link href="[^"]+"\/>[\s\S]*?<\/entry>/g)).toHaveLength(3)
      // The newest correction's date, not the build's: the same collection gives the same feed.
      expect(feed).toContain('<updated>2026-12-06T08:15:00.000Z</updated>')
    }
    expect(plain).toContain(`<link href="/${HISTORY_NAME}/revisions/#v-${ids[3]}"/>`)
    expect(plain).toMatch(/<id>urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}<\/id>/)
    expect(withSite).toContain(`<id>https://example.org/tapes/${HISTORY_NAME}/revisions/#v-${ids[3]}</id>`)
    expect(withSite).toContain('<name>Miller Center</name>')
  })

  test("an editor's note is text in the feed: a bracket is no tag, and two `]]>` leave it well-formed Atom", () => {
    const [newest, ...rest] = corrections(summaries)
    const hostile = { ...newest!, note: 'Replaced <unclear> with Dobrynin; a]]>b]]>c & <img src=x onerror=alert(1)>' }
    const feed = changesFeed([hostile, ...rest], { title: 'Tapes', base: '/', locale: 'en-US' })
    writeFileSync(join(scratch, 'hostile.xml'), feed)
    const jing = spawnSync(process.env.JING ?? 'jing', ['-c', schema, join(scratch, 'hostile.xml')], { encoding: 'utf8' })
    expect(jing.stdout).toBe('')
    expect(jing.status).toBe(0)
    // As a feed reader reads it: the CDATA's text, HTML-decoded, is the note's own words.
    const title = /<entry>\s*<title type="html"><!\[CDATA\[([\s\S]*?)\]\]><\/title>/.exec(feed)?.[1]
    expect(title).toContain('Replaced &lt;unclear&gt; with Dobrynin; a]]&gt;b]]&gt;c &amp; &lt;img src=x onerror=alert(1)&gt;')
    expect(feed).not.toContain('<img')
  })
})
