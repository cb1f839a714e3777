/**
 * The transcripts the front page names when the collection is too large to list there (issue 21: the front
 * page named no transcript): a few spread evenly over the collection's order, first and last included, so
 * that they show its range of dates. The same collection always gives the same ones.
 */

/** How many transcripts the front page names when it does not list them all. */
export const FRONT_PAGE_SAMPLE = 5

/** `count` items of `ordered` (already in the collection's order), evenly spaced, first and last included. */
export function spreadSample<T>(ordered: readonly T[], count: number = FRONT_PAGE_SAMPLE): T[] {
  if (ordered.length <= count) return [...ordered]
  if (count <= 0) return []
  if (count === 1) return [ordered[0]!]
  const step = (ordered.length - 1) / (count - 1)
  return Array.from({ length: count }, (_, i) => ordered[Math.round(i * step)]!)
}
