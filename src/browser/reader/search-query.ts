/** The search's query language lives in src/contract/query.ts; this path stays for the highlighter and its tests. */
export * from '../../contract/query.ts'
