/**
 * Speaker resolution. A person's first turn usually carries the full name (`McGeorge Bundy:`), later ones
 * the surname (`Bundy:`). A surname whose full name never appears as a label is looked up in the
 * participants footnote, then in the editorial narrative (`George Ball`). `Unidentified` is never one
 * person: each such turn is a voice of its own.
 */
import type { Position } from 'unist'
import type { VFile } from 'vfile'
import { report } from '../diagnostics.ts'
import type { Speaker } from '../types.ts'

/** Words that open a label or a name without being a given name. */
const titles = new Set(
  (
    'President Vice Secretary Ambassador General Gen. Admiral Adm. Senator Sen. Governor Gov. Chancellor ' +
    'Chairman Attorney Prime Minister Premier Dr. Mr. Mrs. Ms. Miss Judge Justice Congressman Congresswoman ' +
    'Representative Rep. Colonel Col. Captain Capt. Major Lieutenant Lt. Sir Lord Lady Mayor Director ' +
    'Commander King Queen Prince Princess Reverend Rev. Father Sister Speaker Deputy Under Assistant'
  ).split(' '),
)
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
    if (words.length < 2 || isUnidentified(label)) continue
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
  const texts: NameSources = { participants: sources.participants.map(nfc), narrative: sources.narrative.map(nfc) }
  const lookUp = (surname: string) => {
    let names = found.get(surname)
    if (!names) {
      names = findFullName(surname, texts)
      found.set(surname, names)
    }
    return names
  }

  const addSpeaker = (name: string, label: string, kind: Speaker['kind']): Speaker => {
    let speaker = kind === 'person' ? byName.get(name) : undefined
    if (!speaker) {
      const base = kind === 'unidentified' ? 'unidentified' : slug(name)
      let id = kind === 'unidentified' ? `${base}-${++unidentifiedCount}` : base
      for (let n = nextSuffix.get(base) ?? 2; usedIds.has(id); n++) {
        id = `${base}-${n}`
        nextSuffix.set(base, n + 1)
      }
      speaker = { id, name, labels: [], kind }
      labelSets.set(speaker, new Set())
      usedIds.add(id)
      speakers.push(speaker)
      if (kind === 'person') byName.set(name, speaker)
    }
    const labels = labelSets.get(speaker)!
    if (!labels.has(label)) {
      labels.add(label)
      speaker.labels.push(label)
    }
    return speaker
  }

  const turnSpeakers = turns.map(({ label, position }) => {
    if (isUnidentified(label)) return addSpeaker(normal(label), label, 'unidentified').id
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
    const names = lookUp(words[0]!)
    if (names.length === 1) return addSpeaker(names[0]!, label, 'person').id
    report(
      file,
      names.length > 1 ? 'speaker-ambiguous' : 'speaker-unresolved',
      names.length > 1
        ? `Speaker label \`${label}\` could be ${names.join(' or ')}; write the full name in one of this speaker's labels`
        : `No full name for speaker \`${label}\`: give it in one of this speaker's labels or in the participants footnote`,
      position?.start,
    )
    return addSpeaker(normal(label), label, 'person').id
  })
  return { speakers, turnSpeakers }
}

function isUnidentified(label: string): boolean {
  return /^(?:unidentified|unknown)\b/i.test(label)
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

/** Full names ending in `surname`, best first: participants before narrative, then by frequency. Texts are NFC. */
function findFullName(surname: string, sources: NameSources): string[] {
  const wanted = nfc(surname)
  // A plain search first: most labels' surnames are not in the notes, and a Unicode pattern is costly to build.
  if (!sources.participants.some((text) => text.includes(wanted)) && !sources.narrative.some((text) => text.includes(wanted)))
    return []
  const escaped = wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = new RegExp(String.raw`((?:(?:\p{Lu}[\p{Ll}\p{M}'’\-]+|\p{Lu}\.)\s+){1,4})${escaped}(?![\p{L}\p{M}])`, 'gu')
  const score = new Map<string, number>()
  const scan = (texts: string[], weight: number) => {
    for (const text of texts) {
      for (const match of text.matchAll(pattern)) {
        const given = match[1]!.trim().split(/\s+/)
        while (given.length > 0 && (titles.has(given[0]!) || stopwords.has(given[0]!))) given.shift()
        if (given.length === 0 || given.some((word) => titles.has(word))) continue
        const name = `${given.join(' ')} ${surname}`
        score.set(name, (score.get(name) ?? 0) + weight)
      }
    }
  }
  scan(sources.participants, 100)
  scan(sources.narrative, 1)
  const ranked = [...score].sort((a, b) => b[1] - a[1])
  if (ranked.length === 0) return []
  const best = ranked[0]![1]
  return ranked.filter(([, s]) => s === best).map(([name]) => name)
}

/** `McGeorge Bundy` → `mcgeorge-bundy`; `O'Dell` → `odell`; accents dropped; `محمد علي` → `محمد-علي`. */
export function slug(name: string): string {
  const id = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9\p{Lo}]+/gu, '-') // names in scripts without case keep their letters
    .replace(/^-|-$/g, '')
  return id || 'speaker'
}
