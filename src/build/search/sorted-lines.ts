/**
 * Files of lines in key order (a line's key is its text up to its first tab), written and read back a
 * megabyte at a time, and several such files merged key by key, one line of each held at a time: how
 * each part's pieces of the search's tables are kept in the cache and merged into the collection's
 * (./posting-parts.ts, ./head-parts.ts). Keys compare with `<` (UTF-16 units), the same on both sides.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs'
import { StringDecoder } from 'node:string_decoder'

/** Writes `lines` (each without its newline) to `path`, a megabyte at a time. */
export function writeLines(path: string, lines: Iterable<string>): void {
  const fd = openSync(path, 'w')
  try {
    let text = ''
    for (const line of lines) {
      text += `${line}\n`
      if (text.length >= 1 << 20) {
        writeSync(fd, text)
        text = ''
      }
    }
    writeSync(fd, text)
  } finally {
    closeSync(fd)
  }
}

/** A line's key: its text up to its first tab. */
const keyOf = (line: string): string => line.slice(0, line.indexOf('\t'))

/** A file's lines, read a megabyte at a time. */
class Lines {
  private readonly fd: number
  private readonly buffer = Buffer.allocUnsafe(1 << 20)
  private readonly decoder = new StringDecoder('utf8')
  private pending: string[] = []
  private at = 0
  private rest = ''
  private ended = false
  /** The line read last and its key, undefined at the file's end. */
  line: string | undefined
  key: string | undefined

  constructor(path: string) {
    this.fd = openSync(path, 'r')
    this.next()
  }

  next(): void {
    while (this.at >= this.pending.length && !this.ended) {
      const read = readSync(this.fd, this.buffer, 0, this.buffer.length, null)
      const text = this.rest + (read > 0 ? this.decoder.write(this.buffer.subarray(0, read)) : this.decoder.end())
      if (read === 0) this.ended = true
      this.pending = text.split('\n')
      this.rest = this.ended ? '' : this.pending.pop()!
      this.at = 0
      if (this.ended) this.pending = this.pending.filter((line) => line !== '')
    }
    if (this.at < this.pending.length) {
      this.line = this.pending[this.at++]!
      this.key = keyOf(this.line)
    } else {
      this.line = this.key = undefined
      this.close()
    }
  }

  private open = true

  close(): void {
    if (this.open) closeSync(this.fd)
    this.open = false
  }
}

/** Every key of the files, in key order, with its lines in the files' order (`part`: the file's number). */
export function* mergeLines(paths: readonly string[]): Generator<{ key: string; lines: Array<{ part: number; line: string }> }> {
  const readers = paths.map((path) => new Lines(path))
  try {
    for (;;) {
      let key: string | undefined
      for (const reader of readers) {
        const at = reader.key
        if (at !== undefined && (key === undefined || at < key)) key = at
      }
      if (key === undefined) return
      const lines: Array<{ part: number; line: string }> = []
      readers.forEach((reader, part) => {
        if (reader.key !== key) return
        lines.push({ part, line: reader.line! })
        reader.next()
      })
      yield { key, lines }
    }
  } finally {
    for (const reader of readers) if (reader.key !== undefined) reader.close()
  }
}
