/**
 * Speaker identity, decided here once: a speaker's id and key (the URL slug), the unidentified voices and
 * their one group. The parser makes ids with it; the participants panel and its `?speaker=`, the timeline,
 * the speaker pages (`/speakers/<key>/`) and the search (`/search/?speaker=<key>`) all take the same key.
 * No imports: build code and browser code may both read it. (Which name a label gets is the parser's
 * name resolution, not this module's.)
 */

export type SpeakerKind = 'person' | 'unidentified'

/** The key of every unidentified voice together, never one person: `/speakers/unidentified/`, `?speaker=unidentified`. */
export const UNIDENTIFIED = 'unidentified'

/** How the group of unidentified voices is named wherever it is listed. */
export const UNIDENTIFIED_GROUP = 'Unidentified voices'

/** A label that names no one: `Unidentified`, `Unknown`; each such turn is a voice of its own. */
export function isUnidentifiedLabel(label: string): boolean {
  return /^(?:unidentified|unknown)\b/i.test(label)
}

/** The id of the `n`-th unidentified voice of a transcript: `unidentified-3`. */
export function voiceId(n: number): string {
  return `${UNIDENTIFIED}-${n}`
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
  return speaker.kind === 'unidentified' ? UNIDENTIFIED : speaker.id
}
