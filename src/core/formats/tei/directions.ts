/**
 * Which TEI element an editor's stage direction becomes (Guidelines 8.3.3): `vocal` for sounds a
 * speaker makes that are not words (laughter, a cough), `kinesic` for gestures, `incident` for anything
 * else that happens (a door, a telephone, someone entering, a direction such as "to the President").
 */
const vocal =
  /\b(laugh|chuckl|cough|sigh|groan|gasp|whisper|mutter|mumbl|murmur|clears? (his |her )?throat|sneez|yawn|whistl|shout|hum(s|ming)?\b|crying|sobs?\b|inaudible|exclaim)/i
const kinesic =
  /\b(nod|gestur|point(s|ing)\b|shrug|wav(es|ing)\b|shak(es|ing) (his|her) head|smil|frown|grin|wink|pound|tap(s|ping)\b|bang|claps?\b|clapping)/i

export type DirectionElement = 'vocal' | 'kinesic' | 'incident'

export function directionElement(text: string): DirectionElement {
  if (vocal.test(text)) return 'vocal'
  if (kinesic.test(text)) return 'kinesic'
  return 'incident'
}
