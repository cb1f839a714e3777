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

/**
 * A label (or a key's name for one) that names no one: `Unidentified`, `Unknown No. 1`, `Voice`,
 * `Unidentified Man`.
 */
export function isUnidentifiedLabel(label: string): boolean {
  return /^(?:unidentified|unknown|voice)\b/i.test(label)
}

/**
 * A label that tells no voice from another (`Unidentified`, `Unknown`, `Voice`, `Unidentified speaker`):
 * its turns may be one person or several, so each is a voice of its own and their number is unknown. Any
 * other unidentified label (`UN`, `UNK` in a key, `Unknown No. 1`, `Unidentified Woman`) is one voice
 * however many turns it has.
 */
export function isGenericVoiceLabel(label: string): boolean {
  return /^(?:unidentified|unknown|voice)(?:\s+(?:speaker|voice|person|participant))?\.?$/i.test(label.trim())
}

/**
 * How many unidentified voices a transcript has, the one count every list and title block shows: each
 * voice with a label of its own counts one, never its turns. Voices under a generic label
 * (`isGenericVoiceLabel`) cannot be counted: `exact` is then false, and `voices` is a lower bound.
 */
export function unidentifiedVoices(speakers: ReadonlyArray<{ kind: SpeakerKind; labels: readonly string[] }>): VoiceCount {
  const voices = speakers.filter((speaker) => speaker.kind === UNIDENTIFIED_KIND)
  const generic = voices.filter((voice) => voice.labels.every(isGenericVoiceLabel))
  const distinct = voices.length - generic.length
  // Several turns under a generic label are one voice at least, and perhaps more.
  return { voices: distinct + (generic.length > 0 ? 1 : 0), exact: generic.length <= 1 }
}

/** How many unidentified voices: `exact` false when a generic label leaves the number open (`voices` a lower bound). */
export interface VoiceCount {
  voices: number
  exact: boolean
}

/**
 * The count of an entry that carries none: a number not known, said as `unidentified voices`. Never the
 * turns: a voice is one voice however many turns it has.
 */
export const UNCOUNTED_VOICES: VoiceCount = { voices: 0, exact: false }

/** `2 unidentified voices`, `an unidentified voice`, or `unidentified voices` when the transcript does not say how many. */
export function voicesPhrase(count: VoiceCount): string {
  if (!count.exact) return 'unidentified voices'
  return count.voices === 1 ? 'an unidentified voice' : `${count.voices} unidentified voices`
}

/**
 * Words that are a title or an office, not a name (`President`, `Secretary`, `Operator`): a label or a
 * name made only of these names an office, not a person's surname. Read by the parser (a bare title is
 * the participant the heading gives that title) and by the speakers index (`sortWord`). Marked pure so that
 * the page's scripts, which read other names from this module, do not carry the list.
 */
export const TITLE_WORDS: ReadonlySet<string> = /* @__PURE__ */ titleWords()

function titleWords(): ReadonlySet<string> {
  return new Set(
    (
      'President Vice Secretary Ambassador General Gen. Admiral Adm. Senator Sen. Governor Gov. Chancellor ' +
      'Chairman Attorney Prime Minister Premier Dr. Mr. Mrs. Ms. Miss Judge Justice Congressman Congresswoman ' +
      'Representative Rep. Colonel Col. Captain Capt. Major Lieutenant Lt. Sir Lord Lady Mayor Director ' +
      'Commander King Queen Prince Princess Reverend Rev. Father Sister Speaker Deputy Under Assistant ' +
      'Operator Aide Counsel Press Chief Staff'
    ).split(' '),
  )
}

/** `PRESIDENT` → `President`, to look a word up among the titles. */
function titleCased(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()
}

/** Whether a word is a title (`President`, `PRESIDENT`, `Sen.`). */
export function isTitleWord(word: string): boolean {
  return TITLE_WORDS.has(titleCased(word))
}

/**
 * Whether a name is a title only (`President`, `The President`, `Secretary of State`, `OPERATOR`): it
 * names an office, and no word of it is a surname.
 */
export function isTitleOnly(name: string): boolean {
  // What follows `of` is the office's domain (`of State`, `of the Treasury`), not a name.
  const words = name
    .trim()
    .split(/\s+of\s+/i)[0]!
    .split(/\s+/)
    .filter(Boolean)
  const head = words[0]?.toLowerCase() === 'the' ? words.slice(1) : words
  return head.length > 0 && head.every(isTitleWord)
}

/**
 * The word a person is sorted and filed under in the speakers index, the one rule: a name's last word,
 * its surname (`McGeorge Bundy` → `Bundy`, `President Kennedy` → `Kennedy`); a title-only name by its
 * first title word (`President` → `President`, `The President` → `President`, `Secretary of State` →
 * `Secretary`), and then `surname` is false: the index must not present that word as a surname.
 */
export function sortWord(name: string): { word: string; surname: boolean } {
  const words = name.trim().split(/\s+/).filter(Boolean)
  if (isTitleOnly(name)) {
    const word = words[0]!.toLowerCase() === 'the' ? words[1]! : words[0]!
    return { word, surname: false }
  }
  return { word: words.at(-1) ?? name, surname: true }
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
