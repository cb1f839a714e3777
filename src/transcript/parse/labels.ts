/**
 * Speaker labels: `Label: text` at the start of a paragraph. A label is one to six name words, each
 * capitalised or in a script without case (initials, apostrophes, hyphens and accents allowed:
 * `Harold P. Quist`, `O'Dell`, `محمد علي`), or a lower-case particle (`de`, `van`).
 * No digits or commas, so `At 3:30 P.M.` and prose are not labels.
 */

// A name word starts with a capital, or with a letter of a script without case (Arabic, Hebrew, CJK).
const word = "[\\p{Lu}\\p{Lo}][\\p{L}\\p{M}'’.\\-]*"
const particle = '(?:de|da|di|del|della|der|den|du|la|le|van|von|bin|ibn|al|y|of|the)'
const labelPattern = new RegExp(String.raw`^(${word}(?:[ \t\u00A0]+(?:${word}|${particle})){0,5})[ \t\u00A0]*:(?=\s|$)`, 'u')

export interface LabelMatch {
  /** The label as printed, without the colon. */
  label: string
  /** Length of the label, colon included. */
  length: number
}

export function matchLabel(text: string): LabelMatch | undefined {
  const match = labelPattern.exec(text)
  if (!match || match[1]!.length > 60) return undefined
  return { label: match[1]!, length: match[0].length }
}

// What stands before the colon of something meant as a label but not one: nothing, or markup and
// punctuation no name holds (`<b>Bundy</b>:`, `"><svg …>:`). Prose with a colon, and a bracket such as
// `[unclear: on this]` opening a paragraph, are not flagged.
const misfitPattern = /^([^:]{0,60}?)[ \t\u00A0]*:(?=\s|$)/
const notInNames = /[<>&"={}|\\/()]/

/** A paragraph start that looks like a label but is not one: `label` is '' for a bare `:`. */
export function misfitLabel(text: string): { label: string } | undefined {
  if (matchLabel(text)) return undefined
  const match = misfitPattern.exec(text)
  if (!match) return undefined
  const label = match[1]!
  return label === '' || notInNames.test(label) ? { label } : undefined
}
