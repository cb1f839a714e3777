/**
 * The house styles and how one is chosen for a transcript: the one asked for (a sidecar's or the site's
 * `conventions`), else the one whose evidence weighs most in the text, else the seed's series.
 */
import { frus } from './frus.ts'
import { seed } from './seed.ts'
import type { HouseStyle } from './types.ts'
import { watergate } from './watergate.ts'

export type { HouseStyle, LabelSeparator, MarkDelimiter } from './types.ts'

/** Every style, by name. */
export const houseStyles: ReadonlyMap<string, HouseStyle> = new Map([seed, frus, watergate].map((style) => [style.name, style]))

export const defaultStyle = seed

/** Evidence below this weight is not enough to leave the default. */
const threshold = 2

/** The style whose evidence in `text` weighs most (at least `threshold`), or the default. */
export function detectStyle(text: string): HouseStyle {
  // The evidence is in the header and the first pages: a long tape need not be read twice.
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text
  let best = defaultStyle
  let bestScore = threshold - 1
  for (const style of houseStyles.values()) {
    let score = 0
    for (const { pattern, weight } of style.detect) if (pattern.test(sample)) score += weight
    if (score > bestScore) {
      best = style
      bestScore = score
    }
  }
  return best
}
