/**
 * The comparisons of witnesses (src/collection/witnesses.ts pairs them, src/core/compare/ aligns them),
 * prepared once every transcript is: a pair needs both sides' trees, so it is a step of the collection, not
 * of one transcript. Each pair is one artifact, `<cache>/comparisons/<a>/<b>.json` (a before b in name order),
 * holding the digest of both sides: a change to either side (its text, its sidecar, the code that reads it)
 * makes the pair again, and nothing else does. The page `/<name>/compare/<other>/` reads it from either side.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { TranscriptSummary } from '../collection/summary.ts'
import type { WitnessPair } from '../collection/witnesses.ts'
import { counted, progress } from '../contract/progress.ts'
import { type Comparison, compareTranscripts, flipComparison } from '../core/compare/align.ts'
import { readTranscript } from './prepare/transcript-files.ts'
import { writeFileWhole } from './write-whole.ts'

interface ComparisonArtifact {
  digest: string
  comparison: Comparison
}

export function comparisonsFolder(cache: string): string {
  return join(cache, 'comparisons')
}

function artifactPath(pair: WitnessPair, cache: string): string {
  return join(comparisonsFolder(cache), encodeURIComponent(pair.a), `${encodeURIComponent(pair.b)}.json`)
}

/**
 * The artifact's layout, part of its digest: this file lies outside the folders whose code each transcript's
 * digest covers (prepare/artifacts.ts `DIGESTED_FOLDERS`), so a change here says so by this number.
 */
const ARTIFACT_VERSION = '1'

/** What a pair's artifact and its pages are made from: both sides' digests (their text, sidecar and code). */
export function pairDigest(a: Pick<TranscriptSummary, 'digest'>, b: Pick<TranscriptSummary, 'digest'>): string {
  return createHash('sha256')
    .update(ARTIFACT_VERSION)
    .update('\0')
    .update(a.digest)
    .update('\0')
    .update(b.digest)
    .digest('hex')
    .slice(0, 24)
}

export interface ComparisonsOptions {
  pairs: readonly WitnessPair[]
  summaries: readonly TranscriptSummary[]
  /** The transcripts' folder and the site's default house style: each side is read as the prepare step read it. */
  folder: string
  style?: string
  cache: string
  log: (line: string) => void
}

/** Compares the pairs whose sides changed, and removes the artifacts of pairs no longer there. */
export async function writeComparisons(options: ComparisonsOptions): Promise<void> {
  const { pairs, cache } = options
  const digests = new Map(options.summaries.map((summary) => [summary.name, summary.digest]))
  const wanted = new Set(pairs.map((pair) => artifactPath(pair, cache)))
  for (const file of listArtifacts(cache)) if (!wanted.has(file)) rmSync(file, { force: true })
  const changed = pairs.filter((pair) => {
    const digest = pairDigest({ digest: digests.get(pair.a)! }, { digest: digests.get(pair.b)! })
    try {
      return (JSON.parse(readFileSync(artifactPath(pair, cache), 'utf8')) as ComparisonArtifact).digest !== digest
    } catch {
      return true
    }
  })
  if (changed.length === 0) return
  const comparing = progress(options.log, 'comparisons', 'compared', { total: changed.length })
  for (const [index, pair] of changed.entries()) {
    const read = (name: string) =>
      readTranscript(join(options.folder, `${name}.txt`), options.style !== undefined ? { style: options.style } : {})
    const [a, b] = await Promise.all([read(pair.a), read(pair.b)])
    const artifact: ComparisonArtifact = {
      digest: pairDigest({ digest: digests.get(pair.a)! }, { digest: digests.get(pair.b)! }),
      comparison: compareTranscripts(a.tree, b.tree),
    }
    writeFileWhole(artifactPath(pair, cache), JSON.stringify(artifact))
    comparing.update(index + 1)
  }
  comparing.finish(`${counted(pairs.length)} pairs of witnesses`)
}

/** The comparison of `left` with `right`, read from its artifact, `left` on the left. */
export function readComparison(left: string, right: string, cache: string): Comparison {
  const pair = left < right ? { a: left, b: right } : { a: right, b: left }
  const { comparison } = JSON.parse(readFileSync(artifactPath(pair, cache), 'utf8')) as ComparisonArtifact
  return comparison.left === left ? comparison : flipComparison(comparison)
}

function listArtifacts(cache: string): string[] {
  const folder = comparisonsFolder(cache)
  let entries: string[]
  try {
    entries = readdirSync(folder)
  } catch {
    return []
  }
  return entries.flatMap((a) => {
    try {
      return readdirSync(join(folder, a)).map((b) => join(folder, a, b))
    } catch {
      return []
    }
  })
}
