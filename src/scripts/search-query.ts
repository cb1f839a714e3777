/** The search's query language lives in src/search/query.ts; this path stays for the highlighter and its tests. */
export * from '../search/query.ts'
