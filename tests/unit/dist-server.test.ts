/** The test server's byte ranges (scripts/lib/dist-server.ts): what a media element asks for to seek. Values by hand. */
import { expect, test } from 'vitest'
import { byteRange } from '../../scripts/lib/dist-server.ts'

test.each([
  [undefined, undefined],
  ['bytes=0-', { start: 0, end: 99 }],
  ['bytes=10-19', { start: 10, end: 19 }],
  ['bytes=90-500', { start: 90, end: 99 }],
  ['bytes=-10', { start: 90, end: 99 }],
  ['bytes=-500', { start: 0, end: 99 }],
  ['bytes=100-', null],
  ['bytes=20-10', null],
  ['bytes=0-1,5-6', undefined],
  ['items=0-1', undefined],
  ['bytes=-', undefined],
])('Range %j of a 100-byte file → %j', (header, range) => {
  expect(byteRange(header, 100)).toEqual(range)
})
