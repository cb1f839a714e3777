/**
 * Runs before `npm test`: the browser tests drive Debian's Chromium (no browser download is possible
 * here), so install it when it is missing — as root through apt-get, otherwise through sudo.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium'
if (!existsSync(chrome)) {
  console.log(`Chromium is missing at ${chrome}; installing Debian's chromium package…`)
  const root = process.getuid?.() === 0
  const run = (args: string[]) => {
    const [command, ...rest] = root ? args : ['sudo', ...args]
    const result = spawnSync(command!, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
    return result.status === 0
  }
  const installed = run(['apt-get', 'update']) && run(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium'])
  if (!installed || !existsSync(chrome)) {
    console.error(
      `Could not install Chromium. Install it yourself (apt-get install chromium) or set CHROME_PATH to a Chromium binary.`,
    )
    process.exit(1)
  }
}
