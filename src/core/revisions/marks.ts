/**
 * What a turn of the reading page carries from the transcript's history: a small "revised" link to its
 * latest change, and, for each id an earlier version gave words now in this turn, an anchor with that id
 * and a notice shown only when a link arrives at it (CSS `:target`, src/styles/revisions.css: no script
 * needed), saying the passage was revised and linking to the change. A turn whose own id once meant other
 * words gets the same notice, pointing to where those words are now. Marks and notices are not the
 * transcript's words: never copied with a quotation (`user-select: none`).
 */
import type { Element } from 'hast'
import { h } from 'hastscript'
import { dayOf, longDate } from '../../contract/dates.ts'
import { changeAnchor, versionRoute } from '../../contract/routes.ts'
import type { TranscriptRoot, Turn } from '../types.ts'
import { UNPUBLISHED } from './history.ts'

export interface TurnHistoryMarks {
  /** Before the speaker's line: former ids' anchors and their notices. */
  before: Element[]
  /** In the speaker's line: the "revised" link. */
  revised?: Element
}

export function turnHistoryMarks(
  tree: TranscriptRoot,
  turn: Turn,
  revisionsHref: string | undefined,
  locale: string | undefined,
): TurnHistoryMarks | undefined {
  const history = tree.history
  if (!history || !revisionsHref) return undefined
  const when = (version: string) => {
    if (version === UNPUBLISHED) return 'in edits not yet published as a version'
    const found = history.versions.find((v) => v.id === version)
    return found ? `on ${longDate(dayOf(found.date), locale)}` : ''
  }
  const page = revisionsHref.replace(/\/?$/, '/')
  const hashOf = (route: string) => route.slice(route.indexOf('#'))
  const marks: TurnHistoryMarks = { before: [] }
  const revisedBy = history.revised[turn.id]
  if (revisedBy)
    marks.revised = h(
      'a.revised-mark',
      { href: `${page}#${changeAnchor(revisedBy, turn.id)}`, ariaLabel: `Revised ${when(revisedBy)}: see the change` },
      'revised',
    )
  for (const former of history.former) {
    const change = `${page}${hashOf(versionRoute(tree.name, former.version))}`
    if (former.kind === 'gone' && former.successor === turn.id) {
      marks.before.push(
        h('span.former-id', { id: former.id }),
        h('p.former-notice', { role: 'note' }, [
          `This passage was revised ${when(former.version)}: the link you followed (#${former.id}) pointed to words that are now in this turn. `,
          h('a', { href: change }, 'See the change'),
        ]),
      )
    } else if (former.kind === 'moved' && former.id === turn.id) {
      marks.before.push(
        h('p.moved-notice', { role: 'note' }, [
          `A link to #${former.id} made before this passage was revised ${when(former.version)} pointed to other words: they are now `,
          h('a', { href: `#${former.successor}` }, `at #${former.successor}`),
          '. ',
          h('a', { href: change }, 'See the change'),
        ]),
      )
    }
  }
  return marks
}
