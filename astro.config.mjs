// @ts-check
import { defineConfig } from 'astro/config'
import transcriptReader from './src/build/integration.ts'
import { astroCacheDir } from './src/build/paths.ts'

export default defineConfig({
  output: 'static',
  // Separate output and cache folders let tests and benchmarks build other sites side by side.
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  cacheDir: astroCacheDir(),
  trailingSlash: 'always',
  // Stylesheets are files of their own, shared by every page and cached by the browser (content-hashed
  // names under /_astro/), not inlined in each page: 17.7 KB of each transcript page's HTML was the same
  // stylesheet (issue 25). They block rendering, so nothing shifts when they arrive.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // The reading pages need no client-side JavaScript; keep Astro from adding any of its own.
  devToolbar: { enabled: false },
  markdown: { syntaxHighlight: false },
  // Scripts stay external files, however small: simpler to reason about under the CSP, and cached.
  // Vite's own cache beside Astro's, so that builds with their own ASTRO_CACHE_DIR share nothing.
  vite: {
    cacheDir: `${astroCacheDir()}/vite`,
    build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined), cssCodeSplit: false },
    plugins: [
      // No module-preload helper around the pages' dynamic imports (0.9 KB gzip on every transcript page):
      // the chunks a lazily loaded script needs are few and small, and the first scripts loaded most of
      // them. Astro sets `build.modulePreload` itself, so the client environment is told here.
      {
        name: 'transcript-reader:no-preload-helper',
        configEnvironment: (name) => (name === 'client' ? { build: { modulePreload: false } } : undefined),
      },
    ],
  },
  // The site's configuration, in one place (src/build/config.ts, README "Site configuration"). `base: '/tapes/'`
  // serves the site under a sub-path (every link goes through src/contract/routes.ts); `SITE_BASE=/tapes/`
  // overrides it for one build. The one integration runs the site's steps and the search build in order
  // (docs/build.md, "One integration").
  integrations: [
    transcriptReader({
      title: 'Transcript Reader',
      description: 'Annotated transcripts of recorded conversations, to read, search and cite.',
      base: '/',
      // Word timings (a sidecar's `alignment`): words the aligner scored below 0.5 can be shown as unsure.
      alignment: { confidence: 0.5 },
    }),
  ],
  // Pages that return a cacheKey (a transcript's digest, a speaker page's hash) and whose code is unchanged
  // are copied from the previous build instead of rendered again.
  experimental: { incrementalBuild: true },
  // A Content-Security-Policy on every page: scripts only from this site (Astro adds hashes for what
  // it inlines), never inline handlers or eval; Pagefind's WebAssembly needs 'wasm-unsafe-eval' only.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
})
