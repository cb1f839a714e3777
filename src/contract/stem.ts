/**
 * The word a search takes a word for: Snowball's English stemmer (Porter2), as Pagefind's index applies it
 * to every word it indexes (the site is indexed as English: `forceLanguage: 'en'`) and to every word it is
 * asked for. The page stems a query word no transcript prints (`Kennedys`, which Pagefind files under
 * `kennedi` with `Kennedy`), and the highlighter marks a printed word whose stem starts with the query's:
 * one rule for the index, the query and the marks. tests/unit/search-stem.test.ts checks it against the
 * stems Pagefind wrote for every word of the test collections.
 */

const VOWELS = new Set('aeiouy')
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.has(c)
const DOUBLES = new Set(['bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt'])
const VALID_LI = new Set('cdeghkmnrt')

/** Whole words with a stem of their own, and words left as they are. */
const EXCEPTIONS: Record<string, string> = {
  skies: 'sky',
  idly: 'idl',
  gently: 'gentl',
  ugly: 'ugli',
  early: 'earli',
  only: 'onli',
  singly: 'singl',
  sky: 'sky',
  news: 'news',
  howe: 'howe',
  atlas: 'atlas',
  cosmos: 'cosmos',
  bias: 'bias',
  andes: 'andes',
}
/** Words that keep -eed, and words that keep -ing, when it follows them alone. */
const KEEP_EED = new Set(['succ', 'proc', 'exc'])
const KEEP_ING = new Set(['even', 'cann', 'inn', 'earr', 'herr', 'out'])

/** Where R1 and R2 start: after the first non-vowel that follows a vowel (R1 after a few prefixes as a whole). */
function regions(w: string): [number, number] {
  const after = (from: number) => {
    for (let i = from + 1; i < w.length; i++) if (!isVowel(w[i]) && isVowel(w[i - 1])) return i + 1
    return w.length
  }
  const prefix = ['arsen', 'commun', 'emerg', 'gener', 'later', 'organ', 'past', 'univers'].find((p) => w.startsWith(p))
  const r1 = prefix ? prefix.length : after(0)
  return [r1, after(r1)]
}

/** A short syllable ending at `end` (exclusive), or `past`. */
function shortSyllable(w: string, end: number): boolean {
  const [a, b, c] = [w[end - 3], w[end - 2], w[end - 1]]
  if (end === 2 && isVowel(b) && !isVowel(c)) return true
  if (end >= 3 && !isVowel(a) && isVowel(b) && !isVowel(c) && c !== 'w' && c !== 'x' && c !== 'Y') return true
  return w.slice(0, end).endsWith('past')
}

/** The longest of `suffixes` that `w` ends with. */
const longest = (w: string, suffixes: readonly string[]) =>
  suffixes.reduce<string | undefined>((best, s) => (w.endsWith(s) && s.length > (best?.length ?? 0) ? s : best), undefined)

const STEP2: Array<[string, string]> = [
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['abli', 'able'],
  ['entli', 'ent'],
  ['izer', 'ize'],
  ['ization', 'ize'],
  ['ational', 'ate'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['aliti', 'al'],
  ['alli', 'al'],
  ['fulness', 'ful'],
  ['ousli', 'ous'],
  ['ousness', 'ous'],
  ['iveness', 'ive'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['bli', 'ble'],
  ['ogi', 'og'],
  ['ogist', 'og'],
  ['fulli', 'ful'],
  ['lessli', 'less'],
  ['li', ''],
]
const STEP2_MAP = new Map(STEP2)
const STEP3 = new Map([
  ['tional', 'tion'],
  ['ational', 'ate'],
  ['alize', 'al'],
  ['icate', 'ic'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
  ['ative', ''],
])
const STEP4 = [
  'al',
  'ance',
  'ence',
  'er',
  'ic',
  'able',
  'ible',
  'ant',
  'ement',
  'ment',
  'ent',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
  'ion',
]

/** A lower-case word's stem, as Snowball's English stemmer gives it. */
export function stem(word: string): string {
  if (Object.hasOwn(EXCEPTIONS, word)) return EXCEPTIONS[word]!
  if (word.length < 3) return word
  // Prelude: an opening apostrophe goes; a y that starts the word or follows a vowel is a consonant (Y).
  let w = word.startsWith("'") ? word.slice(1) : word
  w = [...w].map((c, i, all) => (c === 'y' && (i === 0 || isVowel(all[i - 1])) ? 'Y' : c)).join('')
  const [r1, r2] = regions(w)
  const inR1 = (suffix: string) => w.length - suffix.length >= r1
  const inR2 = (suffix: string) => w.length - suffix.length >= r2
  const cut = (n: number) => (w = w.slice(0, w.length - n))

  // Step 0: possessives.
  const apostrophe = longest(w, ["'", "'s", "'s'"])
  if (apostrophe) cut(apostrophe.length)
  // Step 1a: plurals.
  const plural = longest(w, ['sses', 'ied', 'ies', 's', 'us', 'ss'])
  if (plural === 'sses') cut(2)
  else if (plural === 'ied' || plural === 'ies') w = w.slice(0, -3) + (w.length > 4 ? 'i' : 'ie')
  else if (plural === 's' && [...w.slice(0, -2)].some(isVowel)) cut(1)
  // Step 1b: -ed, -ing.
  const past = longest(w, ['eed', 'eedly', 'ed', 'edly', 'ing', 'ingly'])
  const before = past ? w.slice(0, -past.length) : ''
  if (past === 'eed' || past === 'eedly') {
    if (!KEEP_EED.has(before) && inR1(past)) w = `${before}ee`
  } else if (past === 'ing' && /^[^aeiouy]y$/.test(before)) w = `${before[0]}ie`
  else if (past === 'ing' && KEEP_ING.has(before)) {
    // `evening`, `inning`: a word, not a verb's -ing.
  } else if (past && [...before].some(isVowel)) {
    w = before
    if (['at', 'bl', 'iz'].some((s) => w.endsWith(s))) w += 'e'
    else if (DOUBLES.has(w.slice(-2))) {
      if (!(w.length === 3 && 'aeo'.includes(w[0]!))) cut(1)
    } else if (r1 === w.length && shortSyllable(w, w.length)) w += 'e'
  }
  // Step 1c: a final y after a consonant (not the first letter) becomes i.
  if (w.length > 2 && (w.endsWith('y') || w.endsWith('Y')) && !isVowel(w[w.length - 2])) w = `${w.slice(0, -1)}i`
  // Step 2.
  const two = longest(w, [...STEP2_MAP.keys()])
  if (two && inR1(two)) {
    if (two === 'ogi') {
      if (w[w.length - 4] === 'l') w = `${w.slice(0, -3)}og`
    } else if (two === 'li') {
      if (VALID_LI.has(w[w.length - 3] ?? '')) cut(2)
    } else w = w.slice(0, -two.length) + STEP2_MAP.get(two)!
  }
  // Step 3.
  const three = longest(w, [...STEP3.keys()])
  if (three && inR1(three) && (three !== 'ative' || inR2(three))) w = w.slice(0, -three.length) + STEP3.get(three)!
  // Step 4.
  const four = longest(w, STEP4)
  if (four && inR2(four)) {
    if (four !== 'ion') cut(four.length)
    else if (w[w.length - 4] === 's' || w[w.length - 4] === 't') cut(3)
  }
  // Step 5.
  if (w.endsWith('e')) {
    if (inR2('e') || (inR1('e') && !shortSyllable(w, w.length - 1))) cut(1)
  } else if (w.endsWith('ll') && inR2('l')) cut(1)
  return w.replaceAll('Y', 'y')
}
