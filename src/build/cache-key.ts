/** A page's cache key for Astro: a hash (Node's crypto, so it lives in the build) of everything the page renders. */
import { createHash } from 'node:crypto'

/** A page's cache key: a hash of everything it renders, so the previous output is reused only when identical. */
export function cacheKeyOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 20)
}
