/**
 * The one integration's order (src/build/steps.ts, run by src/build/integration.ts): the search is told
 * the cache is ready once, when every transcript's JSON and the manifest are written and before the speaker
 * pages' tables, so it starts seconds earlier at scale; a transcript with an error stops the steps before
 * that, with its place. The content loader (src/build/loader.ts) then takes the summaries the steps wrote,
 * through a file, not a process-wide signal: Astro loads the content config and the integrations as separate
 * module instances. (Replaces the test of src/build/cache-ready.ts, the signal this took the place of.)
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest'
import { makeTranscript } from '../../scripts/make-corpus.ts'
import { collectionFile } from '../../src/build/collection.ts'
import { transcriptLoader } from '../../src/build/loader.ts'
import { manifestArtifact } from '../../src/build/manifest.ts'
import { jsonArtifact } from '../../src/build/prepare/artifacts.ts'
import { runSiteSteps, StepFailure } from '../../src/build/steps.ts'
import { root } from '../support/paths.ts'

const scratch = mkdtempSync(join(tmpdir(), 'site-steps-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
afterEach(() => vi.restoreAllMocks())

/** A folder of `count` generated transcripts (fewer than the pool's threshold: done in this thread). */
function collection(label: string, count: number): { folder: string; cache: string; names: string[] } {
  const folder = join(scratch, label, 'transcripts')
  const cache = join(scratch, label, 'cache')
  mkdirSync(folder, { recursive: true })
  const names: string[] = []
  for (let index = 0; index < count; index++) {
    const { name, text } = makeTranscript(index, 2)
    writeFileSync(join(folder, `${name}.txt`), text)
    names.push(name)
  }
  return { folder, cache, names }
}

const quiet = { info: () => {}, warn: () => {} }

describe("the site's steps", () => {
  test("the search is told once, when every transcript's JSON and the manifest are written, before the speaker pages", async () => {
    const { folder, cache, names } = collection('order', 3)
    const seen: Array<{ json: boolean; manifest: boolean; speakers: boolean }> = []
    await runSiteSteps({
      root,
      folder,
      cache,
      log: quiet,
      cacheReady: () =>
        seen.push({
          json: names.every((name) => existsSync(jsonArtifact(name, cache))),
          manifest: existsSync(manifestArtifact(cache)),
          speakers: existsSync(join(cache, 'speakers', 'index.json')),
        }),
    })
    expect(seen).toEqual([{ json: true, manifest: true, speakers: false }])
    expect(existsSync(join(cache, 'speakers', 'index.json'))).toBe(true)
  }, 60_000)

  test('a transcript with an error stops the steps with its place, and the search is never told', async () => {
    const { folder, cache } = collection('error', 1)
    writeFileSync(join(folder, 'broken.txt'), '')
    const told = vi.fn()
    const failure = await runSiteSteps({ root, folder, cache, log: quiet, cacheReady: told }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(StepFailure)
    expect((failure as StepFailure).message).toMatch(/^1 error in the transcripts:\n.*broken\.txt:1:1: error .*\[empty-file\]\n/)
    expect(told).not.toHaveBeenCalled()
    expect(existsSync(collectionFile(cache))).toBe(false)
  }, 60_000)

  test("a transcript named as one of the site's own pages (changes.txt) stops the steps, saying which page and what to do", async () => {
    const { folder, cache } = collection('reserved', 1)
    writeFileSync(join(folder, 'changes.txt'), makeTranscript(7, 2).text)
    const failure = await runSiteSteps({ root, folder, cache, log: quiet }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(StepFailure)
    expect((failure as StepFailure).message).toContain(
      `${relative(root, join(folder, 'changes.txt'))}:1:1: error \`changes\` is the name of one of the site's own pages (/changes/); rename the transcript (and its sidecar) [transcript-name-reserved]`,
    )
  }, 60_000)
})

describe('the content loader', () => {
  /** A store and a logger as Astro's loader context gives them, for `root`. */
  function context(projectRoot: string) {
    const entries = new Map<string, { id: string; digest?: string; filePath?: string }>()
    const errors: string[] = []
    return {
      entries,
      errors,
      context: {
        store: {
          set: (entry: { id: string; digest?: string }) => entries.set(entry.id, entry) && true,
          keys: () => [...entries.keys()],
          delete: (id: string) => void entries.delete(id),
        },
        logger: { info: () => {}, warn: () => {}, error: (line: string) => errors.push(line) },
        config: { root: pathToFileURL(`${projectRoot}/`) },
      },
    }
  }

  test('takes the summaries the steps wrote, with their digests; one no longer there leaves the store', async () => {
    const { folder, names } = collection('loader', 2)
    vi.stubEnv('TRANSCRIPTS_DIR', folder)
    vi.stubEnv('ASTRO_CACHE_DIR', join(scratch, 'loader', 'astro-cache'))
    const cache = join(scratch, 'loader', 'astro-cache', 'transcript-reader')
    const summaries = await runSiteSteps({ root, folder, cache, log: quiet })
    const site = context(root)
    site.entries.set('gone', { id: 'gone' })
    await (transcriptLoader().load as unknown as (context: unknown) => Promise<void>)(site.context)
    expect([...site.entries.keys()].sort()).toEqual([...names].sort())
    for (const summary of summaries) expect(site.entries.get(summary.name)?.digest).toBe(summary.digest)
    expect(site.entries.get(names[0]!)?.filePath).toBe(relative(root, join(folder, `${names[0]}.txt`)))
    vi.unstubAllEnvs()
  }, 60_000)

  test('without the steps (no transcriptReader() listed) it stops the build with one message', async () => {
    const projectRoot = join(scratch, 'no-steps')
    vi.stubEnv('ASTRO_CACHE_DIR', join(projectRoot, 'astro-cache'))
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => {
      throw new Error('exit')
    })
    const site = context(projectRoot)
    await expect((transcriptLoader().load as unknown as (context: unknown) => Promise<void>)(site.context)).rejects.toThrow(
      'exit',
    )
    expect(exit).toHaveBeenCalledWith(1)
    expect(site.errors).toHaveLength(1)
    expect(site.errors[0]).toMatch(/transcriptReader\(\)/)
    vi.unstubAllEnvs()
  })
})
