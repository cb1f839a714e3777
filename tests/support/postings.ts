/**
 * A site's postings (src/contract/postings.ts) read back as what they say, whatever the build numbered its
 * transcripts: for each key, each transcript holding it by name, with each section's number, its speaker
 * (or note, editorial) and, for a pair, its places. Two builds of the same collection must say the same,
 * however the collection was cut in parts (the serials are the build's own order).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import {
  decodeNumbers,
  EDITORIAL_CODE,
  NOTE_CODE,
  postingPlacesPath,
  postingTranscriptsPath,
  SPEAKER_CODE,
  type PostingEntry,
  type PostingFile,
  type PostingTranscripts,
} from '../../src/contract/postings.ts'

const read = <T>(site: string, path: string): T => JSON.parse(gunzipSync(readFileSync(join(site, path))).toString('utf8')) as T

/** Every key's rows, as text: `name: section speaker [places]; …`, rows sorted by name. */
export function postingsSaid(site: string): Map<string, string[]> {
  const transcripts: PostingTranscripts = []
  for (let n = 0; existsSync(join(site, postingTranscriptsPath(n))); n++)
    transcripts.push(...read<PostingTranscripts>(site, postingTranscriptsPath(n)))
  const said = new Map<string, string[]>()
  const folder = join(site, 'search/postings')
  for (const file of readdirSync(folder).filter((f) => /^\d+\.json\.gz$/.test(f))) {
    const bucket = read<PostingFile>(site, `search/postings/${file}`)
    for (const [key, value] of Object.entries(bucket.keys)) {
      let entry: PostingEntry
      if (Array.isArray(value)) {
        const own = read<PostingFile>(site, `search/postings/own-${value[0]}.json.gz`)
        entry = own.keys[key] as PostingEntry
        if (key.includes(' ')) entry = { ...entry, p: read<string>(site, postingPlacesPath(value[0])) }
      } else entry = value
      said.set(key, rowsOf(entry, transcripts))
    }
  }
  return said
}

function rowsOf(entry: PostingEntry, transcripts: PostingTranscripts): string[] {
  const t = decodeNumbers(entry.t)
  const n = decodeNumbers(entry.n)
  const s = decodeNumbers(entry.s)
  const c = decodeNumbers(entry.c)
  const p = entry.p === undefined ? undefined : decodeNumbers(entry.p)
  const rows: string[] = []
  let serial = 0
  let at = 0
  let place = 0
  for (let row = 0; row < t.length; row++) {
    serial += t[row]!
    const [name, , speakers] = transcripts[serial]!
    const sections: string[] = []
    let section = 0
    for (let k = 0; k < n[row]!; k++, at++) {
      section += s[at]!
      const code = c[at]!
      const who = code === NOTE_CODE ? 'note' : code === EDITORIAL_CODE ? 'editorial' : speakers[code - SPEAKER_CODE]
      let text = `${section} ${who}`
      if (p) {
        const places: number[] = []
        let here = 0
        for (let more = true; more; place++) {
          here += p[place]! >> 1
          more = (p[place]! & 1) === 1
          places.push(here)
        }
        text += ` [${places.join(',')}]`
      }
      sections.push(text)
    }
    rows.push(`${name}: ${sections.join('; ')}`)
  }
  return rows.sort()
}
