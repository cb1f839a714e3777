/**
 * The site's configuration, in one validated place: the options of the project's own Astro integration
 * (`transcriptReader({ … })` in astro.config.mjs, ./integration.ts). Build code reads the resolved values
 * here; pages read them from the virtual module `virtual:transcript-reader/config`. `SITE_BASE` still
 * overrides `base` for one build (tests and deployments under another path). No Astro runtime imports.
 */
import { z } from 'astro/zod'
import { houseStyles } from '../core/styles/index.ts'
import { normalizeBase } from '../contract/routes.ts'
import { DEFAULT_LOCALE } from '../contract/dates.ts'
import type { CitationDefaults } from '../core/citation.ts'
import { hostOption } from './hosts.ts'
import { PART_SIZE } from './search/parts.ts'
import { siteFormatNames } from '../collection/exports.ts'

/** A base path as the option and `SITE_BASE` may give it (`SITE_BASE` may leave out the first `/`). */
const basePath = z
  .string()
  .regex(/^\/(?:[\w.~-]+\/?)*$/, 'expected a path such as `/` or `/tapes/`: starting with `/`, no spaces or `..`')
  .refine((base) => !base.split('/').includes('..'), 'a base path cannot hold `..`')

export const siteConfigSchema = z.strictObject({
  /**
   * The site's name: in every page's title and header.
   * @default 'Transcript Reader'
   */
  title: z.string().trim().min(1).default('Transcript Reader'),
  /**
   * One sentence about the collection: the front page's description for search engines and link previews.
   * @default 'Annotated transcripts of recorded conversations, to read, search and cite.'
   */
  description: z.string().trim().min(1).default('Annotated transcripts of recorded conversations, to read, search and cite.'),
  /**
   * Who publishes this site (`Miller Center`): citations name it when a transcript's sidecar names no
   * `source.publisher`. Left out of citations when absent.
   */
  publisher: z.string().trim().min(1).optional(),
  /**
   * The name of the online edition in citations ("Cite as", the turn panel, the JSON and the TEI), when it is
   * not the site's `title` (`The Presidential Recordings Digital Edition`).
   * @default the site's `title`
   */
  edition: z.string().trim().min(1).optional(),
  /** The site's editors, one name each: named in the source note as the online edition's editors. */
  editors: z.array(z.string().trim().min(1)).optional(),
  /**
   * The About page's account of where the collection's texts come from (plain text; blank lines between
   * paragraphs). The rest of the page (the marks, how times are given) is the reader's own.
   * @default a sentence saying the texts are transcripts as their editions print them
   */
  about: z.string().trim().min(1).optional(),
  /**
   * The site's address, without its path (`https://example.org`): Astro's `site`, for absolute URLs.
   */
  site: z.url({ protocol: /^https?$/, error: 'expected an http or https URL such as `https://example.org`' }).optional(),
  /**
   * The path the site is served under: `/`, or `/tapes/` for a site deployed at `https://example.org/tapes/`
   * (Astro's `base`). The `SITE_BASE` environment variable overrides it for one build.
   * @default '/'
   */
  base: basePath.default('/'),
  /**
   * The house style to read every transcript with when its sidecar names none (`conventions`); when absent,
   * the style is detected per transcript.
   */
  style: z.string().trim().min(1).optional(),
  /**
   * The site's language and the way it writes dates (a BCP 47 tag): the pages' `lang`, and every date the
   * site writes for a reader (src/contract/dates.ts): `en-US` gives `Friday, November 1, 1968`, `en-GB`
   * `Friday, 1 November 1968`. Transcripts' own words are never rewritten.
   * @default 'en-US'
   */
  locale: z
    .string()
    .trim()
    .refine((tag) => {
      try {
        return Intl.DateTimeFormat.supportedLocalesOf([tag]).length === 1
      } catch {
        return false
      }
    }, 'expected a language tag this Node knows, such as `en-US` or `en-GB`')
    .default(DEFAULT_LOCALE),
  /**
   * Where the site is published: the build then warns when the output will not fit there (its size, its
   * number of files, its largest file), before anything is uploaded. A host by name (`github-pages`,
   * `cloudflare-pages`, `cloudflare-pages-paid`, `gitlab-pages`: their documented limits, ./hosts.ts), or
   * any host's limits as numbers: `{ name: 'University web server', maxBytes: 2_000_000_000 }`.
   */
  host: hostOption.optional(),
  /**
   * The exports each transcript has beside its page (`/<name>/transcript.<extension>`), by format: `json`,
   * `text`, `tei`, `vtt`. A format left out is published in the collection's downloads instead (`/downloads/`:
   * a zip of every transcript's file, one a year, none over 24 MiB), so that a large collection fits its host
   * (docs/deploy.md). A transcript with a recording keeps its WebVTT beside its page: its player follows it.
   * @default every format: ['json', 'text', 'tei', 'vtt']
   * @example ['json']
   */
  exports: z
    .array(
      z
        .string()
        .refine((name) => siteFormatNames.includes(name), `expected one of ${siteFormatNames.map((n) => `\`${n}\``).join(', ')}`),
    )
    .default([...siteFormatNames]),
  /**
   * What the site publishes of the transcripts' git history (their versions: src/build/history/).
   * `authors`: name each version's author (the commit's author) on the revisions page and in the JSON; off
   * by default, since an editor's name is theirs to publish.
   * @default { authors: false }
   */
  history: z.strictObject({ authors: z.boolean().default(false) }).default({ authors: false }),
  /**
   * Word timings from an aligner (a sidecar's `alignment`, docs/data-format.md). `confidence`: the aligner's
   * score (0 to 1) below which a word counts as one it was unsure of; the page can then show those words as
   * such (off until the reader turns it on, with a legend). Without it no word is shown as unsure.
   * @example { confidence: 0.5 }
   */
  alignment: z.strictObject({ confidence: z.number().min(0).max(1).optional() }).optional(),
  /**
   * The search index. `partSize`: about how many transcripts each part of Pagefind's index holds. A
   * rebuild indexes again only the parts whose transcripts changed, and the search page merges them all
   * (src/build/search/parts.ts). Smaller parts make a correction's rebuild quicker and a quoted phrase's
   * first search fetch a little more.
   * @default { partSize: 1000 }
   */
  search: z.strictObject({ partSize: z.number().int().min(1).default(PART_SIZE) }).default({ partSize: PART_SIZE }),
})

/** The options as written in astro.config.mjs. */
export type SiteOptions = z.input<typeof siteConfigSchema>
/** The options resolved: defaults filled in, `base` normalized to `/` or `/tapes/`. */
export type SiteConfig = z.output<typeof siteConfigSchema>

/** The result of reading the options: the configuration, or a message naming each bad option. */
export type SiteConfigResult = { ok: true; config: SiteConfig } | { ok: false; message: string }

/**
 * Validates the options and applies `SITE_BASE` (`env`): the one way the configuration is made.
 * `styles` are the house styles' names a `style` must be one of (the registry's, src/core/styles/).
 */
export function resolveSiteConfig(
  options: unknown = {},
  env: Record<string, string | undefined> = process.env,
  styles: readonly string[] = [...houseStyles.keys()],
): SiteConfigResult {
  const checked = siteConfigSchema.safeParse(options ?? {})
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown option ${issue.keys.map((key) => `\`${key}\``).join(', ')} (known: ${Object.keys(siteConfigSchema.shape).join(', ')})`
        : `option \`${issue.path.map(String).join('.') || '(all)'}\`: ${issue.message}`,
    )
    return { ok: false, message: invalid(problems) }
  }
  const config = checked.data
  if (config.style !== undefined && !styles.includes(config.style))
    return {
      ok: false,
      message: invalid([`option \`style\`: no house style is named \`${config.style}\` (known: ${styles.join(', ')})`]),
    }
  const base = env.SITE_BASE || config.base
  if (!basePath.safeParse(base.startsWith('/') ? base : `/${base}`).success)
    return { ok: false, message: `SITE_BASE=${base} is not a path such as \`/tapes/\`` }
  return { ok: true, config: { ...config, base: normalizeBase(base) } }
}

function invalid(problems: string[]): string {
  return `Invalid options for transcriptReader() in astro.config.mjs:\n${problems.map((problem) => `- ${problem}`).join('\n')}`
}

/** What every citation takes from the site's configuration (src/core/citation.ts). */
export function citationDefaults(config: SiteConfig): CitationDefaults {
  return {
    title: config.edition ?? config.title,
    ...(config.publisher !== undefined ? { publisher: config.publisher } : {}),
    ...(config.editors !== undefined ? { editors: config.editors } : {}),
    address: `${(config.site ?? '').replace(/\/+$/, '')}${config.base}`,
    locale: config.locale,
  }
}
