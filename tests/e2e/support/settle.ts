/**
 * A loaded page settled: the idle callbacks its scripts queued have run, and no request of it has been in
 * flight for QUIET_MS. Playwright's `networkidle` asks for 500 ms of quiet, every time: the quality gates
 * wait 185 times in a run (165 loads of the seed site's pages, and 20 second waits after a scroll), so that
 * wait alone was more than 90 s of the e2e tier's time, with nothing to do. The requests are counted as
 * Playwright counts them for `networkidle` (every request of the page and its frames, save event streams and
 * the favicon); only the quiet asked for is shorter, after the page's own idle work is known to be done.
 */
import type { Page, Request } from 'playwright-core'

/** Quiet long enough for a request a script makes on its idle callback or a frame later (a module it imports). */
const QUIET_MS = 150
/** A page whose requests never end fails, naming them, rather than hanging the test until its timeout. */
const LIMIT_MS = 20_000

interface Traffic {
  inFlight: Set<Request>
  /** When the last request started or ended (performance clock of this process). */
  changed: number
}

const tracked = new WeakMap<Page, Traffic>()

function counted(request: Request): boolean {
  return request.resourceType() !== 'eventsource' && !/\/favicon\.[a-z]+$/.test(new URL(request.url()).pathname)
}

/** Starts counting `page`'s requests (once per page): call before it navigates. */
export function trackRequests(page: Page): void {
  if (tracked.has(page)) return
  const traffic: Traffic = { inFlight: new Set(), changed: performance.now() }
  tracked.set(page, traffic)
  const end = (request: Request) => {
    if (traffic.inFlight.delete(request)) traffic.changed = performance.now()
  }
  page.on('request', (request) => {
    if (!counted(request)) return
    traffic.inFlight.add(request)
    traffic.changed = performance.now()
  })
  page.on('requestfinished', end)
  page.on('requestfailed', end)
}

/** Waits until `page` (tracked since before it navigated) has settled; see the module's comment. */
export async function settle(page: Page): Promise<void> {
  const traffic = tracked.get(page)
  if (!traffic) throw new Error('settle: the page was not tracked before it navigated (trackRequests)')
  // The page's idle callbacks were queued before this one: it runs after them. With JavaScript off there
  // are none, and none would run (Chromium then runs no callback of the page at all): the HTML parser's
  // scripting flag says which (`<noscript>` content is text when scripts run, elements when they do not).
  const scripted = await page.evaluate(() => {
    const probe = document.createElement('div')
    probe.innerHTML = '<noscript><p></p></noscript>'
    return probe.querySelector('noscript p') === null
  })
  if (scripted)
    await page.evaluate(
      () => new Promise<void>((resolve) => requestIdleCallback(() => requestAnimationFrame(() => resolve()), { timeout: 2000 })),
    )
  const start = performance.now()
  for (;;) {
    const now = performance.now()
    if (traffic.inFlight.size === 0 && now - traffic.changed >= QUIET_MS) return
    if (now - start > LIMIT_MS)
      throw new Error(`requests still in flight after ${LIMIT_MS} ms: ${[...traffic.inFlight].map((r) => r.url()).join(', ')}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
