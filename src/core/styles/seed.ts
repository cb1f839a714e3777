/**
 * The seed's series: draft transcripts of the Presidential Recordings (`content/transcripts/`). Full-name
 * and surname labels with a colon, square-bracketed marks, `Seven seconds excised …` notes. The default.
 */
import type { HouseStyle } from './types.ts'

export const seed: HouseStyle = {
  name: 'seed',
  title: 'Presidential Recordings draft transcripts (the default)',
  // `Meeting: President Nixon, HR Haldeman and John Dean, Oval Office` and the Submission's `TELEPHONE
  // CONVERSATION: The President and Dean, …` open a heading, never a turn.
  labels: {
    separators: [{ char: ':' }],
    never:
      /^(?:NOTE|Note|Source|SOURCE|MEETING|Meeting|TELEPHONE CONVERSATION|Telephone Conversation|Telephone conversation|CONVERSATION|Conversation)$/,
  },
  marks: {
    delimiters: [{ open: '[', close: ']', otherwise: 'supplied', reportUnpaired: true }],
    unclear: /^(?:unclear|inaudible|unintelligible|indistinct|garbled)\b\.?\s*(?::\s*(?<conjecture>.*))?$/i,
    direction:
      /^(?:laugh\w*|chuckl\w*|pause\w*|sigh\w*|cough\w*|whisper\w*|applause|crosstalk|silence|noise|interruption|overlapping voices?|telephone rings?|tape (?:ends|resumes|interrupted))\.?$/i,
  },
  furniture: {},
  headings: ['dated', 'submission'],
  detect: [
    { pattern: /Presidential Recordings/, weight: 3 },
    { pattern: /excised as classified information/, weight: 2 },
  ],
}
