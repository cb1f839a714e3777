/**
 * The collection's corrections as an Atom feed (`/changes.xml`, RFC 4287), so that readers and libraries
 * can follow the errata: made with `feed` (jpmonette/feed, a maintained generator) rather than by hand, and
 * checked in the tests with jing against the RFC's own RELAX NG schema. The newest 50 corrections; the
 * feed's `updated` is the newest one's date (never the build's, so an unchanged collection gives the same
 * bytes). Ids are the revisions page's addresses when the site's address is configured, else stable
 * `urn:uuid:` made from the transcript and the commit (an Atom id must be an absolute IRI).
 */
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Feed } from 'feed'
import { changedPhrase, type Correction } from '../collection/changes.ts'
import { dayOf, longDate } from '../contract/dates.ts'
import { changesFeedRoute, changesRoute, sitePath, versionRoute } from '../contract/routes.ts'
import type { SiteConfig } from './config.ts'

export const FEED_ENTRIES = 50

export const changesFeedArtifact = (cache: string) => join(cache, 'changes.xml')

/** What the feed names of the site (its configuration's). */
export type FeedSite = Pick<SiteConfig, 'title' | 'base' | 'locale'> & { site?: string; publisher?: string }

export function changesFeed(list: readonly Correction[], config: FeedSite): string {
  // `feed` takes only absolute links; without the site's address they are written against a placeholder
  // origin that is then cut off, leaving references from the host's root (`/tapes/changes/`), which Atom
  // resolves against the feed's own address (RFC 4287 §4.2.7.1).
  const origin = config.site ?? PLACEHOLDER
  const absolute = (route: string) => new URL(sitePath(route, config.base), origin).href
  const id = (route: string, key: string) => (config.site ? absolute(route) : `urn:uuid:${uuid(key)}`)
  const newest = list[0]
  const feed = new Feed({
    title: `${config.title}: corrections`,
    description: `Every correction to the transcripts of ${config.title}, newest first.`,
    id: id(changesRoute(), `changes\0${config.title}`),
    link: absolute(changesRoute()),
    feedLinks: { atom: absolute(changesFeedRoute()) },
    language: config.locale,
    copyright: '',
    updated: newest ? new Date(newest.date) : new Date(0),
    generator: 'Transcript Reader (feed)',
    author: { name: config.publisher ?? config.title },
  })
  for (const entry of list.slice(0, FEED_ENTRIES)) {
    const route = versionRoute(entry.name, entry.id)
    const day = longDate(dayOf(entry.date), config.locale)
    feed.addItem({
      title: asHtml(`${entry.title}: ${entry.note ?? `version ${entry.id}`}`),
      id: id(route, `${entry.name}\0${entry.commit}`),
      link: absolute(route),
      date: new Date(entry.date),
      description: asHtml(`Version ${entry.id} of ${day}: ${changedPhrase(entry.changed)}.`),
    })
  }
  const xml = feed.atom1()
  return config.site ? xml : xml.replaceAll(PLACEHOLDER, '')
}

/** An origin that can name no real host (`.invalid`, RFC 6761), cut out of the feed when the site has no address. */
const PLACEHOLDER = 'https://transcript-reader.invalid'

export function writeChangesFeed(list: readonly Correction[], config: FeedSite, cache: string): void {
  writeFileSync(changesFeedArtifact(cache), changesFeed(list, config))
}

/** A name-based UUID (the form of RFC 9562's version 5: SHA-1 of the name) for an Atom id. */
function uuid(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex')
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/**
 * Text as the HTML the feed library declares its titles and summaries to be (`type="html"`, in CDATA): a
 * note's `<unclear>` is words, never a tag, and no `]]>` is left to end the CDATA early.
 */
function asHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}
