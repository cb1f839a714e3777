/**
 * The site's base path: `/` by default, `/tapes/` when the site is deployed under a sub-path (Astro's
 * `base`, set by the site configuration's `base` or `SITE_BASE`: src/build/config.ts). Every link and fetch to a page or file of the site
 * goes through `sitePath`, in pages, components and browser scripts alike (Vite gives both the same
 * `import.meta.env.BASE_URL`). Build code in Node has no such value and writes base-free paths.
 */

/** `/` or `/tapes/`: always with a final slash. */
export const siteBase: string = `${(import.meta.env.BASE_URL ?? '/').replace(/\/+$/, '')}/`

/** `/speakers/` → `/tapes/speakers/`; a path is given from the site's root, with its leading slash. */
export function sitePath(path: string): string {
  return `${siteBase}${path.replace(/^\/+/, '')}`
}
