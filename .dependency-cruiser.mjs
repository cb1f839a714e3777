/**
 * The import graph's one-way arrows (docs/architecture.md draws them): which folder may import which, checked by
 * `npm run lint` (scripts/check-imports.ts, which also reads the .astro files). Every import counts, type-only ones
 * too: a type imported from the build is an arrow back up all the same. `npx depcruise src scripts` checks the
 * TypeScript alone with the same rules.
 */

/** Packages that run anywhere (no Node built-in, no DOM): what the core, the collection and the contract may use. */
const portablePackages = [
  '^node_modules/(@types/)?(mdast|hast|unist)(/|$)',
  '^node_modules/(vfile|vfile-location|vfile-message|yaml|hastscript|mdast-util-to-hast|hast-util-to-html)/',
  '^node_modules/(html-void-elements|property-information|diff)/', // diff: jsdiff, word alignment (src/core/align)
  '^node_modules/astro/dist/zod\\.', // astro/zod: Astro's copy of zod
  '^node_modules/(zod|@zod)/',
]

/** Where a .astro file's parts land once scripts/check-imports.ts has copied them out (front matter; client scripts). */
const astro = '^tmp/import-graph/'

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'No module reaches itself through its imports: each arrow points one way.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-portable',
      comment: 'src/core runs anywhere: no Node built-in, and no package but the portable ones (no DOM: tsconfig.core.json).',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypesNot: ['local'], pathNot: portablePackages },
    },
    {
      name: 'core-imports-core-and-contract',
      comment: 'src/core imports only itself and the contract modules.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['local'], pathNot: '^src/(core|contract)/' },
    },
    {
      name: 'contract-imports-contract',
      comment: 'src/contract is read by build and browser alike: it imports only other contract modules.',
      severity: 'error',
      from: { path: '^src/contract/' },
      to: { pathNot: '^src/contract/' },
    },
    {
      name: 'browser-imports-browser-and-contract',
      comment: 'src/browser runs in the page: it imports only itself and the contract modules (no core, collection, build).',
      severity: 'error',
      from: { path: ['^src/browser/', `${astro}.+\\.astro\\.client\\.ts$`] },
      to: { pathNot: '^src/(browser|contract)/' },
    },
    {
      name: 'nothing-imports-browser',
      comment:
        'Build, collection, core and the pages’ front matter never import browser code (bundling it by path is not an import).',
      severity: 'error',
      from: { path: ['^src/(build|collection|core|contract)/', `${astro}.+\\.astro\\.ts$`] },
      to: { path: '^src/browser/' },
    },
    {
      name: 'collection-is-pure',
      comment:
        'src/collection imports core, contract and itself, and packages that run anywhere: no Node built-in, no build (no DOM: tsconfig.core.json).',
      severity: 'error',
      from: { path: '^src/collection/' },
      to: { pathNot: ['^src/(core|contract|collection)/', ...portablePackages] },
    },
    {
      name: 'scripts-not-tests',
      comment: 'Tools and benchmarks (scripts/) never import the tests.',
      severity: 'error',
      from: { path: '^scripts/' },
      to: { path: '^tests/' },
    },
    {
      name: 'resolvable',
      comment: 'Every import names a file or package that exists (astro: and virtual: modules are Astro’s and Vite’s).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^(astro|virtual):' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
}
