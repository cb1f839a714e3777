/**
 * A transcript's conversation as the comparison of two witnesses reads it: each passage (a turn, a
 * standalone direction, an excision, an unlabelled paragraph) with its id on its page, its label and
 * printed opening time as the transcript gives them, and its tokens: the label, the words as printed, and
 * each editorial mark as one token of its own kind (so that `[Unintelligible]` on one side and nothing on
 * the other is one difference, and a mark never equals a spoken word). Tokens are read from the tree,
 * never from the raw text; timestamps, note markers and page furniture are not words and are left out.
 */
import type { Nodes } from 'mdast'
import { wordKey } from '../align/words.ts'
import { paragraphIds, passageIds } from '../ids.ts'
import { assertNever, isForeign } from '../kinds.ts'
import { toPlainText } from '../plain-text.ts'
import type { TranscriptRoot, Turn } from '../types.ts'

export type TokenKind = 'label' | 'word' | 'mark'

export interface Token {
  kind: TokenKind
  /** As printed: `Haldeman,`, `[Unintelligible]`, the label `PRESIDENT`. */
  text: string
  /** What it is compared by (./align.ts): a word's `wordKey`; the label as printed (`PRESIDENT` = `President`, never `P`); a mark's kind and words. */
  key: string
  /** Printed with no white space before it (`[unintelligible]things`). */
  glued?: boolean
}

export interface Passage {
  kind: 'turn' | 'direction' | 'excision' | 'paragraph'
  /** Its id on its transcript's page (`t-05-03`, `direction-1`, `conversation-2`). */
  id: string
  /** A turn's label as printed. */
  label?: string
  /** A turn's printed opening time, as printed (`05:03`), and its seconds: only when the transcript prints it. */
  time?: { value: string; seconds: number }
  tokens: Token[]
}

/** The conversation's passages in reading order. */
export function conversationPassages(tree: TranscriptRoot): Passage[] {
  const paragraphs = paragraphIds(tree)
  const blocks = passageIds(tree)
  const passages: Passage[] = []
  for (const child of tree.children) {
    if (child.type !== 'conversation') continue
    for (const block of child.children) {
      switch (block.type) {
        case 'turn':
          passages.push(turnPassage(block))
          break
        case 'directionBlock':
        case 'excision':
          passages.push({
            kind: block.type === 'excision' ? 'excision' : 'direction',
            id: blocks.get(block)!,
            tokens: [markToken(block.type, toPlainText([block]), false)],
          })
          break
        case 'paragraph': {
          const words = new Words()
          words.read(block)
          passages.push({ kind: 'paragraph', id: paragraphs.get(block)!, tokens: words.tokens })
          break
        }
        case 'pageBreak':
        case 'pageFurniture':
          break // not the text: a page's end, a running head
        default:
          assertNever(block)
      }
    }
  }
  return passages
}

function turnPassage(turn: Turn): Passage {
  const words = new Words()
  words.tokens.push({ kind: 'label', text: turn.label, key: `\u0000label:${wordKey(turn.label)}` })
  for (const child of turn.children) {
    words.gap()
    if (child.type === 'paragraph') words.read(child)
  }
  return {
    kind: 'turn',
    id: turn.id,
    label: turn.label,
    ...(turn.openingStamp ? { time: { value: turn.openingStamp.value, seconds: turn.openingStamp.seconds } } : {}),
    tokens: words.tokens,
  }
}

function markToken(kind: string, text: string, glued: boolean): Token {
  return { kind: 'mark', text, key: `\u0000${kind}:${wordKey(text)}`, ...(glued ? { glued: true } : {}) }
}

/** Tokens of inline content, a word at a time, a mark whole; knows whether white space came before each. */
class Words {
  tokens: Token[] = []
  private word = ''
  private wordGlued = false
  private space = true

  read(node: Nodes): void {
    switch (node.type) {
      case 'text':
        for (const part of node.value.split(/(\s+)/u)) {
          if (part === '') continue
          if (/^\s/u.test(part)) this.gap()
          else {
            if (this.word === '') this.wordGlued = !this.space && this.tokens.length > 0
            this.word += part
            this.space = false
          }
        }
        return
      case 'unclear':
      case 'supplied':
      case 'direction':
      case 'omission':
        this.flush()
        this.tokens.push(markToken(node.type, toPlainText([node]), !this.space && this.tokens.length > 0))
        this.space = false
        return
      case 'pageBreak':
        this.gap()
        return
      case 'timestamp':
      case 'footnoteReference':
      case 'pageFurniture':
        return // not words: a printed time, a note's marker, a running head
      case 'root':
      case 'header':
      case 'headerField':
      case 'section':
      case 'heading':
      case 'conversation':
      case 'turn':
      case 'excision':
      case 'directionBlock':
      case 'paragraph':
      case 'footnoteDefinition':
      case 'emphasis':
        for (const child of node.children) this.read(child as Nodes)
        this.flush()
        return
      default:
        if (!isForeign(node)) assertNever(node)
        if ('children' in node) for (const child of node.children) this.read(child as Nodes)
    }
  }

  /** White space: the word so far is whole. */
  gap(): void {
    this.flush()
    this.space = true
  }

  private flush(): void {
    if (this.word === '') return
    this.tokens.push({ kind: 'word', text: this.word, key: wordKey(this.word), ...(this.wordGlued ? { glued: true } : {}) })
    this.word = ''
  }
}
