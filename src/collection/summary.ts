/**
 * A transcript's summary: the little the collection pages need (index, browse, speakers) and all the
 * content store keeps of it. The transcript's JSON and HTML stay on disk (src/build/prepare/artifacts.ts) and are read
 * only by the page that shows them, so the store, which Astro serializes and loads as one module, stays
 * small at any collection size.
 */
import { z } from 'astro/zod'
import { speakerGroups } from './speakers.ts'
import { UNIDENTIFIED_KIND } from '../contract/speakers.ts'
import { transcriptTitle } from '../core/names.ts'
import type { VersionChanges } from '../core/revisions/history.ts'
import { diagnosticSchema, recordingSchema, sourceSchema, witnessSchema, type TranscriptJson } from '../core/schema.ts'

export const summarySpeakerSchema = z.object({
  /** The speaker's key: the person's speaker id, or `unidentified` for all unidentified voices. */
  key: z.string(),
  /** The full name, or `Unidentified voices`. */
  name: z.string(),
  kind: z.enum(['person', UNIDENTIFIED_KIND]),
  /** Turns in this transcript. */
  turns: z.number().int().nonnegative(),
  /** For the unidentified voices: how many voices (`unidentifiedVoices`), never their turns. */
  voices: z.object({ voices: z.number().int().nonnegative(), exact: z.boolean() }).optional(),
})

export const summarySchema = z.object({
  /** File name without `.txt`; the page is at `/<name>/`. */
  name: z.string(),
  /** Document id printed first in the header. */
  id: z.string(),
  /** ISO date; empty when the header has none. */
  date: z.string(),
  /** The title as shown (`transcriptTitle`): the sidecar's, the heading, or the document id. */
  title: z.string(),
  /** From the sidecar, as in the transcript's JSON. */
  series: z.string().optional(),
  source: sourceSchema.optional(),
  recording: recordingSchema.optional(),
  /** Who made this transcription and the other transcriptions its sidecar names (./witnesses.ts pairs them). */
  transcriber: z.string().optional(),
  witnesses: z.array(witnessSchema).optional(),
  dateLine: z.string().nullable(),
  time: z.string().nullable(),
  turns: z.number().int().nonnegative(),
  notes: z.number().int().nonnegative(),
  /** People in order of first appearance, then the unidentified voices as one group. */
  speakers: z.array(summarySpeakerSchema),
  /** What the parser noticed: the build reports them on every run, changed or not. */
  diagnostics: z.array(diagnosticSchema),
  /** Hash of the source bytes and of the library that read them: the page's cache key. */
  digest: z.string(),
  /**
   * The transcript's versions, oldest first, when its history is known: what the changes page and feed
   * list and the revisions page's route is made for. `changed`: how many passages a version changed
   * (null when its text could not be compared; 0 for the first).
   */
  history: z
    .object({
      versions: z.array(
        z.object({
          id: z.string(),
          commit: z.string(),
          date: z.string(),
          note: z.string().optional(),
          changed: z.number().int().nonnegative().nullable(),
        }),
      ),
      unpublished: z.boolean().optional(),
    })
    .optional(),
})

export type TranscriptSummary = z.infer<typeof summarySchema>
export type SummarySpeaker = z.infer<typeof summarySpeakerSchema>

export function summarize(json: TranscriptJson, digest: string, changes?: readonly VersionChanges[]): TranscriptSummary {
  const counts = new Map(changes?.map((entry) => [entry.version.id, entry.compared ? entry.changed.length : null]))
  return {
    name: json.name,
    id: json.id,
    date: json.date,
    title: transcriptTitle(json),
    ...(json.series !== undefined ? { series: json.series } : {}),
    ...(json.source !== undefined ? { source: json.source } : {}),
    ...(json.recording !== undefined ? { recording: json.recording } : {}),
    ...(json.transcriber !== undefined ? { transcriber: json.transcriber } : {}),
    ...(json.witnesses !== undefined ? { witnesses: json.witnesses } : {}),
    dateLine: json.dateLine,
    time: json.time,
    turns: json.blocks.reduce((sum, block) => sum + (block.type === 'turn' ? 1 : 0), 0),
    notes: json.footnotes.length,
    speakers: speakerGroups(json).map(({ key, name, kind, turns, voices }) => ({
      key,
      name,
      kind,
      turns,
      ...(voices ? { voices } : {}),
    })),
    diagnostics: json.diagnostics,
    digest,
    ...(json.versions
      ? {
          history: {
            versions: json.versions.map(({ id, commit, date, note }) => ({
              id,
              commit,
              date,
              ...(note !== undefined ? { note } : {}),
              changed: counts.get(id) ?? null,
            })),
            ...(json.unpublished ? { unpublished: true } : {}),
          },
        }
      : {}),
  }
}
