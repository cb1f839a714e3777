/**
 * Speaker labels: `Label: text` at the start of a paragraph. A label is one to six name words, each
 * capitalised or in a script without case (initials, apostrophes, hyphens and accents allowed:
 * `Harold P. Quist`, `O'Dell`, `محمد علي`), or a lower-case particle (`de`, `van`).
 * No digits or commas, so `At 3:30 P.M.` and prose are not labels. What may end a label, and which
 * openings never are labels (`NOTE:`), is the house style's (styles/).
 */
import { defaultStyle, type HouseStyle } from '../styles/index.ts'

// A name word starts with a capital, or with a letter of a script without case (Arabic, Hebrew, CJK).
const word = "[\\p{Lu}\\p{Lo}][\\p{L}\\p{M}'’.\\-]*"
const particle = '(?:de|da|di|del|della|der|den|du|la|le|van|von|bin|ibn|al|y|of|the)'
const capital = "\\p{Lu}[\\p{Lu}\\p{M}'’.\\-]*"
const names = String.raw`${word}(?:[ \t\u00A0]+(?:${word}|${particle})){0,5}`
const capitals = String.raw`${capital}(?:[ \t\u00A0]+${capital}){0,5}`

export interface LabelMatch {
  /** The label as printed, without the colon. */
  label: string
  /** Length of the label, colon included. */
  length: number
  /** The separator, when the house style reads it as a slip for `:` (`HALDEMAN;`). */
  slip?: string
}

/** Reads a paragraph's opening label the way a house style prints them. */
export type LabelReader = (text: string) => LabelMatch | undefined

const readers = new WeakMap<HouseStyle, LabelReader>()

export function labelReader(style: HouseStyle): LabelReader {
  let reader = readers.get(style)
  if (reader) return reader
  const patterns = style.labels.separators.map((separator) => ({
    separator,
    pattern: new RegExp(
      String.raw`^(${separator.capitalsOnly ? capitals : names})[ \t\u00A0]*${escapePattern(separator.char)}(?=\s|$)`,
      'u',
    ),
  }))
  reader = (text) => {
    for (const { separator, pattern } of patterns) {
      const match = pattern.exec(text)
      if (!match || match[1]!.length > 60 || style.labels.never.test(match[1]!)) continue
      const found: LabelMatch = { label: match[1]!, length: match[0].length }
      if (separator.slip) found.slip = separator.char
      return found
    }
    return undefined
  }
  readers.set(style, reader)
  return reader
}

/** A label as the default style reads it. */
export function matchLabel(text: string): LabelMatch | undefined {
  return labelReader(defaultStyle)(text)
}

function escapePattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

// What stands before the colon of something meant as a label but not one: nothing, or markup and
// punctuation no name holds (`<b>Bundy</b>:`, `"><svg …>:`). Prose with a colon, and a bracket such as
// `[unclear: on this]` opening a paragraph, are not flagged.
const misfitPattern = /^([^:]{0,60}?)[ \t\u00A0]*:(?=\s|$)/
const notInNames = /[<>&"={}|\\/()]/

/** A paragraph start that looks like a label but is not one: `label` is '' for a bare `:`. */
export function misfitLabel(text: string, read: LabelReader = matchLabel): { label: string } | undefined {
  if (read(text)) return undefined
  const match = misfitPattern.exec(text)
  if (!match) return undefined
  const label = match[1]!
  return label === '' || notInNames.test(label) ? { label } : undefined
}
