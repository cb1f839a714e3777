/**
 * A measurement that could not be made: said in one line (what, and why), with no stack trace, and the
 * bench exits 1. A measurement that may hang (a query in a browser) gets a deadline through `withTimeout`.
 */
export class MeasurementFailed extends Error {}

/** `work`, or a MeasurementFailed saying `what` had no answer in `ms`. */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new MeasurementFailed(`${what}: no answer in ${ms / 1000} s`)), ms)
  })
  try {
    return await Promise.race([work, late])
  } finally {
    clearTimeout(timer)
  }
}
