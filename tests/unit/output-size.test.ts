import { mkdirSync, mkdtempSync, rmSync, writeFileSync, linkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { resolveSiteConfig } from '../../src/build/config.ts'
import { HOSTS, hostLimits, hostProblems } from '../../src/build/hosts.ts'
import { formatBytes, measureOutput, outputLine } from '../../src/build/output-size.ts'

const folder = mkdtempSync(join(tmpdir(), 'output-size-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

describe('the output as a host counts it', () => {
  // A site of four files: 1,000 + 200 + 30 bytes, and a hard link to the largest (uploaded as a file too).
  mkdirSync(join(folder, 'a', 'b'), { recursive: true })
  writeFileSync(join(folder, 'index.html'), 'x'.repeat(200))
  writeFileSync(join(folder, 'a', 'b', 'transcript.json'), 'y'.repeat(1000))
  writeFileSync(join(folder, 'a', 'style.css'), 'z'.repeat(30))
  linkSync(join(folder, 'a', 'b', 'transcript.json'), join(folder, 'a', 'copy.json'))

  test('bytes, files and the largest file, hard links counted in full', async () => {
    const size = await measureOutput(folder)
    expect(size.bytes).toBe(2230)
    expect(size.files).toBe(4)
    expect(size.largest?.bytes).toBe(1000)
    expect(['a/b/transcript.json', 'a/copy.json']).toContain(size.largest?.path)
    expect(outputLine({ bytes: 328_400_000, files: 9855, largest: { path: 'pagefind/x.pf_index', bytes: 2_100_000 } })).toBe(
      'output: 328 MB in 9,855 files; largest pagefind/x.pf_index (2.1 MB)',
    )
  })

  test('units as hosts state them', () => {
    expect(formatBytes(812)).toBe('812 B')
    expect(formatBytes(94_300)).toBe('94.3 KB')
    expect(formatBytes(1_200_000_000)).toBe('1.2 GB')
    expect(formatBytes(999_950)).toBe('1.0 MB')
    expect(formatBytes(99_960)).toBe('100 KB')
    // Over a limit by less than its rounding: the bytes, never the limit's own figure.
    expect(hostProblems({ bytes: 1_000_400_000, files: 1 }, hostLimits('github-pages'))).toEqual([
      'the site is 1,000,400,000 bytes: GitHub Pages takes 1.0 GB at most',
    ])
  })

  test('a tiny limit names each limit the site exceeds; a site that fits has none', async () => {
    const size = await measureOutput(folder)
    expect(hostProblems(size, { name: 'Tiny host', maxBytes: 2000, maxFiles: 3, maxFileBytes: 999 })).toEqual([
      'the site is 2.2 KB: Tiny host takes 2.0 KB at most',
      'the site has 4 files: Tiny host takes 3 at most',
      `${size.largest?.path} is 1.0 KB: Tiny host takes 999 B a file at most`,
    ])
    expect(hostProblems(size, { name: 'Roomy', maxBytes: 2230, maxFiles: 4, maxFileBytes: 1000 })).toEqual([])
    // Cloudflare's free plan: 20,000 files; 1,000 transcripts made 9,855 files, 2,500 make more.
    expect(hostProblems({ bytes: 800_000_000, files: 24_600 }, hostLimits('cloudflare-pages'))).toEqual([
      'the site has 24,600 files: Cloudflare Pages (Free plan) takes 20,000 at most',
    ])
    expect(hostProblems({ bytes: 2_909_000_000, files: 98_000 }, hostLimits('github-pages'))).toEqual([
      'the site is 2.9 GB: GitHub Pages takes 1.0 GB at most',
    ])
  })

  test('the configuration names a host, or gives its limits; anything else is refused with the option named', () => {
    const named = resolveSiteConfig({ host: 'github-pages' }, {})
    expect(named.ok && named.config.host).toBe('github-pages')
    expect(Object.keys(HOSTS)).toContain('cloudflare-pages')
    const numbers = resolveSiteConfig({ host: { name: 'University web server', maxBytes: 2_000_000_000 } }, {})
    expect(numbers.ok && numbers.config.host).toEqual({ name: 'University web server', maxBytes: 2_000_000_000 })
    const wrong = resolveSiteConfig({ host: 'geocities' }, {})
    expect(wrong.ok).toBe(false)
    expect(!wrong.ok && wrong.message).toMatch(/option `host`/)
  })
})
