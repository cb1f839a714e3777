/**
 * What an export is: a name the CLI takes (`--format tei`), the file extension and media type it is served
 * with, and a writer from the transcript tree (never from raw text). The registry (./index.ts) lists them.
 */
import type { VFile } from 'vfile'
import type { TranscriptRoot } from '../types.ts'
import type { CitationDefaults } from '../citation.ts'

/** A parsed transcript as the formats read it: the tree and the file that holds its messages. */
export interface ParsedTranscript {
  tree: TranscriptRoot
  file: VFile
  /** The site's defaults for the citation (its configuration), when a site writes the export. */
  citation?: CitationDefaults
}

export interface Format {
  /** The CLI's `--format` value. */
  name: string
  /** The label a reader sees in the page's download list. */
  label: string
  /** What the file is for, to a reader who has not met the format, after its label in the download list. */
  purpose: string
  /** Without the dot: `/<name>/transcript.<extension>`. */
  extension: string
  /** The media type the file is served as. */
  mediaType: string
  /** Written for each transcript by the site build (`/<name>/transcript.<extension>`). */
  site: boolean
  /** The whole file, UTF-8 text with a final newline. */
  write(transcript: ParsedTranscript): string
  /**
   * Several transcripts as one output (the CLI's stdout), for formats that have a way to hold several;
   * without it, the CLI writes one file per transcript (`--out DIR`).
   */
  writeMany?(transcripts: ParsedTranscript[]): string
}
