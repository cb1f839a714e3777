/** Turn start times: printed ones exact, the others spread over the text between two printed ones, none elsewhere. */
import { describe, expect, test } from 'vitest'
import { parseString } from '../../src/core/parse/index.ts'
import { formatTime } from '../../src/contract/time.ts'
import { turnTimes } from '../../src/core/timing.ts'
import type { Turn } from '../../src/core/types.ts'
import { join } from 'node:path'
import { readTranscript } from '../../src/build/prepare/transcript-files.ts'
import { renderTranscript } from '../../src/core/render.ts'
import { formatNamed } from '../../src/core/formats/index.ts'
import { fixtures } from '../support/paths.ts'

const header = '01181\n\n1962/11/14\n\nMeeting\n\n'

function times(body: string) {
  const { tree } = parseString(header + body)
  return [...turnTimes(tree)].map(([turn, time]: [Turn, unknown]) => [turn.id, time])
}

describe('turn times', () => {
  test('interpolate by text length between printed times; nothing after the last', () => {
    // Positions on the character axis: turn 1 at 0 (printed 0:10), 9 characters + 1 paragraph end;
    // turn 2 at 10, 9 + 1; turn 3 at 20 (printed 0:28), 3 + 1 → end at 24.
    // Between the two printed times, 18 s over 20 characters: turn 2 starts at 10 + 10 × 0.9 = 19. Turn 3 opens
    // with the last printed time: its start is a fact, its end is nowhere in the transcript.
    expect(times('Ann Lee: [00:10] aaaaaaaaa\n\nLee: bbbbbbbbb\n\nBob Ray: [00:28] ccc\n')).toEqual([
      ['t-00-10', { start: 10, end: 19, estimated: false }],
      ['t-00-10-1', { start: 19, end: 28, estimated: true }],
      ['t-00-28', { start: 28, estimated: false }],
    ])
  })

  test('an excision keeps its printed length out of the spoken time', () => {
    // 30 s between printed times, 20 of them excised: the 10 spoken seconds go over 20 characters.
    expect(
      times(
        'Ann Lee: [00:00] aaaaaaaaa\n\nTwenty seconds excised as classified information.\n\nLee: bbbbbbbbb\n\nBob Ray: [00:30] c\n',
      ),
    ).toEqual([
      ['t-00-00', { start: 0, end: 25, estimated: false }],
      ['t-00-00-1', { start: 25, end: 30, estimated: true }],
      ['t-00-30', { start: 30, estimated: false }],
    ])
  })

  test('without printed times, no turn has a time: no pace is assumed', () => {
    expect(times('Ann Lee: aaaaaaaaaaaaaa\n\nLee: b\n')).toEqual([])
  })

  test('one printed time: that turn starts at it; nothing is estimated from one time', () => {
    expect(times('Ann Lee: aaaa\n\nLee: [01:00] bbbb\n\nBob Ray: cc\n')).toEqual([['t-01-00', { start: 60, estimated: false }]])
  })

  test('turns before the first printed time and after the last have none; a printed time inside a turn bounds the estimates', () => {
    // Ann (0–5, 4 + 1), Lee at 5 opens [00:10]; Ray at 10 (4 + 1), whose second paragraph opens with [00:40]
    // at 15; Lee's own turn at 20 (after "ffff" + 1) lies after the last printed time.
    expect(times('Ann Lee: aaaa\n\nLee: [00:10] bbbb\n\nBob Ray: dddd\n\n[00:40] ffff\n\nLee: ee\n')).toEqual([
      // Lee opens at the first printed time; Ray starts at 10 of the 10 characters between 5 (00:10) and 15
      // (00:40): 10 + 5 × 30 / 10 = 25 s.
      ['t-00-10', { start: 10, end: 25, estimated: false }],
      ['t-00-10-1', { start: 25, estimated: true }],
    ])
  })

  test('formats times as printed', () => {
    expect([formatTime(35), formatTime(362), formatTime(3723), formatTime(59.6)]).toEqual(['00:35', '06:02', '1:02:03', '01:00'])
  })
})

describe('a transcript that prints no times shows none, anywhere', () => {
  // The FRUS telephone call (tests/fixtures/parse/real-2-lbj-rowe.txt, a copy of ../shared/real): 70 turns and
  // no timestamp in its text. Its header's time line says when the call was made, not where a turn is on a tape.
  const path = join(fixtures, 'parse', 'real-2-lbj-rowe.txt')

  test('no time in the JSON, the page, the WebVTT cues or the TEI timeline', async () => {
    const loaded = await readTranscript(path)
    const turns = loaded.json.blocks.filter((block) => block.type === 'turn')
    expect(turns).toHaveLength(70)
    expect(turns.every((turn) => turn.time === null)).toBe(true)
    const html = renderTranscript(loaded.tree)
    expect(html).not.toMatch(/data-start|data-end|turn-time|≈/)
    expect(html).not.toMatch(/Link to this turn \([^)]*\d\d:\d\d/)
    const vtt = formatNamed('vtt')!.write(loaded)
    expect(vtt).not.toContain('-->')
    expect(vtt.match(/^NOTE t-/gm)).toHaveLength(70)
    const tei = formatNamed('tei')!.write(loaded)
    expect(tei).not.toMatch(/<u [^>]*\b(start|end)=/)
    expect(tei).not.toMatch(/<when [^>]*interval=/)
  })
})
