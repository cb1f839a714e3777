/**
 * Running the `git` CLI, the one way the build reads a collection's history. The CLI and not a library:
 * it reads the real repository as the editor's own git sees it (worktrees, packs, shallow clones, any
 * object format), it is fast at one `git log` for a whole collection, it says itself whether a clone is
 * shallow, and it adds no dependency (a JavaScript git would reimplement all of that, more slowly). Every
 * call is a child process with its arguments as a list (no shell), so no file name is ever interpreted.
 */
import { spawn, spawnSync } from 'node:child_process'

/** What a git command gave: its output, or why it failed (`missing`: no `git` to run). */
export type GitResult = { ok: true; stdout: string } | { ok: false; missing: boolean; stderr: string }

/** Git as the build runs it: no pager, no colour, paths as bytes (no `"\303\251"` quoting), no prompts. */
const FIXED = ['-c', 'core.quotepath=off', '-c', 'color.ui=false', '--no-pager']
const ENV = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' }

/** Runs `git <args>` in `cwd` and waits for it (output up to 1 GB). */
export function git(args: readonly string[], cwd: string): GitResult {
  const result = spawnSync('git', [...FIXED, ...args], { cwd, env: ENV, encoding: 'utf8', maxBuffer: 1 << 30 })
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT'
    return { ok: false, missing, stderr: result.error.message }
  }
  if (result.status !== 0) return { ok: false, missing: false, stderr: result.stderr.trim() }
  return { ok: true, stdout: result.stdout }
}

/**
 * The cache of delta bases `cat-file` keeps (git's default is 96 MB). Nearly every version's text is stored
 * as a delta on another, and a collection's versions are asked for transcript by transcript, not in the
 * pack's order: at 10,000 transcripts of three versions (30,000 texts, 536 MB) the default made git rebuild
 * the same bases again and again, 34.7 s; with 512 MB, 3.8 s (git at 653 MB at most, before the build's peak).
 */
const CAT_FILE_CACHE = ['-c', 'core.deltaBaseCacheLimit=512m']

/** One object asked of `git cat-file --batch`: a blob's id, or `<commit>:<path>`; `found` gets its bytes, when it exists. */
export interface BlobRequest {
  spec: string
  found: (bytes: Buffer) => void
}

/**
 * Reads many blobs with ONE `git cat-file --batch` process: each request a line in, each answer
 * `<oid> <type> <size>\n<bytes>\n` (or `<spec> missing\n`) out, read as a stream so that a collection's
 * old texts never sit in memory together.
 */
export function catFiles(requests: readonly BlobRequest[], cwd: string): Promise<void> {
  if (requests.length === 0) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...FIXED, ...CAT_FILE_CACHE, 'cat-file', '--batch'], {
      cwd,
      env: ENV,
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let buffer: Buffer = Buffer.alloc(0)
    let next = 0
    let want: number | undefined // bytes of the current object's body still to come (+1 for its newline)
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8')
    })
    child.stdout.on('data', (chunk: Buffer) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk])
      for (;;) {
        if (want === undefined) {
          const end = buffer.indexOf(10)
          if (end < 0) return
          const line = buffer.subarray(0, end).toString('utf8')
          buffer = buffer.subarray(end + 1)
          const size = / (?:blob|tree|commit|tag) (\d+)$/.exec(line)
          if (size) want = Number(size[1]) + 1
          else next++ // `<spec> missing` (or ambiguous): the file did not exist in that commit
          continue
        }
        if (buffer.length < want) return
        requests[next++]?.found(Buffer.from(buffer.subarray(0, want - 1)))
        buffer = buffer.subarray(want)
        want = undefined
      }
    })
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 && next >= requests.length
        ? resolve()
        : reject(new Error(`git cat-file --batch: ${stderr.trim() || `exit ${code}`}`)),
    )
    child.stdin.on('error', () => {}) // a git that stops early reports through `close`
    child.stdin.end(requests.map((request) => `${request.spec}\n`).join(''))
  })
}
