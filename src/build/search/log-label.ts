/**
 * The label of the search build's log lines (`[search] search index: …`). The build runs beside Astro's
 * routes, and scripts/build.ts reads its lines by this label so that they do not end the routes' stage.
 */
export const SEARCH_LOG_LABEL = 'search'
