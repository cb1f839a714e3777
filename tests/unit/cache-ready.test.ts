/**
 * The content loader's word that the site cache holds every transcript's JSON (src/build/cache-ready.ts),
 * on which a build's search starts: each listener is told once, at the next word; one taken back is not.
 * Process-wide: a second copy of the module (as Astro loads the loader and the integrations) shares it.
 */
import { describe, expect, test, vi } from 'vitest'
import { cacheReady, whenCacheReady } from '../../src/build/cache-ready.ts'

describe('the cache is ready', () => {
  test('each listener is called once, at the next cacheReady; one taken back is not called', () => {
    const first = vi.fn()
    const second = vi.fn()
    whenCacheReady(first)
    const forget = whenCacheReady(second)
    forget()
    expect(first).not.toHaveBeenCalled()
    cacheReady()
    cacheReady()
    expect(first).toHaveBeenCalledTimes(1)
    expect(second).not.toHaveBeenCalled()
  })

  test('another instance of the module hears the same word', async () => {
    // With the module registry reset, the file is evaluated again as a module of its own.
    vi.resetModules()
    const other = await import('../../src/build/cache-ready.ts')
    expect(other.whenCacheReady).not.toBe(whenCacheReady)
    const heard = vi.fn()
    other.whenCacheReady(heard)
    cacheReady()
    expect(heard).toHaveBeenCalledTimes(1)
  })
})
