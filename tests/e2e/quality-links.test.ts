/**
 * Links of the built site, in real headless Chromium against the site served on 127.0.0.1: every
 * internal href/src (and srcset, and url() in linked stylesheets) answers 200, and every `#fragment` names
 * an element on its target page, with and without JavaScript.
 * The shared pages, views and site: support/quality.ts. Uses the site in `E2E_DIST_DIR`, else `<repo>/dist`
 * (the e2e project's global setup builds it).
 */
import { expect, test, describe } from 'vitest'
import { load, newContext, origin, pages, TIME_FRAGMENT, transcriptPages, useSeedSite } from './support/quality.ts'

useSeedSite()

describe('links', () => {
  test('every internal link, script, stylesheet and image answers 200, and every #fragment names an element', {
    timeout: 300_000,
  }, async () => {
    const idsByPath = new Map<string, Set<string>>()
    const refs: { from: string; url: string }[] = []
    const context = await newContext({ javaScriptEnabled: false })
    const scripted = await newContext()
    try {
      // Links and ids as served (no JavaScript) and after the scripts ran (links they add count too).
      // One page for each, led through the site (a new document each time).
      for (const ctx of [context, scripted]) {
        const page = await ctx.newPage()
        for (const sitePage of pages) {
          await load(page, sitePage.path)
          const found = await page.evaluate(() => {
            const urls: string[] = []
            const attr = (sel: string, name: string) =>
              document.querySelectorAll(sel).forEach((el) => {
                const v = el.getAttribute(name)
                if (v !== null) urls.push(new URL(v, document.baseURI).href)
              })
            attr('a[href], area[href], link[href], use[href], image[href]', 'href')
            attr('[*|href]:not([href])', 'xlink:href')
            attr(
              'script[src], img[src], iframe[src], source[src], audio[src], video[src], track[src], embed[src], input[src]',
              'src',
            )
            attr('video[poster]', 'poster')
            attr('object[data]', 'data')
            attr('form[action]', 'action')
            for (const el of document.querySelectorAll('[srcset]')) {
              for (const c of el.getAttribute('srcset')!.split(',')) {
                const u = c.trim().split(/\s+/)[0]
                if (u) urls.push(new URL(u, document.baseURI).href)
              }
            }
            const ids = [...document.querySelectorAll('[id]')].map((el) => el.id)
            const names = [...document.querySelectorAll('a[name]')].map((el) => el.getAttribute('name')!)
            const sheets = [...document.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"][href]')].map((l) => l.href)
            return { urls, ids: [...ids, ...names], sheets }
          })
          const ids = idsByPath.get(sitePage.path) ?? new Set<string>()
          for (const id of found.ids) ids.add(id)
          idsByPath.set(sitePage.path, ids)
          for (const url of found.urls) refs.push({ from: sitePage.path, url })
          for (const sheet of found.sheets) {
            const css = await (await fetch(sheet)).text()
            for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
              if (!m[2]!.startsWith('data:')) refs.push({ from: new URL(sheet).pathname, url: new URL(m[2]!, sheet).href })
            }
          }
        }
      }
    } finally {
      await context.close()
      await scripted.close()
    }
    expect(refs.length, 'links found').toBeGreaterThan(0)

    const broken = new Set<string>()
    const status = new Map<string, number>()
    const targetIds = async (urlPath: string): Promise<Set<string> | null> => {
      if (idsByPath.has(urlPath)) return idsByPath.get(urlPath)!
      return null // not an HTML page of the site (JSON, an asset): no fragment can name anything in it
    }
    for (const { from, url } of refs) {
      const u = new URL(url)
      if (u.protocol === 'mailto:' || u.protocol === 'tel:') continue
      if (u.origin !== origin) continue // an external link (third-party requests are checked above)
      const key = u.pathname + u.search
      if (!status.has(key)) status.set(key, (await fetch(origin + key, { redirect: 'manual' })).status)
      const code = status.get(key)!
      if (code !== 200) {
        broken.add(
          `${from} → ${key}: HTTP ${code}${code >= 300 && code < 400 ? ' (a redirect: link to the canonical URL with its trailing slash)' : ''}`,
        )
        continue
      }
      const fragment = decodeURIComponent(u.hash.slice(1))
      if (!u.hash || fragment === '' || fragment === 'top') continue
      const ids = await targetIds(u.pathname)
      if (TIME_FRAGMENT.test(fragment) && transcriptPages.some((p) => p.path === u.pathname)) continue
      if (!ids?.has(fragment)) broken.add(`${from} → ${u.pathname}${u.hash}: no element with id="${fragment}" there`)
    }
    expect([...broken], 'broken internal links').toEqual([])
  })
})
