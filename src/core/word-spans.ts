/**
 * The page's words with their times (issue 26, part 3): each word of a turn that an aligner placed
 * (`Turn.words`, ./alignment/) is a `<span class="w">` holding exactly its printed letters, its start and
 * end on the tape in `data-s`/`data-e`, so that the page's player can mark the word being heard and seek to
 * a word (src/browser/reader/words.ts). Everything between the words (spaces, punctuation, line ends) stays
 * plain text, so copying a passage gives exactly its words. A word with no time (skipped by the aligner)
 * and the editors' marks are left as they were: a page never shows a time the alignment does not give.
 * A transcript without an alignment renders exactly as before.
 */
import type { ElementContent } from 'hast'
import { h } from 'hastscript'
import type { Text } from 'mdast'
import { defaultHandlers, type Handler, type State } from 'mdast-util-to-hast'
import { textPieces } from './alignment/words.ts'
import type { SpokenWord, TranscriptRoot } from './types.ts'
import { eachOfType } from './walk.ts'

/** The class of a timed word, and of one below the site's confidence (the CSS and the page's script read both). */
export const WORD_CLASS = 'w'
export const UNSURE_CLASS = 'unsure'

/**
 * The `text` handler for a transcript: the text of a turn with timed words in pieces, each timed word a
 * span; any other text as mdast-util-to-hast writes it. `confidence`: the site's threshold (its
 * configuration's `alignment.confidence`), below which a word's score marks it unsure; none, no word is.
 */
export function wordTextHandler(tree: TranscriptRoot, confidence?: number): Handler {
  /** Each text node of a turn with timed words, and that turn's words. */
  const owner = new Map<Text, readonly SpokenWord[]>()
  eachOfType(tree, 'turn', (turn) => {
    const words = turn.words
    if (words?.some((word) => word.start !== undefined)) eachOfType(turn, 'text', (text) => void owner.set(text, words))
  })
  return (state: State, node: Text) => {
    const words = owner.get(node)
    if (!words) return defaultHandlers.text(state, node)
    // `textPieces` puts each word before the text that starts with it (where an export writes its time).
    const out: ElementContent[] = []
    let word: SpokenWord | undefined
    for (const piece of textPieces(node, words)) {
      if (typeof piece !== 'string') {
        word = piece
        continue
      }
      const own = word?.value.length ?? 0
      if (word) out.push(wordSpan(word, piece.slice(0, own), confidence))
      // Between the words: the same text mdast-util-to-hast writes (its line ends trimmed, as for any text).
      if (piece.length > own) out.push(defaultHandlers.text(state, { type: 'text', value: piece.slice(own) }) as ElementContent)
      word = undefined
    }
    return out
  }
}

/** `text`: the word as the text node prints it (the same letters as `word.value`). */
function wordSpan(word: SpokenWord, text: string, confidence: number | undefined): ElementContent {
  if (word.start === undefined || word.end === undefined) return { type: 'text', value: text }
  const unsure = confidence !== undefined && word.score !== undefined && word.score < confidence
  return h(
    `span.${WORD_CLASS}${unsure ? `.${UNSURE_CLASS}` : ''}`,
    { dataS: seconds(word.start), dataE: seconds(word.end) },
    text,
  )
}

/** Seconds to the millisecond, as aligners give them: `2.25`, `13.406`. */
function seconds(value: number): string {
  return String(Math.round(value * 1000) / 1000)
}
