/**
 * Progress of a long build stage: the one reporter and the one line format of every stage, the site's
 * steps (src/build/), the search build in its worker (src/build/search/) and the routes Astro writes
 * (counted by scripts/build.ts, which is why it lives here: a tool reads it too, and it needs no Node
 * module). A person reads the log, so a stage says where it is at most once every 5 s and once at its end:
 *
 *   transcripts: 2,500/10,000 parsed and rendered (31.2 s)
 *   transcripts: 10,000/10,000 read (1.4 s); 3 new or changed
 *   routes: 12,000 written (34.5 s)                  (a stage whose total is not known ahead)
 */
export interface Progress {
  /** `done` of the total are finished; a line when the last one is 5 s old. */
  update(done: number): void
  /** The closing line (every one done, or the count so far when the total is not known), with a note after `; `. */
  finish(note?: string): void
}

export interface ProgressOptions {
  /** How many there are to do, when it is known. */
  total?: number
  /** Milliseconds, for tests; `performance.now` by default. */
  clock?: () => number
}

export const PROGRESS_INTERVAL_MS = 5_000

/** The number as the log prints it: `12,345`. */
export const counted = (n: number): string => n.toLocaleString('en-US')

/** `log` is given each line; `stage` names the stage and `verb` says what was done to each (`read`, `written`). */
export function progress(log: (line: string) => void, stage: string, verb: string, options: ProgressOptions = {}): Progress {
  const { total, clock = () => performance.now() } = options
  const started = clock()
  let last = started
  let current = 0
  const line = () =>
    `${stage}: ${counted(current)}${total === undefined ? '' : `/${counted(total)}`} ${verb} (${((clock() - started) / 1000).toFixed(1)} s)`
  return {
    update(done) {
      current = done
      const now = clock()
      // The last one is said by finish().
      if (now - last >= PROGRESS_INTERVAL_MS && (total === undefined || done < total)) {
        last = now
        log(line())
      }
    },
    finish(note) {
      if (total !== undefined) current = total
      log(note ? `${line()}; ${note}` : line())
    },
  }
}
