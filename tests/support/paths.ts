import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../../', import.meta.url))
export const seedPath = `${root}content/transcripts/1962-11-14-01181.txt`
export const fixtures = `${root}tests/fixtures/`
