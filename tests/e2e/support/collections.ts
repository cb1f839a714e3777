/**
 * What each fixture site holds: the transcripts (and sidecars, recordings) written into its content folder
 * before it is built. The global setup writes and builds them (tests/e2e/support/sites.ts); a test reads
 * the same lists here to know what to expect, so a collection is described once.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { dateLine, makeTranscript, WEEKDAYS } from '../../../scripts/make-corpus.ts'
import { fixtures, seedPath } from '../../support/paths.ts'
import {
  commitVersions,
  HISTORY_DATES,
  HISTORY_MERGED,
  HISTORY_MESSAGES,
  HISTORY_NAME,
  HISTORY_TEXTS,
} from '../../support/history.ts'

export const SEED = '1962-11-14-01181'

/** The hostile-content transcripts (script and markup in every field), by page name. */
export const HOSTILE_CONTENT = join(fixtures, 'hostile/content')
export const hostileNames: string[] = readdirSync(HOSTILE_CONTENT)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => name.replace(/\.txt$/, ''))
  .sort()

/** The two real transcripts from other editions, in tests/fixtures/parse/. */
export const REAL_NAMES = ['real-2-lbj-rowe', 'real-4-nixon-haldeman-meeting']
/**
 * Transcripts as archives hold them, with no seed header: a witness that opens with a printed dated heading
 * (tests/fixtures/parse/), and one whose heading no house style knows and that gives no date (undated).
 */
export const HEADING_NAME = 'nixon-1972-09-15-C'
export const UNDATED_NAME = 'heading-unknown'
/** The transcript with a recording and a sidecar, in tests/fixtures/audio/. */
export const AUDIO_NAME = '1961-05-02-00057'
/**
 * The transcript with word timings (tests/fixtures/alignment/, scripts/make-alignment-fixture.ts): its
 * recording, its sidecar and the WhisperX file the sidecar names; the truth file stays in the fixtures.
 */
export const ALIGNMENT_NAME = '1961-05-03-00058'
const ALIGNMENT_FILES = ['txt', 'yml', 'ogg', 'whisperx.json']
/** The seed as content/transcripts holds it: its text and, when it has one, its sidecar. */
function copySeed(folder: string): void {
  copyFileSync(seedPath, join(folder, `${SEED}.txt`))
  const sidecar = seedPath.replace(/\.txt$/, '.yml')
  if (existsSync(sidecar)) copyFileSync(sidecar, join(folder, `${SEED}.yml`))
}

/**
 * Witnesses (tests/fixtures/witnesses/): the House Judiciary Committee's transcription of 15 September 1972,
 * whose sidecar names the White House's excerpt (HEADING_NAME) beside it, and the two transcriptions of an
 * imagined meeting, paired by one side's sidecar.
 */
export const WITNESS_NAME = 'nixon-1972-09-15-A'
export const HARBOR_NAMES = ['1971-06-14-harbor-committee', '1971-06-14-harbor-excerpt']

/** A second transcript for the exports, beside the seed. */
export const EXPORT_NAME = '1961-04-20-00042'

/**
 * The combined site: the seed, the real transcripts, a printed heading's and an undated transcript, the
 * audio transcript (with its recording), the word-timed transcript (with its recording and alignment), the exports' fixture, the witnesses and the hostile-content transcripts. Their names do not collide, and each test reads
 * its own pages: one build instead of four.
 */
export const combinedNames: string[] = [
  SEED,
  HISTORY_NAME,
  ...REAL_NAMES,
  HEADING_NAME,
  UNDATED_NAME,
  AUDIO_NAME,
  ALIGNMENT_NAME,
  EXPORT_NAME,
  WITNESS_NAME,
  ...HARBOR_NAMES,
  ...hostileNames,
].sort()

export function writeCombined(folder: string): void {
  mkdirSync(folder, { recursive: true })
  copySeed(folder)
  for (const name of [...REAL_NAMES, HEADING_NAME, EXPORT_NAME])
    copyFileSync(join(fixtures, `parse/${name}.txt`), join(folder, `${name}.txt`))
  copyFileSync(join(fixtures, `styles/${UNDATED_NAME}.txt`), join(folder, `${UNDATED_NAME}.txt`))
  cpSync(join(fixtures, 'audio'), folder, { recursive: true })
  for (const extension of ALIGNMENT_FILES)
    copyFileSync(join(fixtures, `alignment/${ALIGNMENT_NAME}.${extension}`), join(folder, `${ALIGNMENT_NAME}.${extension}`))
  copyFileSync(join(fixtures, `parse/${WITNESS_NAME}.txt`), join(folder, `${WITNESS_NAME}.txt`))
  copyFileSync(join(fixtures, `witnesses/${WITNESS_NAME}.yml`), join(folder, `${WITNESS_NAME}.yml`))
  for (const name of HARBOR_NAMES)
    for (const extension of ['txt', 'yml'])
      copyFileSync(join(fixtures, `witnesses/${name}.${extension}`), join(folder, `${name}.${extension}`))
  // Only the transcripts: the expected JSON beside them is the parser tests'.
  for (const name of hostileNames) copyFileSync(join(HOSTILE_CONTENT, `${name}.txt`), join(folder, `${name}.txt`))
  // A transcript with a history (tests/e2e/history.test.ts): the folder is a git repository holding it
  // committed five times (transcribed, a word corrected, a turn split, a note added, two turns merged); the
  // other transcripts are never committed, so their pages and exports have no versions.
  commitVersions(folder, HISTORY_NAME, [
    ...HISTORY_TEXTS.map((text, index) => ({ text, message: HISTORY_MESSAGES[index]!, date: HISTORY_DATES[index]! })),
    HISTORY_MERGED,
  ])
}

/** The base-path site (`/tapes/`): the seed and one small transcript with a sidecar. */
export const BASE = '/tapes/'
export const SIDECAR_NAME = '1964-01-07-00317'

export function writeBasePath(folder: string): void {
  mkdirSync(folder, { recursive: true })
  copySeed(folder)
  copyFileSync(join(fixtures, 'sidecar/transcript.txt'), join(folder, `${SIDECAR_NAME}.txt`))
  writeFileSync(
    join(folder, `${SIDECAR_NAME}.yml`),
    [
      'title: The President and the Governor on the highway bill',
      'series: Presidential Recordings of Lyndon B. Johnson',
      'source:',
      '  publisher: Office of the Historian',
      '  tape: WH6401.07',
      '',
    ].join('\n'),
  )
}

/** Moves a raw transcript to `iso`: its header date, its weekday line and its file name. */
function redate(text: string, iso: string): string {
  return text
    .replace(/^\d{4}\/\d{2}\/\d{2}$/m, iso.replaceAll('-', '/'))
    .replace(new RegExp(`^(?:${WEEKDAYS.join('|')}), [A-Z][a-z]+ \\d{1,2}, \\d{4}$`, 'm'), dateLine(new Date(`${iso}T00:00:00Z`)))
}

/**
 * The browse site (tests/e2e/browse.test.ts says what it proves): 150 generated transcripts redated to
 * October 1962 (0–104), November 1962 (105–134) and January 1963 (135–149), and three copies of the seed
 * dated 5 and 20 October and 14 November 1962. By page name: its raw text and date.
 */
export function browseCollection(): Map<string, { text: string; date: string }> {
  const written = new Map<string, { text: string; date: string }>()
  for (let index = 0; index < 150; index++) {
    const { text, plan } = makeTranscript(index)
    const [year, month, days] = index < 105 ? ['1962', '10', 31] : index < 135 ? ['1962', '11', 30] : ['1963', '01', 31]
    const iso = `${year}-${month}-${String((index % days) + 1).padStart(2, '0')}`
    written.set(`${iso}-${plan.id}`, { text: redate(text, iso), date: iso })
  }
  const seed = readFileSync(seedPath, 'utf8')
  for (const [iso, id] of [
    ['1962-10-05', '01181a'],
    ['1962-10-20', '01181b'],
    ['1962-11-14', '01181'],
  ] as const) {
    written.set(`${iso}-${id}`, { text: redate(seed.replace(/^01181$/m, id), iso), date: iso })
  }
  return written
}

export function writeBrowse(folder: string): void {
  mkdirSync(folder, { recursive: true })
  for (const [name, { text }] of browseCollection()) writeFileSync(join(folder, `${name}.txt`), text)
}

/**
 * The two shards of the hub (tests/e2e/shards.test.ts): /1962/ holds the seed and generated transcripts
 * 0 and 1, /1963/ generated transcripts 2, 3 and 4. Each shard's transcripts by name, with their raw text.
 */
export function shardCollections(): Record<string, Map<string, string>> {
  const shards: Record<string, Map<string, string>> = { '/1962/': new Map(), '/1963/': new Map() }
  shards['/1962/']!.set(SEED, readFileSync(seedPath, 'utf8'))
  for (let i = 0; i < 5; i++) {
    const { name, text } = makeTranscript(i)
    shards[i < 2 ? '/1962/' : '/1963/']!.set(name, text)
  }
  return shards
}

export function writeShard(base: string, folder: string): void {
  mkdirSync(folder, { recursive: true })
  for (const [name, text] of shardCollections()[base]!) writeFileSync(join(folder, `${name}.txt`), text)
}

/**
 * The hosted site (tests/e2e/hosted.test.ts): a collection over three years built with the configuration
 * of a site that must fit a small host (`HOSTED_OPTIONS`): the seed (1962), the exports' fixture and the
 * transcript with a recording (1961), and three generated transcripts (1963, 1964 and 1965, as their generator dates them).
 */
export const HOSTED_GENERATED = [2, 3, 4].map((index) => makeTranscript(index))
export const HOSTED_NAMES = [SEED, EXPORT_NAME, AUDIO_NAME, ...HOSTED_GENERATED.map(({ name }) => name)]
/** Only the JSON beside each page; a host that takes 100 KB and 20 files, which the site cannot fit. */
export const HOSTED_OPTIONS = { exports: ['json'], host: { name: 'Tiny host', maxBytes: 100_000, maxFiles: 20 } }

export function writeHosted(folder: string): void {
  mkdirSync(folder, { recursive: true })
  copySeed(folder)
  copyFileSync(join(fixtures, `parse/${EXPORT_NAME}.txt`), join(folder, `${EXPORT_NAME}.txt`))
  cpSync(join(fixtures, 'audio'), folder, { recursive: true })
  for (const { name, text } of HOSTED_GENERATED) writeFileSync(join(folder, `${name}.txt`), text)
}
