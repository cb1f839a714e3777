/**
 * Lighthouse 13 (the project's npm package, its CLI on this Node) on Debian's Chromium, mobile preset
 * (Lighthouse's default: simulated slow 4G and a mid-range phone). Returns each category's score (0–100)
 * and, for a score below 100, the scored audits that lost points.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
export type Category = (typeof CATEGORIES)[number]

export interface LighthouseResult {
  version: string
  scores: Record<Category, number>
  /** `category: audit — title (display value)` for every weighted audit below full marks. */
  lost: string[]
}

interface Lhr {
  lighthouseVersion: string
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>
  audits: Record<string, { score: number | null; title: string; displayValue?: string }>
  runtimeError?: { code: string; message: string }
}

const cli = createRequire(import.meta.url).resolve('lighthouse/cli/index.js')

export async function runLighthouse(url: string): Promise<LighthouseResult> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'transcript-reader-lh-'))
  const out = path.join(tmp, 'report.json')
  try {
    const args = [
      cli,
      url,
      '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-dev-shm-usage',
      `--only-categories=${CATEGORIES.join(',')}`,
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
    ]
    const env = { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'inherit'] })
      child.on('error', reject)
      child.on('exit', resolve)
    })
    if (code !== 0) throw new Error(`lighthouse ${url} exited with status ${code}`)
    const lhr = JSON.parse(await readFile(out, 'utf8')) as Lhr
    if (lhr.runtimeError) throw new Error(`lighthouse ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
    const scores = {} as Record<Category, number>
    const lost: string[] = []
    for (const category of CATEGORIES) {
      const c = lhr.categories[category]
      if (!c || c.score === null) throw new Error(`lighthouse ${url}: no ${category} score`)
      scores[category] = Math.round(c.score * 100)
      for (const ref of c.auditRefs) {
        const audit = lhr.audits[ref.id]
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
          lost.push(
            `${category}: ${ref.id} — ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}, score ${audit.score}`,
          )
        }
      }
    }
    return { version: lhr.lighthouseVersion, scores, lost }
  } finally {
    await rm(tmp, { recursive: true, force: true })
  }
}
