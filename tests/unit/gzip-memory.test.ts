/**
 * The search's gzipped files remembered from build to build (src/build/search/gzip-memory.ts): a file whose
 * text is the same as the last build's, under the same name, is that build's file linked, the same bytes a
 * compression writes; a changed text, a file the record does not name, or no record at all, is compressed.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, describe, expect, test } from 'vitest'
import { GzipFiles } from '../../src/build/search/gzip-files.ts'
import { GzipMemory, gzipRecordFile, replaceKept } from '../../src/build/search/gzip-memory.ts'

const scratch = mkdtempSync(join(tmpdir(), 'gzip-memory-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const A = JSON.stringify({ words: { risky: [[0, '3.7', '1']] } })
const B = JSON.stringify({ words: { rival: [[1, '2', '0']] } })
const B2 = JSON.stringify({ words: { rival: [[1, '2.9', '0']] } })

/** Writes `files` (name → text) into a new folder `name`, as a build does; returns each file's reported size. */
async function build(name: string, files: Record<string, string>, kept?: string): Promise<Map<string, number>> {
  const out = join(scratch, name)
  mkdirSync(join(out, 'words'), { recursive: true })
  const memory = kept === undefined ? undefined : new GzipMemory(kept, out)
  const writer = new GzipFiles(2, memory)
  const sizes = new Map<string, number>()
  for (const [path, text] of Object.entries(files)) await writer.write(join(out, path), text, (size) => sizes.set(path, size))
  await writer.done()
  await memory?.save()
  return sizes
}

const inode = (path: string) => statSync(path).ino

describe('gzipped files linked from the last build where their text is the same', () => {
  test('the same text under the same name is the kept file; a changed or new one is compressed; the bytes are a fresh build’s', async () => {
    const kept = join(scratch, 'kept')
    await build('first', { 'words/0.json.gz': A, 'words/1.json.gz': B }, kept)
    // No record yet: nothing was linked, and the first build's record names both files.
    expect(existsSync(gzipRecordFile(join(scratch, 'first')))).toBe(true)
    await replaceKept(join(scratch, 'first'), kept)
    expect(existsSync(gzipRecordFile(kept))).toBe(true)
    expect(existsSync(gzipRecordFile(join(scratch, 'first')))).toBe(false)

    const sizes = await build('second', { 'words/0.json.gz': A, 'words/1.json.gz': B2, 'words/2.json.gz': A }, kept)
    const second = join(scratch, 'second')
    // Linked: the same file as the kept one, its size reported as written.
    expect(inode(join(second, 'words/0.json.gz'))).toBe(inode(join(kept, 'words/0.json.gz')))
    expect(sizes.get('words/0.json.gz')).toBe(statSync(join(kept, 'words/0.json.gz')).size)
    // A changed text, and a text kept under another name: compressed.
    expect(inode(join(second, 'words/1.json.gz'))).not.toBe(inode(join(kept, 'words/1.json.gz')))
    expect(gunzipSync(readFileSync(join(second, 'words/1.json.gz'))).toString()).toBe(B2)
    expect(inode(join(second, 'words/2.json.gz'))).not.toBe(inode(join(kept, 'words/0.json.gz')))
    // Every file the same bytes as a build with no memory.
    await build('fresh', { 'words/0.json.gz': A, 'words/1.json.gz': B2, 'words/2.json.gz': A })
    for (const file of ['words/0.json.gz', 'words/1.json.gz', 'words/2.json.gz'])
      expect(readFileSync(join(second, file)).equals(readFileSync(join(scratch, 'fresh', file)))).toBe(true)
  })

  test('without its record a kept folder is not trusted, and a record never outlives the folder it was written for', async () => {
    const kept = join(scratch, 'kept-2')
    await build('one', { 'words/0.json.gz': A }, kept)
    await replaceKept(join(scratch, 'one'), kept)
    // A build stopped before it saved its record: its folder replaces the kept one, and no record is left.
    mkdirSync(join(scratch, 'two', 'words'), { recursive: true })
    const stopped = new GzipFiles(2, new GzipMemory(kept, join(scratch, 'two')))
    await stopped.write(join(scratch, 'two', 'words/0.json.gz'), B)
    await stopped.done()
    await replaceKept(join(scratch, 'two'), kept)
    expect(existsSync(gzipRecordFile(kept))).toBe(false)
    // So the next build compresses the same text again rather than trusting a file it cannot vouch for.
    await build('three', { 'words/0.json.gz': B }, kept)
    expect(inode(join(scratch, 'three', 'words/0.json.gz'))).not.toBe(inode(join(kept, 'words/0.json.gz')))
  })

  test('a text compressed at another level is another file', () => {
    const memory = new GzipMemory(join(scratch, 'none'), join(scratch, 'none-out'))
    expect(memory.digest(A, 6)).toBe(memory.digest(A, 6))
    expect(memory.digest(A, 6)).not.toBe(memory.digest(A, 9))
    expect(memory.digest(A, 6)).not.toBe(memory.digest(B, 6))
  })
})
