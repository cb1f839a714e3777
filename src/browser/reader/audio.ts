/**
 * The recording's player, on pages that have one (src/components/Player.astro). The page already plays
 * without it: the native player, and every printed time and "play from here" a link into the file at that
 * time. This script makes those links seek the page's player instead, follows `#t=`, `?t=` and the jump
 * field (seeking only: playback starts on a reader's action), marks the turn being played and, unless the
 * reader turns following off, keeps it in view, and adds a few keys. Which turn is playing comes from the
 * browser's own cue events (`cuechange` on a metadata track whose cue ids are turn ids), not from polling.
 * On a page with word timings, a click on a word plays from it, and ./words.ts (loaded when first needed)
 * follows word by word.
 */
import { askedTime, foundTime, say, turns } from './turns.ts'
import type { WordFollower } from './words.ts'
import { parseAskedTime } from '../../contract/time.ts'

const seekKeys: Record<string, number> = { j: -5, l: 5 }

function setup(player: HTMLElement, audio: HTMLAudioElement): void {
  const offset = Number(player.dataset.offset ?? 0)
  const all = turns()
  const byId = new Map(all.map((turn) => [turn.id, turn]))
  const follow = player.querySelector<HTMLInputElement>('[data-follow]')!
  const keys = player.querySelector<HTMLInputElement>('[data-keys]')!
  const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches
  follow.checked = remembered('follow') ?? !reduced
  keys.checked = remembered('keys') ?? true
  follow.addEventListener('change', () => remember('follow', follow.checked))
  keys.addEventListener('change', () => remember('keys', keys.checked))
  // Words the aligner was unsure of are shown only when asked (src/styles/words.css reads the box).
  const unsure = player.querySelector<HTMLInputElement>('[data-unsure]')
  if (unsure) {
    unsure.checked = remembered('unsure') ?? false
    unsure.addEventListener('change', () => remember('unsure', unsure.checked))
  }

  /** Goes to a tape time (seconds) without starting playback. */
  const seek = (seconds: number) => {
    const at = Math.max(0, seconds + offset)
    audio.currentTime = Number.isFinite(audio.duration) ? Math.min(at, audio.duration) : at
  }
  const play = (seconds: number) => {
    seek(seconds)
    void audio.play()
  }

  let playing: HTMLElement | undefined
  const show = (turn: HTMLElement | undefined) => {
    if (turn === playing) return
    playing?.removeAttribute('data-playing')
    playing = turn
    if (!turn) return
    turn.setAttribute('data-playing', '')
    if (follow.checked && !audio.paused && !inView(turn, player)) {
      turn.scrollIntoView({ block: 'start', behavior: reduced ? 'auto' : 'smooth' })
    }
  }
  followTurns(audio, all, offset, (track) =>
    track.addEventListener('cuechange', () => {
      const cues = track.activeCues
      const cue = cues && cues.length > 0 ? cues[cues.length - 1] : undefined
      show(cue ? byId.get(cue.id) : undefined)
    }),
  )

  // A turn longer than the window: the word heard is kept in view too, below the player, when following.
  // Its turn's first word is left to the turn's own following (`show`), which brings the turn's start.
  const keep = (word: HTMLElement) => {
    if (!follow.checked || word.closest('.turn')?.querySelector('.w') === word) return
    if (word.getBoundingClientRect().bottom > innerHeight - 48) {
      word.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' })
    }
  }
  const words = document.querySelector('.turn .w') ? wordsLoader(audio, offset, play, player, keep) : undefined

  // A printed time, "play from here" or a timed word: play the page's player from there (a reader's action).
  document.addEventListener('click', (event) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return
    const target = (event.target as Element).closest<HTMLElement>('a.turn-play, a.timestamp[data-seconds], .turn .w')
    if (!target) return
    if (target.matches('.w')) {
      // A click that ends a selection is a reader quoting, not asking to listen.
      if (!getSelection()?.isCollapsed) return
      return play(Number(target.dataset.s))
    }
    event.preventDefault()
    play(Number(target.dataset.seconds))
  })
  // `#t=`, `?t=` and the jump field (./reader.ts) only move the player to the time asked (and mark its word).
  const arrive = (seconds: number) => {
    seek(seconds)
    void words?.().then((follower) => follower.land(seconds))
  }
  document.addEventListener('reader:time', (event) => arrive((event as CustomEvent<number>).detail))
  const asked = askedTime()
  // A time the link asks for; else, from a search result, the moment of the first word found, when the
  // highlighter has already marked it (if it marks it later, it says so with `reader:time`).
  const seconds = asked === null ? (foundTime() ?? undefined) : parseAskedTime(asked)
  if (seconds !== undefined) arrive(seconds)

  document.addEventListener('keydown', (event) => {
    if (!keys.checked || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
    const target = event.target as HTMLElement
    // Never a key meant for a form field, an editable region or the native player's own controls.
    if (target.isContentEditable || target.closest('input, textarea, select, audio')) return
    const key = event.key.toLowerCase()
    if (key === 'k') {
      if (audio.paused) void audio.play()
      else audio.pause()
    } else if (key in seekKeys) {
      audio.currentTime = Math.max(0, audio.currentTime + seekKeys[key]!)
    } else return
    event.preventDefault()
  })

  // Turns scrolled to (links, following) stop below the player, which stays at the top of the window.
  const keepClear = () => document.documentElement.style.setProperty('scroll-padding-top', `${player.offsetHeight + 8}px`)
  new ResizeObserver(keepClear).observe(player)
  player.classList.add('ready')
}

/**
 * ./words.ts, loaded on first need: the recording plays or seeks, a reader reaches a turn's "play from
 * here" (its words are reached from there by keyboard) or asks for a link to the moment.
 */
function wordsLoader(
  audio: HTMLAudioElement,
  offset: number,
  play: (seconds: number) => void,
  player: HTMLElement,
  keep: (word: HTMLElement) => void,
) {
  let loaded: Promise<WordFollower> | undefined
  const load = () => (loaded ??= import('./words.ts').then((module) => module.followWords(audio, offset, play, keep)))
  for (const event of ['play', 'seeking']) audio.addEventListener(event, load, { once: true })
  // A turn's ▶ leads into its words (→): said to assistive technology, and the module readied on focus.
  for (const link of document.querySelectorAll('.turn a.turn-play')) {
    if (link.closest('.turn')!.querySelector('.w')) link.setAttribute('aria-keyshortcuts', 'ArrowRight')
  }
  document.addEventListener('focusin', (event) => {
    if ((event.target as Element).matches('.turn a.turn-play')) void load()
  })
  document.addEventListener('keydown', (event) => {
    const link = event.target as Element
    if (event.key !== 'ArrowRight' || event.altKey || event.ctrlKey || event.metaKey) return
    if (!link.matches('.turn a.turn-play[aria-keyshortcuts]')) return
    event.preventDefault()
    void load().then((follower) => follower.enter(link.closest('.turn')!))
  })
  player.querySelector('[data-moment]')?.addEventListener('click', async () => {
    const follower = await load()
    const { momentLink } = await import('./words.ts')
    const link = momentLink(follower.moment())
    history.replaceState(null, '', link)
    // Without the clipboard (an insecure origin, a refusal) the address bar and the notice still hold the link.
    const copied = navigator.clipboard
      ? navigator.clipboard.writeText(link).then(
          () => true,
          () => false,
        )
      : Promise.resolve(false)
    say((await copied) ? `Link to this moment copied: ${link}` : `The address bar now links to this moment: ${link}`)
  })
  document.querySelector('.transcript')?.classList.add('words-ready')
  return load
}

/**
 * Hands `listen` the track whose cues are the turns: the transcript's WebVTT when the page has one
 * (`<track kind="metadata">`, fetched on first play or seek), else, or if it fails to load, one made here
 * from the turns' times. Cue times are set from the page's turns either way (tape time plus the
 * recording's offset), so that they always agree with the times shown. The turn that opens with the
 * transcript's last printed time has no end in the transcript (and so no cue in its WebVTT): here, with the
 * recording playing, it lasts until the recording's own end, a time the tape gives.
 */
function followTurns(audio: HTMLAudioElement, all: HTMLElement[], offset: number, listen: (track: TextTrack) => void) {
  const tapeEnd = () => (Number.isFinite(audio.duration) ? audio.duration : Number.MAX_VALUE)
  const times = (turn: HTMLElement): [number, number] => {
    const start = Number(turn.dataset.start) + offset
    const end = turn.dataset.end === undefined ? tapeEnd() : Number(turn.dataset.end) + offset
    return [start, Math.max(start + 0.5, end)]
  }
  const add = (track: TextTrack, turn: HTMLElement) => {
    const cue = new VTTCue(...times(turn), '')
    cue.id = turn.id
    track.addCue(cue)
  }
  const made = () => {
    const track = audio.addTextTrack('metadata', 'Turns')
    track.mode = 'hidden'
    for (const turn of all) add(track, turn)
    listen(track)
  }
  const element = audio.querySelector('track')
  if (!element) return made()
  const byId = new Map(all.map((turn) => [turn.id, turn]))
  const loaded = () => {
    const cued = new Set<string>()
    for (const cue of element.track.cues ?? []) {
      const turn = byId.get(cue.id)
      if (turn) [cue.startTime, cue.endTime] = times(turn)
      cued.add(cue.id)
    }
    for (const turn of all) if (!cued.has(turn.id)) add(element.track, turn)
  }
  // A `default` track may have loaded before this script ran (it runs when the page is idle).
  if (element.readyState === HTMLTrackElement.LOADED) loaded()
  else element.addEventListener('load', loaded, { once: true })
  element.addEventListener('error', made, { once: true })
  const start = () => {
    if (element.track.mode === 'disabled') element.track.mode = 'hidden'
  }
  audio.addEventListener('play', start, { once: true })
  audio.addEventListener('seeking', start, { once: true })
  listen(element.track)
}

/** Whether the turn's start is visible below the player. */
function inView(turn: HTMLElement, player: HTMLElement): boolean {
  const top = turn.getBoundingClientRect().top
  return top >= player.getBoundingClientRect().bottom && top < innerHeight - 48
}

function remembered(name: string): boolean | undefined {
  try {
    const value = localStorage.getItem(`player-${name}`)
    return value === null ? undefined : value === 'on'
  } catch {
    return undefined
  }
}

function remember(name: string, on: boolean): void {
  try {
    localStorage.setItem(`player-${name}`, on ? 'on' : 'off')
  } catch {
    // Private windows may refuse storage: the choice then lasts for this page only.
  }
}

const player = document.querySelector<HTMLElement>('[data-player]')
const audio = player?.querySelector('audio')
if (player && audio) setup(player, audio)
