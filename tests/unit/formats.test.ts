/**
 * The formats registry and its exports, on the seed and every parse fixture: the text keeps every word,
 * the WebVTT passes the W3C's parser (webvtt-parser) with a cue per turn, the raw export parses back to
 * the same tree; `npm run parse -- --format …` writes each of them. TEI is checked by jing in
 * ./formats-tei.test.ts.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { scratchDir } from '../support/scratch.ts'
import { formatNamed, formats, siteFormats } from '../../src/core/formats/index.ts'
import { loadTranscript } from '../../src/core/load.ts'
import { findSidecar, readTranscript } from '../../src/build/prepare/transcript-files.ts'
import { parseString } from '../../src/core/parse/index.ts'
import { transcript } from '../../scripts/lib/hostile-arbitraries.ts'
import { withoutPositions } from '../../scripts/lib/hostile-inputs.ts'
import { fixtures, root, seedPath } from '../support/paths.ts'
import { exportedTranscripts } from '../support/transcripts.ts'
import { counts, words } from '../support/words.ts'

const require = createRequire(import.meta.url)
const { WebVTTParser } = require('webvtt-parser') as {
  WebVTTParser: new () => {
    parse(
      input: string,
      mode: string,
    ): {
      errors: Array<{ message: string; line: number }>
      cues: Array<{ id: string; text: string; startTime: number; endTime: number }>
    }
  }
}

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'scripts/parse.ts'), ...args], { cwd: root, encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Words of `source` that `output` does not hold as often (empty when none is lost). */
function lost(source: string, output: string): Record<string, number> {
  const have = counts(words(output))
  const missing: Record<string, number> = {}
  for (const [word, count] of Object.entries(counts(words(source)))) {
    if ((have[word] ?? 0) < count) missing[word] = count - (have[word] ?? 0)
  }
  return missing
}

describe('the formats registry', () => {
  test('lists json, text, tei, vtt and raw, each with a unique name, an extension and a media type', () => {
    expect(formats.map((format) => format.name)).toEqual(['json', 'text', 'tei', 'vtt', 'raw'])
    for (const format of formats) {
      expect(format.extension).toMatch(/^[a-z]+$/)
      expect(format.mediaType).toMatch(/^[a-z]+\/[a-z+.-]+/)
    }
    expect(siteFormats.map((format) => format.extension)).toEqual(['json', 'txt', 'xml', 'vtt'])
  })
})

describe.each(exportedTranscripts)('exports of %s', (path) => {
  test('text: speakers, the reading text and the notes, no word of the source lost', async () => {
    const loaded = await readTranscript(path)
    const text = formatNamed('text')!.write(loaded)
    expect(lost(readFileSync(path, 'utf8'), text)).toEqual({})
    for (const speaker of loaded.tree.speakers) expect(text).toContain(speaker.name)
    if (loaded.json.footnotes.length > 0) expect(text).toMatch(/\nNotes\n\n1\. /)
  })

  test('vtt: valid WebVTT, a cue for each turn with a start and an end, named by the turn id; the others kept in NOTEs', async () => {
    const loaded = await readTranscript(path)
    const written = formatNamed('vtt')!.write(loaded)
    const { errors, cues } = new WebVTTParser().parse(written, 'subtitles')
    expect(errors).toEqual([])
    const turns = loaded.json.blocks.filter((block) => block.type === 'turn')
    const timed = turns.filter((turn) => turn.time?.end !== undefined)
    expect(cues.map((cue) => cue.id).sort()).toEqual(timed.map((turn) => turn.id).sort())
    for (const cue of cues) {
      expect(cue.text).toMatch(/^<v [^>]+>/)
      expect(cue.endTime).toBeGreaterThan(cue.startTime)
      expect(cue.startTime).toBe(timed.find((turn) => turn.id === cue.id)!.time!.start)
    }
    // A turn without a time has no cue, but its words are there, in a comment: nothing is lost.
    for (const turn of turns.filter((turn) => !timed.includes(turn))) {
      expect(written).toMatch(new RegExp(`^NOTE ${turn.id} \\(`, 'm'))
    }
  })

  test('raw: parses back to the same tree', async () => {
    const loaded = await readTranscript(path)
    // The raw format is the transcript's text; its sidecar (the seed's) stays beside it.
    const sidecar = findSidecar(path)
    const again = loadTranscript(formatNamed('raw')!.write(loaded), path, sidecar ? { sidecar } : {}).tree
    expect(withoutPositions(again)).toEqual(withoutPositions(loaded.tree))
  })
})

describe('exports of generated transcripts', () => {
  test('text loses no word and WebVTT has no error', () => {
    const { WebVTTParser: Parser } = require('webvtt-parser')
    fc.assert(
      fc.property(transcript, (source) => {
        const loaded = loadTranscript(source, 'generated.txt')
        expect(lost(source, formatNamed('text')!.write(loaded))).toEqual({})
        expect(new Parser().parse(formatNamed('vtt')!.write(loaded), 'subtitles').errors).toEqual([])
      }),
      { numRuns: 100 },
    )
  }, 60_000)
})

// Each run starts a Node that compiles the CLI: seconds apiece on a busy machine.
describe('npm run parse -- --format', { timeout: 60_000 }, () => {
  test('--format raw of the seed parses back to the same tree', () => {
    const { code, stdout } = cli('--format=raw', seedPath)
    expect(code).toBe(0)
    expect(withoutPositions(parseString(stdout, seedPath).tree)).toEqual(
      withoutPositions(parseString(readFileSync(seedPath, 'utf8'), seedPath).tree),
    )
  })

  test("--format tei prints the format module's output", async () => {
    const { code, stdout } = cli('--format', 'tei', seedPath)
    expect(code).toBe(0)
    // The CLI reads the seed's sidecar beside it, as the site does.
    expect(stdout).toBe(formatNamed('tei')!.write(await readTranscript(seedPath)))
  })

  test('an unknown format: exit 2 and the usage naming the formats', () => {
    const { code, stdout, stderr } = cli('--format', 'pdf', seedPath)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('Unknown format pdf (one of json|text|tei|vtt|raw)')
  })

  test('several files in a format other than JSON need --out DIR, which writes one file each', () => {
    const other = join(fixtures, 'parse/1961-04-20-00042.txt')
    const refused = cli('--format', 'vtt', seedPath, other)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('need --out DIR')
    const out = scratchDir('transcript-formats-')
    const written = cli('--format', 'tei', '--out', out, seedPath, other)
    expect(written.code).toBe(0)
    expect(written.stdout).toBe('')
    expect(existsSync(join(out, '1962-11-14-01181.xml'))).toBe(true)
    expect(readFileSync(join(out, '1961-04-20-00042.xml'), 'utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<TEI /)
  })

  test('--out never writes over a transcript it reads', () => {
    const { code, stderr } = cli('--format', 'raw', '--out', join(root, 'content/transcripts'), seedPath)
    expect(code).toBe(2)
    expect(stderr).toContain('would overwrite a transcript read here')
  })
})
