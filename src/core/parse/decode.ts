/**
 * Bytes → text. Transcripts are UTF-8 (a byte-order mark is dropped); UTF-16 with a byte-order mark, as
 * some word processors save "Unicode text", is decoded too. Bytes that are not valid UTF-8 become U+FFFD
 * (as every browser decodes them) and each is reported with its byte offset and its line and column, so
 * an editor can find it in a hex editor or in the text.
 */
import type { VFile } from 'vfile'
import { report } from '../diagnostics.ts'
import { Locator } from './source.ts'

export interface EncodingError {
  /** Offset in the file of the first byte that could not be decoded. */
  byteOffset: number
  /** The bytes that make up the undecodable sequence. */
  bytes: number[]
  /** Offset in the decoded text of the U+FFFD that replaced them. */
  textOffset: number
}

export interface Decoded {
  text: string
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be'
  errors: EncodingError[]
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be')
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  const text = new TextDecoder('utf-8').decode(bytes)
  // Every invalid sequence decodes to U+FFFD, so a text without one needs no byte-by-byte scan.
  return { text, encoding: 'utf-8', errors: text.includes('\uFFFD') ? utf8Errors(bytes, bom) : [] }
}

/** Decodes `file.value` when it holds bytes, reporting every undecodable sequence on the file. */
export function decodeFile(file: VFile, bytes: Uint8Array): string {
  const { text, encoding, errors } = decodeBytes(bytes)
  const locator = new Locator(text)
  for (const error of errors) {
    const shown = error.bytes.map((byte) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(' ')
    const what = error.bytes.length === 1 ? `Byte ${shown}` : `Bytes ${shown}`
    const fix =
      encoding === 'utf-8'
        ? 'the file may have been saved as Latin-1 or Windows-1252: save it as UTF-8'
        : 'the UTF-16 text is cut or damaged: save the file again, preferably as UTF-8'
    report(
      file,
      'invalid-encoding',
      `${what} at byte offset ${error.byteOffset} ${error.bytes.length === 1 ? 'is' : 'are'} not valid ${encoding === 'utf-8' ? 'UTF-8' : 'UTF-16'} and show${error.bytes.length === 1 ? 's' : ''} as � here; ${fix}`,
      locator.point(error.textOffset),
    )
  }
  return text
}

/**
 * The places where the WHATWG UTF-8 decoder (TextDecoder) puts a U+FFFD, following the same state
 * machine so that text offsets match the decoded string exactly.
 */
export function utf8Errors(bytes: Uint8Array, from = 0): EncodingError[] {
  const errors: EncodingError[] = []
  let needed = 0
  let seen = 0
  let lower = 0x80
  let upper = 0xbf
  let start = from
  let units = 0 // UTF-16 code units decoded so far
  const fail = (end: number) => {
    errors.push({ byteOffset: start, bytes: [...bytes.subarray(start, end)], textOffset: units })
    units++
  }
  for (let i = from; i < bytes.length; i++) {
    const byte = bytes[i]!
    if (needed === 0) {
      start = i
      if (byte <= 0x7f) units++
      else if (byte >= 0xc2 && byte <= 0xdf) needed = 1
      else if (byte >= 0xe0 && byte <= 0xef) {
        if (byte === 0xe0) lower = 0xa0
        if (byte === 0xed) upper = 0x9f
        needed = 2
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        if (byte === 0xf0) lower = 0x90
        if (byte === 0xf4) upper = 0x8f
        needed = 3
      } else fail(i + 1)
      continue
    }
    if (byte < lower || byte > upper) {
      fail(i)
      needed = seen = 0
      lower = 0x80
      upper = 0xbf
      i-- // the byte starts over, as the decoder's "prepend to stream"
      continue
    }
    lower = 0x80
    upper = 0xbf
    if (++seen === needed) {
      units += needed === 3 ? 2 : 1 // four-byte sequences are surrogate pairs in a string
      needed = seen = 0
    }
  }
  if (needed !== 0) fail(bytes.length)
  return errors
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  const text = new TextDecoder(encoding).decode(bytes)
  const errors: EncodingError[] = []
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    // Rare enough to find the place the simple way: the first U+FFFD the lenient decoder wrote.
    const textOffset = Math.max(0, text.indexOf('\uFFFD'))
    const byteOffset = 2 + textOffset * 2
    errors.push({ byteOffset, bytes: [...bytes.subarray(byteOffset, byteOffset + 2)], textOffset })
  }
  return { text, encoding, errors }
}
