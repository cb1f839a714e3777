/**
 * What a speaker page says of its speaker before their turns, the one wording for the whole page and its
 * filtered pages: turns, transcripts and dates; for the unidentified voices, how many voices (never their
 * turns as voices) and why they are not one person.
 */
import { UNCOUNTED_VOICES, UNIDENTIFIED_KIND, voicesPhrase, type SpeakerKind, type VoiceCount } from '../contract/speakers.ts'
import { counted } from './browse.ts'
import { formatDate } from '../contract/dates.ts'

export interface SpeakerTotals {
  kind: SpeakerKind
  turns: number
  transcripts: number
  /** ISO dates of the first and last transcripts ('' when undated). */
  first: string
  last: string
  /** For the unidentified voices: how many voices (`unidentifiedVoices`). */
  voices?: VoiceCount
}

/** `locale`: the site's (its configuration's), for the dates. */
export function speakerSummary(totals: SpeakerTotals, locale?: string): { summary: string; about?: string } {
  const where = counted(totals.transcripts, 'transcript')
  const dates =
    totals.first && totals.last
      ? totals.first === totals.last
        ? ` on ${formatDate(totals.first, locale)}`
        : ` from ${formatDate(totals.first, locale)} to ${formatDate(totals.last, locale)}`
      : ''
  if (totals.kind !== UNIDENTIFIED_KIND) return { summary: `${counted(totals.turns, 'turn')} in ${where}${dates}.` }
  const voices = totals.voices ?? UNCOUNTED_VOICES
  const phrase = voicesPhrase(voices)
  return {
    summary: `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)} that the editors could not name, in ${where}${dates}: ${counted(totals.turns, 'turn')}.`,
    about:
      'A voice with a label of its own (such as UN in a printed key, or Unknown No. 1) is one voice however many turns it has. Turns under a ' +
      'plain “Unidentified” may be one person or several, or one of the named participants: the transcript does not say.',
  }
}
