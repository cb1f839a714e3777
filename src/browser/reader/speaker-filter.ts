/**
 * The participants panel's filter (progressive enhancement): each speaker's name, a link to their page
 * without JavaScript, becomes a toggle button that shows only their turns on this page. The choice lives
 * in `?speaker=<key>` (pushed to history, read on load and on back/forward) and is announced politely.
 */
import { fragment } from './turns.ts'
import { foldNotesOfHiddenTurns } from './margin-notes.ts'
import { searchRoute, sitePath, speakerRoute } from '../../contract/routes.ts'
import { UNIDENTIFIED_KEY } from '../../contract/speakers.ts'

interface Choice {
  key: string
  name: string
  ids: Set<string>
  button: HTMLButtonElement
}

const panel = document.querySelector<HTMLElement>('[data-speaker-panel]')
if (panel) enhance(panel)

function enhance(panel: HTMLElement): void {
  const turns = [...document.querySelectorAll<HTMLElement>('.turn[data-speaker]')]
  const conversation = document.querySelector<HTMLElement>('.conversation')
  const status = panel.querySelector<HTMLElement>('[data-speaker-status]')!
  const bar = panel.querySelector<HTMLElement>('[data-speaker-bar]')!
  const first = panel.querySelector<HTMLAnchorElement>('[data-speaker-first]')!
  const page = panel.querySelector<HTMLAnchorElement>('[data-speaker-page]')!
  const search = panel.querySelector<HTMLAnchorElement>('[data-speaker-search]')
  const choices = new Map<string, Choice>()

  // Swap each link for a button of the same look: same classes, same text.
  for (const link of panel.querySelectorAll<HTMLAnchorElement>('a[data-speaker]')) {
    const button = document.createElement('button')
    button.type = 'button'
    button.className = link.className
    button.textContent = link.textContent
    button.setAttribute('aria-pressed', 'false')
    const key = link.dataset.speaker!
    button.dataset.speaker = key
    choices.set(key, { key, name: link.textContent!.trim(), ids: new Set(link.dataset.speakerIds!.split(' ')), button })
    const hadFocus = document.activeElement === link
    link.replaceWith(button)
    if (hadFocus) button.focus() // loaded by focusing this name: the reader's place stays where it was
  }

  let current: Choice | undefined

  function apply(key: string | null, history: 'push' | 'replace' | 'none'): void {
    const choice = key ? choices.get(key) : undefined
    const was = current
    current = choice
    const shown = choice ? turns.filter((turn) => choice.ids.has(turn.dataset.speaker!)) : turns
    for (const turn of turns) turn.hidden = !!choice && !choice.ids.has(turn.dataset.speaker!)
    foldNotesOfHiddenTurns()
    conversation?.toggleAttribute('data-speaker-filtered', !!choice)
    for (const { button, key: each } of choices.values()) button.setAttribute('aria-pressed', String(each === choice?.key))
    bar.hidden = !choice
    if (choice) {
      first.href = `#${shown[0]?.id ?? 'conversation-label'}`
      page.href = sitePath(speakerRoute(choice.key))
      // One key everywhere: the search takes the same `?speaker=` as this page.
      if (search) search.href = sitePath(searchRoute({ speaker: choice.key }))
      const turnsText = `${shown.length} ${shown.length === 1 ? 'turn' : 'turns'}`
      status.textContent =
        choice.key === UNIDENTIFIED_KEY
          ? `Showing the ${turnsText} by unidentified voices.`
          : `Showing the ${turnsText} by ${choice.name}.`
    } else if (key) {
      status.textContent = `No speaker “${key}” in this transcript: showing all ${turns.length} turns.`
    } else {
      status.textContent = was ? `Showing all ${turns.length} turns.` : ''
    }
    if (history === 'none') return
    const url = new URL(location.href)
    if (choice) url.searchParams.set('speaker', choice.key)
    else url.searchParams.delete('speaker')
    if (url.href !== location.href) window.history[history === 'push' ? 'pushState' : 'replaceState'](null, '', url)
  }

  const fromUrl = () => new URLSearchParams(location.search).get('speaker')

  // A link to a turn the filter hides (a timeline bar, a footnote back-link) shows every turn again.
  function revealTarget(): void {
    const target = location.hash ? document.getElementById(fragment()) : null
    if (current && target?.closest('.turn[hidden]')) {
      apply(null, 'replace')
      target.scrollIntoView()
    }
  }

  panel.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-speaker]')
    if (button) apply(current?.key === button.dataset.speaker ? null : button.dataset.speaker!, 'push')
    else if ((event.target as Element).closest('[data-speaker-all]')) {
      const pressed = current?.button
      apply(null, 'push')
      pressed?.focus() // the "show all" button has just been hidden: keep the reader's place
    }
  })
  window.addEventListener('popstate', () => apply(fromUrl(), 'none'))
  window.addEventListener('hashchange', revealTarget)
  // A time link or the jump field may land on a turn the filter hides: show every turn again.
  document.addEventListener('reader:show-turn', (event) => {
    if (current && (event as CustomEvent<HTMLElement>).detail.hidden) apply(null, 'replace')
  })

  const initial = fromUrl()
  if (initial) apply(initial, choices.has(initial) ? 'none' : 'replace')
  revealTarget()
}
