/**
 * The e2e project's global setup: builds each fixture site once per run (support/sites.ts), two at a time:
 * the seed's (./dist) before the tests start, the others in the background, so that the unit tier runs
 * meanwhile and each browser test file waits only for its own site. The sites' places are provided to the test files (`inject('sites')`); only the sites that the
 * files of this run read are built (a run of one file builds one site). Teardown waits for the builds and
 * removes the scratch folders (./dist, the seed's, stays, as `npm run build` leaves it).
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildSite, inTurn, placeOf, SITES, SITES_ROOT, type SiteName, type SitePlace } from './support/sites.ts'

declare module 'vitest' {
  interface ProvidedContext {
    /** Each fixture site built in this run, by name. */
    sites: Partial<Record<SiteName, SitePlace>>
  }
}

/** Builds started at once: the machine has two cores (E2E_BUILDS overrides). */
const PARALLEL = Number(process.env.E2E_BUILDS ?? 2)
/** The order the sites are needed in: the seed's readers are the most, and the longest, files. */
const ORDER: SiteName[] = ['seed', 'browse', 'combined', 'shards', 'base-path', 'hosted']

/**
 * The sites the files of this run read. Vitest's own file filters (`vitest run tests/e2e/x.test.ts`) are
 * not in its public API: without them (or if they are gone), every site is built.
 */
function wanted(project: TestProject): SiteName[] {
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern ?? []
  if (filters.length === 0) return ORDER
  return ORDER.filter((name) =>
    SITES[name].readers.some((reader) => {
      const file = path.join(project.config.root, 'tests/e2e', `${reader}.test.ts`)
      return filters.some((filter) => file.includes(filter) || file.includes(path.resolve(filter)))
    }),
  )
}

let building: Promise<void> | undefined

export async function setup(project: TestProject): Promise<void> {
  const names = wanted(project)
  rmSync(SITES_ROOT, { recursive: true, force: true })
  mkdirSync(SITES_ROOT, { recursive: true })
  project.provide('sites', Object.fromEntries(names.map((name) => [name, placeOf(name)])))
  let seedBuilt: () => void = () => {}
  const seed = new Promise<void>((resolve) => {
    seedBuilt = resolve
  })
  building = inTurn(
    names.map((name) => async () => {
      await buildSite(name)
      if (name === 'seed') seedBuilt()
    }),
    PARALLEL,
  )
  // the quality tests list the seed site's pages as it is collected, so the seed is built before any file
  // starts; the other sites are built while the tests run.
  if (names.includes('seed')) await seed
}

export async function teardown(): Promise<void> {
  await building
  // What each build took, for whoever wonders where a run's time goes.
  const times = ORDER.flatMap((name) => {
    const result = placeOf(name).result
    if (!existsSync(result)) return []
    const { ok, seconds } = JSON.parse(readFileSync(result, 'utf8')) as { ok: boolean; seconds: number }
    return [`${name} ${seconds} s${ok ? '' : ' (failed)'}`]
  })
  if (times.length > 0) process.stdout.write(`\nFixture sites built: ${times.join(', ')}\n`)
  if (!process.env.E2E_KEEP_SITES) rmSync(SITES_ROOT, { recursive: true, force: true })
}
