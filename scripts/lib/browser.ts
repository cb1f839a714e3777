/**
 * Launches the system Chromium (Debian's `chromium` package) through playwright-core; no browser
 * download. Set CHROME_PATH to use another Chromium or Chrome binary.
 *
 * Two builds of one Chromium: the benchmarks and screenshots drive the browser readers run (`chromium`,
 * new headless mode); the browser tests drive Chromium's headless shell (`chromium-headless-shell`, the
 * same version's Blink and V8 without the browser's own UI layer), as Playwright does by default for
 * headless runs. On this machine, in two runs one after the other, the e2e tier took 300 s with the shell
 * and 605 s with the full browser, every test passing in both; most of the difference was the renderers'
 * and the browser process's own CPU (docs/benchmarks.md, "The test suite").
 */
import { existsSync, statfsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import type { Browser, LaunchOptions } from 'playwright-core'

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox', // Chromium refuses to start as root without it
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Below this, /dev/shm is too small for Chromium's shared memory (a container's 64 MB default). */
const SMALL_SHM = 512 * 1024 * 1024

/** `--disable-dev-shm-usage` only where /dev/shm is small: elsewhere it moves that memory to /tmp's disk. */
function shmArgs(): string[] {
  try {
    const { bsize, blocks } = statfsSync('/dev/shm')
    return bsize * blocks < SMALL_SHM ? ['--disable-dev-shm-usage'] : []
  } catch {
    return ['--disable-dev-shm-usage']
  }
}

export function chromePath(): string {
  return process.env.CHROME_PATH ?? '/usr/bin/chromium'
}

/** Where the headless shell is installed (Debian's `chromium-headless-shell`), or CHROME_HEADLESS_SHELL_PATH. */
export function shellPath(): string {
  return process.env.CHROME_HEADLESS_SHELL_PATH ?? '/usr/bin/chromium-headless-shell'
}

/** The browser the tests drive: the headless shell, or the full browser where the shell is not installed. */
export function testBrowserPath(): string {
  return existsSync(shellPath()) ? shellPath() : chromePath()
}

export interface BrowserChoice {
  /** Drive the headless shell (the tests) instead of the full browser (benchmarks, screenshots). */
  shell?: boolean
}

export async function launchBrowser(options: LaunchOptions = {}, choice: BrowserChoice = {}): Promise<Browser> {
  return chromium.launch({
    ...options,
    executablePath: choice.shell ? testBrowserPath() : chromePath(),
    args: [...CHROMIUM_ARGS, ...shmArgs(), ...(options.args ?? [])],
  })
}
