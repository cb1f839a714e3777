/**
 * Characters no transcript holds: control characters (NUL and the like; tabs, line ends and form feeds
 * are fine) and U+FFFD, the mark of bytes that could not be decoded. A few are reported where they stand;
 * when they are a large share of the file it is binary data (an image, a word-processor file, UTF-16
 * without a byte-order mark) and reading it as a transcript would only produce noise.
 */
import type { VFile } from 'vfile'
import { report } from '../diagnostics.ts'
import type { Locator } from './source.ts'

// C0 controls except tab, line feed, vertical tab, form feed and carriage return; DEL; C1 controls except NEL.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose.
const control = /[\u0000-\u0008\u000E-\u001F\u007F\u0080-\u0084\u0086-\u009F]/g

/** Reports control characters; returns false when the file is binary and should not be read further. */
export function checkCharacters(value: string, file: VFile, locator: Locator): boolean {
  const places: number[] = []
  for (const match of value.matchAll(control)) places.push(match.index)
  let replaced = 0
  let firstReplaced = -1
  for (let at = value.indexOf('\uFFFD'); at !== -1; at = value.indexOf('\uFFFD', at + 1)) {
    if (firstReplaced === -1) firstReplaced = at
    replaced++
  }
  const odd = places.length + replaced
  if (odd >= 4 && odd * 10 >= value.length) {
    const first = Math.min(places[0] ?? Infinity, firstReplaced === -1 ? Infinity : firstReplaced)
    const utf16 =
      places.length > 0 && value[places[0]!] === '\0' ? ' (UTF-16 text without a byte-order mark looks like this)' : ''
    report(
      file,
      'binary-content',
      `This file holds binary data, not transcript text: ${odd} of its ${value.length} characters are control characters or undecodable bytes${utf16}. Check that it is the right file and save it as UTF-8 plain text`,
      locator.point(first),
    )
    return false
  }
  for (const at of places) {
    const code = value.charCodeAt(at)
    const name = code === 0 ? 'NUL (U+0000)' : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    report(
      file,
      'control-character',
      `An invisible control character, ${name}, stands here; it cannot be shown on a page. Delete it (it often comes from a damaged or converted file)`,
      locator.point(at),
    )
  }
  return true
}
