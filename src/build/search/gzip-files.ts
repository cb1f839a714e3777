/**
 * Gzipped files written in the background: zlib compresses on its own threads while this one goes on
 * with the next file's data (the search's word tables and heads are hundreds of megabytes of JSON at
 * 10,000 transcripts), with a few files in flight at most so that memory stays bounded.
 */
import { writeFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import type { GzipMemory } from './gzip-memory.ts'

const gzipped = promisify(gzip)

/**
 * One level for every gzipped file of the search. Measured on the 10,000-transcript benchmark's files
 * (docs/benchmarks.md, "The search's files at gzip level 6"): level 9 took 19.0 s of one core for the heads,
 * postings and passages, level 6 took 10.5 s, and wrote 0.3–1.1 % more bytes.
 */
const SEARCH_GZIP_LEVEL = 6

export class GzipFiles {
  private readonly pending = new Set<Promise<void>>()
  private readonly inFlight: number
  private failure: unknown
  private readonly memory: GzipMemory | undefined
  bytes = 0

  /** `memory`: the last build's files, linked where the text is the same (./gzip-memory.ts). */
  constructor(inFlight = 4, memory?: GzipMemory) {
    this.inFlight = inFlight
    this.memory = memory
  }

  /** Compresses `text` and writes it to `path`; `written` is told its size. Waits only while too many are in flight. */
  async write(path: string, text: string, written?: (bytes: number) => void): Promise<void> {
    if (this.failure !== undefined) throw this.failure
    while (this.pending.size >= this.inFlight) await Promise.race(this.pending)
    const job: Promise<void> = this.place(path, text)
      .then((size) => {
        this.bytes += size
        written?.(size)
      })
      .catch((error: unknown) => {
        this.failure ??= error
      })
      .finally(() => this.pending.delete(job))
    this.pending.add(job)
  }

  /** The file's size: the last build's, linked, or compressed now. */
  private async place(path: string, text: string): Promise<number> {
    if (this.memory) {
      const size = await this.memory.reuse(path, this.memory.digest(text, SEARCH_GZIP_LEVEL))
      if (size !== undefined) return size
    }
    const gz = await gzipped(text, { level: SEARCH_GZIP_LEVEL })
    await writeFile(path, gz)
    return gz.length
  }

  /** Waits for every file; throws the first failure. */
  async done(): Promise<void> {
    await Promise.all(this.pending)
    if (this.failure !== undefined) throw this.failure
  }
}
