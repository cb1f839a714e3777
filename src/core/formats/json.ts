/** JSON: the public data format (docs/data-format.md, checked by src/core/schema.ts). */
import type { TranscriptJson } from '../schema.ts'
import { toJson } from '../to-json.ts'
import type { Format } from './format.ts'

/**
 * The public JSON text, as the site serves it and the CLI prints it: one line with a final newline. Indenting
 * it made each transcript's file 46 % larger (the seed's 93.7 KB against 64.1 KB; 16.6 KB a generated transcript,
 * 166 MB of a site of 10,000: issue 25); `jq .` or a browser's viewer shows it indented.
 */
export function jsonText(json: TranscriptJson | TranscriptJson[]): string {
  return `${JSON.stringify(json)}\n`
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
