// @ts-check
import { defineConfig } from 'astro/config'
import pagefind from './src/integrations/pagefind.ts'

export default defineConfig({
  output: 'static',
  // Separate output and cache folders let tests and benchmarks build other sites side by side.
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // The reading pages need no client-side JavaScript; keep Astro from adding any of its own.
  devToolbar: { enabled: false },
  integrations: [pagefind()],
})
