/**
 * The passages the search finds (a spoken turn, a note, a paragraph of editorial text) and how each is
 * named to a reader: the one home of these words, read by the search build (the kinds' codes), the
 * search page and the hub (the facet's names, a result's title), so that both pages say the same of the
 * same passage. The wording is the search page's as it was before the hub shared it ("Introduction",
 * "Afterwards"), the more precise of the two (the hub said "Editorial text" of every paragraph).
 */
import { UNIDENTIFIED_LABEL, UNIDENTIFIED_VOICE } from './speakers.ts'
import { readShownTime, shownTime, type ShownTime } from './time.ts'

export type PassageKind = 'turn' | 'footnote' | 'editorial'

/** Each kind's code in a section heading's id (`anchorId` in search.ts). */
export const KIND_CODES: Readonly<Record<PassageKind, string>> = { turn: 't', footnote: 'n', editorial: 'e' }

/** The kind facet's names for the kinds (a value of the facet is a kind). */
export const KIND_NAMES: Readonly<Record<PassageKind, string>> = {
  turn: 'Spoken turns',
  footnote: 'Notes',
  editorial: 'Editorial text',
}

/** A kind facet value's name; a value that is no kind is shown as it is. */
export const kindName = (value: string): string => (Object.hasOwn(KIND_NAMES, value) ? KIND_NAMES[value as PassageKind] : value)

/** What a result knows of its passage, from the search's passages files (sections.ts, the hub's locate.ts). */
export interface PassagePlace {
  kind: PassageKind
  /** The passage's id on its transcript's page (`t-05-03`, `fn-4`, `intro-1`); none for the title block. */
  pageId?: string
  /** A turn's speaker, as the speaker facet names them (every unidentified voice as one value). */
  speaker?: string
  /** The section heading's word: a turn's time as shown (`05:03`, `≈03:48`), a note's number, or `§`. */
  heading?: string
}

/**
 * A turn's time and whether it is estimated. The search records carry it as the word a reader sees
 * (`shownTime`, which Pagefind indexes as it is shown); this is the one place that reads it back.
 */
export function passageTime(passage: PassagePlace): ShownTime | undefined {
  return passage.kind === 'turn' && passage.heading ? readShownTime(passage.heading) : undefined
}

/**
 * The editorial passages a page numbers, each with the prefix of its ids (`intro-1`, `excision-2`: the core
 * writes them with `editorialId`) and what a reader calls it. One table, so an id and its name never drift.
 */
export const EDITORIAL_PASSAGES = {
  introduction: { prefix: 'intro', name: 'Introduction' },
  epilogue: { prefix: 'epilogue', name: 'Afterwards' },
  excision: { prefix: 'excision', name: 'Excision' },
  direction: { prefix: 'direction', name: 'Stage direction' },
} as const

export type EditorialPassage = keyof typeof EDITORIAL_PASSAGES

/** The page id of the `n`-th (1-based) editorial passage of a kind: `intro-1`, `direction-3`. */
export function editorialId(kind: EditorialPassage, n: number): string {
  return `${EDITORIAL_PASSAGES[kind].prefix}-${n}`
}

/** What editorial text is called, from its page id; undefined for an id no kind writes. */
function editorialName(id: string): string | undefined {
  return Object.values(EDITORIAL_PASSAGES).find(({ prefix }) => id.startsWith(`${prefix}-`))?.name
}

/** A passage as a result names it: who or what (`George Ball`, `Note 4`, `Afterwards`), then when, if a turn. */
export interface PassageName {
  name: string
  /** `at 05:03` for a printed time, `≈03:48` for an estimated one. */
  time?: string
}

/**
 * How a passage is named to a reader: a turn by its speaker (`Unidentified` for an unidentified voice)
 * and its time, a note by its number, editorial text by where it stands (the title block is "About this
 * transcript").
 */
export function passageName(passage: PassagePlace): PassageName {
  switch (passage.kind) {
    case 'turn': {
      const name = passage.speaker === UNIDENTIFIED_LABEL ? UNIDENTIFIED_VOICE : (passage.speaker ?? '')
      const time = passageTime(passage)
      if (!time) return { name }
      return { name, time: `${time.estimated ? '' : 'at '}${shownTime(time.seconds, time.estimated)}` }
    }
    case 'footnote':
      return { name: `Note ${passage.heading ?? ''}`.trim() }
    case 'editorial': {
      const id = passage.pageId
      if (id === undefined) return { name: 'About this transcript' }
      return { name: editorialName(id) ?? 'Editorial note' }
    }
  }
}

/** A result's title as one line of text: `George Ball · at 05:03`. */
export function passageTitle(passage: PassagePlace): string {
  const { name, time } = passageName(passage)
  return time ? `${name} · ${time}` : name
}
