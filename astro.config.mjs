// @ts-check
import { defineConfig } from 'astro/config'
import pagefind from './src/integrations/pagefind.ts'

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // The reading pages need no client-side JavaScript; keep Astro from adding any of its own.
  devToolbar: { enabled: false },
  integrations: [pagefind()],
})
