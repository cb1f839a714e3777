/**
 * The revisions page's body (`/<name>/revisions/`), rendered at prepare time like the transcript's own
 * body: every version newest first, with its date, short id, note and a link to its text as it was, and
 * each passage it changed, linked to where it stands now, its words removed and added marked with
 * `<del>`/`<ins>` that say "removed:"/"added:" to screen readers (text, not colour alone). Static HTML:
 * it reads completely without JavaScript.
 */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import { dayOf, longDate } from '../../contract/dates.ts'
import { changeAnchor, changesRoute, sitePath, transcriptRoute, turnRoute, versionTextRoute } from '../../contract/routes.ts'
import { hastToHtml } from '../html.ts'
import type { TranscriptRoot } from '../types.ts'
import { type ChangeShown, UNPUBLISHED, type VersionChanges } from './history.ts'
import type { Piece } from './compare.ts'

export interface RevisionsPageOptions {
  base: string
  locale?: string
  /** The transcript's title as shown. */
  title: string
}

export function renderRevisions(tree: TranscriptRoot, changes: readonly VersionChanges[], options: RevisionsPageOptions): string {
  return hastToHtml(revisionsBody(tree, changes, options))
}

export function revisionsBody(tree: TranscriptRoot, changes: readonly VersionChanges[], options: RevisionsPageOptions): Element {
  const { base, locale } = options
  const page = sitePath(transcriptRoute(tree.name), base)
  const count = tree.history?.versions.length ?? 0
  const intro: ElementContent[] = [
    h('h1', ['Revisions of ', h('a', { href: page }, options.title)]),
    h('p.revisions-summary', [
      `${count === 1 ? 'One version' : `${count} versions`}, newest first: what each changed, word by word, and its text as it was. `,
      'Removed words are struck through, added words underlined; each is announced as removed or added. ',
      h('a', { href: sitePath(changesRoute(), base) }, 'Corrections to the whole collection'),
      '.',
    ]),
  ]
  if (tree.history?.shallow)
    intro.push(
      h(
        'p.revisions-notice',
        'This site was built from a shallow copy of the history: the oldest version listed may not be the first.',
      ),
    )
  const shallow = tree.history?.shallow === true
  const sections = [...changes].reverse().map((entry) => versionSection(tree.name, entry, { base, locale, shallow }))
  return h('article.revisions', [h('header.revisions-head', intro), ...sections])
}

function versionSection(
  name: string,
  entry: VersionChanges,
  options: { base: string; locale?: string | undefined; shallow: boolean },
): Element {
  const { base, locale } = options
  const version = entry.version
  const id = version.id
  const label = `v-${id}-label`
  const heading: Array<ElementContent | string> =
    'commit' in version
      ? [h('time', { dateTime: version.date }, longDate(dayOf(version.date), locale)), ' · version ', h('code', id)]
      : ['Unpublished edits']
  const body: ElementContent[] = []
  if ('commit' in version) {
    if (version.note) body.push(h('p.version-note', version.note))
    if (version.author) body.push(h('p.version-author', `By ${version.author}`))
    body.push(
      h('p.version-text', [
        h('a', { href: sitePath(versionTextRoute(name, id), base), type: 'text/plain' }, `The text as it was (${id}.txt)`),
      ]),
    )
  } else {
    body.push(
      h(
        'p.version-note',
        'Edits made after the newest version and not yet committed: the page shows them, but they are no version yet.',
      ),
    )
  }
  if (entry.first)
    body.push(
      h(
        'p.version-changes',
        options.shallow
          ? 'The oldest version in this shallow copy of the history: what came before it is not known here.'
          : 'The first version in the history.',
      ),
    )
  else if (!entry.compared) body.push(h('p.version-changes', 'Its text could not be read, so what it changed is not shown.'))
  else if (entry.changed.length === 0) body.push(h('p.version-changes', 'No words of the transcript changed in this version.'))
  else {
    const n = entry.changed.length
    body.push(h('p.version-changes', `${n === 1 ? 'One passage' : `${n} passages`} changed:`))
    const used = new Set<string>()
    body.push(
      h(
        'ol.changes',
        entry.changed.map((change) => changeItem(name, id, change, used, base)),
      ),
    )
  }
  return h('section.version', { id: `v-${id}`, ariaLabelledBy: label }, [h('h2', { id: label }, heading), ...body])
}

function changeItem(name: string, version: string, change: ChangeShown, used: Set<string>, base: string): Element {
  const key = change.current && !used.has(change.current) ? change.current : `p${change.index}`
  used.add(key)
  const what = change.kind === 'turn' ? `${change.label}’s turn` : change.label
  const where: Array<ElementContent | string> = change.current
    ? [h('a', { href: sitePath(turnRoute(name, change.current), base) }, what), ` (#${change.current})`]
    : [what]
  return h('li.change', { id: changeAnchor(version, key) }, [
    h('p.change-where', where),
    h('p.change-words', pieces(change.pieces)),
  ])
}

/** The words in reading order; removed and added ones marked, and said to be so. */
function pieces(list: readonly Piece[]): ElementContent[] {
  const out: ElementContent[] = []
  for (const piece of list) {
    if (out.length > 0) out.push({ type: 'text', value: ' ' })
    const text = piece.boundary ? boundaryText(piece) : piece.text
    if (piece.kind === 'same') out.push(piece.boundary ? h('b.change-label', text) : { type: 'text', value: text })
    else if (piece.kind === 'removed')
      out.push(h(piece.boundary ? 'del.boundary' : 'del', [h('span.sr-only', 'removed: '), text]))
    else out.push(h(piece.boundary ? 'ins.boundary' : 'ins', [h('span.sr-only', 'added: '), text]))
  }
  return out
}

/** A passage's start as its label (`Bundy:`); added or removed, a break marked `¶` (a turn split off or merged away). */
function boundaryText(piece: Piece): string {
  const boundary = piece.boundary!
  const label = boundary.kind === 'turn' ? `${boundary.label}:` : `${boundary.label}.`
  return piece.kind === 'same' ? label : `¶ ${label}`
}

export { UNPUBLISHED }
