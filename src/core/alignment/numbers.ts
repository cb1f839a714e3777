/**
 * How a number printed in digits may be said: aligners write what they heard (`fifteen`, `nineteen sixty
 * two`) where the transcript prints `15` and `1962`, and Gentle or WhisperX may also write the digits.
 * Each form is a key (./map.ts compares keys joined together, so `nineteen sixty-two` in one word or
 * three is the same). English only, as the house styles are.
 */

const ones = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
]
const tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']
const ordinalOf: Record<string, string> = {
  one: 'first',
  two: 'second',
  three: 'third',
  five: 'fifth',
  eight: 'eighth',
  nine: 'ninth',
  twelve: 'twelfth',
}

/** Below 100: `sixty two`. */
function small(n: number): string[] {
  if (n < 20) return [ones[n]!]
  return n % 10 === 0 ? [tens[(n / 10) | 0]!] : [tens[(n / 10) | 0]!, ones[n % 10]!]
}

/** A whole number as words, up to the billions: `one thousand nine hundred sixty two`. */
export function cardinal(n: number): string[] {
  if (n < 100) return small(n)
  if (n < 1000) return [ones[(n / 100) | 0]!, 'hundred', ...(n % 100 ? small(n % 100) : [])]
  for (const [size, name] of [
    [1e9, 'billion'],
    [1e6, 'million'],
    [1e3, 'thousand'],
  ] as const) {
    if (n >= size) {
      const rest = n % size
      return [...cardinal(Math.floor(n / size)), name, ...(rest ? cardinal(rest) : [])]
    }
  }
  return []
}

/** A year as said: `1962` → `nineteen sixty two`, `1900` → `nineteen hundred`, `1905` → `nineteen oh five`. */
function year(n: number): string[] {
  const high = Math.floor(n / 100)
  const low = n % 100
  if (low === 0) return [...small(high), 'hundred']
  return [...small(high), ...(low < 10 ? ['oh', ones[low]!] : small(low))]
}

function ordinal(words: string[]): string[] {
  const last = words.at(-1)!
  const said = ordinalOf[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`)
  return [...words.slice(0, -1), said]
}

/**
 * The keys a word may be said as, when it is a number in digits (`15`, `1,000`, `1962`, `15th`, `3.5`):
 * each form's words joined (`fifteen`, `nineteensixtytwo`); undefined for any other word.
 */
export function numberForms(word: string): string[] | undefined {
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(st|nd|rd|th|s)?$/i.exec(word)
  if (!match || match[0].length > 15) return undefined
  const value = Number(match[1]!.replaceAll(',', ''))
  const suffix = match[3]?.toLowerCase()
  const forms: string[][] = []
  if (!match[1]!.includes(',') && value >= 1100 && value <= 2099 && !match[2]) forms.push(year(value))
  forms.push(cardinal(value))
  if (match[1]!.length === 2 && match[1]!.startsWith('0')) forms.unshift(['oh', ones[value]!])
  const said = forms.map((form) => {
    if (match[2]) return [...form, 'point', ...[...match[2]!].map((digit) => ones[Number(digit)]!)]
    if (suffix === 's') return [...form.slice(0, -1), `${form.at(-1)!.replace(/y$/, 'ie')}s`] // the 1960s, the 20s
    if (suffix) return ordinal(form)
    return form
  })
  return [...new Set([...said.map((form) => form.join('')), word.toLowerCase().replace(/[^\da-z]/g, '')])]
}
