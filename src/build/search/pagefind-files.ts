/**
 * Reading back what Pagefind (1.5.2 and 1.6.0) wrote: its metadata (`pagefind.<hash>.pf_meta`: the pages in index
 * order, the index chunks' word ranges) and its index chunks (`index/<hash>.pf_index`: each word's pages
 * and word positions). Both are gzipped, signed `pagefind_dcd`, then CBOR (pagefind/src/index/ and
 * pagefind_web/src/index.rs in Pagefind's source). Build code only; the page never reads these itself.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'

/** A small CBOR decoder: unsigned and negative integers, strings, arrays, maps, true/false/null. */
export function decodeCbor(bytes: Uint8Array): unknown {
  let at = 0
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const text = new TextDecoder()
  const argument = (info: number): number => {
    if (info < 24) return info
    if (info === 24) return bytes[at++]!
    if (info === 25) {
      at += 2
      return view.getUint16(at - 2)
    }
    if (info === 26) {
      at += 4
      return view.getUint32(at - 4)
    }
    if (info === 27) {
      at += 8
      return Number(view.getBigUint64(at - 8))
    }
    throw new Error(`CBOR: indefinite lengths are not expected (${info})`)
  }
  const item = (): unknown => {
    const initial = bytes[at++]!
    const major = initial >> 5
    const info = initial & 31
    switch (major) {
      case 0:
        return argument(info)
      case 1:
        return -1 - argument(info)
      case 2: {
        const n = argument(info)
        at += n
        return bytes.subarray(at - n, at)
      }
      case 3: {
        const n = argument(info)
        at += n
        return text.decode(bytes.subarray(at - n, at))
      }
      case 4: {
        const n = argument(info)
        const list = new Array<unknown>(n)
        for (let i = 0; i < n; i++) list[i] = item()
        return list
      }
      case 5: {
        const n = argument(info)
        const map: Record<string, unknown> = {}
        for (let i = 0; i < n; i++) map[String(item())] = item()
        return map
      }
      case 7:
        if (info === 20) return false
        if (info === 21) return true
        if (info === 22) return null
    }
    throw new Error(`CBOR: unexpected item ${initial} at ${at - 1}`)
  }
  return item()
}

const SIGNATURE = 'pagefind_dcd'

function decodeFile(bytes: Uint8Array): unknown {
  const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes
  const signed = new TextDecoder().decode(plain.subarray(0, SIGNATURE.length)) === SIGNATURE
  return decodeCbor(signed ? plain.subarray(SIGNATURE.length) : plain)
}

export interface PagefindMeta {
  /** Page hashes (fragment ids) in index order: an index chunk names pages by their place here. */
  pages: string[]
  /** The index chunks: the words each holds, from and to, and its file's hash. */
  chunks: Array<{ from: string; to: string; hash: string }>
}

/** Pagefind's metadata for its one language (the site is indexed as English only). */
export async function readPagefindMeta(dir: string): Promise<PagefindMeta> {
  const entry = JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string }>
  }
  const languages = Object.values(entry.languages)
  if (languages.length !== 1) throw new Error(`Pagefind wrote ${languages.length} languages; the search expects one`)
  const meta = decodeFile(await readFile(join(dir, `pagefind.${languages[0]!.hash}.pf_meta`))) as [
    string,
    Array<[string, number]>,
    Array<[string, string, string]>,
  ]
  return { pages: meta[1].map(([hash]) => hash), chunks: meta[2].map(([from, to, hash]) => ({ from, to, hash })) }
}

/** One word of an index chunk: each page (by its place in the metadata) with the word's positions there. */
export interface IndexedWord {
  word: string
  pages: Array<{ page: number; positions: number[] }>
}

type RawPages = Array<[number, number[], number[]?]>

function decodePages(raw: RawPages): Array<{ page: number; positions: number[] }> {
  let page = 0
  return raw.map(([delta, locations]) => {
    page += delta
    // Positions are deltas; a negative number changes the weight of those after it, whose first is absolute.
    const positions: number[] = []
    let last = 0
    for (const location of locations) {
      if (location < 0) last = 0
      else {
        last += location
        positions.push(last)
      }
    }
    return { page, positions }
  })
}

/** An index chunk's words; a word's other diacritic forms (which Pagefind also matches) are merged into it. */
export async function readIndexChunk(dir: string, hash: string): Promise<IndexedWord[]> {
  const raw = decodeFile(await readFile(join(dir, 'index', `${hash}.pf_index`))) as [
    Array<[string, RawPages, Array<[string, RawPages]>?]>,
  ]
  return raw[0].map(([word, pages, variants]) => {
    const all = decodePages(pages)
    for (const [, more] of variants ?? []) all.push(...decodePages(more))
    return { word, pages: all }
  })
}

/** Pagefind's index in parts (./parts.ts) read as one: every part's pages numbered in turn. */
export interface PagefindParts {
  /** Page hashes of every part, each part's after the last's: an index chunk's page n of part k is `offset + n`. */
  pages: string[]
  parts: Array<{ dir: string; chunks: PagefindMeta['chunks']; offset: number }>
}

/** The metadata of each part's folder, in the parts' order. */
export async function readPagefindParts(dirs: readonly string[]): Promise<PagefindParts> {
  const pages: string[] = []
  const parts: PagefindParts['parts'] = []
  for (const dir of dirs) {
    const meta = await readPagefindMeta(dir)
    parts.push({ dir, chunks: meta.chunks, offset: pages.length })
    pages.push(...meta.pages)
  }
  return { pages, parts }
}

/** One part's words in its index's order, its pages numbered across the parts; `chunkRead` after each chunk. */
async function* partWords(part: PagefindParts['parts'][number], chunkRead: () => void): AsyncGenerator<IndexedWord> {
  for (const chunk of part.chunks) {
    const words = await readIndexChunk(part.dir, chunk.hash)
    chunkRead()
    // The first part's pages keep their numbers: no copy of every word's pages for it (nor for one index).
    for (const { word, pages } of words)
      yield {
        word,
        pages: part.offset === 0 ? pages : pages.map(({ page, positions }) => ({ page: page + part.offset, positions })),
      }
  }
}

/** A UTF-16 code unit moved so that units compare as code points do (surrogates after U+FFFF's others). */
const asCodePoint = (unit: number) => (unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit)

/**
 * Orders words as Pagefind sorts them (Rust's string order: by bytes of UTF-8, which is code point order),
 * not as JavaScript's `<` does (by UTF-16 units, which puts an emoji before U+E000–U+FFFF).
 */
export function byCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y) return asCodePoint(x) - asCodePoint(y)
  }
  return a.length - b.length
}

/**
 * Every word of the parts' index chunks, each once, in word order (each part's chunks are in Pagefind's
 * order: merged as they come), with its pages in every part, the parts' in their order; one chunk of
 * each part is held at a time. `step` is told the chunks read so far.
 */
export async function* indexedWords(index: PagefindParts, step: (done: number) => void): AsyncGenerator<IndexedWord> {
  let done = 0
  const streams = index.parts.map((part) => partWords(part, () => step(++done)))
  const heads = await Promise.all(streams.map((stream) => stream.next()))
  for (;;) {
    let word: string | undefined
    for (const head of heads)
      if (!head.done && (word === undefined || byCodePoint(head.value.word, word) < 0)) word = head.value.word
    if (word === undefined) return
    const pages: IndexedWord['pages'] = []
    for (const [k, head] of heads.entries()) {
      if (head.done || head.value.word !== word) continue
      pages.push(...head.value.pages)
      heads[k] = await streams[k]!.next()
    }
    yield { word, pages }
  }
}
