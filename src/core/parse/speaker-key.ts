/**
 * A printed key of the speakers, in the introduction before the first turn: the letters a transcript's
 * turns are labelled with and whom each stands for. The White House's 1974 *Submission of Recorded
 * Presidential Conversations* and the Watergate Special Prosecution Force's transcripts print one a line
 * (`P = President`, `H   Haldeman`, `UN = Unidentified`), or several on a line (`P = President, H =
 * Haldeman, D = Dean`). What one entry looks like is the house style's (`HouseStyle.speakerKey`); here the
 * entries are found, with their places, so the tree keeps the key as printed and the speakers are named
 * from it (speakers.ts). A key says nothing the label does not: `P:` stays `P` in every turn.
 */
import type { SpeakerKeyEntry } from '../types.ts'
import type { Locator } from './source.ts'
import type { FlowItem } from './flow.ts'

/** Where several entries share a line: a comma or semicolon before the next `CODE =`. */
const between = /[,;]\s*(?=\p{Lu}{1,5}\s*=)/gu

/** Every entry of the key in `items` (the paragraphs before the first turn), the first for each code. */
export function readSpeakerKey(items: readonly FlowItem[], pattern: RegExp | undefined, locator: Locator): SpeakerKeyEntry[] {
  if (!pattern) return []
  const entries: SpeakerKeyEntry[] = []
  const codes = new Set<string>()
  for (const item of items) {
    if (item.kind !== 'paragraph') continue
    for (const line of item.parts.flat()) {
      for (const piece of pieces(line.text)) {
        const match = pattern.exec(piece.text)
        const code = match?.groups?.code
        const printed = match?.groups?.name?.trim()
        if (!code || !printed || codes.has(code)) continue
        // What the key says in parentheses (`(either E or K)`) is a note on the name, not part of it.
        const note = /\s*\(([^)]*)\)\s*$/.exec(printed)
        const name = (note ? printed.slice(0, note.index) : printed).trim().replace(/[.,;]$/, '')
        if (!name) continue
        codes.add(code)
        const start = line.start + piece.offset
        const entry: SpeakerKeyEntry = { code, name, position: locator.position(start, start + piece.text.length) }
        if (note?.[1]) entry.note = note[1]
        entries.push(entry)
      }
    }
  }
  return entries
}

/** A line cut into its entries, each with its offset in the line. */
function pieces(text: string): Array<{ text: string; offset: number }> {
  const found: Array<{ text: string; offset: number }> = []
  let from = 0
  for (const match of text.matchAll(between)) {
    found.push({ text: text.slice(from, match.index), offset: from })
    from = match.index + match[0].length
  }
  found.push({ text: text.slice(from), offset: from })
  return found.map((piece) => {
    const lead = piece.text.length - piece.text.trimStart().length
    return { text: piece.text.trim(), offset: piece.offset + lead }
  })
}
