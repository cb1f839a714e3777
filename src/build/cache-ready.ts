/**
 * The moment the site cache holds every transcript's JSON and the collection manifest: the content loader
 * says so (`cacheReady`) as soon as they are written, before the speaker pages' tables and the rest of
 * Astro's start; the search build, which reads only those, starts then (`whenCacheReady`) instead of at
 * `astro:build:start`, about ten seconds earlier at 10,000 transcripts.
 *
 * Process-wide, on `globalThis`: Astro loads the loader and the integrations as separate module instances,
 * so a module's own state would not be shared.
 */
const KEY = Symbol.for('transcript-reader:cache-ready')

interface Channel {
  listeners: Array<() => void>
}

const channel = (): Channel => {
  const holder = globalThis as { [KEY]?: Channel }
  holder[KEY] ??= { listeners: [] }
  return holder[KEY]
}

/** Called once the cache holds every transcript's JSON and the manifest. */
export function cacheReady(): void {
  const { listeners } = channel()
  for (const listener of listeners.splice(0)) listener()
}

/** `listener` is called at the next `cacheReady`, once; the returned function takes it back. */
export function whenCacheReady(listener: () => void): () => void {
  const { listeners } = channel()
  listeners.push(listener)
  return () => {
    const at = listeners.indexOf(listener)
    if (at >= 0) listeners.splice(at, 1)
  }
}
