/**
 * `npm run hub`'s checks and output (src/build/hub/assemble.ts) on stand-in shards: folders with the few files
 * it reads (a home page whose links start with the base, the search manifest and its parts' Pagefind scripts,
 * record lists). The hub over
 * real built shards is tests/e2e/shards.test.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { assembleHub } from '../../src/build/hub/assemble.ts'
import type { HubManifest } from '../../src/contract/hub.ts'

const scratch = mkdtempSync(join(tmpdir(), 'hub-assemble-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** A stand-in shard built for `base` with the given record ids and its Pagefind index in `parts`. */
function shard(name: string, base: string, records: string[], parts = [`${name}0`]): string {
  const dir = join(scratch, name)
  mkdirSync(join(dir, 'search/records'), { recursive: true })
  writeFileSync(join(dir, 'index.html'), `<!doctype html><a href="${base}browse/">Browse</a>`)
  writeFileSync(join(dir, 'search/manifest.json'), JSON.stringify({ version: 2, parts }))
  for (const part of parts) {
    mkdirSync(join(dir, 'pagefind', part), { recursive: true })
    writeFileSync(join(dir, 'pagefind', part, 'pagefind.js'), '')
  }
  for (const id of records) writeFileSync(join(dir, 'search/records', `${id}.json`), '[["a",0]]')
  return dir
}

describe('assembleHub', () => {
  test('copies each shard under its base and lists its records in hub.json', async () => {
    const out = join(scratch, 'hub')
    const manifest = await assembleHub({
      out,
      title: 'the tapes',
      shards: [
        { base: '1962', dir: shard('a', '/1962/', ['en_2', 'en_1'], ['a0', 'a1']) },
        { base: '/1963/', dir: shard('b', '/1963/', ['en_3']), title: 'Tapes of 1963' },
      ],
    })
    const written = JSON.parse(readFileSync(join(out, 'hub.json'), 'utf8')) as HubManifest
    expect(written).toEqual(manifest)
    expect(manifest.shards).toEqual([
      { base: '/1962/', title: '1962', records: ['en_1', 'en_2'], parts: ['a0', 'a1'] },
      { base: '/1963/', title: 'Tapes of 1963', records: ['en_3'], parts: ['b0'] },
    ])
    expect(existsSync(join(out, '1963/search/records/en_3.json'))).toBe(true)
    const page = readFileSync(join(out, 'index.html'), 'utf8')
    expect(page).toContain('<a href="/1963/">Tapes of 1963</a>')
    expect(readFileSync(join(out, 'hub.js'), 'utf8')).toContain('mergeIndex')
  })

  test('refuses a shard built for another base, a shard at /, two shards at one base, a shard not built, a shard without its index parts', async () => {
    const out = join(scratch, 'refused')
    const a = shard('c', '/', ['en_1'])
    await expect(assembleHub({ out, shards: [{ base: '/1962/', dir: a }] })).rejects.toThrow(
      /was not built for \/1962\/.*SITE_BASE=\/1962\//,
    )
    await expect(assembleHub({ out, shards: [{ base: '/', dir: a }] })).rejects.toThrow(/cannot be served at \//)
    const b = shard('d', '/1962/', ['en_1'])
    await expect(
      assembleHub({
        out,
        shards: [
          { base: '/1962/', dir: b },
          { base: '1962', dir: b },
        ],
      }),
    ).rejects.toThrow(/two shards are given the base \/1962\//)
    await expect(assembleHub({ out, shards: [{ base: '/1964/', dir: join(scratch, 'none') }] })).rejects.toThrow(
      /has no index\.html: build the shard first/,
    )
    // A search manifest naming a part whose folder is not there, or no parts (an index built before them).
    const e = shard('e', '/1965/', ['en_1'], ['e0'])
    rmSync(join(e, 'pagefind', 'e0'), { recursive: true })
    await expect(assembleHub({ out, shards: [{ base: '/1965/', dir: e }] })).rejects.toThrow(
      /has no search index in parts \(pagefind\/e0\/pagefind\.js is missing\): build the shard first/,
    )
    const f = shard('f', '/1966/', ['en_1'], [])
    await expect(assembleHub({ out, shards: [{ base: '/1966/', dir: f }] })).rejects.toThrow(
      /has no search index in parts: build the shard first/,
    )
  })
})
