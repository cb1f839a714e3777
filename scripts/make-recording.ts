/**
 * `npm run make:recording -- FILE.txt [--out FILE.ogg] [--offset SECONDS]`: speaks a transcript into a
 * short Opus recording for the tests (written where its sidecar's `recording.src` says, else beside it), so that they play real audio made here and nothing is downloaded.
 * Each speaker gets an espeak-ng voice; each turn starts at the time the tree gives it (src/core/
 * timing.ts: printed times exactly, estimated ones where the estimate puts them), and a printed timestamp
 * inside a turn starts its words at that time. Where words would run past the next start they are spoken
 * faster. `offset` seconds of leader (a short tone, then silence) come before the tape's 0:00, as the
 * sidecar's `recording.offset` says (or `--offset`). Needs espeak-ng, sox and ffmpeg (Debian packages).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Nodes } from 'mdast'
import { readTranscript } from '../src/build/prepare/transcript-files.ts'
import { publishRecording } from '../src/core/recording.ts'
import { turnTimes } from '../src/core/timing.ts'
import type { Conversation, TranscriptRoot } from '../src/core/types.ts'

const usage = 'Usage: npm run make:recording -- FILE.txt [--out FILE.ogg] [--offset SECONDS]'
const voices = ['en-us+m3', 'en+f2', 'en-gb+m7', 'en-us+f4', 'en+m1', 'en-gb+f3']
const rate = 22_050 // espeak-ng's sample rate
const normalSpeed = 175 // words a minute, espeak-ng's default
const fastest = 320
const gap = 0.25 // seconds of quiet kept before the next start

/** Words to speak, from `start` seconds of tape time: a turn's start, or a printed timestamp inside it. */
interface Segment {
  start: number
  voice: string
  text: string
}

/** What is heard: stage directions and unclear passages are not words anyone said clearly. */
function spoken(node: Nodes): string {
  switch (node.type) {
    case 'text':
      return node.value
    case 'direction':
    case 'unclear':
    case 'footnoteReference':
    case 'timestamp':
      return ''
    case 'pageBreak':
      return ' '
    default:
      return 'children' in node ? node.children.map((child) => spoken(child as Nodes)).join('') : ''
  }
}

export function segments(tree: TranscriptRoot): Segment[] {
  const times = turnTimes(tree)
  const voiceOf = new Map(tree.speakers.map((speaker, index) => [speaker.id, voices[index % voices.length]!]))
  const conversation = tree.children.find((child): child is Conversation => child.type === 'conversation')
  const result: Segment[] = []
  for (const turn of conversation?.children ?? []) {
    if (turn.type !== 'turn') continue
    const voice = voiceOf.get(turn.speaker)!
    let current: Segment = { start: times.get(turn)!.start, voice, text: '' }
    result.push(current)
    for (const paragraph of turn.children) {
      if (paragraph.type !== 'paragraph') continue
      for (const child of paragraph.children) {
        if (child.type === 'timestamp' && current.text.trim() !== '') {
          current = { start: child.seconds, voice, text: '' }
          result.push(current)
        } else current.text += spoken(child)
      }
      current.text += ' '
    }
  }
  return result.filter((segment) => segment.text.trim() !== '')
}

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8' }).trim()
const samples = (file: string) => Number(run('soxi', ['-s', file]))

/** Speaks `text` into `file`, faster when it would not fit in `room` seconds; its length in samples. */
function speak(segment: Segment, room: number, file: string): number {
  let speed = normalSpeed
  for (;;) {
    run('espeak-ng', ['-v', segment.voice, '-s', String(speed), '-w', file, segment.text.trim()])
    const length = samples(file)
    if (length / rate <= room || speed >= fastest) {
      if (length / rate > room) throw new Error(`“${segment.text.trim()}” does not fit in ${room.toFixed(1)} s`)
      return length
    }
    speed = Math.min(fastest, Math.ceil((speed * length) / rate / room) + 5)
  }
}

export function makeRecording(source: string, out: string, offset: number, tree: TranscriptRoot): void {
  const parts = segments(tree)
  const work = mkdtempSync(join(tmpdir(), 'recording-'))
  try {
    const pieces: string[] = []
    let cursor = 0 // where the file ends so far, in samples
    if (offset > 0) {
      // The tape's leader: a quiet tone of up to half a second, then silence up to the tape's 0:00.
      const leader = join(work, 'leader.wav')
      const tone = String(Math.min(0.5, offset))
      run('sox', ['-n', '-r', String(rate), '-c', '1', '-b', '16', leader, 'synth', tone, 'sine', '440', 'vol', '0.2'])
      pieces.push(leader)
      cursor = samples(leader)
    }
    for (const [index, part] of parts.entries()) {
      const next = parts[index + 1]?.start
      const room = next === undefined ? 30 : next - part.start - gap
      const speech = join(work, `${index}.wav`)
      const length = speak(part, room, speech)
      const at = Math.round((part.start + offset) * rate)
      if (at < cursor) throw new Error(`${source}: the words before ${part.start} s run past it`)
      const placed = join(work, `${index}-placed.wav`)
      run('sox', [speech, placed, 'pad', `${at - cursor}s`, '0'])
      pieces.push(placed)
      cursor = at + length
    }
    const whole = join(work, 'whole.wav')
    run('sox', [...pieces, whole, 'pad', '0', '1'])
    run('ffmpeg', [
      ...['-y', '-loglevel', 'error', '-i', whole, '-ac', '1', '-c:a', 'libopus', '-b:a', '12k'],
      ...['-application', 'voip', '-fflags', '+bitexact', '-flags:a', '+bitexact', '-map_metadata', '-1', out],
    ])
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

async function main(args: string[]): Promise<number> {
  const option = (name: string) => {
    const at = args.indexOf(name)
    if (at === -1) return undefined
    const [, value] = args.splice(at, 2)
    return value
  }
  const out = option('--out')
  const offsetText = option('--offset')
  const [source, ...rest] = args
  if (!source || rest.length > 0 || (offsetText !== undefined && !(Number(offsetText) >= 0))) {
    process.stderr.write(`${usage}\n`)
    return 2
  }
  let target = out ?? source.replace(/\.txt$/i, '.ogg')
  try {
    // The sidecar, when there is one, says where the recording goes and how much leader comes first.
    const { tree } = await readTranscript(source)
    const published = publishRecording(tree.meta?.recording)
    if (!out && published?.copy) target = join(dirname(source), published.copy.from)
    makeRecording(source, target, offsetText === undefined ? (published?.offset ?? 0) : Number(offsetText), tree)
  } catch (error) {
    // A missing tool, an unreadable file or words that cannot fit: one line, no stack trace.
    const reason = error instanceof Error ? (error as { stderr?: string }).stderr || error.message : String(error)
    process.stderr.write(`${source}: no recording made (${String(reason).trim()})\n`)
    return 1
  }
  const seconds = run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', target])
  process.stdout.write(`${target}: ${Number(seconds).toFixed(1)} s, ${statSync(target).size.toLocaleString('en-US')} bytes\n`)
  return 0
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2))
}
