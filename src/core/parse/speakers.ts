/**
 * Speaker resolution: a name is never invented. It comes from, in order: the sidecar's `speakers` (label
 * as printed → name), a speaker key in the introduction (`N President`), a full-name label (`McGeorge
 * Bundy:`, whose surname `Bundy:` then resolves to it), the participants footnote, a heading or
 * introduction naming the participants (`Between President Johnson and James Rowe`: `President:` is
 * President Johnson, `Rowe:` James Rowe), then the editorial narrative (`George Ball`). Otherwise the
 * label as printed is the name (`PRESIDENT`). An unidentified voice is never a person: a label of its own
 * (`UN`, `UNK` in a key, `Unknown No. 1`) is one voice however many turns it has; a generic label
 * (`Unidentified`, `Voice`) tells no voice from another, so each of its turns is a voice of its own.
 */
import type { Position } from 'unist'
import type { VFile } from 'vfile'
import { report } from '../diagnostics.ts'
import {
  isGenericVoiceLabel,
  isTitleWord,
  isUnidentifiedLabel,
  speakerSlug,
  TITLE_WORDS,
  UNIDENTIFIED_KEY,
  UNIDENTIFIED_KIND,
  voiceId,
} from '../../contract/speakers.ts'
import type { Speaker } from '../types.ts'

/** Words that open a label or a name without being a given name (one list: the contract's). */
const titles = TITLE_WORDS
const stopwords = new Set(
  (
    'A An And As At After Before Both But By For From In Including Into Of On Or See The Then This ' +
    'To When While With Without Ibid. Soviet American British French West East German Cuban'
  ).split(' '),
)

export interface TurnLabel {
  label: string
  position: Position | undefined
}

export interface NameSources {
  /** Plain text of the participants footnote(s): the notes on the conversation's heading. */
  participants: string[]
  /** Plain text of the introduction, epilogue and other footnotes. */
  narrative: string[]
  /** Names a heading or the introduction gives the participants (`Between X and Y`), heading first. */
  named?: string[]
  /** A speaker key's codes and names (`N` → `President`). */
  key?: ReadonlyMap<string, string>
  /** The sidecar's speakers: label as printed → name and role (a role alone keeps the name found otherwise). */
  given?: Readonly<Record<string, { name?: string; role?: string }>>
}

export interface Resolution {
  speakers: Speaker[]
  /** The speaker id of each turn, in order. */
  turnSpeakers: string[]
}

export function resolveSpeakers(turns: TurnLabel[], sources: NameSources, file: VFile): Resolution {
  const speakers: Speaker[] = []
  const byName = new Map<string, Speaker>()
  const usedIds = new Set<string>()
  const fullLabels = new Map<string, Set<string>>() // surname (lower case) → full labels, in order
  for (const { label } of turns) {
    const words = split(label)
    if (words.length < 2 || isUnidentifiedLabel(label)) continue
    const surname = words.at(-1)!.toLowerCase()
    const known = fullLabels.get(surname) ?? new Set()
    known.add(normal(label))
    fullLabels.set(surname, known)
  }
  // Counters and caches keep this linear however many turns there are (a label is often used hundreds of times).
  let unidentifiedCount = 0
  const nextSuffix = new Map<string, number>()
  const labelSets = new Map<Speaker, Set<string>>()
  const found = new Map<string, string[]>()
  const texts = { participants: sources.participants.map(nfc), narrative: sources.narrative.map(nfc) }
  const lookUp = (surname: string, where: 'participants' | 'narrative') => {
    const cacheKey = `${where}\0${surname}`
    let names = found.get(cacheKey)
    if (!names) {
      names = findFullName(surname, texts[where])
      found.set(cacheKey, names)
    }
    return names
  }

  const givenFor = (label: string) => sources.given?.[label] ?? sources.given?.[normal(label)]
  // A role the sidecar gives for a label, kept whichever source names the speaker.
  const roleOf = (label: string) => givenFor(label)?.role
  /** Unidentified voices with a label of their own, by that label: one voice, however many turns. */
  const voicesByLabel = new Map<string, Speaker>()
  const addSpeaker = (name: string, label: string, kind: Speaker['kind'], role?: string): Speaker => {
    role ??= roleOf(label)
    const voiceLabel = kind === UNIDENTIFIED_KIND && !isGenericVoiceLabel(label) ? normal(label) : undefined
    let speaker = kind === 'person' ? byName.get(name) : voiceLabel === undefined ? undefined : voicesByLabel.get(voiceLabel)
    if (!speaker) {
      const base = kind === UNIDENTIFIED_KIND ? UNIDENTIFIED_KEY : speakerSlug(name)
      let id = kind === UNIDENTIFIED_KIND ? voiceId(++unidentifiedCount) : base
      for (let n = nextSuffix.get(base) ?? 2; usedIds.has(id); n++) {
        id = `${base}-${n}`
        nextSuffix.set(base, n + 1)
      }
      speaker = { id, name, labels: [], kind }
      if (role !== undefined) speaker.role = role
      labelSets.set(speaker, new Set())
      usedIds.add(id)
      speakers.push(speaker)
      if (kind === 'person') byName.set(name, speaker)
      if (voiceLabel !== undefined) voicesByLabel.set(voiceLabel, speaker)
    }
    const labels = labelSets.get(speaker)!
    if (!labels.has(label)) {
      labels.add(label)
      speaker.labels.push(label)
    }
    return speaker
  }

  const named = (sources.named ?? []).map(nfc)
  const unresolved = new Set<string>()
  const turnSpeakers = turns.map(({ label, position }) => {
    const given = givenFor(label)
    if (given?.name !== undefined)
      return addSpeaker(nfc(given.name), label, isUnidentifiedLabel(given.name) ? UNIDENTIFIED_KIND : 'person', given.role).id
    const keyed = sources.key?.get(label)
    if (keyed) return addSpeaker(nfc(keyed), label, isUnidentifiedLabel(keyed) ? UNIDENTIFIED_KIND : 'person').id
    if (isUnidentifiedLabel(label)) return addSpeaker(normal(label), label, UNIDENTIFIED_KIND).id
    const words = split(label)
    if (words.length >= 2) return addSpeaker(normal(label), label, 'person').id
    const candidates = [...(fullLabels.get(words[0]!.toLowerCase()) ?? [])]
    if (candidates.length === 1) return addSpeaker(candidates[0]!, label, 'person').id
    if (candidates.length > 1) {
      report(
        file,
        'speaker-ambiguous',
        `Speaker label \`${label}\` could be ${candidates.join(' or ')}; write the full name in this turn's label`,
        position?.start,
      )
      return addSpeaker(normal(label), label, 'person').id
    }
    // A bare title (`President:`, `PRESIDENT:`) is the participant the heading names with that title.
    const isTitle = isTitleWord(words[0]!)
    let names = isTitle ? [] : lookUp(words[0]!, 'participants')
    if (names.length === 0) names = participantsCalled(words[0]!, isTitle, named)
    if (names.length === 0 && !isTitle) names = lookUp(words[0]!, 'narrative')
    if (names.length === 1) return addSpeaker(names[0]!, label, 'person').id
    // Said once, at the label's first turn: a tape of a hundred `PRESIDENT:` turns has one thing to fix.
    if (unresolved.has(label)) return addSpeaker(normal(label), label, 'person').id
    unresolved.add(label)
    report(
      file,
      names.length > 1 ? 'speaker-ambiguous' : 'speaker-unresolved',
      names.length > 1
        ? `Speaker label \`${label}\` could be ${names.join(' or ')}; write the full name in one of this speaker's labels`
        : `No full name for speaker \`${label}\`: it is shown as printed. Give the name in one of this speaker's labels, the participants footnote, or the sidecar's \`speakers\``,
      position?.start,
    )
    return addSpeaker(normal(label), label, 'person').id
  })
  return { speakers, turnSpeakers }
}

function nfc(text: string): string {
  return text.normalize('NFC')
}

function normal(label: string): string {
  return label.normalize('NFC').replace(/\s+/g, ' ')
}

function split(label: string): string[] {
  return normal(label).split(' ').filter(Boolean)
}

/** Full names ending in `surname` in `texts` (NFC), most frequent first; ties are all returned. */
function findFullName(surname: string, texts: string[]): string[] {
  const wanted = nfc(surname)
  // A plain search first: most labels' surnames are not in the notes, and a Unicode pattern is costly to build.
  if (!texts.some((text) => text.includes(wanted))) return []
  const escaped = wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  // Initials run together (`H.R.`) are one word: `R. Haldeman` would be a name nobody was given.
  const pattern = new RegExp(
    String.raw`(?<![\p{L}\p{M}.])((?:(?:\p{Lu}[\p{Ll}\p{M}'’\-]+|(?:\p{Lu}\.)+)\s+){1,4})${escaped}(?![\p{L}\p{M}])`,
    'gu',
  )
  const score = new Map<string, number>()
  for (const text of texts) {
    for (const match of text.matchAll(pattern)) {
      const given = match[1]!.trim().split(/\s+/)
      while (given.length > 0 && (titles.has(given[0]!) || stopwords.has(given[0]!))) given.shift()
      if (given.length === 0 || given.some((word) => titles.has(word))) continue
      const name = `${given.join(' ')} ${surname}`
      score.set(name, (score.get(name) ?? 0) + 1)
    }
  }
  const ranked = [...score].sort((a, b) => b[1] - a[1])
  if (ranked.length === 0) return []
  const best = ranked[0]![1]
  return ranked.filter(([, s]) => s === best).map(([name]) => name)
}

/**
 * Participants a heading or introduction names, whose name ends in `word` (a surname) or, for a title,
 * starts with it (`President` → `President Johnson`). Letter case aside: `HALDEMAN` is `H.R. HALDEMAN`.
 */
function participantsCalled(word: string, isTitle: boolean, named: string[]): string[] {
  const wanted = word.toLowerCase()
  const matches = named.filter((name) => {
    const words = name.split(/\s+/)
    if (words.length < 2) return false
    return (isTitle ? words[0]! : words.at(-1)!).toLowerCase() === wanted
  })
  return [...new Set(matches)]
}

/**
 * The participants a heading or introduction names: `Telephone Conversation Between President Johnson
 * and James Rowe` → `President Johnson`, `James Rowe`. Only runs of name words count (no digits, at most
 * six words), so `…AND H.R. HALDEMAN ONAPRIL 12` gives nothing for its second name.
 */
export function namedParticipants(texts: string[]): string[] {
  const names: string[] = []
  for (const text of texts) {
    for (const match of text.matchAll(/\b(?:between|with)\s+([^,;:()]+)/giu)) {
      const phrase = match[1]!.replace(/\s+(?:on|at|in|from|about|regarding|concerning)\s.*$/i, '')
      for (const part of phrase.split(/\s+and\s+|\s*&\s*/i)) {
        const name = part.trim().replace(/\.$/, '')
        if (
          /^(?:\p{Lu}[\p{L}\p{M}'’.-]*)(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|de|van|von))*$/u.test(name) &&
          name.split(/\s+/).length <= 6
        )
          names.push(name)
      }
    }
  }
  return names
}
