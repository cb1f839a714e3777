/** JSON: the public data format (docs/data-format.md, checked by src/core/schema.ts). */
import type { TranscriptJson } from '../schema.ts'
import { toJson } from '../to-json.ts'
import type { Format } from './format.ts'

/** The public JSON text, pretty-printed with a final newline, as the site serves it and the CLI prints it. */
export function jsonText(json: TranscriptJson | TranscriptJson[]): string {
  return `${JSON.stringify(json, null, 2)}\n`
}

export const json: Format = {
  name: 'json',
  label: 'JSON',
  purpose: 'the whole transcript as data (turns, speakers, times, notes), for programs and your own analysis',
  extension: 'json',
  mediaType: 'application/json',
  site: true,
  write: ({ tree, file, citation }) => jsonText(toJson(tree, file, citation)),
  writeMany: (transcripts) => jsonText(transcripts.map(({ tree, file, citation }) => toJson(tree, file, citation))),
}
