/**
 * The one axe-core configuration of the browser tests: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and
 * axe's best practices. `new AxeBuilder({ page }).analyze()` scans with these tags. Two settings make a
 * scan of a long transcript page several times faster without changing what it finds: axe runs in the
 * page itself (`axe.run`, "legacy mode"; the site has no frames, so nothing is left out), and only
 * violations are reported in full (`resultTypes`: axe still runs every rule on every node, but stops
 * building selectors for each passing node). Measured on the seed's transcript page at 1280 px, under
 * load: 26-43 s a scan before, 12-16 s after.
 */
import Base from '@axe-core/playwright'
import type { Page } from 'playwright-core'

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

export class AxeBuilder extends Base {
  constructor(options: { page: Page }) {
    super(options)
    // `options()` replaces every option, so it comes before the tags.
    this.options({ resultTypes: ['violations'] })
      .withTags(AXE_TAGS)
      .setLegacyMode(true)
  }
}
