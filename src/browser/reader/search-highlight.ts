/**
 * Marks the words of `?highlight=…` in the turn (or note, or paragraph) the URL's fragment names, or in
 * the whole transcript when there is none. A phrase may run across marks and links (`[IL-]28s`), so
 * matches are found in the element's joined text and each piece is wrapped where it falls. When a marked
 * word has its moment on the tape (an aligner timed it), the player is moved there, not played.
 */
import { foundTime, fragment } from './turns.ts'
import { highlightRanges, parseQuery } from '../../contract/query.ts'

/** Text the reader does not see as the passage's words: screen-reader hints, note markers, timestamps. */
const SKIP = '.sr-only, sup, a.timestamp, .speaker, .turn-link, [data-footnote-backref]'

function highlight(): void {
  const q = new URLSearchParams(location.search).get('highlight') ?? ''
  const query = parseQuery(q)
  const id = fragment()
  const scope = (id && document.getElementById(id)) || document.querySelector('article.transcript')
  if (query.phrases.length + query.terms.length === 0 || !scope) return

  const nodes: Text[] = []
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  })
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)
  const starts: number[] = []
  let text = ''
  for (const node of nodes) {
    starts.push(text.length)
    text += node.data
  }

  // Wrap from the last match backwards, so earlier offsets stay valid while nodes are split.
  const matches = highlightRanges(text, query).reverse()
  for (const [from, to] of matches) {
    for (let i = nodes.length - 1; i >= 0; i--) {
      const node = nodes[i]!
      const start = starts[i]!
      const end = start + node.data.length
      if (end <= from || start >= to) continue
      const range = document.createRange()
      range.setStart(node, Math.max(from, start) - start)
      range.setEnd(node, Math.min(to, end) - start)
      const mark = document.createElement('mark')
      mark.className = 'search-hit'
      range.surroundContents(mark)
    }
  }
  document.documentElement.dataset.highlighted = String(matches.length)
  // A result lands on the word's moment too: the player (./audio.ts), if it is there, goes to it (it
  // reads `foundTime` itself when it starts after this).
  const seconds = foundTime()
  if (seconds !== null) document.dispatchEvent(new CustomEvent('reader:time', { detail: seconds }))
}

highlight()
