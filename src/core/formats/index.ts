/**
 * The formats registry: every export of a transcript, in the order the CLI lists them and the page links
 * them. Adding a format is one module in this folder and one line here.
 */
import type { Format } from './format.ts'
import { json } from './json.ts'
import { raw } from './raw.ts'
import { tei } from './tei/index.ts'
import { text } from './text.ts'
import { vtt } from './vtt.ts'

export type { Format, ParsedTranscript } from './format.ts'

export const formats: readonly Format[] = [json, text, tei, vtt, raw]

/** The formats the site writes beside each page, `/<name>/transcript.<extension>`. */
export const siteFormats: readonly Format[] = formats.filter((format) => format.site)

export function formatNamed(name: string): Format | undefined {
  return formats.find((format) => format.name === name)
}
