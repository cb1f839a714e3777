/** Finding turns by time and marking the one a link arrived at. */
import { formatTime, fragmentTime } from '../../contract/time.ts'

export function turns(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('.turn[data-start]')]
}

/** The turn in progress at `seconds`, clamped to the first and last turn with a notice. */
export function currentTurn(all: HTMLElement[], seconds: number): { turn: HTMLElement; clamped?: string } {
  const start = (turn: HTMLElement) => Number(turn.dataset.start)
  const first = all[0]!
  const last = all.at(-1)!
  const end = Number(last.dataset.end)
  if (seconds < start(first)) {
    return {
      turn: first,
      clamped: `${formatTime(seconds)} is before the first turn (${formatTime(start(first))}): showing the first turn.`,
    }
  }
  if (seconds > end) {
    return {
      turn: last,
      clamped: `${formatTime(seconds)} is after the end of the recording (${formatTime(end)}): showing the last turn.`,
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

/** The URL fragment as text; a malformed escape (`#t=50%`) is kept as it is rather than thrown. */
export function fragment(): string {
  const raw = location.hash.slice(1)
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}
