/**
 * The site's search page as the browser tests read it: it marks its root `[data-search]` with
 * `data-state="done"` and the query it answered once its results are shown (src/browser/search/page.ts).
 */
import type { Page } from 'playwright-core'

/** Waits until the search page has shown the results of `q` (the empty query when none). */
export async function searchSettled(page: Page, q: string): Promise<void> {
  await page.waitForFunction(
    (q) => {
      const root = document.querySelector<HTMLElement>('[data-search]')
      return root?.dataset.state === 'done' && (root.dataset.query ?? '') === q
    },
    q,
    { timeout: 15_000 },
  )
}

/** The URLs of the results shown, in order. */
export function resultUrls(page: Page): Promise<string[]> {
  return page.locator('.search-result').evaluateAll((items) => items.map((item) => item.getAttribute('data-url') ?? ''))
}
