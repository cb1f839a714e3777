/**
 * The few web-platform globals that Node and browsers both have, as much of them as src/core, src/collection and
 * src/contract use. Read only by tsconfig.core.json, which type-checks those folders without the DOM library and
 * without Node's types: a use of `document`, `window`, `process` or `Buffer` there is a type error. Declare a global
 * here only if both runtimes have it.
 */
declare class URL {
  constructor(url: string, base?: string | URL)
  readonly pathname: string
  readonly search: string
  readonly hash: string
  readonly href: string
  toString(): string
}

declare class URLSearchParams {
  constructor(init?: string | Record<string, string> | string[][] | URLSearchParams)
  get(name: string): string | null
  getAll(name: string): string[]
  has(name: string): boolean
  set(name: string, value: string): void
  append(name: string, value: string): void
  toString(): string
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean })
  readonly encoding: string
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string
}

/** Vite's `import.meta.env` (src/contract/routes.ts reads the base path from it). */
interface ImportMeta {
  readonly env: { readonly BASE_URL?: string }
}

/** A monotonic clock (src/contract/progress.ts times a stage with it). */
declare const performance: { now(): number }
