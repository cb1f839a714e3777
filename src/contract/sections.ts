/**
 * From Pagefind's records back to turn-level results. A record (a whole transcript) is split into
 * sections at its headings, whose word positions Pagefind keeps as anchors and whose ids say what each
 * passage is; a search's word positions then say which sections match. No DOM here, so it is easy to test.
 */
import { hasLeadingSection, headingAnchors, parseAnchorId, voicesOf, type Anchor, type Fragment } from './search.ts'
import type { PassageKind } from './passages.ts'
import { words } from './query.ts'

export { anchorId, parseAnchorId, voicesOf, type Anchor, type Fragment } from './search.ts'

/**
 * The section holding a word position (an index into `starts`, the sections' first positions), or -1 for a
 * heading's own word (a turn's time); with `leading`, section 0 is the text before the first heading, which
 * has no heading word. One rule for the build's word tables and the page's counts.
 */
export function sectionAt(starts: readonly number[], leading: boolean, position: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (starts[mid]! <= position) low = mid
    else high = mid - 1
  }
  if (starts[low]! > position) return -1
  return !(leading && low === 0) && starts[low] === position ? -1 : low
}

/**
 * Which sections hold a match for every unit of the query (a free word, a quoted phrase): `units[u]` are
 * unit u's word positions in the record, `headings` the sections' heading positions. Words before the
 * first heading are a section of their own (a transcript's header lines); a heading's own word (a turn's
 * time) is not part of its section. No units: every section.
 */
export function matchingSections(headings: number[], units: number[][]): number[] {
  const leading = hasLeadingSection(headings)
  const starts = leading ? [0, ...headings] : headings
  const all = starts.map((_, i) => i)
  if (units.length === 0) return all
  const sectionOf = (position: number): number => sectionAt(starts, leading, position)
  let found = new Set(all)
  for (const positions of units) {
    const here = new Set(positions.map(sectionOf))
    found = new Set([...found].filter((i) => here.has(i)))
  }
  return [...found].sort((a, b) => a - b)
}

/**
 * Which free words each of Pagefind's matched positions stands for, from the word printed there. Pagefind
 * matches a word by its stem or its start ("quarantine" finds "quarantined"), so each part of the printed
 * word ("svg/onload" has two) goes to the term sharing the longest start with it, at least three letters
 * (or the whole term). Returns each term's positions, in the terms' order.
 */
export function termPositions(content: string, positions: number[], terms: string[]): number[][] {
  if (terms.length === 1) return [positions]
  const byTerm = terms.map((): number[] => [])
  const unplaced: number[] = []
  const printed = content.split(/[\r\n\s]+/g)
  const shared = (a: string, b: string) => {
    let n = 0
    while (n < a.length && n < b.length && a[n] === b[n]) n++
    return n
  }
  for (const position of positions) {
    const found = new Set<number>()
    for (const part of words(printed[position] ?? '')) {
      let best = -1
      let length = 0
      terms.forEach((term, t) => {
        const n = shared(part, term)
        if (n > length && n >= Math.min(3, term.length)) [best, length] = [t, n]
      })
      if (best >= 0) found.add(best)
    }
    for (const t of found) byTerm[t]!.push(position)
    if (found.size === 0) unplaced.push(position)
  }
  // A position no term starts like is still one Pagefind matched, by a stem the rule above misses
  // ("skies" for "sky"): it goes to the terms left without any.
  for (const positions of byTerm) if (positions.length === 0) positions.push(...unplaced)
  return byTerm
}

export interface Section {
  /** The passage's id on the transcript's page; none for the header lines. */
  id?: string
  kind: PassageKind
  /** The speaker's key and name (turns). */
  voice?: string
  speaker?: string
  /** The heading's word: a turn's time, a note's number, or `§`. */
  heading?: string
  text: string
}

/** A record's sections with their text, from Pagefind's fragment (its text, anchors and speakers). */
export function sectionsOf(fragment: { content: string; anchors: Anchor[]; filters?: Fragment['filters'] }): Section[] {
  const words = fragmentWords(fragment.content)
  const voices = voicesOf(fragment.filters ?? {})
  return sectionRanges(fragment.anchors, words.length).map(({ anchor, start, end }) => {
    const text = words.slice(start, end).join(' ')
    if (!anchor) return { kind: 'editorial', text }
    const { kind, voice, pageId } = parseAnchorId(anchor.id)
    const who = voice === undefined ? {} : { voice, speaker: voices.get(voice) ?? voice }
    return { id: pageId, kind, ...who, heading: anchor.text, text }
  })
}

/** A fragment's text as Pagefind counts its words: split on white space. */
export const fragmentWords = (content: string): string[] => content.split(/[\r\n\s]+/g)

/**
 * Where each section of a fragment lies among its `count` words (`fragmentWords`): the words before the
 * first heading, if any, are a section of their own (no anchor); each heading's section is the words
 * after it, up to the next heading. One rule for the page and the build.
 */
export function sectionRanges(anchors: Anchor[], count: number): Array<{ anchor?: Anchor; start: number; end: number }> {
  const headings = headingAnchors(anchors)
  const ranges: Array<{ anchor?: Anchor; start: number; end: number }> = []
  if (hasLeadingSection(headings.map((a) => a.location))) ranges.push({ start: 0, end: headings[0]?.location ?? count })
  headings.forEach((anchor, i) => {
    ranges.push({ anchor, start: anchor.location + 1, end: headings[i + 1]?.location ?? count })
  })
  return ranges
}

/** The heading positions of a fragment, as the table stores them. */
export function headingPositions(anchors: Anchor[]): number[] {
  return headingAnchors(anchors).map((a) => a.location)
}
