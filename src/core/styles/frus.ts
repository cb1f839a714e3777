/**
 * *Foreign Relations of the United States* telephone transcripts (Office of the Historian): a numbered
 * heading naming the participants (`173. Telephone Conversation Between President Johnson and James
 * Rowe¹`), a dateline before the first turn, bare-title labels (`President:`), `[Omitted here …]` notes.
 */
import { monthNames } from '../parse/dates.ts'
import { seed } from './seed.ts'
import type { HouseStyle } from './types.ts'

/** `January|February|…`, as FRUS capitalises them in its datelines. */
const months = monthNames.map((name) => name.charAt(0).toUpperCase() + name.slice(1)).join('|')

export const frus: HouseStyle = {
  ...seed,
  name: 'frus',
  title: 'Foreign Relations of the United States telephone transcripts',
  marks: {
    ...seed.marks,
    direction: /^(?:laugh\w*|chuckl\w*|pause\w*|sigh\w*|cough\w*|applause|crosstalk|silence|noise|interruption)\.?$/i,
    omission: /^omitted here\b/i,
  },
  furniture: { pageNumber: /^(?:-\s*)?(\d{1,4})(?:\s*-)?$/ },
  dateline: new RegExp(String.raw`^(?:[\p{L} .]{1,40}, )?(?:${months}) \d{1,2}, \d{4}\b.{0,60}$`, 'u'),
  heading: /^\d{1,4}\.\s/,
  headings: ['frus', 'dated'],
  detect: [
    { pattern: /Foreign Relations of the United States/, weight: 3 },
    { pattern: /Office of the Historian/, weight: 2 },
    { pattern: /^\d{1,4}\. (?:Telephone )?Conversation (?:Between|With)\b/m, weight: 2 },
    { pattern: /^President: /m, weight: 1 },
  ],
}
