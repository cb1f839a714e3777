/**
 * Excision notes: `Seven seconds excised as classified information.`,
 * `One minute, thirty-seven seconds excised …`. The duration is kept in seconds.
 */

const excisionPattern = /^(.{1,80}?)\s+(?:were\s+|was\s+|have been\s+)?excised\b/i

const units: Record<string, number> = { hour: 3600, minute: 60, second: 1 }
const small =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
    ' ',
  )
const tens = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ')

export interface ExcisionMatch {
  /** Seconds, or null when the paragraph is an excision note whose duration cannot be read. */
  seconds: number | null
}

/** Recognises an excision note from its plain text; undefined when the paragraph is not one. */
export function matchExcision(text: string): ExcisionMatch | undefined {
  if (text.length > 300) return undefined
  const match = excisionPattern.exec(text)
  if (!match) return undefined
  return { seconds: parseDuration(match[1]!) }
}

/** `One minute, thirty-seven seconds` → 97; `2 minutes and 5 seconds` → 125; otherwise null. */
export function parseDuration(phrase: string): number | null {
  const parts = phrase
    .toLowerCase()
    .split(/,|\band\b/)
    .map((part) => part.trim())
    .filter(Boolean)
  if (parts.length === 0) return null
  let total = 0
  for (const part of parts) {
    const match = /^(.+?)\s+(hour|minute|second)s?$/.exec(part)
    if (!match) return null
    const count = parseNumber(match[1]!)
    if (count === undefined) return null
    total += count * units[match[2]!]!
  }
  return total
}

function parseNumber(words: string): number | undefined {
  if (/^\d+$/.test(words)) return Number(words)
  if (words === 'a' || words === 'an') return 1
  const [first, second, ...rest] = words.split(/[-\s]+/)
  if (rest.length > 0 || first === undefined) return undefined
  const ten = tens.indexOf(first)
  if (ten !== -1) {
    if (second === undefined) return (ten + 2) * 10
    const unit = small.indexOf(second)
    return unit > 0 && unit < 10 ? (ten + 2) * 10 + unit : undefined
  }
  const unit = small.indexOf(first)
  return unit !== -1 && second === undefined ? unit : undefined
}
