/**
 * Scratch folders for a test file: made under the system's temporary folder and removed when the file's
 * tests are done, so that runs do not leave folders behind. Import it at the top of a test file (the
 * removal is registered when the module is first imported, on that file's root suite).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

const made: string[] = []

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A new empty folder named `prefix` and six random characters, removed after the file's last test. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}
