/**
 * Word by word, on pages whose transcript has an aligner's word timings (src/core/word-spans.ts renders
 * each timed word as `<span class="w" data-s data-e>`). Loaded by ./audio.ts only on such pages and only
 * when first needed (the recording plays or seeks, a link asks for a time, a reader reaches a turn's
 * "play from here" or copies a moment): the turn-by-turn player works without it.
 *
 * - The word being heard gets the class `now`: found by halving the words' start times, each frame while
 *   the recording plays and on every seek. Not by cues, as turns are (./audio.ts): Chromium 156 fires a
 *   word cue's `cuechange` within 10 ms (measured on the fixture), but how often cues are checked during
 *   playback is the browser's to choose (the standard's "as often as possible or needed"; `timeupdate`
 *   comes every 15 to 250 ms), while a word lasts 200 to 400 ms. Only the word
 *   that stops and the one that starts being heard change, so a frame costs a comparison whether the
 *   transcript has ten words or ten thousand (docs/benchmarks.md, "Following word by word").
 * - Keyboard: words are not tab stops (a long transcript would hold thousands). From a turn's "play from
 *   here" (▶, one tab stop per turn) → moves into the turn's words and ← → Home End through them (one word
 *   focusable at a time: roving focus); Enter or Space plays from the word; Escape goes back to ▶.
 */
import { momentTime, timeFragment } from '../../contract/time.ts'

export const NOW_CLASS = 'now'

/** The media element as this module reads it: the page's `<audio>`, or anything with its clock and events. */
export type Clock = Pick<HTMLMediaElement, 'currentTime' | 'paused' | 'addEventListener'>

export interface WordFollower {
  /**
   * Marks the word a link or the jump field asks for (`#t=`): the one being heard at that time, else (in a
   * pause) the next, since a link made from a word's start a few milliseconds early means that word.
   */
  land(seconds: number): void
  /** The tape time a link to this moment gives: the start of the word heard or last heard, else the player's time. */
  moment(): number
  /** Marks the word being heard at the clock's time now (what each frame and seek does). */
  update(): void
  /** Focuses the first timed word of `turn` (→ on its "play from here"). */
  enter(turn: Element): void
}

/**
 * `play` plays from a tape time (the page's player); `heard` is told each word that starts being heard while
 * the recording plays (./audio.ts keeps it in view when the reader follows along).
 */
export function followWords(
  clock: Clock,
  offset: number,
  play: (seconds: number) => void,
  heard: (word: HTMLElement) => void = () => {},
): WordFollower {
  const spans = [...document.querySelectorAll<HTMLElement>('.turn .w')]
  const starts = Float64Array.from(spans, (span) => Number(span.dataset.s))
  const ends = Float64Array.from(spans, (span) => Number(span.dataset.e))
  /** The marked words: one, or the transcript's words an aligner heard as one (they share its times). */
  let from = -1
  let to = -1

  /** The last word starting at or before `t` (-1 before the first): starts are in order, as spoken. */
  const last = (t: number) => {
    let low = 0
    let high = starts.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (starts[middle]! <= t) low = middle + 1
      else high = middle
    }
    return low - 1
  }
  const mark = (index: number) => {
    let first = index
    while (first > 0 && starts[first - 1] === starts[index] && ends[first - 1] === ends[index]) first--
    if (first === from && index === to) return
    for (let i = from; i <= to && i >= 0; i++) spans[i]!.classList.remove(NOW_CLASS)
    from = first
    to = index
    for (let i = from; i <= to && i >= 0; i++) spans[i]!.classList.add(NOW_CLASS)
  }
  const update = () => {
    const t = clock.currentTime - offset
    if (to >= 0 && starts[to]! <= t && t < ends[to]!) return // still the same word: the usual frame
    const index = last(t)
    // Between two words (a pause) or before the first, no word is being heard.
    const now = index >= 0 && t < ends[index]! ? index : -1
    if (now === to) return
    mark(now)
    if (now >= 0 && !clock.paused) heard(spans[now]!)
  }

  let frame = 0
  const tick = () => {
    update()
    frame = clock.paused ? 0 : requestAnimationFrame(tick)
  }
  const start = () => {
    if (frame === 0) frame = requestAnimationFrame(tick)
  }
  clock.addEventListener('play', start)
  // A frame may not come (a hidden tab): the media element's own events keep the mark right meanwhile.
  for (const event of ['seeked', 'timeupdate', 'pause', 'ended'] as const) clock.addEventListener(event, update)
  if (!clock.paused) start()

  const focusWord = setupKeys(spans, starts, play)
  return {
    enter: (turn) => focusWord(turn.querySelector<HTMLElement>('.w') ?? undefined),
    land(seconds) {
      const before = last(seconds)
      const index = before >= 0 && seconds < ends[before]! ? before : before + 1
      if (index >= spans.length) return
      mark(index)
      const box = spans[index]!.getBoundingClientRect()
      if (box.top < 0 || box.bottom > innerHeight) spans[index]!.scrollIntoView({ block: 'center' })
    },
    moment() {
      if (to >= 0) return starts[to]!
      const t = clock.currentTime - offset
      const index = last(t)
      return index >= 0 ? starts[index]! : Math.max(0, t)
    },
    update,
  }
}

/** The page's address with `#t=` at a tape time (any `?t=` dropped: the fragment says when). */
export function momentLink(seconds: number): string {
  const query = new URLSearchParams(location.search)
  query.delete('t')
  const search = query.size > 0 ? `?${query}` : ''
  return `${location.origin}${location.pathname}${search}#${timeFragment(momentTime(seconds))}`
}

/** Roving focus through a turn's words from its "play from here" (see the module's comment). */
function setupKeys(spans: HTMLElement[], starts: Float64Array, play: (seconds: number) => void) {
  const index = new Map(spans.map((span, i) => [span, i]))
  const wordsOf = (turn: Element) => [...turn.querySelectorAll<HTMLElement>('.w')]
  const focusWord = (word: HTMLElement | undefined) => {
    if (!word) return
    word.tabIndex = -1
    word.setAttribute('role', 'button')
    word.title = `Play from ${momentTime(starts[index.get(word)!]!)}`
    word.focus()
  }
  // Out of focus, a word is text again: screen readers read the turn as prose, not as a row of buttons.
  document.addEventListener('focusout', (event) => {
    const word = event.target as HTMLElement
    if (!index.has(word)) return
    word.removeAttribute('role')
    word.removeAttribute('tabindex')
    word.removeAttribute('title')
  })
  // → on a turn's ▶ is ./audio.ts's (it loads this module first); here, the keys on a focused word.
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
    const target = event.target as HTMLElement
    const turn = target.closest('.turn')
    if (!turn || !index.has(target)) return
    const words = wordsOf(turn)
    const at = words.indexOf(target)
    if (event.key === 'ArrowRight') focusWord(words[at + 1])
    else if (event.key === 'ArrowLeft') focusWord(words[at - 1])
    else if (event.key === 'Home') focusWord(words[0])
    else if (event.key === 'End') focusWord(words.at(-1))
    else if (event.key === 'Escape') turn.querySelector<HTMLElement>('a.turn-play')?.focus()
    else if (event.key === 'Enter' || event.key === ' ') play(starts[index.get(target)!]!)
    else return
    event.preventDefault()
  })
  return focusWord
}
