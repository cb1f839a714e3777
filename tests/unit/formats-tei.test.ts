/**
 * The TEI export is valid TEI P5 (tei_all, RELAX NG) by Debian's jing, for the seed and every parse
 * fixture (and the seed with a sidecar giving every field), in one jing run (one JVM start) over all of them. The schema is the TEI Consortium's,
 * vendored with its licence in tests/schemas/tei-p5/ so that a clone standing alone runs this test (TEI_SCHEMA
 * points elsewhere, for another version of the schema).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { scratchDir } from '../support/scratch.ts'
import { formatNamed } from '../../src/core/formats/index.ts'
import { loadTranscript } from '../../src/core/load.ts'
import { readTranscript } from '../../src/build/prepare/transcript-files.ts'
import { fixtures, root, seedPath } from '../support/paths.ts'
import { exportedTranscripts } from '../support/transcripts.ts'
import { loadWithHistory } from '../../src/core/revisions/load.ts'
import { HISTORY_DATES, HISTORY_MESSAGES, HISTORY_NAME, HISTORY_TEXTS } from '../support/history.ts'

/** `TEI_SCHEMA`, or the vendored tei_all (tests/schemas/tei-p5/NOTICE.md says where it comes from). */
const schema = process.env.TEI_SCHEMA || join(root, 'tests/schemas/tei-p5/tei_all.rng')

describe('TEI export', () => {
  test('is valid against tei_all (jing exit 0) for the seed and every parse fixture', async () => {
    expect(existsSync(schema), `the TEI P5 schema at ${schema} (tests/schemas/tei-p5/, or TEI_SCHEMA)`).toBe(true)
    const out = scratchDir('transcript-tei-')
    const files: string[] = []
    for (const path of exportedTranscripts) {
      const file = join(out, `${basename(path, '.txt')}.xml`)
      writeFileSync(file, formatNamed('tei')!.write(await readTranscript(path)))
      files.push(file)
    }
    // The seed with every field a sidecar may give, for the header's source and recording.
    const sidecar = join(fixtures, 'sidecar/valid.yml')
    const withSidecar = loadTranscript(readFileSync(seedPath), seedPath, {
      sidecar: { value: readFileSync(sidecar), path: sidecar },
    })
    expect(withSidecar.tree.meta?.source?.archive).toBe('Lyndon B. Johnson Library')
    const sidecarTei = formatNamed('tei')!.write(withSidecar)
    expect(sidecarTei).toContain('<orgName role="archive">Lyndon B. Johnson Library</orgName>')
    expect(sidecarTei).toContain('<ref target="transcript.opus">transcript.opus</ref>')
    files.push(join(out, 'seed-with-sidecar.xml'))
    writeFileSync(files.at(-1)!, sidecarTei)
    // A transcript with versions (and edits not yet committed): its revisionDesc, newest first.
    const versions = HISTORY_TEXTS.map((text, index) => ({
      id: `abc000${index}`,
      commit: `abc000${index}`.padEnd(40, '0'),
      date: HISTORY_DATES[index]!,
      subject: HISTORY_MESSAGES[index]!.split('\n')[0]!,
      text,
    }))
    const versioned = loadWithHistory(`${HISTORY_TEXTS[3]} `, `${HISTORY_NAME}.txt`, {
      history: { versions, unpublished: true, shallow: false },
    })
    const versionedTei = formatNamed('tei')!.write(versioned)
    expect(versionedTei).toContain(
      [
        '<revisionDesc>',
        '<change status="unpublished">Edits made after the newest version, not yet published as a version.</change>',
        '<change when="2026-12-06T08:15:00+00:00" n="abc0003">Added a note on Dobrynin</change>',
        '<change when="2026-12-01T14:00:00+00:00" n="abc0002">Split the turn where McNamara answers</change>',
        '<change when="2026-11-20T10:30:00+00:00" n="abc0001">Corrected the ambassador\'s name</change>',
        '<change when="2026-11-02T09:00:00+00:00" n="abc0000">Transcribed from the tape</change>',
        '</revisionDesc>',
      ].join('\n'),
    )
    files.push(join(out, 'versioned.xml'))
    writeFileSync(files.at(-1)!, versionedTei)
    const jing = spawnSync(process.env.JING ?? 'jing', [schema, ...files], { encoding: 'utf8' })
    expect(jing.error, 'jing (apt-get install jing)').toBeUndefined()
    expect(jing.stdout).toBe('')
    expect(jing.status).toBe(0)
  }, 120_000)

  test('a recording dated and placed by its printed heading has that date and place in the header', async () => {
    // Witness C prints `September 15, 1972. (5:27pm - 6:17pm) Meeting: President Nixon, HR Haldeman and John
    // Dean, Oval Office` and no seed header: its date, time and place are the heading's.
    const tei = formatNamed('tei')!.write(await readTranscript(join(fixtures, 'parse/nixon-1972-09-15-C.txt')))
    expect(tei).toContain('<recording type="audio"><date when="1972-09-15">September 15, 1972, 5:27pm - 6:17pm</date>')
    expect(tei).toContain('<settingDesc><setting><locale>Oval Office</locale></setting></settingDesc>')
  })
})
