/**
 * The raw transcript's inline marks, read and written in one module: footnote markers as superscript
 * digits (`¹²`), printed timestamps (`[03:01]`), editorial brackets and `*emphasis*`. The parser lexes with
 * these (parse/inline.ts, parse/flow.ts) and the raw serializer prints with them (serialize.ts), so what
 * is written is what is read.
 */
import { parseTime, type ParsedTime } from '../contract/time.ts'
import type { MarkDelimiters } from './types.ts'

const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹'

/**
 * A footnote's identifier from its digits, without leading zeros. Kept as a string, so that a marker of
 * any length keeps every digit (a number would round it, or become `Infinity`).
 */
export function footnoteNumber(digits: string): string {
  return digits.replace(/^0+(?=\d)/, '')
}

/** Digits as superscript characters, the way a footnote marker is printed: `12` → `¹²`. */
export function toSuperscript(digits: string): string {
  return [...digits].map((digit) => superscripts[Number(digit)] ?? digit).join('')
}

/** The lowest of the superscript digits' code points (`²`, U+00B2; `⁰` is U+2070). */
const FIRST_SUPERSCRIPT = 0xb2

/** The digit a superscript character stands for, or -1. */
export function superscriptDigit(char: string | undefined): number {
  if (char === undefined || char === '') return -1
  // The inline scanner asks this of every character: most are below the first superscript, answered with
  // one comparison instead of a search of the ten (2.3 s of each prepare thread at 10,000 transcripts).
  return char.charCodeAt(0) < FIRST_SUPERSCRIPT ? -1 : superscripts.indexOf(char)
}

/** The run of superscript digits at `from` (before `to`): the digits as ordinary digits and where it ends. */
export function superscriptRun(text: string, from: number, to = text.length): { digits: string; end: number } {
  let end = from
  let digits = ''
  while (end < to && superscriptDigit(text[end]) !== -1) digits += superscriptDigit(text[end++])
  return { digits, end }
}

const timestampAt = /\[((?:\d{1,2}:)?\d{1,3}:\d{2})\]/y

/** A printed timestamp starting at `from` and ending by `to`: its label (`03:01`), its time and its end. */
export function readTimestamp(
  text: string,
  from: number,
  to = text.length,
): { label: string; time: ParsedTime; end: number } | undefined {
  timestampAt.lastIndex = from
  const match = timestampAt.exec(text)
  if (!match || from + match[0].length > to) return undefined
  const time = parseTime(match[1]!)
  return time ? { label: match[1]!, time, end: from + match[0].length } : undefined
}

/** A timestamp as printed: `03:01` → `[03:01]`. */
export function printTimestamp(label: string): string {
  return `[${label}]`
}

/** An editorial bracket (unclear, supplied, direction) as printed around its content. */
export function printBracket(content: string, delimiters?: MarkDelimiters): string {
  const [open, close] = delimitersOf({ delimiters })
  return `${open}${content}${close}`
}

/** The characters an editorial mark was printed between: `[` `]`, or `(` `)` (styles/). */
export function delimitersOf(node: { delimiters?: MarkDelimiters | undefined }): [string, string] {
  return node.delimiters === 'parentheses' ? ['(', ')'] : ['[', ']']
}

/** Emphasis as printed around its content. */
export function printEmphasis(content: string): string {
  return `*${content}*`
}
