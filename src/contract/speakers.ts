/**
 * Speaker identity, decided here once: a speaker's id and key (the URL slug), the unidentified voices and
 * their one group. The parser makes ids with it; the participants panel and its `?speaker=`, the timeline,
 * the speaker pages (`/speakers/<key>/`) and the search (`/search/?speaker=<key>`) all take the same key.
 * No imports: build code and browser code may both read it. (Which name a label gets is the parser's
 * name resolution, not this module's.)
 */

/** A speaker's kind in the transcript's JSON (`speakers[].kind`): a person, or a voice no one named. */
export const UNIDENTIFIED_KIND = 'unidentified'
export type SpeakerKind = 'person' | typeof UNIDENTIFIED_KIND

/**
 * The key of every unidentified voice together, never one person: `/speakers/unidentified/`,
 * `?speaker=unidentified`. A URL segment, spelled like the kind but not the same rule.
 */
export const UNIDENTIFIED_KEY = 'unidentified'

/**
 * The label of the unidentified voices together, wherever they are listed, counted or searched: the
 * participants panel, the timeline, the speaker pages, the search's speaker facet (`listedName`).
 */
export const UNIDENTIFIED_LABEL = 'Unidentified voices'

/** How one unidentified voice is named in a list of passages (a search result): `Unidentified · ≈00:48`. */
export const UNIDENTIFIED_VOICE = 'Unidentified'

/** A label that names no one: `Unidentified`, `Unknown`; each such turn is a voice of its own. */
export function isUnidentifiedLabel(label: string): boolean {
  return /^(?:unidentified|unknown)\b/i.test(label)
}

/** The id of the `n`-th unidentified voice of a transcript: `unidentified-3`. */
export function voiceId(n: number): string {
  return `${UNIDENTIFIED_KEY}-${n}`
}

/** Whether a speaker id (`div.turn[data-speaker]`) is an unidentified voice's (`voiceId`). */
export function isVoiceId(speakerId: string): boolean {
  return speakerId.startsWith(`${UNIDENTIFIED_KEY}-`)
}

/** `unidentified-3` → `3`: the voice's number within its transcript. */
export function voiceNumber(speakerId: string): string {
  return /-(\d+)$/.exec(speakerId)?.[1] ?? speakerId
}

/**
 * A person's id from their name, also their key: `McGeorge Bundy` → `mcgeorge-bundy`; `O'Dell` → `odell`;
 * accents dropped; `محمد علي` → `محمد-علي`. The parser adds `-2`, `-3` when two names of one transcript
 * give one slug.
 */
export function speakerSlug(name: string): string {
  const id = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9\p{Lo}]+/gu, '-') // names in scripts without case keep their letters
    .replace(/^-|-$/g, '')
  return id || 'speaker'
}

/**
 * The key of a speaker of a transcript (`{ id, kind }` as in the JSON's `speakers`): a person's id, or
 * `unidentified` for every unidentified voice. The one rule for who a `?speaker=` or a speaker page means.
 */
export function speakerKey(speaker: { id: string; kind: SpeakerKind }): string {
  return speaker.kind === UNIDENTIFIED_KIND ? UNIDENTIFIED_KEY : speaker.id
}

/**
 * The label a speaker is listed, counted and searched under (the search's speaker facet value, a
 * speaker group's name): a person's name, or `UNIDENTIFIED_LABEL` for every unidentified voice.
 */
export function listedName(speaker: { name: string; kind: SpeakerKind }): string {
  return speaker.kind === UNIDENTIFIED_KIND ? UNIDENTIFIED_LABEL : speaker.name
}
