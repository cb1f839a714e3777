/**
 * Gzipped files written in the background: zlib compresses on its own threads while this one goes on
 * with the next file's data (the search's word tables and heads are hundreds of megabytes of JSON at
 * 10,000 transcripts), with a few files in flight at most so that memory stays bounded.
 */
import { writeFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'

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
  bytes = 0

  constructor(inFlight = 4) {
    this.inFlight = inFlight
  }

  /** Compresses `text` and writes it to `path`; `written` is told its size. Waits only while too many are in flight. */
  async write(path: string, text: string, written?: (bytes: number) => void): Promise<void> {
    if (this.failure !== undefined) throw this.failure
    while (this.pending.size >= this.inFlight) await Promise.race(this.pending)
    const job: Promise<void> = gzipped(text, { level: SEARCH_GZIP_LEVEL })
      .then(async (gz) => {
        await writeFile(path, gz)
        this.bytes += gz.length
        written?.(gz.length)
      })
      .catch((error: unknown) => {
        this.failure ??= error
      })
      .finally(() => this.pending.delete(job))
    this.pending.add(job)
  }

  /** Waits for every file; throws the first failure. */
  async done(): Promise<void> {
    await Promise.all(this.pending)
    if (this.failure !== undefined) throw this.failure
  }
}
