/** Finding turns by time and marking the one a link arrived at. */
import { formatTime, fragmentTime } from '../../contract/time.ts'

export function turns(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('.turn[data-start]')]
}

/**
 * The turn in progress at `seconds`, among the turns the transcript gives a time for (`data-start`),
 * clamped to the first and last of them with a notice that names the transcript's own times.
 */
export function currentTurn(all: HTMLElement[], seconds: number): { turn: HTMLElement; clamped?: string } {
  const start = (turn: HTMLElement) => Number(turn.dataset.start)
  const first = all[0]!
  const last = all.at(-1)!
  // The last time the transcript gives: the last turn's end where known, else its start.
  const end = Number(last.dataset.end ?? last.dataset.start)
  if (seconds < start(first)) {
    return {
      turn: first,
      clamped: `${formatTime(seconds)} is before the first time the transcript gives (${formatTime(start(first))}): showing the first turn with a time.`,
    }
  }
  if (seconds > end) {
    return {
      turn: last,
      clamped: `${formatTime(seconds)} is after the last time the transcript gives (${formatTime(end)}): showing the last turn with a time.`,
    }
  }
  let found = first
  for (const turn of all) if (start(turn) <= seconds) found = turn
  return { turn: found }
}

/** Marks `turn` as the current location (aria-current, not colour alone) and brings it into view. */
export function markTurn(turn: HTMLElement, scroll: boolean): void {
  document.dispatchEvent(new CustomEvent('reader:show-turn', { detail: turn }))
  for (const other of document.querySelectorAll('.turn[aria-current]')) other.removeAttribute('aria-current')
  turn.setAttribute('aria-current', 'location')
  if (scroll) {
    turn.tabIndex = -1
    turn.scrollIntoView({ block: 'start' })
    turn.focus({ preventScroll: true })
  }
}

/** A short message in the page's polite live region. */
export function say(message: string): void {
  const toast = document.querySelector<HTMLElement>('.toast')
  if (!toast) return
  toast.textContent = message
  clearTimeout(Number(toast.dataset.timer))
  toast.dataset.timer = String(setTimeout(() => (toast.textContent = ''), 6000))
}

/** The time a link asks for (`#t=06:00` or `?t=360`), as written; null when it asks for none. */
export function askedTime(): string | null {
  return fragmentTime(fragment()) ?? new URLSearchParams(location.search).get('t')
}

/**
 * Where a search result lands on the tape: the start of the first word the search marked
 * (`mark.search-hit`, ./search-highlight.ts) that an aligner timed (`.w[data-s]`); null when there is none.
 */
export function foundTime(): number | null {
  for (const hit of document.querySelectorAll('mark.search-hit')) {
    const word = hit.closest<HTMLElement>('.turn .w[data-s]')
    if (word) return Number(word.dataset.s)
  }
  return null
}

/** The URL fragment as text; a malformed escape (`#t=50%`) is kept as it is rather than thrown. */
export function fragment(): string {
  const raw = location.hash.slice(1)
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}
