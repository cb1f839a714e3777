/**
 * Scratch folders for a test file: made under the system's temporary folder and removed when they are no
 * longer needed, so that runs do not leave folders behind. Made inside a test, a folder is removed when
 * the test ends; made at a file's top level, after the file's last test. Each folder registers its own
 * removal with the file that asks for it: the unit tier shares modules between files (`isolate: false`), so
 * one removal registered when this module was first imported served only the first file, and every other
 * file's folders were left in the temporary folder (36 of them after a morning of runs).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, onTestFinished } from 'vitest'

/** A new empty folder named `prefix` and six random characters. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const remove = () => rmSync(dir, { recursive: true, force: true })
  // Vitest's own answer to "is a test running": `onTestFinished` refuses outside one. (`expect`'s state
  // is not it: with modules shared, it still names the last test of the file before.)
  try {
    onTestFinished(remove)
  } catch {
    afterAll(remove)
  }
  return dir
}
