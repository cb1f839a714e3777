/**
 * The transcript page's reading features, added on top of a page that reads fully without them:
 * time links (`#t=06:00`, `#t=360`, `?t=1:02:03`), marking the turn a link arrives at, the jump-to-time
 * form, footnote popovers, and each turn's link-and-cite popover (its code is loaded on first use).
 */
import { setupNotes } from './notes.ts'
import { fillPrintAddress } from './print-address.ts'
import { askedTime, currentTurn, fragment, markTurn, say, turns } from './turns.ts'
import { parseAskedTime, timeFragment } from '../../contract/time.ts'
import { longDate, todayIso } from '../../contract/dates.ts'

function arrive(): void {
  const asked = askedTime()
  if (asked !== null) {
    jumpTo(asked)
    return
  }
  const hash = fragment()
  const target = hash ? document.getElementById(hash) : null
  const turn = target?.closest<HTMLElement>('.turn')
  if (turn) markTurn(turn, false)
}

function jumpTo(asked: string): void {
  const seconds = parseAskedTime(asked)
  const all = turns()
  if (seconds === undefined) {
    say(`“${asked}” is not a time: write minutes and seconds (06:00), seconds (360) or h:mm:ss.`)
    return
  }
  if (all.length === 0) {
    say('This transcript gives no times, so a link cannot open it at one.')
    return
  }
  const found = currentTurn(all, seconds)
  if (found.clamped) say(found.clamped)
  markTurn(found.turn, true)
  // The recording's player, when the page has one, goes to the same time (./audio.ts).
  document.dispatchEvent(new CustomEvent('reader:time', { detail: seconds }))
}

document.addEventListener('submit', (event) => {
  const form = event.target as HTMLFormElement
  if (!form.matches('[data-jump]')) return
  event.preventDefault()
  const value = new FormData(form).get('t')?.toString().trim() ?? ''
  history.pushState(null, '', `#${timeFragment(value)}`)
  jumpTo(value)
})

document.addEventListener('click', async (event) => {
  const link = (event.target as Element).closest<HTMLAnchorElement>('a.turn-link')
  if (!link) return
  event.preventDefault()
  const turn = link.closest<HTMLElement>('.turn')!
  history.pushState(null, '', `#${turn.id}`)
  markTurn(turn, false)
  const { openTurnPanel } = await import('./cite.ts')
  openTurnPanel(link, turn)
})

window.addEventListener('hashchange', arrive)
window.addEventListener('popstate', arrive)
document.querySelector('[data-jump]')?.classList.add('ready')
arrive()
setupNotes()
fillPrintAddress()
// The "Cite as" block leaves the access date to the reader (src/core/source-note.ts): today's, once this runs.
const accessed = document.querySelector<HTMLElement>('.cite-accessed')
if (accessed) accessed.textContent = longDate(todayIso(), accessed.closest<HTMLElement>('[data-locale]')?.dataset.locale)
