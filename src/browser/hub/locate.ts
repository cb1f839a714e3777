/**
 * From a result of the merged Pagefind search (a record's page id and its matched word positions) to
 * passages on a shard's pages, with the shard's own tables: its record list says which transcript each
 * position falls in and where that transcript starts; the transcript's passages (the search's Fragment)
 * say which turn, note or paragraph holds the word. Pagefind's own fragment, which in a large shard holds
 * twenty whole transcripts, is never loaded. No DOM here, so it is tested without a browser.
 */
import { headingAnchors, parseAnchorId, voicesOf, type Fragment, type RecordTranscripts } from '../../contract/search.ts'
import type { PassagePlace } from '../../contract/passages.ts'
import { fragmentWords } from '../../contract/sections.ts'
import { EXCERPT_WORDS, excerptSpan, type Excerpt } from '../search/result.ts'

/** A record's matched positions split by transcript, each made relative to the transcript's start. */
export function positionsByTranscript(record: RecordTranscripts, words: number[]): Array<{ name: string; positions: number[] }> {
  const out = new Map<string, number[]>()
  for (const word of [...words].sort((a, b) => a - b)) {
    let at = -1
    for (let i = 0; i < record.length; i++) if (record[i]![1] <= word) at = i
    if (at === -1) continue
    const [name, start] = record[at]!
    const list = out.get(name) ?? []
    list.push(word - start)
    out.set(name, list)
  }
  return [...out].map(([name, positions]) => ({ name, positions }))
}

/**
 * A passage holding a match (`pageId` none for the header lines, which open the page; `speaker` as the
 * speaker facet names them; `heading` the turn's time as shown or the note's number), named to the
 * reader by contract/passages.ts, with its excerpt: words around the first match, the matched ones marked.
 */
export interface HubPassage extends PassagePlace {
  heading: string
  excerpt: Excerpt['parts']
  cutBefore: boolean
  cutAfter: boolean
}

/**
 * The passages of one transcript holding `positions` (relative to its start), in page order, at most
 * `limit` of them; each with an excerpt of about `size` words.
 */
export function passagesAt(passages: Fragment, positions: number[], limit = 3, size = EXCERPT_WORDS): HubPassage[] {
  const words = fragmentWords(passages.content)
  const headings = headingAnchors(passages.anchors)
  const voices = voicesOf(passages.filters)
  const bySection = new Map<number, number[]>()
  for (const position of positions) {
    let section = -1
    for (let i = 0; i < headings.length; i++) if (headings[i]!.location <= position) section = i
    // The heading's own word (a time, a note's number) is no passage's text.
    if (section !== -1 && headings[section]!.location === position) continue
    const list = bySection.get(section) ?? []
    list.push(position)
    bySection.set(section, list)
  }
  return [...bySection]
    .sort(([a], [b]) => a - b)
    .slice(0, limit)
    .map(([section, marks]) => {
      const heading = headings[section]
      const start = heading ? heading.location + 1 : 0
      const end = headings[section + 1]?.location ?? words.length
      const span = excerptSpan(end - start, marks[0]! - start, size)
      const [from, to] = [start + span.from, start + span.to]
      const marked = new Set(marks)
      const excerpt: HubPassage['excerpt'] = []
      let plain = ''
      const flush = () => {
        if (plain !== '') excerpt.push({ text: plain, mark: false })
        plain = ''
      }
      for (let i = from; i < to; i++) {
        if (i > from) plain += ' '
        if (marked.has(i)) {
          flush()
          excerpt.push({ text: words[i]!, mark: true })
        } else plain += words[i]
      }
      flush()
      const anchor = heading ? parseAnchorId(heading.id) : undefined
      const voice = anchor?.voice
      const name = voice === undefined ? undefined : voices.get(voice)
      return {
        pageId: anchor?.pageId,
        kind: anchor?.kind ?? 'editorial',
        speaker: anchor?.kind === 'turn' ? (name ?? '') : undefined,
        heading: heading?.text ?? '',
        excerpt,
        cutBefore: from > start,
        cutAfter: to < end,
      }
    })
}
