/**
 * Times, written once: printed tape times (`mm:ss` and, on longer tapes, `h:mm:ss`), read from a
 * transcript and shown to readers; the times a link asks for (`#t=06:00`, `?t=360`); media fragments into
 * a recording (`#t=348`); and WebVTT's cue times. No imports: the core, build code and browser scripts
 * all read this module.
 */

export interface ParsedTime {
  seconds: number
  /** False when a minutes or seconds field is above 59 (`75:99`): still read, but suspect. */
  inRange: boolean
}

const pattern = /^(?:(\d{1,2}):)?(\d{1,3}):(\d{2})$/

/** Reads a label such as `03:01` or `1:02:03`; undefined when it is not a time. */
export function parseTime(label: string): ParsedTime | undefined {
  const match = pattern.exec(label)
  if (!match) return undefined
  const hours = match[1] === undefined ? 0 : Number(match[1])
  const minutes = Number(match[2])
  const seconds = Number(match[3])
  const minutesInRange = match[1] === undefined ? match[2]!.length <= 2 : minutes < 60
  return {
    seconds: hours * 3600 + minutes * 60 + seconds,
    inRange: seconds < 60 && minutesInRange,
  }
}

/** `t-` ids use the label with `-` for `:`: `03:01` → `03-01`. */
export function timeSlug(label: string): string {
  return label.replaceAll(':', '-')
}

/** `362` → `06:02`; `3723` → `1:02:03`. */
export function formatTime(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds))
  const h = Math.floor(whole / 3600)
  const m = Math.floor((whole % 3600) / 60)
  const s = whole % 60
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`
  return h > 0 ? `${h}:${mmss}` : mmss
}

/** The mark before an estimated time. */
export const ESTIMATED_MARK = '≈'

/** A turn's time as readers see it: `≈06:02` when estimated, `05:03` when printed. */
export function shownTime(seconds: number, estimated: boolean): string {
  return `${estimated ? ESTIMATED_MARK : ''}${formatTime(seconds)}`
}

/** A time and whether it is estimated: what `shownTime` writes. */
export interface ShownTime {
  seconds: number
  estimated: boolean
}

/**
 * `shownTime` read back (`≈03:48` → 228 s, estimated), for data that carries a time as the word readers
 * see (a search record's turn heading); undefined when the text is no such time.
 */
export function readShownTime(text: string): ShownTime | undefined {
  const estimated = text.startsWith(ESTIMATED_MARK)
  const time = parseTime(estimated ? text.slice(ESTIMATED_MARK.length) : text)
  return time && { seconds: time.seconds, estimated }
}

/** The same time in words, for a label read aloud or a citation: `about 06:02`, `05:03`. */
export function spokenTime(seconds: number, estimated: boolean): string {
  return `${estimated ? 'about ' : ''}${formatTime(seconds)}`
}

/**
 * A time a reader asks for in a link or the jump field, more loosely written than a printed one: `06:00`,
 * `360` (seconds), `1:02:03`, with spaces around, its seconds with a fraction where a word's time needs one
 * (`00:02.25`, `momentTime`); undefined when it is not a time.
 */
export function parseAskedTime(value: string): number | undefined {
  const match = /^\s*(?:(\d+):)?(?:(\d+):)?(\d+(?:\.\d+)?)\s*$/.exec(value)
  if (!match) return undefined
  const parts = [match[1], match[2], match[3]].filter((part) => part !== undefined).map(Number)
  return parts.reduce((total, part) => total * 60 + part, 0)
}

/**
 * A moment of the tape as a link asks for it (`#t=00:02.25`): `formatTime`'s minutes and seconds with the
 * fraction an aligned word's start has (to the millisecond, trailing zeros dropped), so that the link lands
 * on that word and not on the one before it.
 */
export function momentTime(seconds: number): string {
  const millis = Math.max(0, Math.round(seconds * 1000))
  const fraction = millis % 1000
  const whole = formatTime(Math.floor(millis / 1000))
  return fraction === 0 ? whole : `${whole}.${String(fraction).padStart(3, '0').replace(/0+$/, '')}`
}

/** A URL fragment (without `#`) that asks for a time: `t=06:00` on a page, `t=348` into a recording. */
export function timeFragment(time: string | number): string {
  return `t=${time}`
}

/** The time a URL fragment (without `#`) asks for, as written; null when it asks for none. */
export function fragmentTime(fragment: string): string | null {
  return fragment.startsWith('t=') ? fragment.slice(2) : null
}

/** `hh:mm:ss.ttt`, as WebVTT writes times (to the whole second: the transcripts' times are). */
export function cueTime(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds))
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${pad(Math.floor(whole / 3600))}:${pad(Math.floor((whole % 3600) / 60))}:${pad(whole % 60)}.000`
}

/** `hh:mm:ss.ttt` to the millisecond: WebVTT's time of a word inside a cue (`<00:00:02.250>`), as an aligner gives it. */
export function exactCueTime(seconds: number): string {
  const millis = Math.max(0, Math.round(seconds * 1000))
  const pad = (value: number, size = 2) => String(value).padStart(size, '0')
  return `${pad(Math.floor(millis / 3_600_000))}:${pad(Math.floor(millis / 60_000) % 60)}:${pad(Math.floor(millis / 1000) % 60)}.${pad(millis % 1000, 3)}`
}
