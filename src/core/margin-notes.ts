/**
 * Notes in the margin beside their references on wide screens, without JavaScript (issue 11, item 4): the
 * notes stay where they are in the document (the linked list at the end, which narrow screens, print and
 * screen readers read), and CSS anchor positioning (src/styles/notes.css) places each one beside the first
 * reference to it in the text. The names it needs are data attributes, read with typed `attr()` because
 * the Content-Security-Policy allows no inline styles: a reference is `--ref-N`; its note is `--note-N`,
 * placed at `--ref-N` but below the note above it (`data-after`), so that notes do not overlap.
 */
import type { Element } from 'hast'

/** Only identifiers that make a CSS name as they are; any other note stays in the list alone. */
const NAMEABLE = /^[A-Za-z0-9_-]+$/

/**
 * Marks `link` (a reference to note `identifier`, outside the notes) as the anchor of its note when it is
 * the note's first; `anchored` collects the notes so placed.
 */
export function anchorReference(link: Element, identifier: string, anchored: Set<string>): void {
  if (anchored.has(identifier) || !NAMEABLE.test(identifier)) return
  anchored.add(identifier)
  link.properties.dataAnchor = `--ref-${identifier}`
}

/**
 * Gives each note of the list with an anchored reference its place in the margin. A note goes below the
 * note whose reference comes closest before its own; that note must come earlier in the list (an anchored
 * element can only follow anchors before it), which it does unless notes are referred to out of their
 * order (a heading's note before the introduction's): such a note has only its reference to go by.
 * Returns whether every note of the list was placed: then the list has nothing left to show on a wide screen.
 */
export function placeNotes(list: Element, anchored: ReadonlySet<string>): boolean {
  const order = new Map([...anchored].map((identifier, i) => [identifier, i]))
  const placed: string[] = []
  for (const item of list.children) {
    if (item.type !== 'element' || item.properties.dataNote !== undefined) continue
    const identifier = String(item.properties.id ?? '').replace(/^fn-/, '')
    const at = order.get(identifier)
    if (at === undefined) continue
    item.properties.dataAnchor = `--note-${identifier}`
    item.properties.dataRef = `--ref-${identifier}`
    const above = placed.filter((other) => order.get(other)! < at).sort((a, b) => order.get(b)! - order.get(a)!)[0]
    if (above) item.properties.dataAfter = `--note-${above}`
    placed.push(identifier)
  }
  return placed.length === list.children.filter((item) => item.type === 'element').length
}
