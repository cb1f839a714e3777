/**
 * Transcripts made for the Watergate Special Prosecution Force (Nixon Library, `wspf/…`): labels in
 * capitals (`HALDEMAN:`, once `HALDEMAN;`) or a printed key's letters (`P:` with `P = President` or
 * `N President` in the introduction, as in the White House's 1974 *Submission of Recorded Presidential
 * Conversations*: parse/speaker-key.ts), transcribers' notes in parentheses (`(unintelligible)`, `(Pause)`, `(Privileged Material
 * Deleted)`), and the typed pages' running heads (`APRIL 17, 1973 FROM 9:47 TO 9:59 A.M.2`) and page
 * numbers between paragraphs.
 */
import { frus } from './frus.ts'
import { seed } from './seed.ts'
import type { HouseStyle } from './types.ts'

export const watergate: HouseStyle = {
  ...seed,
  name: 'watergate',
  title: 'Watergate Special Prosecution Force transcripts',
  labels: {
    separators: [{ char: ':' }, { char: ';', capitalsOnly: true, slip: true }],
    // The Submission's headings open like a label (`MEETING: THE PRESIDENT, HALDEMAN AND DEAN, …`): the seed's list.
    never: seed.labels.never,
  },
  marks: {
    delimiters: [
      { open: '[', close: ']', otherwise: 'supplied', reportUnpaired: true },
      // What the transcribers wrote in parentheses is one of three things, decided here once: unclear speech
      // (`(unintelligible)`), material withheld (`(Privileged Material Deleted)`), a note on a sound or an
      // action (`(Laughter)`, `(Door closes)`, `(15 Second Pause)`, `(clears throat)`: the vocabulary below),
      // or else words they were unsure they heard (`(she's off to)`): an uncertain hearing, never a direction.
      { open: '(', close: ')', otherwise: 'unclear', reportUnpaired: false },
    ],
    // Run together at old line ends as often as not: `(unintelligiblepassage.)`, `(unintelligible/REMOVED)`.
    unclear: /^(?:unclear|inaudible|unintelligible|indistinct|garbled)/i,
    direction: new RegExp(
      [
        seed.marks.direction.source,
        // Run together or not (`Doorcloses`), at the start: a sound, an action, a pause of some seconds.
        String.raw`^(?:\d+\s*-?\s*seconds?\s+)?(?:pause\w*|laugh\w*|door\w*|knock\w*|(?:tele)?phone\b|buzz\w*|clears?\s*(?:his\s+)?throat|background\b|noise\b|tape\b|static\b|footsteps\b|rustl\w*|tapping\b|writing\b|silence\b|cough\w*|sigh\w*|whistl\w*|crosstalk\b|voices?\b)`,
        // Or a sentence about someone: `(President and Haldeman laugh)`, `(Woods enters)`.
        String.raw`\b(?:laugh(?:s|ing|ter)?|enters|leaves|exits|coughs|sighs)\.?$`,
      ].join('|'),
      'i',
    ),
    omission: /\b(?:deleted|withheld|omitted)\)?\.?$/i,
  },
  furniture: {
    // A line without lower-case letters that ends (or starts) with the page number.
    runningHead: /^(?=[^\p{Ll}]*$)(?=.*\p{Lu}{3})(?:(\d{1,4})\s+\S.*|.*\D(\d{1,4}))$/u,
    // `-2-`, and `--3-` as the PDF's text gives some of them.
    pageNumber: /^(?:-+\s*)?(\d{1,4})(?:\s*-+)?$/,
    // The House Judiciary Committee's pages print a note below a rule: `_____*The quotation marks used …`.
    note: /^_{5,}\s*\S/,
  },
  headings: ['prosecutor', 'judiciary', 'submission', 'dated'],
  dateline: frus.dateline,
  heading: /^(?:TRANSCRIPT OF\b|MEETING:|TELEPHONE CONVERSATION:)/i,
  // `P = President`, `H - Haldeman`, `N President`, `UNK = Unknown`: capitals, a separator, a capitalised name.
  speakerKey: /^(?<code>\p{Lu}{1,5})(?:\s*[=\u2013\u2014]\s*|\s+-\s+|\s+)(?<name>\p{Lu}.{0,80})$/u,
  detect: [
    { pattern: /Watergate Special Prosecution Force/i, weight: 3 },
    // The House Judiciary Committee's transcripts of the same tapes, printed the same way (glued words and all).
    { pattern: /^TRANSCRIPT\s*PREPARED\s*BY\s*THE\s*IMPEACHMENT\s*INQUIRY\s*STAFF/im, weight: 3 },
    { pattern: /Submission of Recorded Presidential Conversations/i, weight: 3 },
    { pattern: /^(?:MEETING|TELEPHONE CONVERSATION): THE PRESIDENT\b/m, weight: 2 },
    { pattern: /^TRANSCRIPT\s*OF\s*(?:A\s*)?(?:RECORDING\s*OF\s*(?:A\s*)?)?(?:MEETING|CONVERSATION|TELEPHONE)/m, weight: 2 },
    { pattern: /\((?:Privileged |Expletive |Characterization )?Material[^)]{0,60}Deleted\)/i, weight: 2 },
    { pattern: /\((?:unintelligible|inaudible)/i, weight: 1 },
    { pattern: /^\p{Lu}{2,}[:;] /mu, weight: 1 },
  ],
}
