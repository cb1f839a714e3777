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

/**
 * Playwright passes `--disable-dev-shm-usage` to every Chromium it launches (its default switches), which
 * moves Chromium's shared memory from /dev/shm to /tmp. That is right only where /dev/shm is small; elsewhere
 * the default is left out (`ignoreDefaultArgs`) and Chromium uses /dev/shm.
 */
function smallShm(): boolean {
  try {
    const { bsize, blocks } = statfsSync('/dev/shm')
    return bsize * blocks < SMALL_SHM
  } catch {
    return true
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
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    ...(smallShm() ? {} : { ignoreDefaultArgs: ['--disable-dev-shm-usage'] }),
  })
}
