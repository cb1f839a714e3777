/**
 * The accessibility gate (support/quality-axe.ts: axe-core, both schemes, 1280 and 320 px, reflow) on
 * the transcript pages of the built site (the other pages: quality-axe.test.ts), in real headless Chromium against the site served on 127.0.0.1. Two files, so that two e2e
 * workers scan side by side. Uses the site in `E2E_DIST_DIR`, else `<repo>/dist`.
 */
import { axeGate } from './support/quality-axe.ts'
import { pages, useSeedSite } from './support/quality.ts'

useSeedSite()
axeGate(pages.filter((page) => page.transcript))
