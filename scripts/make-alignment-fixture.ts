/**
 * `npm run make:alignment-fixture`: makes the word-timing fixture of tests/fixtures/alignment/ from its
 * transcript, with the truth the tests hold the aligners' files to. Each word of the transcript is spoken
 * alone with espeak-ng (a voice per speaker), trimmed of its silence and placed with sox at a known sample
 * of a 16 kHz mono tape: so when every word was said is known exactly. The tape departs from the text as
 * a real one does (`plan`): silences, one turn not said at all, a passage said that the transcript lacks,
 * a turn said well after the time printed before it. Then the three aligner files are written from those
 * times, each with the disagreements aligners make: a word split in two, numbers written as said, a word
 * of low confidence, boundaries a few milliseconds off. Writes `<name>.ogg`, `.yml` (its sidecar),
 * `.whisperx.json`, `.gentle.json`, `.vtt` and `.truth.json` (tape times, seconds from the tape's 0:00).
 * Needs espeak-ng and sox (Debian packages); sox runs repeatable (`-R`), so a second run writes the same
 * bytes. The tests read the committed files and need neither.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { turnWords } from '../src/core/alignment/words.ts'
import { loadTranscript } from '../src/core/load.ts'
import { Locator } from '../src/core/parse/source.ts'
import type { Conversation, Turn } from '../src/core/types.ts'

export const folder = 'tests/fixtures/alignment/'
export const name = '1961-05-03-00058'
const rate = 16_000
/** Seconds of the file before the tape's 0:00: the sidecar's `recording.offset`; aligners count from the file's start. */
const offset = 0.5
const voices = ['en-us+m3', 'en+f2', 'en-gb+m7']

/** Where the tape departs from the transcript, and where each aligner's file departs from the tape. */
export const plan = {
  /** Seconds between two words of a turn, and between turns. */
  wordGap: 0.06,
  turnGap: 0.6,
  /** Longer silences after these turns (by index). */
  silenceAfter: { 1: 1.5 } as Record<number, number>,
  /** A turn that opens with a printed time starts this long after it… */
  afterStamp: 0.25,
  /** …but this one (by index) is said late: the printed time and the aligner then disagree. */
  late: { turn: 4, seconds: 3.5 },
  /** A turn (by index) not said at all: its words have no time. */
  dropped: 3,
  /** Said before a turn (by index), in the voice of that turn's speaker; the transcript lacks it. */
  extra: { before: 4, words: ['well', 'let', 'me', 'think'] },
  /** Words each aligner writes otherwise than printed (the first of each, by its value as printed). */
  split: { checkpoint: ['check', 'point'] } as Record<string, string[]>,
  said: { '15': ['fifteen'], '1962': ['nineteen', 'sixty-two'] } as Record<string, string[]>,
  /** WebVTT writes 1962 as three cues. */
  saidVtt: { '15': ['fifteen'], '1962': ['nineteen', 'sixty', 'two'] } as Record<string, string[]>,
  /** How far (seconds) an aligner's boundaries may stand from the truth: well inside the tests' 20 ms. */
  jitter: 0.008,
  /** WhisperX's confidence in this word (the others are high). */
  unsure: { word: 'dusk', score: 0.31 },
}

/** A word as said on the tape, in tape seconds (sample-exact), or a transcript word not said. */
export interface TruthWord {
  turn: string
  word: string
  start?: number
  end?: number
  /** A word said that the transcript lacks. */
  extra?: true
}

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8' }).trim()
const samples = (file: string) => Number(run('soxi', ['-s', file]))
const ms = (seconds: number) => Math.round(seconds * 1000) / 1000

function turnsOf(path: string) {
  const { tree, file } = loadTranscript(readFileSync(path), path)
  const source = String(file.value)
  const locator = new Locator(source)
  const conversation = tree.children.find((child): child is Conversation => child.type === 'conversation')!
  const turns = conversation.children.filter((block): block is Turn => block.type === 'turn')
  const voice = new Map(tree.speakers.map((speaker, index) => [speaker.id, voices[index % voices.length]!]))
  return turns.map((turn) => ({
    turn,
    voice: voice.get(turn.speaker)!,
    words: turnWords(turn, source, locator).map((w) => w.value),
  }))
}

/** The tape: each word spoken, trimmed and placed; returns what was said when. */
function makeTape(out: string, work: string): TruthWord[] {
  const truth: TruthWord[] = []
  const pieces: string[] = []
  let cursor = 0 // samples written so far, from the file's start
  let count = 0
  const place = (word: string, voice: string, at: number): { start: number; end: number } => {
    const raw = join(work, `${count}.wav`)
    const trimmed = join(work, `${count}-t.wav`)
    const placed = join(work, `${count++}-p.wav`)
    run('espeak-ng', ['-v', voice, '-w', raw, word])
    // Resampled, then the silence espeak-ng puts before and after the word cut away: its sound starts at its first sample.
    run('sox', [
      '-R',
      raw,
      '-b',
      '16',
      trimmed,
      'rate',
      String(rate),
      'silence',
      '1',
      '0.005',
      '1%',
      'reverse',
      'silence',
      '1',
      '0.005',
      '1%',
      'reverse',
    ])
    const from = Math.round((at + offset) * rate)
    if (from < cursor) throw new Error(`“${word}” would start before the word before it ends`)
    run('sox', ['-R', trimmed, placed, 'pad', `${from - cursor}s`, '0'])
    pieces.push(placed)
    const length = samples(trimmed)
    cursor = from + length
    return { start: from / rate - offset, end: cursor / rate - offset }
  }
  let time = 0 // tape seconds where the next word may start
  for (const [index, { turn, voice, words }] of turnsOf(join(folder, `${name}.txt`)).entries()) {
    if (index === plan.dropped) {
      for (const word of words) truth.push({ turn: turn.id, word })
      continue
    }
    if (index === plan.extra.before) {
      time += plan.turnGap
      for (const word of plan.extra.words) {
        const said = place(word, voice, time)
        truth.push({ turn: turn.id, word, ...said, extra: true })
        time = said.end + plan.wordGap
      }
    }
    time += plan.turnGap + (plan.silenceAfter[index - 1] ?? 0)
    if (turn.openingStamp) {
      const at = turn.openingStamp.seconds + plan.afterStamp + (plan.late.turn === index ? plan.late.seconds : 0)
      if (at < time) throw new Error(`turn ${turn.id} cannot start at ${at} s: the words before it run to ${time} s`)
      time = at
    }
    for (const word of words) {
      const said = place(word, voice, time)
      truth.push({ turn: turn.id, word, ...said })
      time = said.end + plan.wordGap
    }
  }
  // The first word's padding holds the leader (`offset`); half a second of quiet ends the tape.
  run('sox', ['-R', ...pieces, '-C', '-1', out, 'pad', '0', '0.5'])
  return truth.map((word) => (word.start === undefined ? word : { ...word, start: ms(word.start), end: ms(word.end!) }))
}

let jitterSeed = 0

/** A said word as an aligner writes it: its parts (split, or a number as said), each with its share of the time. */
function parts(
  word: TruthWord,
  said: Record<string, string[]>,
  first: Set<string>,
): Array<{ word: string; start: number; end: number }> {
  // An aligner's boundaries are near the truth, not on it: each off by up to `plan.jitter` seconds, differently in each format.
  const off = (salt: number) => ((((jitterSeed++ * 7919 + salt * 104_729) % 17) - 8) / 8) * plan.jitter
  const start = word.start! + offset + off(1)
  const end = word.end! + offset + off(2)
  const written = word.extra ? undefined : (said[word.word] ?? (first.has(word.word) ? undefined : plan.split[word.word]))
  if (!word.extra && plan.split[word.word]) first.add(word.word)
  const pieces = written ?? [word.word]
  const share = (end - start) / pieces.length
  return pieces.map((piece, i) => ({
    word: piece,
    start: ms(start + i * share),
    end: ms(i === pieces.length - 1 ? end : start + (i + 1) * share),
  }))
}

function whisperx(truth: TruthWord[]): string {
  jitterSeed = 1
  const segments: Array<{ start: number; end: number; text: string; words: object[] }> = []
  const first = new Set<string>()
  let turn = ''
  let words = 0
  for (const word of truth) {
    if (word.start === undefined) continue
    const key = `${word.turn}${word.extra ? '+' : ''}`
    if (key !== turn) segments.push({ start: 0, end: 0, text: '', words: [] })
    turn = key
    const segment = segments.at(-1)!
    for (const part of parts(word, plan.said, first)) {
      const score = part.word === plan.unsure.word ? plan.unsure.score : ms(0.9 + (words++ % 9) / 100)
      segment.words.push({ word: part.word, start: part.start, end: part.end, score })
    }
  }
  for (const segment of segments) {
    const words = segment.words as Array<{ word: string; start: number; end: number }>
    segment.start = words[0]!.start
    segment.end = words.at(-1)!.end
    segment.text = ` ${words.map((word) => word.word).join(' ')}`
    // WhisperX writes a segment's last word with the sentence's punctuation.
    words.at(-1)!.word += '.'
  }
  return `${JSON.stringify({ segments, language: 'en' }, null, 2)}\n`
}

function gentle(truth: TruthWord[]): string {
  jitterSeed = 2
  const words: object[] = []
  const first = new Set<string>()
  for (const word of truth) {
    if (word.start === undefined) words.push({ case: 'not-found-in-audio', word: word.word })
    else
      for (const part of parts(word, plan.said, first)) {
        const heard = part.word.toLowerCase().replace(/[^a-z']/g, '')
        words.push({
          alignedWord: heard,
          case: word.extra ? 'not-found-in-transcript' : 'success',
          start: part.start,
          end: part.end,
          word: part.word,
        })
      }
  }
  return `${JSON.stringify(
    {
      transcript: truth
        .filter((w) => !w.extra)
        .map((w) => w.word)
        .join(' '),
      words,
    },
    null,
    2,
  )}\n`
}

function webvtt(truth: TruthWord[]): string {
  jitterSeed = 3
  const cue = (seconds: number) => {
    const millis = Math.round(seconds * 1000)
    const pad = (value: number, size = 2) => String(value).padStart(size, '0')
    return `${pad(Math.floor(millis / 3_600_000))}:${pad(Math.floor(millis / 60_000) % 60)}:${pad(Math.floor(millis / 1000) % 60)}.${pad(millis % 1000, 3)}`
  }
  const first = new Set<string>()
  const cues = truth
    .filter((word) => word.start !== undefined)
    .flatMap((word) => parts(word, plan.saidVtt, first))
    .map((part, index) => `w${index + 1}\n${cue(part.start)} --> ${cue(part.end)}\n${part.word}`)
  return `WEBVTT\n\nNOTE One cue per word, times in the recording's file.\n\n${cues.join('\n\n')}\n`
}

export function makeFixture(): TruthWord[] {
  const work = mkdtempSync(join(tmpdir(), 'alignment-'))
  try {
    const base = join(folder, name)
    const truth = makeTape(`${base}.ogg`, work)
    const sidecar = `recording:\n  src: ${name}.ogg\n  offset: ${offset}\nalignment: ${name}.whisperx.json\n`
    writeFileSync(`${base}.yml`, sidecar)
    writeFileSync(`${base}.whisperx.json`, whisperx(truth))
    writeFileSync(`${base}.gentle.json`, gentle(truth))
    writeFileSync(`${base}.vtt`, webvtt(truth))
    writeFileSync(`${base}.truth.json`, `${JSON.stringify({ rate, offset, plan, words: truth }, null, 2)}\n`)
    return truth
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const truth = makeFixture()
    const said = truth.filter((word) => word.start !== undefined)
    process.stdout.write(
      `${folder}${name}.*: ${said.length} words said (to ${said.at(-1)!.end} s), ${truth.length - said.length} not\n`,
    )
  } catch (error) {
    const reason = error instanceof Error ? (error as { stderr?: string }).stderr || error.message : String(error)
    process.stderr.write(`no fixture made (${String(reason).trim()})\n`)
    process.exitCode = 1
  }
}
