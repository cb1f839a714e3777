/** Raw: the transcript written back in its source syntax (../serialize.ts); parsing it gives the same tree. */
import { serialize } from '../serialize.ts'
import type { Format } from './format.ts'

export const raw: Format = {
  name: 'raw',
  label: 'Raw text',
  purpose: 'the transcript in its source syntax',
  extension: 'txt',
  mediaType: 'text/plain; charset=utf-8',
  // The source itself is the raw file; the site serves the reading text as .txt instead.
  site: false,
  write: ({ tree }) => serialize(tree),
}
