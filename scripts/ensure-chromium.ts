/**
 * Runs before `npm test`: the browser tests drive Debian's Chromium (no browser download is possible
 * here), so install what is missing — as root through apt-get, otherwise through sudo: `chromium` (the
 * benchmarks' and screenshots' browser, and the tests' where nothing else is) and `chromium-headless-shell`
 * (the same version's headless shell, which the tests drive: scripts/lib/browser.ts). Without the shell the
 * tests run on the full browser, about twice as slowly.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromePath, shellPath } from './lib/browser.ts'

const SHELL = shellPath()

const root = process.getuid?.() === 0
const run = (args: string[]) => {
  const [command, ...rest] = root ? args : ['sudo', ...args]
  const result = spawnSync(command!, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  return result.status === 0
}

const packages = [...(existsSync(chromePath()) ? [] : ['chromium']), ...(existsSync(SHELL) ? [] : ['chromium-headless-shell'])]
if (packages.length > 0) {
  console.log(
    `Installing Debian's ${packages.join(' and ')} (missing at ${[chromePath(), SHELL].filter((p) => !existsSync(p)).join(', ')})…`,
  )
  const installed = run(['apt-get', 'update']) && run(['apt-get', 'install', '-y', '--no-install-recommends', ...packages])
  if (!existsSync(chromePath())) {
    console.error(
      `Could not install Chromium. Install it yourself (apt-get install chromium) or set CHROME_PATH to a Chromium binary.`,
    )
    process.exit(1)
  }
  if (!installed || !existsSync(SHELL)) {
    console.warn(
      `Chromium's headless shell is not installed (apt-get install chromium-headless-shell, or set CHROME_HEADLESS_SHELL_PATH): the browser tests run on ${chromePath()}, about twice as slowly.`,
    )
  }
}
