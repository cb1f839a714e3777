/**
 * Paragraphs as the page printed them. The seed's transcripts part paragraphs with blank lines, and a line
 * break inside one is only a wrap. Text taken from PDFs and re-keyed editions puts each turn on a line of
 * its own with no blank line between: there a line that opens with a speaker's label starts a new
 * paragraph, and a line of page furniture (a running head, a page number, a note under a rule) stands
 * alone, so that neither is read as part of the speech around it.
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
  for (const paragraph of paragraphs) {
    let current = [paragraph.lines[0]!]
    let alone = kinds.standsAlone(current[0]!.text)
    for (const line of paragraph.lines.slice(1)) {
      const standsAlone = kinds.standsAlone(line.text)
      if (alone || standsAlone || kinds.opensTurn(line.text)) {
        result.push({ lines: current })
        current = []
      }
      current.push(line)
      alone = standsAlone
    }
    result.push({ lines: current })
  }
  return result
}
