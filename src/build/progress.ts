/**
 * Progress of a long build stage, at a rate a person can read: a line when the stage starts, then at most
 * one every few seconds (`transcripts: 2,500/10,000 read (12.3 s)`), and one when it ends.
 */
export interface ProgressLog {
  info(message: string): void
}

export interface Progress {
  /** `done` of the total are finished. */
  update(done: number): void
  /** The closing line, with what else there is to say. */
  finish(note?: string): void
}

const INTERVAL_MS = 5_000

export function progress(log: ProgressLog, stage: string, total: number, verb: string): Progress {
  const started = performance.now()
  let last = started
  let current = 0
  const count = (n: number) => n.toLocaleString('en-US')
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`
  const line = () => `${stage}: ${count(current)}/${count(total)} ${verb} (${elapsed()})`
  return {
    update(done) {
      current = done
      const now = performance.now()
      if (now - last >= INTERVAL_MS && done < total) {
        last = now
        log.info(line())
      }
    },
    finish(note) {
      current = total
      log.info(note ? `${line()}; ${note}` : line())
    },
  }
}
