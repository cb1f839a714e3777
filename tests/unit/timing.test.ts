/** Turn start times: printed ones exact, the others spread over the text between printed ones. */
import { describe, expect, test } from 'vitest'
import { parseString } from '../../src/core/parse/index.ts'
import { formatTime } from '../../src/contract/time.ts'
import { turnTimes } from '../../src/core/timing.ts'
import type { Turn } from '../../src/core/types.ts'

const header = '01181\n\n1962/11/14\n\nMeeting\n\n'

function times(body: string) {
  const { tree } = parseString(header + body)
  return [...turnTimes(tree)].map(([turn, time]: [Turn, unknown]) => [turn.id, time])
}

describe('turn times', () => {
  test('interpolate by text length between printed times, and extrapolate at the pace between them', () => {
    // Positions on the character axis: turn 1 at 0 (printed 0:10), 9 characters + 1 paragraph end;
    // turn 2 at 10, 9 + 1; turn 3 at 20 (printed 0:28), 3 + 1 → end at 24.
    // Pace = (28 − 10) / 20 = 0.9 s a character: turn 2 starts at 10 + 10 × 0.9 = 19, turn 3 ends at 28 + 4 × 0.9.
    expect(times('Ann Lee: [00:10] aaaaaaaaa\n\nLee: bbbbbbbbb\n\nBob Ray: [00:28] ccc\n')).toEqual([
      ['t-00-10', { start: 10, end: 19, estimated: false }],
      ['t-00-10-1', { start: 19, end: 28, estimated: true }],
      ['t-00-28', { start: 28, end: 32, estimated: false }],
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
      ['t-00-30', { start: 30, end: 31, estimated: false }],
    ])
  })

  test('without printed times, 15 characters a second from zero', () => {
    expect(times('Ann Lee: aaaaaaaaaaaaaa\n\nLee: b\n')).toEqual([
      ['t-start-1', { start: 0, end: 1, estimated: true }],
      ['t-start-2', { start: 1, end: 1, estimated: true }],
    ])
  })

  test('formats times as printed', () => {
    expect([formatTime(35), formatTime(362), formatTime(3723), formatTime(59.6)]).toEqual(['00:35', '06:02', '1:02:03', '01:00'])
  })
})
