/** The site's resolved configuration, served by the site's integration (src/build/integration.ts). */
declare module 'virtual:transcript-reader/config' {
  const config: import('./config.ts').SiteConfig
  export default config
}
