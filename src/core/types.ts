/**
 * The transcript tree: the one contract every other part (JSON, pages, search, serializer) reads.
 *
 * It is a unist tree. Where mdast already has a node for a thing (text, emphasis, paragraph, heading,
 * footnoteReference, footnoteDefinition) the transcript uses it, so unified's utilities apply; the
 * transcript's own nodes are added to mdast's content maps by module augmentation below. Every node
 * the parser makes has a `position` pointing into the source file.
 */
import type { Emphasis, FootnoteDefinition, FootnoteReference, Heading, Paragraph, PhrasingContent, Text } from 'mdast'
import type { Literal, Node, Parent, Position } from 'unist'
import type { SpeakerKind } from '../contract/speakers.ts'
import type { HeadingKind } from './heading-kinds.ts'

export type { Emphasis, FootnoteDefinition, FootnoteReference, Heading, Paragraph, PhrasingContent, Text }

/** A printed timestamp such as `[03:01]` or `[1:02:03]`. */
export interface Timestamp extends Literal {
  type: 'timestamp'
  /** The label as printed, without brackets: `03:01`. */
  value: string
  /** Seconds from the start of the tape. */
  seconds: number
}

/**
 * Which delimiters an editorial mark was printed in: square brackets (the seed's series, FRUS) unless
 * the house style also reads parentheses (Watergate transcripts: `(unintelligible)`), then `parentheses`.
 */
export type MarkDelimiters = 'brackets' | 'parentheses'

/** `[unclear]` in any spelling; `[*unclear*: on this]` carries a conjectured reading; `(inaudible)`. */
export interface Unclear extends Parent {
  type: 'unclear'
  /** Absent for square brackets. */
  delimiters?: 'parentheses'
  /** The bracket's content as printed (without the brackets). */
  children: PhrasingContent[]
  /** The editors' conjectured reading, plain text, when there is one. */
  conjecture?: string
}

/** Words the editors supplied: `[Kennedy]`, `[IL-]28s`, `[to]`. */
export interface Supplied extends Parent {
  type: 'supplied'
  delimiters?: 'parentheses'
  children: PhrasingContent[]
}

/** An inline stage direction: `[laughing]`, `[*to the President*]`, `(Laughter)`. */
export interface Direction extends Parent {
  type: 'direction'
  delimiters?: 'parentheses'
  children: PhrasingContent[]
}

/**
 * Material the editors withheld, said where it stood in the speech: `(Privileged Material Deleted)`,
 * `(Material Unrelated to Presidential Actions Deleted)`. Its wordings are a house style's (styles/).
 */
export interface Omission extends Parent {
  type: 'omission'
  delimiters?: 'parentheses'
  children: PhrasingContent[]
}

/**
 * What the typed pages printed that is not part of the transcript's text: a running head
 * (`APRIL 17, 1973 FROM 9:47 TO 9:59 A.M.2`) or a bare page number between paragraphs. Kept where it
 * stood (between blocks, or between a turn's paragraphs), never inside speech; its shapes are a house
 * style's (styles/).
 */
export interface PageFurniture extends Literal {
  type: 'pageFurniture'
  /** `note`: a note printed on the page, below a rule (`_____*The quotation marks used …`), not part of the speech. */
  kind: 'runningHead' | 'pageNumber' | 'note'
  /** The line as printed. */
  value: string
  /** The page number it carries, as printed (`2`), when it can be read. */
  page?: string
}

/**
 * Where a block of footnote definitions (an old page bottom) stood. Inline when it cut a paragraph in
 * mid-sentence (the two halves are one paragraph); block-level between paragraphs. The definitions
 * themselves are the root's `footnoteDefinition` children; this marker keeps their place.
 */
export interface PageBreak extends Node {
  type: 'pageBreak'
  /** Identifiers of the footnote definitions printed here, in order. */
  footnotes: string[]
}

/** The header's lines: document id, date, status note, weekday date line, time range. */
export interface Header extends Parent {
  type: 'header'
  children: HeaderField[]
}

export type HeaderFieldName = 'id' | 'date' | 'status' | 'dateLine' | 'time'

export interface HeaderField extends Parent {
  type: 'headerField'
  name: HeaderFieldName
  /** The field read as data: the ISO date (`1962-11-14`) for `date`, when it is a calendar date. */
  value?: string
  children: PhrasingContent[]
}

/** Editorial narrative before (introduction) or after (epilogue) the conversation. */
export interface Section extends Parent {
  type: 'section'
  name: 'introduction' | 'epilogue'
  children: Array<Paragraph | PageBreak | PageFurniture>
}

/** The recorded conversation, from the first speaker turn to the last. */
export interface Conversation extends Parent {
  type: 'conversation'
  children: ConversationContent[]
}

export type ConversationContent = Turn | Excision | DirectionBlock | Paragraph | PageBreak | PageFurniture

/** One speaker's turn: a label and one or more paragraphs. */
export interface Turn extends Parent {
  type: 'turn'
  /** Stable id, also the turn's HTML id (see `turn-ids.ts`). */
  id: string
  /** The label as printed: `McGeorge Bundy`, `Bundy`, `Unidentified`. */
  label: string
  /** What ended the label when it was not `:` (`;` in `HALDEMAN;`, a slip the house style reads). */
  separator?: string
  /** The resolved speaker's `id` in the root's `speakers`. */
  speaker: string
  /**
   * The printed timestamp the turn opens with, when it opens with one (the rule: `parse/opening-stamp.ts`):
   * the turn's id, its start time and the timeline all read this, never the text again.
   */
  openingStamp?: TimeMark
  /**
   * Every word spoken in the turn, in order, when the transcript has an alignment (`alignment/`): each
   * with its place in the source and, where the aligner heard it, its time. Editorial marks, notes and
   * timestamps are not spoken words and are never listed. Absent without an alignment.
   */
  words?: SpokenWord[]
  children: Array<Paragraph | PageBreak | PageFurniture>
}

/**
 * A word of the transcript as printed (`Aldridge`, `15`, `I'll`: letters and digits, inner apostrophes,
 * hyphens and points kept, the punctuation around it left out) and, when an aligner heard it, when.
 * Not a node: a turn's `words`. `start` and `end` are both given or both absent.
 */
export interface SpokenWord {
  value: string
  /** Where the word stands in the transcript's text. */
  position: Position
  /** Seconds from the tape's 0:00 (the recording's `offset` is the player's), as the aligner gives them. */
  start?: number
  end?: number
  /** The aligner's confidence, 0 to 1, when it gives one. */
  score?: number
}

/** A printed time as data (not a node): its label as printed and its seconds. */
export type TimeMark = Pick<Timestamp, 'value' | 'seconds'>

/** `Seven seconds excised as classified information.` */
export interface Excision extends Parent {
  type: 'excision'
  /** The duration in seconds, or null when it cannot be read. */
  seconds: number | null
  children: PhrasingContent[]
}

/** A paragraph that is wholly bracketed: a standalone stage direction. Children are inside the brackets. */
export interface DirectionBlock extends Parent {
  type: 'directionBlock'
  children: PhrasingContent[]
}

/** A person or an unidentified voice. Not a node: the root's `speakers` list. */
export interface Speaker {
  id: string
  name: string
  /** Labels as printed, in order of first use. */
  labels: string[]
  kind: SpeakerKind
  /** What the person was (`Secretary of Defense`), when a sidecar says so. */
  role?: string
}

/**
 * One entry of a printed key of the speakers (`P = President`, `X Unknown No. 1 (either E or K)`). Not a
 * node: the root's `speakerKey`. The paragraph that prints it stays in the introduction, word for word.
 */
export interface SpeakerKeyEntry {
  /** The letters the turns are labelled with, as printed: `P`, `UNK`. */
  code: string
  /** Whom the key says they stand for, as printed: `President`, `Unknown No. 1`. */
  name: string
  /** What the key adds in parentheses after the name: `either E or K`. */
  note?: string
  position?: Position
}

export type RootContent = Header | Section | Heading | Conversation | PageBreak | FootnoteDefinition

/** Inline content the parser makes (mdast's other phrasing kinds, such as links or code, never occur). */
export type TranscriptPhrasing =
  | Text
  | Emphasis
  | FootnoteReference
  | Timestamp
  | Unclear
  | Supplied
  | Direction
  | Omission
  | PageBreak

/** The transcript's own node kinds, added to mdast below. */
export type OwnNode =
  | Timestamp
  | Unclear
  | Supplied
  | Direction
  | Omission
  | PageBreak
  | PageFurniture
  | Header
  | HeaderField
  | Section
  | Conversation
  | Turn
  | Excision
  | DirectionBlock

/**
 * Every kind of node a transcript tree holds. A `switch` over node kinds ends in `assertNever` (kinds.ts),
 * so that a new kind here makes the type checker list every place that must handle it.
 */
export type TranscriptNode = TranscriptRoot | RootContent | HeaderField | ConversationContent | TranscriptPhrasing

/**
 * Where a transcript was published and archived, as its sidecar (`<name>.yml`) gives it; every field is
 * optional. Citations read it.
 */
export interface Source {
  /** Who published the edition (`Miller Center`, `Office of the Historian`). */
  publisher?: string
  /** Where the edition was published (`Washington`). */
  place?: string
  /** The year the edition was published (`2003`). */
  year?: string
  /** The edition or collection (`Presidential Recordings of John F. Kennedy`). */
  edition?: string
  volume?: string
  /** The volume's own title (`Vietnam, September 1968–January 1969`). */
  volumeTitle?: string
  /** The edition's editors, one name each. */
  editors?: string[]
  /** `draft` (to appear in the edition) or `published` in it; when absent, the status note decides. */
  status?: 'draft' | 'published'
  /** The document's number or id in the edition. */
  document?: string
  /** The archive holding the recording (`John F. Kennedy Library`). */
  archive?: string
  /** The archive's collection or series (`President's Office Files, Presidential Recordings Collection`). */
  collection?: string
  /** The tape or conversation number in the archive. */
  tape?: string
  /** The archive's own copy of the recording or document (its catalogue page or file). */
  archiveUrl?: string
  /** Where the source can be read. */
  url?: string
}

/** The recording the transcript follows: a file beside the transcript or a URL, and where in it the transcript's 0:00 is. */
export interface Recording {
  /** A path relative to the transcript's folder (`1962-11-14-01181.opus`) or an absolute `http(s)` URL. */
  src: string
  /** Seconds into the recording at which the transcript's time 0:00 falls (0 when absent). */
  offset?: number
}

/**
 * What a transcript's raw text lacks and its sidecar supplies (src/core/sidecar.ts): recorded on the
 * root so that the JSON, the page, the citations and every export read it from the tree.
 */
export interface TranscriptMeta {
  /** Shown instead of the heading as the transcript's title. */
  title?: string
  /** The series the transcript belongs to (`Presidential Recordings: John F. Kennedy, Volume 4`). */
  series?: string
  source?: Source
  recording?: Recording
  /** Who made this transcription (`House Judiciary Committee, Impeachment Inquiry staff`), as the sidecar gives it. */
  transcriber?: string
  /** Other transcriptions of the same recording, as the sidecar names them (src/collection/witnesses.ts pairs them). */
  witnesses?: WitnessRef[]
  /** The edition's own word for where the transcript stands (`draft`, `checked`, `final`): the sidecar's `status`. */
  status?: string
  /** The word timings read (the sidecar's `alignment`), when they could be read: see `Turn.words`. */
  alignment?: AlignmentMeta
}

/** Which aligner's file gave the word timings, and how many of the transcript's words it timed. */
export interface AlignmentMeta {
  /** The file as the sidecar names it (beside the transcript). */
  src: string
  format: AlignmentFormat
  /** Spoken words of the transcript's turns, and how many of them have a time. */
  words: number
  aligned: number
}

/** The aligners' file formats read (src/core/alignment/): WhisperX's JSON, Gentle's JSON, WebVTT with a cue per word. */
export type AlignmentFormat = 'whisperx' | 'gentle' | 'webvtt'

/** A sidecar's `witnesses:` entry: another transcript of the collection that transcribes the same recording. */
export interface WitnessRef {
  /** The other transcript's name (its file name without `.txt`). */
  transcript: string
  /** Who made that transcription, when the sidecar says. */
  transcriber?: string
  /** Where that transcription comes from, in the editor's words (`Trial exhibit 4, United States v. Mitchell`). */
  source?: string
  /** Where the sidecar names it (its `transcript` value), for the collection's messages. */
  position?: Position
}

/**
 * One version of a transcript: a commit that changed its text or its sidecar (src/build/history/ reads
 * them from git; src/core/revisions/ compares them). Not a node: the root's `history`.
 */
export interface Version {
  /** The short commit id (`3f2a9c1`): the version's name in citations and addresses. */
  id: string
  /** The full commit id. */
  commit: string
  /** The committer's date, ISO 8601 (`2026-12-06T10:00:00+00:00`). */
  date: string
  /** The editor's note: the sidecar's `revisions` entry for it, else the commit message's first line. */
  note?: string
  /** Who made it, only when the site's configuration publishes authors. */
  author?: string
}

/** A former id and where its words are now (a turn split, merged, re-timed or renumbered). */
export interface FormerId {
  /** The id as an earlier version had it. */
  id: string
  /** The passage of this text that holds most of its words now. */
  successor: string
  /** The version that moved its words (`unpublished` for edits not yet committed). */
  version: string
  /**
   * `moved`: the id still exists, but holds other words than links made before `version` meant;
   * `gone`: no passage has the id any more.
   */
  kind: 'gone' | 'moved'
}

/** What the transcript's history says about this text (src/core/revisions/). */
export interface TranscriptHistory {
  /** Every version, oldest first. */
  versions: Version[]
  /** The text built differs from the newest version: edits not yet committed, never passed off as a version. */
  unpublished?: boolean
  /** The history is shallow: the oldest version listed may not be the first. */
  shallow?: boolean
  /** Passage id → the version (its id, or `unpublished`) that last changed it since the first version. */
  revised: Record<string, string>
  /** Ids that earlier versions gave other words, and where those words are now. */
  former: FormerId[]
}

/** Where a fact about the recording was found: the transcript's text, its sidecar, or (the id only) its file name. */
export type FactSource = 'text' | 'sidecar' | 'name'

/** A fact about the recording as data, with where it came from and, from the text, where it is printed. */
export interface Fact<T> {
  value: T
  from: FactSource
  /** Where in the text: the seed's header lines or the printed heading (and its dateline). */
  in?: 'header' | 'heading'
  /** The words as printed (`SEPTEMBER 15, 1972`), for a fact read from the text; as given, from the sidecar. */
  printed?: string
  position?: Position
}

/** A time of day or a span, 24-hour `HH:MM`: `17:27` to `18:17`. */
export interface TimeSpan {
  start: string
  end?: string
}

/**
 * What the transcript says about the recording (its seed header or its printed heading), with the
 * sidecar's `id`, `date`, `time` and `place` over it: decided once (parse/facts.ts), read by the JSON, the
 * title block, the citation and the collection.
 */
export interface RecordingFacts {
  /** The printed heading the facts were read from, when the transcript opens with one a house style knows. */
  heading?: HeadingKind
  /** Always given: the header's id, the heading's document number, the sidecar's, or else the file's name. */
  id: Fact<string>
  /** ISO `YYYY-MM-DD`; absent when nothing gives it (the transcript is undated). */
  date?: Fact<string>
  time?: Fact<TimeSpan>
  place?: Fact<string>
  /** As printed in the heading, in order. */
  participants?: Fact<string[]>
}

export interface TranscriptRoot extends Parent {
  type: 'root'
  /** The file name without `.txt`: the page's path. */
  name: string
  /** The house style the transcript was read in (`seed`, `frus`, `watergate`; see styles/). */
  style: string
  speakers: Speaker[]
  /** The printed key of the speakers, when the transcript has one: the names of its labels' letters. */
  speakerKey?: SpeakerKeyEntry[]
  /** The sidecar's metadata, when the transcript has a sidecar that gives any. */
  meta?: TranscriptMeta
  /** Id, date, time, place and participants, from the text or the sidecar (parse/facts.ts): read them here. */
  facts: RecordingFacts
  /** The transcript's versions and what they changed, when its history is known (src/core/revisions/). */
  history?: TranscriptHistory
  children: RootContent[]
}

declare module 'mdast' {
  interface PhrasingContentMap {
    timestamp: Timestamp
    unclear: Unclear
    supplied: Supplied
    direction: Direction
    omission: Omission
    pageBreak: PageBreak
  }
  interface RootContentMap {
    timestamp: Timestamp
    unclear: Unclear
    supplied: Supplied
    direction: Direction
    pageBreak: PageBreak
    header: Header
    headerField: HeaderField
    section: Section
    conversation: Conversation
    turn: Turn
    excision: Excision
    directionBlock: DirectionBlock
    omission: Omission
    pageFurniture: PageFurniture
  }
}
