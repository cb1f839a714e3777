/**
 * Speaker labels: `Label: text` at the start of a paragraph. A label is one to six name words, each
 * capitalised (initials, apostrophes, hyphens and accents allowed: `Harold P. Quist`, `O'Dell`), or a
 * lower-case particle (`de`, `van`). No digits or commas, so `At 3:30 P.M.` and prose are not labels.
 */

const word = String.raw`\p{Lu}[\p{L}\p{M}'’.\-]*`
const particle = String.raw`(?:de|da|di|del|della|der|den|du|la|le|van|von|bin|ibn|al|y|of|the)`
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
