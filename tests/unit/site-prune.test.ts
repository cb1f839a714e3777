/**
 * What a build keeps of the site's folder it did not empty (src/build/site-prune.ts): the files it wrote or
 * placed, those written since it started, the public folder's, and a top-level `.git`; everything else of
 * an earlier build goes, and the folders it leaves empty. (The whole build: tests/e2e/rebuild.test.ts.)
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, sep } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { filesUnder } from '../../src/build/link-files.ts'
import { emptySite, markBuildFinished, markBuildStarted, pruneSite, SiteFiles } from '../../src/build/site-prune.ts'

const scratch = mkdtempSync(join(tmpdir(), 'site-prune-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Writes `path` under `site`, last modified at `when` (ms). */
function file(site: string, path: string, when: number): string {
  const full = join(site, path)
  mkdirSync(dirname(full), { recursive: true })
  writeFileSync(full, path)
  utimesSync(full, when / 1000, when / 1000)
  return full
}

describe('the site folder kept from build to build', () => {
  test('keeps what the build wrote or placed, removes what an earlier build left, and the folders it empties', async () => {
    const site = join(scratch, 'site')
    const since = Date.now() - 60_000
    const earlier = since - 3_600_000
    const kept = new SiteFiles(site)
    // Placed (a link keeps the time its cache file was written) and a page Astro did not render again.
    kept.add(file(site, 'a-1962/transcript.json', earlier))
    kept.add(file(site, 'a-1962/index.html', earlier))
    // Written during this build: Vite's scripts.
    file(site, '_astro/page.1234.js', since + 1_000)
    // The public folder's, copied by Astro.
    file(site, 'favicon.svg', earlier)
    // A site published from its own repository.
    file(site, '.git/HEAD', earlier)
    // An earlier build's: a transcript taken out, an export no longer configured, an old script, an old search part.
    file(site, 'b-1963/index.html', earlier)
    file(site, 'a-1962/transcript.vtt', earlier)
    file(site, '_astro/page.0000.js', earlier)
    file(site, 'pagefind/old/pagefind.js', earlier)
    // Folders an earlier build left empty.
    mkdirSync(join(site, 'speakers/gone/inner'), { recursive: true })

    const { removed, left } = await pruneSite(site, { kept, since, publicFiles: new Set(['favicon.svg']) })
    expect(removed).toBe(4)
    // What it leaves is what the build measures: every file still there, and only those.
    expect(left.map((path) => relative(site, path).split(sep).join('/')).sort()).toEqual((await filesUnder(site)).sort())
    expect((await filesUnder(site)).sort()).toEqual([
      '.git/HEAD',
      '_astro/page.1234.js',
      'a-1962/index.html',
      'a-1962/transcript.json',
      'favicon.svg',
    ])
    expect(existsSync(join(site, 'b-1963'))).toBe(false)
    expect(existsSync(join(site, 'pagefind'))).toBe(false)
    expect(existsSync(join(site, 'speakers'))).toBe(false)
  })

  test('the folder is kept only while it is the last finished build of this cache: not after a stop, another folder, or another build', () => {
    const cache = join(scratch, 'cache')
    const site = join(scratch, 'kept')
    const other = join(scratch, 'other')
    const stamp = (folder: string) => join(folder, 'transcripts.json')
    const build = (folder: string) => {
      const reason = markBuildStarted(cache, folder, stamp(folder))
      file(folder, 'transcripts.json', Date.now())
      markBuildFinished(cache, folder, stamp(folder))
      return reason
    }
    // An empty folder needs no reason; then the same folder again is kept.
    expect(build(site)).toBeUndefined()
    expect(build(site)).toBeUndefined()
    // A build stopped before `markBuildFinished`: the next one is told so.
    expect(markBuildStarted(cache, site, stamp(site))).toBeUndefined()
    expect(markBuildStarted(cache, site, stamp(site))).toBe('unfinished')
    markBuildFinished(cache, site, stamp(site))
    expect(build(site)).toBeUndefined()
    // The same cache built another folder: this one no longer matches the cache's pages.
    expect(build(other)).toBeUndefined()
    expect(build(site)).toBe('elsewhere')
    // Another build (another cache) wrote into the folder since.
    file(site, 'transcripts.json', Date.now() + 5_000)
    expect(build(site)).toBe('changed since')
    expect(build(site)).toBeUndefined()
  })

  test('an emptied folder keeps a top-level .git', () => {
    const site = join(scratch, 'emptied')
    file(site, 'a-1962/index.html', Date.now())
    file(site, '.git/HEAD', Date.now())
    emptySite(site)
    expect(existsSync(join(site, 'a-1962'))).toBe(false)
    expect(existsSync(join(site, '.git', 'HEAD'))).toBe(true)
  })
})
