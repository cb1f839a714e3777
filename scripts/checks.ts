/**
 * Runs npm scripts side by side (`node scripts/checks.ts lint typecheck`): `npm test`'s checks before the
 * tests are two type checkers and a linter, each on one core, so on a two-core machine they take the time of
 * the longer one rather than of both. Each script's output is printed whole when it ends, in the order they
 * end, so that the two never interleave; the exit status is 1 when any failed, and names which.
 */
import { spawn } from 'node:child_process'

const scripts = process.argv.slice(2)
if (scripts.length === 0) {
  process.stderr.write('usage: node scripts/checks.ts <npm script> [<npm script> …]\n')
  process.exit(2)
}

/**
 * npm itself: run by `npm test`, npm names its own CLI (`npm_execpath`), which this Node runs on every
 * platform; run by hand, `npm` from the PATH (on Windows `npm.cmd`, which Node starts only through a shell).
 */
function npmCommand(args: string[]): { command: string; args: string[]; shell: boolean } {
  const cli = process.env.npm_execpath
  if (cli && /\.[cm]?js$/.test(cli)) return { command: process.execPath, args: [cli, ...args], shell: false }
  return process.platform === 'win32' ? { command: 'npm.cmd', args, shell: true } : { command: 'npm', args, shell: false }
}
const results = await Promise.all(
  scripts.map(
    (script) =>
      new Promise<{ script: string; ok: boolean }>((resolve) => {
        const started = Date.now()
        const npm = npmCommand(['run', '--silent', script])
        const child = spawn(npm.command, npm.args, { stdio: ['ignore', 'pipe', 'pipe'], shell: npm.shell })
        const output: Buffer[] = []
        child.stdout.on('data', (chunk: Buffer) => output.push(chunk))
        child.stderr.on('data', (chunk: Buffer) => output.push(chunk))
        let done = false
        const finish = (ok: boolean, why = '') => {
          if (done) return // an 'error' (npm not found) may be followed by 'close'
          done = true
          const seconds = ((Date.now() - started) / 1000).toFixed(1)
          process.stdout.write(`> npm run ${script} (${ok ? 'passed' : `failed${why}`}, ${seconds} s)\n`)
          process.stdout.write(Buffer.concat(output))
          resolve({ script, ok })
        }
        child.on('error', (error) => finish(false, `: ${error.message}`))
        child.on('close', (code) => finish(code === 0))
      }),
  ),
)

const failed = results.filter((result) => !result.ok).map((result) => result.script)
if (failed.length > 0) {
  process.stderr.write(`\n${failed.map((script) => `npm run ${script}`).join(' and ')} failed.\n`)
  process.exit(1)
}
