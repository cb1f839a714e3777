/**
 * Footnotes in place: a reference opens its note as a popover on hover or keyboard focus (tap on touch
 * screens); Esc closes it and focus returns to the reference. A click still follows the link to the
 * note, as it does without JavaScript. Not where the note is already beside its reference, in the margin
 * of a wide screen.
 */
import { currentPopover, isReturningFocus, openPopover, type Popover } from './popover.ts'

export function setupNotes(): void {
  let timer: ReturnType<typeof setTimeout> | undefined
  let touch = false
  const refs = document.querySelectorAll<HTMLAnchorElement>('a[data-footnote-ref]')
  for (const ref of refs) {
    ref.setAttribute('aria-expanded', 'false')
    // Hover is a mouse's (or a pen's): the mouse events a tap leaves behind are not. After a tap, Chromium
    // keeps the tap's point as the mouse's; when the page then shifts under it (a turn above laid out
    // late), it sends that "mouse" a leave, which closed the note the finger had just opened.
    ref.addEventListener('pointerenter', (event) => {
      if (!hovers(event)) return
      clearTimeout(timer)
      timer = setTimeout(() => show(ref), 150)
    })
    ref.addEventListener('pointerleave', (event) => {
      if (hovers(event)) hideSoon()
    })
    ref.addEventListener('focus', () => {
      if (!isReturningFocus()) show(ref)
    })
    ref.addEventListener('pointerdown', (event) => (touch = event.pointerType === 'touch'))
    ref.addEventListener('click', (event) => {
      // On a touch screen a tap opens the note in place (the popover links to the list); a mouse
      // click follows the link, as without JavaScript. The click says what made it (a PointerEvent's
      // `pointerType`): a tap that began before this script had run, its pointerdown unseen, is still a tap.
      const pointer = (event as Partial<PointerEvent>).pointerType
      if (pointer ? pointer === 'touch' : touch) {
        event.preventDefault()
        show(ref)
      } else currentPopover()?.close(false)
    })
  }

  function hideSoon(): void {
    clearTimeout(timer)
    timer = setTimeout(() => {
      const open = currentPopover()
      if (open && !open.element.matches(':hover, :focus-within')) open.close(false)
    }, 300)
  }

  function show(ref: HTMLAnchorElement): void {
    clearTimeout(timer)
    if (isOpenFor(ref)) return
    const note = document.getElementById(decodeURIComponent(ref.hash.slice(1)))
    // On a wide screen the note already stands beside its reference (src/styles/notes.css).
    if (!note || inMargin(note)) return
    const number = ref.textContent?.trim() ?? ''
    const body = document.createElement('span')
    body.className = 'note-text'
    for (const paragraph of note.querySelectorAll('p:not(.note-unreferenced)')) {
      const copy = paragraph.cloneNode(true) as HTMLElement
      for (const backref of copy.querySelectorAll('[data-footnote-backref]')) backref.remove()
      const line = document.createElement('span')
      line.style.display = 'block'
      line.append(...copy.childNodes)
      body.append(line)
    }
    const go = document.createElement('a')
    go.href = ref.hash
    go.textContent = `Go to note ${number} in the notes`
    go.style.display = 'block'
    const popover: Popover = openPopover(ref, `Note ${number}`, [body, go], ref.parentElement ?? ref)
    popover.element.addEventListener('pointerenter', () => clearTimeout(timer))
    popover.element.addEventListener('pointerleave', (event) => {
      if (hovers(event)) hideSoon()
    })
    popover.element.addEventListener('focusout', (event) => {
      if (!popover.element.contains(event.relatedTarget as Node) && event.relatedTarget !== ref) popover.close(false)
    })
    ref.addEventListener('blur', function onBlur(event) {
      ref.removeEventListener('blur', onBlur)
      if (!popover.element.contains(event.relatedTarget as Node)) hideSoon()
    })
  }
}

/** A pointer that hovers: a mouse or a pen, never a finger. */
function hovers(event: PointerEvent): boolean {
  return event.pointerType !== 'touch'
}

/** Whether the stylesheet has placed the note in the margin: it decides, and says so by positioning it. */
function inMargin(note: HTMLElement): boolean {
  return getComputedStyle(note).position === 'absolute'
}

function isOpenFor(ref: HTMLAnchorElement): boolean {
  return currentPopover()?.element.previousElementSibling === (ref.parentElement ?? ref)
}
