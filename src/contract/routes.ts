/**
 * Every address of the site, written once. A route is a function that returns a path from the site's root
 * without the base (`/speakers/george-ball/`); `sitePath` puts the base in front (`/tapes/speakers/…`).
 * Pages, components, browser scripts, the build and the search all link through these, so a page that
 * moves moves everywhere at once. The base is `/` by default, `/tapes/` when the site is deployed under a
 * sub-path (Astro's `base`, from the site configuration's `base` or `SITE_BASE`: src/build/config.ts);
 * Vite gives pages and browser scripts `import.meta.env.BASE_URL`, and build code in Node, which has
 * none, passes the configured base to `sitePath` itself. No imports: build code and browser code both
 * read this module.
 */

/**
 * A base path as the site, its configuration and the hub all spell it: `tapes`, `/tapes`, `/tapes/` →
 * `/tapes/`; `` and `/` → `/` (the form Astro gives `base` with `trailingSlash: 'always'`).
 */
export function normalizeBase(base: string): string {
  const inner = base.trim().replace(/^\/+|\/+$/g, '')
  return inner === '' ? '/' : `/${inner}/`
}

/** `/` or `/tapes/`: this build's base, in pages and browser scripts; `/` in Node, where there is no Vite. */
export const siteBase: string = normalizeBase(import.meta.env?.BASE_URL ?? '/')

/** A route under a base (`normalizeBase`'s form): `/speakers/` → `/tapes/speakers/`. */
export function sitePath(route: string, base: string = siteBase): string {
  return `${base}${route.replace(/^\/+/, '')}`
}

/**
 * A route as a link from a file at the site's root (`/transcripts.json`): `/<name>/` → `<name>/`, right
 * under any base without knowing it.
 */
export function fromRoot(route: string): string {
  return route.replace(/^\/+/, '')
}

/** A route as a link from a page of the site (`page`, a route too): `exportRoute(n, 'vtt')` from `/<n>/` → `transcript.vtt`. */
export function fromPage(page: string, route: string): string {
  if (!page.endsWith('/') || !route.startsWith(page)) throw new Error(`${route} is not beside or below ${page}`)
  return route.slice(page.length)
}

/** A route as a file's path in the built site's folder: `/transcripts.json` → `transcripts.json`, decoded. */
export function routeFile(route: string): string {
  return fromRoot(route).split('/').map(decodeURIComponent).join('/')
}

/** One segment of a path: a transcript's name, a speaker's key, escaped as `encodeURIComponent` does. */
const segment = (value: string) => encodeURIComponent(value)

/** Page `n` (1-based) of a listing whose first page is `first`: `/browse/1962/11/` → `/browse/1962/11/2/`. */
export function pageRoute(first: string, n: number): string {
  return n <= 1 ? first : `${first}${n}/`
}

// The collection.
export const homeRoute = (): string => '/'
export const faviconRoute = (): string => '/favicon.svg'
/** The collection manifest (src/build/manifest.ts): every transcript, for programs. */
export const manifestRoute = (): string => '/transcripts.json'

// One transcript: its page, a passage on it, its exports and its recording.
export const transcriptRoute = (name: string): string => `/${segment(name)}/`
/** A turn, note or paragraph on its transcript's page, by its id: `/<name>/#t-05-03`. */
export const turnRoute = (name: string, id: string): string => `${transcriptRoute(name)}#${segment(id)}`
/** An export of the formats registry the site serves: `/<name>/transcript.json`, `.txt`, `.xml`, `.vtt`. */
export const exportRoute = (name: string, extension: string): string => `${transcriptRoute(name)}transcript.${extension}`
/** A recording published beside its page (src/core/recording.ts names the file: `recording.ogg`). */
export const recordingRoute = (name: string, file: string): string => `${transcriptRoute(name)}${segment(file)}`

/** Two transcriptions of one recording side by side, `name`'s on the left: `/<name>/compare/<other>/`. */
export const compareRoute = (name: string, other: string): string => `${transcriptRoute(name)}compare/${segment(other)}/`

// Speakers: the index, its letter pages when there are many people, and each speaker's pages of turns.
export const speakersRoute = (): string => '/speakers/'
/** A letter's page of the index, under `index/`, which no speaker's page number can be: `/speakers/index/b/2/`. */
export const speakerLetterRoute = (slug: string, page = 1): string => pageRoute(`/speakers/index/${segment(slug)}/`, page)
/** A speaker's turns in every transcript, by their key (src/contract/speakers.ts): `/speakers/george-ball/2/`. */
export const speakerRoute = (key: string, page = 1): string => pageRoute(`/speakers/${segment(key)}/`, page)
/** Where a speaker's turns in one transcript start, on the page (1-based) that holds them: the section's anchor. */
export const speakerAppearanceId = (name: string): string => `in-${name}`
/** A speaker's turns in one transcript: `/speakers/george-ball/2/#in-1962-11-14-01181`. */
export const speakerAppearanceRoute = (key: string, page: number, name: string): string =>
  `${speakerRoute(key, page)}#${segment(speakerAppearanceId(name))}`
/** Every transcript a speaker speaks in, by date, each linked to their turns there: `/speakers/president/transcripts/`. */
export const speakerTranscriptsRoute = (key: string): string => `/speakers/${segment(key)}/transcripts/`

// The collection's editorial method: what each mark means, how times are given, where the texts come from.
/** `/about/`, or one of its sections (`aboutSections` in src/contract/marks.ts): `/about/#unclear`. */
export const aboutRoute = (section?: string): string => (section ? `/about/#${segment(section)}` : '/about/')

// Browsing by date.
export const browseRoute = (): string => '/browse/'
export const browseYearRoute = (year: string): string => `/browse/${segment(year)}/`
export const browseMonthRoute = (year: string, month: string, page = 1): string =>
  pageRoute(`/browse/${segment(year)}/${segment(month)}/`, page)
export const browseUndatedRoute = (page = 1): string => pageRoute('/browse/undated/', page)

// The collection's downloads (src/build/downloads.ts): each format the pages leave out, a zip a part.
export const downloadsRoute = (): string => '/downloads/'
/** One part's zip: `/downloads/tei/1962.zip`. */
export const downloadRoute = (format: string, part: string): string => `/downloads/${segment(format)}/${segment(part)}.zip`

// The search: its page (with a query or a speaker chosen) and Pagefind's script. The search's data files
// are declared with their layouts in src/contract/search.ts.
/** `/search/`, `/search/?q=…`, `/search/?speaker=<key>`; the parameters in the order given. */
export function searchRoute(params: Record<string, string> | URLSearchParams = {}): string {
  const query = new URLSearchParams(params).toString()
  return query === '' ? '/search/' : `/search/?${query}`
}
/** The folder of Pagefind's index, in parts: `/pagefind/`. */
export const pagefindFolderRoute = (): string => '/pagefind/'
/**
 * One part of Pagefind's index (src/build/search/parts.ts), a bundle of its own named by its content:
 * `/pagefind/<part>/`. The search manifest lists the parts; the page merges them (`mergeIndex`).
 */
export const pagefindPartRoute = (part: string): string => `${pagefindFolderRoute()}${segment(part)}/`
/** A part's Pagefind script: `/pagefind/<part>/pagefind.js`. */
export const pagefindRoute = (part: string): string => `${pagefindPartRoute(part)}pagefind.js`

// The hub (src/build/hub/, src/browser/hub/): its own files sit beside its page, wherever that is served,
// and are named in src/contract/hub.ts. A shard is a site built under its own base, so a shard's page or
// file is one of the routes above under that base: `sitePath(pagefindRoute(part), shard.base)`.

// Versions: a transcript's revisions, each version's text as it was, and the collection's changes.
/** Every version of a transcript and what each changed: `/<name>/revisions/`. */
export const revisionsRoute = (name: string): string => `${transcriptRoute(name)}revisions/`
/** A version's (`3f2a9c1`, or `unpublished`) entry on the revisions page. */
export const versionRoute = (name: string, version: string): string => `${revisionsRoute(name)}#v-${segment(version)}`
/** One change of a version on the revisions page, by the id of the passage it changed (or `p<n>`). */
export const changeRoute = (name: string, version: string, passage: string): string =>
  `${revisionsRoute(name)}#${changeAnchor(version, passage)}`
/** The id of a change on the revisions page: `change-3f2a9c1-t-05-03`. */
export const changeAnchor = (version: string, passage: string): string => `change-${version}-${passage}`
/** A version's text as it was, the source's bytes: `/<name>/versions/3f2a9c1.txt`. */
export const versionTextRoute = (name: string, version: string): string =>
  `${transcriptRoute(name)}versions/${segment(version)}.txt`
/** The collection's corrections, newest first, 100 a page: `/changes/`, `/changes/2/`. */
export const changesRoute = (page = 1): string => pageRoute('/changes/', page)
/** The same corrections as an Atom feed. */
export const changesFeedRoute = (): string => '/changes.xml'

// Routes the next issues add belong here, each a function like those above: a comparison of two transcriptions.

/**
 * The first segments of the site's own pages and folders: a transcript named one of them (`changes.txt`,
 * `search.txt`) would put its page where the site's is. Astro's own folder is `_astro`; the 404 page is `404.html`.
 */
export const SITE_SEGMENTS: ReadonlySet<string> = new Set(
  [
    speakersRoute(),
    aboutRoute(),
    browseRoute(),
    searchRoute(),
    pagefindFolderRoute(),
    changesRoute(),
    downloadsRoute(),
    '/_astro/',
    '/404/',
  ]
    .map((route) => decodeURIComponent(route.split('/')[1]!))
    .filter((segment) => segment !== ''),
)
