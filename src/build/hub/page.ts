/**
 * The hub page's HTML: a search form that works as a plain GET form, the shards as links (each browses
 * without JavaScript), and the places client.ts fills. Built with hastscript, escaped by hast-util-to-html.
 */
import { h } from 'hastscript'
import { toHtml } from 'hast-util-to-html'
import { HUB_SCRIPT_PATH, HUB_STYLE_PATH, type HubManifest } from '../../contract/hub.ts'

/** Scripts only from the hub's host; Pagefind's WebAssembly needs 'wasm-unsafe-eval' (as on the shards). */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ')

export function hubHtml(manifest: HubManifest): string {
  const shardLinks = manifest.shards.flatMap((shard, i) => [
    ...(i === 0 ? [] : [i === manifest.shards.length - 1 ? ' and ' : ', ']),
    h('a', { href: shard.base }, shard.title),
  ])
  const tree = h('html', { lang: 'en' }, [
    h('head', [
      h('meta', { charset: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('meta', { httpEquiv: 'Content-Security-Policy', content: CSP }),
      h('title', `Search · ${manifest.title}`),
      h('link', { rel: 'stylesheet', href: HUB_STYLE_PATH }),
      // The first shard's icon: every shard has one.
      ...manifest.shards.slice(0, 1).map((shard) => h('link', { rel: 'icon', href: `${shard.base}favicon.svg` })),
      h('script', { type: 'module', src: HUB_SCRIPT_PATH }),
    ]),
    h('body', [
      h('header', [h('p', [h('a', { href: './' }, manifest.title)])]),
      h('main', { dataHub: '' }, [
        h('h1', `Search ${manifest.title}`),
        h('p', [`One search across ${manifest.shards.length} collections: `, ...shardLinks, '.']),
        h('form', { role: 'search', method: 'get' }, [
          h('label', { for: 'hub-q' }, 'Words, or a phrase in double quotes'),
          h('input', { id: 'hub-q', name: 'q', type: 'search', autocomplete: 'off' }),
          h('button', { type: 'submit' }, 'Search'),
        ]),
        h('noscript', [h('p', 'Searching needs JavaScript. Each collection can be browsed without it from the links above.')]),
        h('p', { role: 'status', dataStatus: '' }),
        h('ol', { class: 'hub-results', dataResults: '' }),
        h('button', { type: 'button', dataMore: '', hidden: true }, 'More results'),
      ]),
    ]),
  ])
  return `<!doctype html>\n${toHtml(tree)}\n`
}
