/**
 * The search's Astro integration, kept at this path for astro.config.mjs; it lives in
 * src/search/build/integration.ts with the rest of the index build.
 */
export { default } from '../search/build/integration.ts'
