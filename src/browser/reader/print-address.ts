/**
 * A printed page says where it came from (issue 21): the layout writes the page's address at build time
 * when the site's address is configured (src/layouts/Base.astro); without one, the browser's is written
 * here. Shown in print only (site.css).
 */
export function fillPrintAddress(): void {
  const slot = document.querySelector('[data-print-address]')
  if (slot && !slot.textContent) slot.textContent = `${location.origin}${location.pathname}`
}
