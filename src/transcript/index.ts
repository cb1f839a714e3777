/** The transcript library: usable without Astro (the CLI and the tests use it directly). */
export { parse, parseString, type ParseOptions } from './parse/index.ts'
export { toJson } from './to-json.ts'
export { toPlainText } from './plain-text.ts'
export { rules, hasErrors, type RuleId } from './diagnostics.ts'
export type * from './types.ts'
