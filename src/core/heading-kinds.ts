/**
 * The printed headings a transcript may open with instead of the seed's header, one entry per kind. A
 * new kind is a line here: the type checker then asks for its reader (parse/headings.ts) and the house
 * styles that read it name it (styles/). The JSON's `metadata.heading` is one of these names.
 */
export const headingKinds = {
  prosecutor: 'the Watergate Special Prosecution Force’s “TRANSCRIPT OF A RECORDING OF A MEETING AMONG …, ON <date>, AT <time>”',
  judiciary:
    'the House Judiciary Committee’s “TRANSCRIPT PREPARED BY THE IMPEACHMENT INQUIRY STAFF FOR THE HOUSE JUDICIARY COMMITTEE OF A RECORDING OF …”',
  submission:
    'the White House’s Submission of Recorded Presidential Conversations (1974): “MEETING: THE PRESIDENT, HALDEMAN AND DEAN, OVAL OFFICE, SEPTEMBER 15, 1972, (5:27 - 6:17 P.M.)”',
  frus: 'Foreign Relations of the United States’ numbered heading (“173. Telephone Conversation Between …”) and its dateline',
  dated: 'a plain date line (“September 15, 1972. (5:27pm - 6:17pm)”), with an optional “Meeting: <participants>, <place>” line',
} as const

export type HeadingKind = keyof typeof headingKinds

export const headingKindNames = Object.keys(headingKinds) as [HeadingKind, ...HeadingKind[]]
