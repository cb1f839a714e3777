/**
 * Launches the system Chromium (Debian's `chromium` package) through playwright-core; no browser
 * download. Set CHROME_PATH to use another Chromium or Chrome binary.
 */
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
  '--disable-dev-shm-usage',
]

export function chromePath(): string {
  return process.env.CHROME_PATH ?? '/usr/bin/chromium'
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    ...options,
    executablePath: chromePath(),
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  })
}
