/**
 * The site configuration (src/build/config.ts): the integration's options validated in one place, a bad
 * option named in the message, `SITE_BASE` overriding `base`, and the integration handing Astro its `site`
 * and `base` and the pages their virtual module.
 */
import type { AstroIntegration } from 'astro'
import { describe, expect, test } from 'vitest'
import { resolveSiteConfig } from '../../src/build/config.ts'
import { normalizeBase } from '../../src/contract/routes.ts'
import transcriptReader, { configModule } from '../../src/build/integration.ts'

describe('resolveSiteConfig', () => {
  test('defaults', () => {
    expect(resolveSiteConfig({}, {})).toEqual({
      ok: true,
      config: {
        title: 'Transcript Reader',
        description: 'Annotated transcripts of recorded conversations, to read, search and cite.',
        base: '/',
        locale: 'en-US',
        exports: ['json', 'text', 'tei', 'vtt'],
        history: { authors: false },
        search: { partSize: 1000 },
      },
    })
  })

  test('every option, base normalized', () => {
    const options = {
      title: 'Tapes',
      description: 'The tapes.',
      publisher: 'Miller Center',
      edition: 'The Presidential Recordings',
      editors: ['Marc Selverstone', 'Keri Matthews'],
      about: 'Transcripts from the Miller Center.\n\nDrafts are marked as drafts.',
      site: 'https://example.org',
      base: '/tapes',
      style: 'frus',
      locale: 'en-GB',
      exports: ['json'],
      history: { authors: true },
      search: { partSize: 250 },
    }
    expect(resolveSiteConfig(options, {})).toEqual({ ok: true, config: { ...options, base: '/tapes/' } })
  })

  test('SITE_BASE overrides base', () => {
    const result = resolveSiteConfig({ base: '/tapes/' }, { SITE_BASE: '/other/' })
    expect(result.ok && result.config.base).toBe('/other/')
  })

  test.each([
    [{ title: '' }, 'option `title`'],
    [{ site: 'example.org' }, 'option `site`: expected an http or https URL'],
    [{ base: 'tapes dir' }, 'option `base`: expected a path'],
    [{ base: '/a/../b/' }, 'option `base`'],
    [{ publisher: 3 }, 'option `publisher`'],
    [{ locale: 'not a locale!' }, 'option `locale`: expected a language tag'],
    [{ titel: 'Tapes' }, 'unknown option `titel`'],
    [{ editors: 'Marc Selverstone' }, 'option `editors`'],
    [{ locale: 'not a language!' }, 'option `locale`: expected a language tag'],
    [{ alignment: { confidence: 1.5 } }, 'option `alignment.confidence`'],
    [{ alignment: { confidance: 0.5 } }, 'unknown option `confidance`'],
    [{ exports: ['json', 'pdf'] }, 'option `exports.1`: expected one of `json`, `text`, `tei`, `vtt`'],
    [{ exports: 'json' }, 'option `exports`'],
    [{ search: { partSize: 0 } }, 'option `search.partSize`'],
    [{ search: { partSize: 2.5 } }, 'option `search.partSize`'],
  ])('%j is refused, naming the option', (options, named) => {
    const result = resolveSiteConfig(options, {})
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toContain(named)
    expect(!result.ok && result.message).toMatch(/^Invalid options for transcriptReader\(\) in astro\.config\.mjs/)
  })

  test("word timings' confidence: optional, 0 to 1", () => {
    const result = resolveSiteConfig({ alignment: { confidence: 0.5 } }, {})
    expect(result.ok && result.config.alignment).toEqual({ confidence: 0.5 })
    expect(resolveSiteConfig({}, {}).ok && (resolveSiteConfig({}, {}) as { config: object }).config).not.toHaveProperty(
      'alignment',
    )
  })

  test('a house style must be a known one', () => {
    const result = resolveSiteConfig({ style: 'chicago' }, {}, ['seed', 'frus'])
    expect(!result.ok && result.message).toContain('option `style`: no house style is named `chicago` (known: seed, frus)')
  })

  test('base paths', () => {
    expect(['', '/', 'tapes', '/tapes', '/tapes/', '/a/b'].map(normalizeBase)).toEqual([
      '/',
      '/',
      '/tapes/',
      '/tapes/',
      '/tapes/',
      '/a/b/',
    ])
  })
})

describe('the integration', () => {
  test('sets Astro’s site and base and serves the configuration to pages', async () => {
    const saved = process.env.SITE_BASE
    delete process.env.SITE_BASE
    try {
      const updates: Record<string, unknown>[] = []
      const setup = transcriptReader({ title: 'Tapes', base: '/tapes', site: 'https://example.org' }).hooks[
        'astro:config:setup'
      ] as NonNullable<AstroIntegration['hooks']['astro:config:setup']>
      await setup({ updateConfig: (config: Record<string, unknown>) => updates.push(config), logger: console } as never)
      expect(updates).toHaveLength(1)
      expect(updates[0]).toMatchObject({ base: '/tapes/', site: 'https://example.org' })
      const [plugin] = (updates[0]!.vite as { plugins: { resolveId(id: string): string; load(id: string): string }[] }).plugins
      const id = plugin!.resolveId(configModule)
      expect(id).toBe(`\0${configModule}`)
      expect(plugin!.load(id)).toContain('"title":"Tapes"')
    } finally {
      if (saved !== undefined) process.env.SITE_BASE = saved
    }
  })
})
