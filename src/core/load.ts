/**
 * Loading a transcript: bytes → text → tree → JSON, in one place for the CLI, the site's content
 * loader and the tests. The name of a transcript is its file name without `.txt`; its optional sidecar
 * (src/core/sidecar.ts) is `<name>.yml` beside it. The sidecar's messages join the transcript's,
 * naming the sidecar's file, so one list tells an editor everything and one error stops the build.
 * Reading the files from disk is the build's (src/build/prepare/transcript-files.ts): the core imports no Node.
 */
import { VFile } from 'vfile'
import { parse } from './parse/index.ts'
import { toJson } from './to-json.ts'
import type { TranscriptJson } from './schema.ts'
import { readSidecar, type Sidecar, sidecarFacts, sidecarKeyPoint, sidecarMeta } from './sidecar.ts'
import type { TranscriptRoot } from './types.ts'
import type { CitationDefaults } from './citation.ts'
import { applyAlignment } from './alignment/index.ts'
import { report } from './diagnostics.ts'

export interface LoadedTranscript {
  tree: TranscriptRoot
  file: VFile
  json: TranscriptJson
}

/** A sidecar's bytes (or text) and where they were read. */
export interface SidecarInput {
  value: string | Uint8Array
  path: string
}

export interface LoadOptions {
  /** The transcript's sidecar, when it has one. */
  sidecar?: SidecarInput
  /** The house style to read with when the sidecar names none (the site configuration's default). */
  style?: string
  /** What the site's configuration gives every citation (its name, publisher, editors). */
  citation?: CitationDefaults
  /**
   * Reads a file beside the transcript that its sidecar names (`alignment`), by the path as the sidecar
   * gives it; undefined when there is none. Without it no such file is read.
   */
  readBeside?: (src: string) => string | Uint8Array | undefined
}

/** `folder/<name>.txt` → `<name>` (vfile's path handling: Node's own in Node). */
export function transcriptName(path: string): string {
  return ((path && new VFile({ path }).basename) || '').replace(/\.txt$/i, '')
}

/**
 * Parses text or bytes already in memory. Bytes are decoded by the parser (parse/decode.ts), which reports
 * bytes that are not UTF-8 with their offsets; the file then holds the decoded text. A sidecar with an
 * error is reported and left out: the transcript is read as if it had none.
 */
export function loadTranscript(value: string | Uint8Array, path: string, options: LoadOptions = {}): LoadedTranscript {
  const { tree, file } = parseTranscript(value, path, options)
  return { tree, file, json: toJson(tree, file, options.citation) }
}

/** A transcript parsed, with its sidecar as read (and the sidecar's file, for messages about it). */
export interface ParsedTranscript {
  tree: TranscriptRoot
  file: VFile
  sidecar?: Sidecar
  sidecarFile?: VFile
}

/** `loadTranscript` before the JSON: what ./revisions/load.ts completes with the history first. */
export function parseTranscript(value: string | Uint8Array, path: string, options: LoadOptions = {}): ParsedTranscript {
  const file = new VFile({ path, value })
  let sidecar: ReturnType<typeof readSidecar>
  let sidecarFile: VFile | undefined
  if (options.sidecar) {
    sidecarFile = new VFile({ value: options.sidecar.value, path: options.sidecar.path })
    sidecar = readSidecar(sidecarFile)
    file.messages.push(...sidecarFile.messages)
  }
  const given = sidecar && sidecarFacts(sidecar)
  const tree = parse(file, {
    name: transcriptName(path),
    ...(given ? { given } : {}),
    ...(sidecar?.speakers ? { speakers: sidecar.speakers } : {}),
    ...((sidecar?.conventions ?? options.style) !== undefined ? { style: sidecar?.conventions ?? options.style } : {}),
  })
  const meta = sidecar && sidecarMeta(sidecar)
  if (meta) tree.meta = meta
  if (sidecar?.alignment !== undefined && sidecarFile) {
    const src = sidecar.alignment
    const value = options.readBeside?.(src)
    const beside = `${sidecarFile.dirname && sidecarFile.dirname !== '.' ? `${sidecarFile.dirname}/` : ''}${src}`
    if (value === undefined) {
      report(
        sidecarFile,
        'alignment-missing',
        `\`alignment\`: no file \`${src}\` beside the transcript; it is read without word timings`,
        sidecarKeyPoint(sidecarFile, ['alignment']),
      )
      file.messages.push(sidecarFile.messages.at(-1)!)
    } else applyAlignment(tree, file, { src, path: beside, value })
  }
  return { tree, file, ...(sidecar ? { sidecar } : {}), ...(sidecarFile ? { sidecarFile } : {}) }
}
