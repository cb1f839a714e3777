/**
 * The public JSON format of a transcript (docs/data-format.md), as a zod schema. The content loader
 * validates every parsed transcript with it, and `TranscriptJson` is the type `toJson` returns.
 */
import { z } from 'astro/zod'
import { UNIDENTIFIED_KIND } from '../contract/speakers.ts'
import { headingKindNames } from './heading-kinds.ts'

/** A person, or one unidentified voice. */
export const speakerSchema = z.object({
  /**
   * Slug of the name (`mcgeorge-bundy`), or `unidentified-N` for the N-th unidentified voice (a label of its
   * own, such as a key's `UN`, is one voice; each turn of a generic `Unidentified` is one).
   */
  id: z.string().min(1),
  /** The resolved full name (`McGeorge Bundy`, `George Ball`); `Unidentified` for unidentified voices. */
  name: z.string().min(1),
  /** The labels as printed, in order of first use. */
  labels: z.array(z.string()).min(1),
  /** `unidentified` voices are never merged into one person. */
  kind: z.enum(['person', UNIDENTIFIED_KIND]),
  /** What the person was (`Secretary of Defense`), when a sidecar says so. */
  role: z.string().optional(),
})

/** One entry of the printed key of the speakers: `P = President` at line 9, column 1. */
export const speakerKeyEntrySchema = z.object({
  /** The letters as printed: `P`, `UNK`. */
  code: z.string().min(1),
  /** The name the key gives them, as printed. */
  name: z.string().min(1),
  /** What the key adds in parentheses (`either E or K`). */
  note: z.string().optional(),
  /** Where the entry is printed, 1-based. */
  line: z.number().int(),
  column: z.number().int(),
})

/** A bracketed editorial mark inside a turn. */
export const editorialSchema = z.object({
  /** `unclear` passage, words the editors `supplied`, a stage `direction`, or material `omission`. */
  kind: z.enum(['unclear', 'supplied', 'direction', 'omission']),
  /** The mark as plain text, brackets or parentheses included (`[unclear: on this]`, `(inaudible)`). */
  text: z.string(),
  /** The editors' conjectured reading of an unclear passage. */
  conjecture: z.string().optional(),
})

export const timestampSchema = z.object({
  /** As printed, without brackets: `03:01`, `1:02:03`. */
  label: z.string(),
  /** Seconds from the start of the tape. */
  seconds: z.number().int().nonnegative(),
})

/** A line of the typed pages that is not text: a running head or a bare page number. */
export const pageFurnitureSchema = z.object({
  type: z.literal('pageFurniture'),
  /** `runningHead` (`APRIL 17, 1973 FROM 9:47 TO 9:59 A.M.2`), `pageNumber` (`2`) or `note` (`_____*The quotation marks …`). */
  kind: z.enum(['runningHead', 'pageNumber', 'note']),
  /** The line as printed. */
  text: z.string(),
  /** The page number it carries, as printed, when it can be read. */
  page: z.string().optional(),
})

export const turnSchema = z.object({
  type: z.literal('turn'),
  /** Stable id; the turn's HTML id on its page. */
  id: z.string().regex(/^t-[\w-]+$/),
  /** Who spoke: `label` as printed, `name` resolved. */
  speaker: z.object({ id: z.string(), name: z.string(), label: z.string() }),
  /** Printed timestamps in the turn, in order. */
  timestamps: z.array(timestampSchema),
  /** Plain text of each paragraph. */
  paragraphs: z.array(z.string()),
  /** Footnote numbers referenced in the turn, in order. */
  footnotes: z.array(z.number().int()),
  /** Editorial marks in the turn, in order. */
  editorial: z.array(editorialSchema),
  /** Page furniture printed between the turn's paragraphs, each before `paragraphs[before]`, when there is any. */
  furniture: z.array(pageFurnitureSchema.extend({ before: z.number().int().nonnegative() })).optional(),
  /**
   * When the turn starts and ends, in seconds from the start of the tape; `estimated` unless it opens with a
   * printed timestamp (an estimate lies between two printed times). Null when the transcript gives no time
   * for the turn (before its first printed time, after its last, or in a transcript that prints none); `end`
   * is absent when no time is given after the turn's start.
   */
  time: z
    .object({
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative().optional(),
      estimated: z.boolean(),
    })
    .nullable() /**
   * Every word spoken in the turn, in order, when the transcript has an alignment (its sidecar's
   * `alignment`); absent otherwise. Each word as printed (punctuation and editorial marks are not words),
   * where it stands in the raw text, and, when the aligner placed it, its `start` and `end` in seconds of
   * tape time (to the millisecond) and the aligner's `score` (0 to 1) when it gives one. A word without
   * `start` is one the aligner did not place: no time is given for it.
   */,
  words: z
    .array(
      z.object({
        text: z.string(),
        line: z.number().int().positive(),
        column: z.number().int().positive(),
        start: z.number().optional(),
        end: z.number().optional(),
        score: z.number().min(0).max(1).optional(),
      }),
    )
    .optional(),
})

export const blockSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('paragraph'),
    /** `intro-N`, `epilogue-N`, or `conversation-N` for an unattributed paragraph. */
    id: z.string(),
    /** Which part of the document the narrative paragraph belongs to. */
    section: z.enum(['introduction', 'epilogue', 'conversation']),
    /** Plain text. */
    text: z.string(),
    /** Footnote numbers referenced, in order. */
    footnotes: z.array(z.number().int()),
    /** Printed timestamps in the paragraph (rare outside turns), when there are any. */
    timestamps: z.array(timestampSchema).optional(),
  }),
  z.object({
    type: z.literal('heading'),
    /** Plain text of the conversation's heading. */
    text: z.string(),
    /** Footnote numbers referenced (usually the participants note). */
    footnotes: z.array(z.number().int()),
    /** Printed timestamps in the heading, when there are any. */
    timestamps: z.array(timestampSchema).optional(),
  }),
  turnSchema,
  pageFurnitureSchema,
  z.object({
    type: z.literal('excision'),
    /** `excision-N`, its HTML id. */
    id: z.string(),
    /** The excision note as printed (plain text). */
    text: z.string(),
    /** Its duration, or null when it cannot be read. */
    seconds: z.number().int().nonnegative().nullable(),
    /** Footnote numbers referenced in the note, when there are any. */
    footnotes: z.array(z.number().int()).optional(),
    /** Printed timestamps in the note, when there are any. */
    timestamps: z.array(timestampSchema).optional(),
  }),
  z.object({
    type: z.literal('direction'),
    /** `direction-N`, its HTML id. */
    id: z.string(),
    /** The stage direction, brackets kept. */
    text: z.string(),
    /** Footnote numbers referenced, when there are any. */
    footnotes: z.array(z.number().int()).optional(),
    /** Printed timestamps, when there are any. */
    timestamps: z.array(timestampSchema).optional(),
  }),
])

export const footnoteSchema = z.object({
  /** The footnote's number. */
  n: z.number().int(),
  /** Plain text of the note. */
  text: z.string(),
  /** Whether any marker in the transcript points to it. */
  referenced: z.boolean(),
  /** Markers of other notes inside this note, when there are any. */
  footnotes: z.array(z.number().int()).optional(),
  /** Printed timestamps inside the note, when there are any. */
  timestamps: z.array(timestampSchema).optional(),
})

/** Where the transcript was published and archived (from its sidecar); every field optional. */
export const sourceSchema = z.object({
  publisher: z.string().optional(),
  place: z.string().optional(),
  year: z.string().optional(),
  edition: z.string().optional(),
  volume: z.string().optional(),
  volumeTitle: z.string().optional(),
  editors: z.array(z.string()).optional(),
  status: z.enum(['draft', 'published']).optional(),
  /** The document's number or id in the edition. */
  document: z.string().optional(),
  archive: z.string().optional(),
  collection: z.string().optional(),
  /** The tape or conversation number in the archive. */
  tape: z.string().optional(),
  archiveUrl: z.string().optional(),
  url: z.string().optional(),
})

/**
 * The transcript's citation (src/contract/citation.ts `CitationFields`, decided by src/core/citation.ts):
 * the same fields the page's source note, its turn panel and the TEI give. The access date is the reader's
 * and the page's address the site's, so neither is here.
 */
export const citationSchema = z.object({
  title: z.string(),
  date: z.string().optional(),
  /** `draft`: to appear in `edition`, never cited as published there; `unstated`: the source says neither. */
  status: z.enum(['draft', 'published', 'unstated']),
  /** The status note as printed. */
  statusNote: z.string().optional(),
  edition: z.string().optional(),
  volume: z.string().optional(),
  volumeTitle: z.string().optional(),
  editors: z.array(z.string()),
  /** The document's number as cited: a numeric id without zero padding (`00173` → `173`). */
  document: z.string().optional(),
  publisher: z.string().optional(),
  place: z.string().optional(),
  year: z.string().optional(),
  archive: z.string().optional(),
  collection: z.string().optional(),
  tape: z.string().optional(),
  /** The archive's own copy, from the sidecar only. */
  archiveUrl: z.string().optional(),
  /** The edition's text online, from the sidecar only. */
  editionUrl: z.string().optional(),
  /** The online edition the transcript is read in: the site's configuration (the CLI's default title). */
  site: z.object({ title: z.string(), publisher: z.string().optional(), editors: z.array(z.string()) }),
  /**
   * The version cited, when the transcript's history is known: the newest commit's short id and day, and
   * `unpublished` when the text has edits made after it.
   */
  version: z.object({ id: z.string(), date: z.string(), unpublished: z.boolean().optional() }).optional(),
})

/** A version of the transcript: a commit that changed its text or its sidecar (docs/data-format.md, "Versions"). */
export const versionSchema = z.object({
  /** The short commit id (`3f2a9c1`): `/<name>/versions/<id>.txt` is the text as it was. */
  id: z.string(),
  /** The full commit id. */
  commit: z.string(),
  /** When it was committed, ISO 8601 with its offset. */
  date: z.string(),
  /** The editor's note: the sidecar's `revisions` entry, else the commit message's first line. */
  note: z.string().optional(),
  /** Who made it, only when the site's configuration publishes authors. */
  author: z.string().optional(),
})

/** A sidecar's `witnesses:` entry: another transcription of the same recording, and where the sidecar names it. */
export const witnessSchema = z.object({
  transcript: z.string(),
  transcriber: z.string().optional(),
  source: z.string().optional(),
  /** Where the sidecar names the transcript, 1-based (the sidecar's line and column). */
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
})

/** The recording the transcript follows (from its sidecar). */
export const recordingSchema = z.object({
  /** A path relative to the transcript's folder, or an absolute `http(s)` URL. */
  src: z.string().min(1),
  /** Seconds into the recording at which the transcript's 0:00 falls; absent means 0. */
  offset: z.number().nonnegative().optional(),
})

/** A fact about the recording: its value, where it came from and, from the text, its words and place. */
function fact<T extends z.ZodType>(value: T) {
  return z.object({
    value,
    /** `text` (the header or the printed heading), `sidecar`, or `name` (the id only: the file's name). */
    from: z.enum(['text', 'sidecar', 'name']),
    /** From the text: the seed's header lines, or the printed heading (and its dateline). */
    in: z.enum(['header', 'heading']).optional(),
    /** As printed (from the text), or as the sidecar gives it. */
    printed: z.string().optional(),
    /** Where it is printed, 1-based (from the text only). */
    line: z.number().int().positive().optional(),
    column: z.number().int().positive().optional(),
  })
}

/** Id, date, time, place and participants, each with where it came from (src/core/parse/facts.ts). */
export const metadataSchema = z.object({
  /** The printed heading they were read from, when the transcript opens with one a house style knows. */
  heading: z.enum(headingKindNames).optional(),
  id: fact(z.string()),
  /** ISO `YYYY-MM-DD`. */
  date: fact(z.string()).optional(),
  /** 24-hour `HH:MM`: the start, and the end when printed. */
  time: fact(z.object({ start: z.string(), end: z.string().optional() })).optional(),
  place: fact(z.string()).optional(),
  /** The participants as the heading prints them. */
  participants: fact(z.array(z.string())).optional(),
})

export const diagnosticSchema = z.object({
  /** `info` says what the parser decided (such as the house style); it never fails a build. */
  severity: z.enum(['error', 'warning', 'info']),
  /** The file the message is about when it is not the transcript: its sidecar's name (`<name>.yml`). */
  file: z.string().optional(),
  /** The rule's id (see `src/core/diagnostics.ts`). */
  rule: z.string(),
  /** What is wrong, for a transcript editor, with the fix where it helps. */
  message: z.string(),
  /** 1-based place in the source file. */
  line: z.number().int().positive(),
  column: z.number().int().positive(),
})

export const transcriptSchema = z.object({
  /** File name without `.txt`; the page is at `/<name>/`. */
  name: z.string(),
  /** Document id: the header's (`01181`), a numbered heading's, the sidecar's, else the file's name. */
  id: z.string(),
  /** ISO date of the recording (header, heading or sidecar); empty when nothing gives one: undated. */
  date: z.string(),
  /** The sidecar's `title` when it gives one, else the plain text of the conversation's heading. */
  title: z.string(),
  /** The series the transcript belongs to, from its sidecar. */
  series: z.string().optional(),
  /** Where it was published and archived, from its sidecar. */
  source: sourceSchema.optional(),
  /** The recording it follows, from its sidecar. */
  recording: recordingSchema.optional(),
  /**
   * The word timings' file its sidecar names (`alignment`), when it could be read: its format (`whisperx`,
   * `gentle`, `webvtt`), how many words the turns hold and how many of them it times (the turns' `words`).
   */
  alignment: z
    .object({
      src: z.string(),
      format: z.enum(['whisperx', 'gentle', 'webvtt']),
      words: z.number().int().nonnegative(),
      aligned: z.number().int().nonnegative(),
    })
    .optional(),
  /** Who made this transcription, from its sidecar. */
  transcriber: z.string().optional(),
  /** Other transcriptions of the same recording its sidecar names (the collection pairs them both ways). */
  witnesses: z.array(witnessSchema).optional(),
  /** The editorial status note. */
  status: z.string().nullable(),
  /** How to cite it: edition, editors, volume, document, archive and tape, draft or published. */
  citation: citationSchema,
  /** The edition's own word for where the transcript stands (`checked`), from the sidecar's `status`. */
  editorialStatus: z.string().optional(),
  /** Every version, oldest first, when the transcript's history is known (the build reads it from git). */
  versions: z.array(versionSchema).optional(),
  /** The text is not the newest version's: it has edits not yet committed (never passed off as a version). */
  unpublished: z.boolean().optional(),
  /** The printed weekday date line. */
  dateLine: z.string().nullable(),
  /** The time range as printed (the header's line, else the heading's), or as the sidecar gives it. */
  time: z.string().nullable(),
  /** Where id, date, time, place and participants came from: the text or the sidecar. */
  metadata: metadataSchema,
  /** Every voice, in order of first appearance. */
  speakers: z.array(speakerSchema),
  /** The printed key of the speakers (`P = President`), when the transcript has one: whence their names. */
  speakerKey: z.array(speakerKeyEntrySchema).optional(),
  /** The body in reading order. */
  blocks: z.array(blockSchema),
  /** All footnote definitions, in number order. */
  footnotes: z.array(footnoteSchema),
  /** Footnote markers and timestamps printed in the header lines, when there are any. */
  headerMarks: z
    .object({ footnotes: z.array(z.number().int()).optional(), timestamps: z.array(timestampSchema).optional() })
    .optional(),
  /** What the parser noticed, in source order. */
  diagnostics: z.array(diagnosticSchema),
})

export type TranscriptJson = z.infer<typeof transcriptSchema>
export type BlockJson = z.infer<typeof blockSchema>
export type TurnJson = z.infer<typeof turnSchema>
export type CitationJson = z.infer<typeof citationSchema>
export type PageFurnitureJson = z.infer<typeof pageFurnitureSchema>
export type MetadataJson = z.infer<typeof metadataSchema>
