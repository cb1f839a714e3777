/**
 * Time formatting in one module (src/contract/time.ts), as the page, the exports and the reader's scripts
 * use it: a printed time, the same time in words, the loose times a link may ask for (`#t=06:00`, `?t=360`),
 * media fragments and WebVTT's cue times. Expected values written by hand.
 */
import { describe, expect, test } from 'vitest'
import {
  cueTime,
  formatTime,
  fragmentTime,
  momentTime,
  parseAskedTime,
  shownTime,
  spokenTime,
  timeFragment,
} from '../../src/contract/time.ts'

describe('time', () => {
  test('shown and spoken, printed and estimated', () => {
    expect(formatTime(362)).toBe('06:02')
    expect(shownTime(362, true)).toBe('≈06:02')
    expect(shownTime(303, false)).toBe('05:03')
    expect(spokenTime(362, true)).toBe('about 06:02')
    expect(spokenTime(3723, false)).toBe('1:02:03')
  })

  test.each([
    ['06:00', 360],
    ['360', 360],
    ['1:02:03', 3723],
    [' 0:13:37 ', 817],
    ['75:99', 4599],
    ['6m', undefined],
    ['', undefined],
    ['1:2:3:4', undefined],
    // A word's moment (`momentTime`) carries its fraction of a second.
    ['00:02.25', 2.25],
    ['1:02:03.5', 3723.5],
    ['7.125', 7.125],
    ['00:02.', undefined],
    ['.5', undefined],
  ])('a time asked for: %j → %s', (asked, seconds) => {
    expect(parseAskedTime(asked)).toBe(seconds)
  })

  test('#t= fragments, written and read', () => {
    expect(timeFragment('06:00')).toBe('t=06:00')
    expect(timeFragment(349.5)).toBe('t=349.5')
    expect(fragmentTime('t=06:00')).toBe('06:00')
    expect(fragmentTime('t-05-03')).toBeNull()
  })

  test("a word's moment, to the millisecond, read back as it was written", () => {
    expect(momentTime(2.25)).toBe('00:02.25')
    expect(momentTime(362)).toBe('06:02')
    expect(momentTime(3723.0404)).toBe('1:02:03.04')
    expect(momentTime(59.9996)).toBe('01:00')
    for (const seconds of [0.001, 2.248, 9.83, 11.301, 3599.999]) expect(parseAskedTime(momentTime(seconds))).toBe(seconds)
  })

  test('WebVTT cue times', () => {
    expect(cueTime(0)).toBe('00:00:00.000')
    expect(cueTime(3723.4)).toBe('01:02:03.000')
    expect(cueTime(-2)).toBe('00:00:00.000')
  })
})
