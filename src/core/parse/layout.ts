/**
 * Paragraphs as the page printed them. The seed's transcripts part paragraphs with blank lines, and a line
 * break inside one is only a wrap. Text taken from PDFs and re-keyed editions puts each turn on a line of
 * its own with no blank line between: there a line that opens with a speaker's label starts a new
 * paragraph, and a line of page furniture (a running head, a page number, a note under a rule) stands
 * alone, so that neither is read as part of the speech around it. Not before the first turn: page one
 * carries the printed heading, not a running head, and a heading in capitals wrapped after a number
 * (`… ON MARCH 21, 1973 FROM 10:12` / `TO 11:55 A.M.`) would otherwise be cut into a "running head".
 */
import type { RawParagraph } from './source.ts'

export interface LineKinds {
  /** Whether the line opens with a speaker's label, as the house style reads labels. */
  opensTurn: (text: string) => boolean
  /** Whether the line is page furniture in the house style. */
  standsAlone: (text: string) => boolean
}

export function splitAtTurns(paragraphs: RawParagraph[], kinds: LineKinds): RawParagraph[] {
  const result: RawParagraph[] = []
  let turns = false
  // Each line's label is read once: whether it opens a turn, and (once a turn has opened) whether it stands alone.
  const read = (text: string) => {
    const opens = kinds.opensTurn(text)
    if (opens) turns = true
    return { opens, alone: turns && kinds.standsAlone(text) }
  }
  for (const paragraph of paragraphs) {
    let current = [paragraph.lines[0]!]
    let previousAlone = read(current[0]!.text).alone
    for (const line of paragraph.lines.slice(1)) {
      const { opens, alone } = read(line.text)
      if (previousAlone || alone || opens) {
        result.push({ lines: current })
        current = []
      }
      current.push(line)
      previousAlone = alone
    }
    result.push({ lines: current })
  }
  return result
}
