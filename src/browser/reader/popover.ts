/** A small non-modal popover placed next to the control that opened it and kept inside the viewport. */

export interface Popover {
  element: HTMLElement
  close(returnFocus: boolean): void
}

let current: Popover | undefined
let returningFocus = false

/**
 * Opens a popover for `control` (which gets aria-expanded and, on Esc, focus back), placed in the
 * document right after `after` so that Tab moves from the control into it.
 */
export function openPopover(
  control: HTMLElement,
  label: string,
  content: Node[],
  after: Element = control,
  tag: 'span' | 'div' = 'span',
): Popover {
  const anchor = control
  current?.close(false)
  // A span inside a paragraph (a note at its reference), a div between blocks (a turn's panel).
  const element = document.createElement(tag)
  element.className = 'popover'
  element.id = `popover-${control.id || 'turn'}`
  element.setAttribute('role', 'dialog')
  element.setAttribute('aria-label', label)
  element.append(...content)
  after.after(element)
  anchor.setAttribute('aria-expanded', 'true')
  anchor.setAttribute('aria-controls', element.id)
  place(anchor, element)

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') popover.close(true)
  }
  const onOutside = (event: PointerEvent) => {
    if (!element.contains(event.target as Node) && !anchor.contains(event.target as Node)) popover.close(false)
  }
  document.addEventListener('keydown', onKey)
  document.addEventListener('pointerdown', onOutside)
  let closed = false
  const popover: Popover = {
    element,
    close(returnFocus) {
      if (closed) return
      closed = true
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('pointerdown', onOutside)
      anchor.setAttribute('aria-expanded', 'false')
      // Focus goes back before the popover goes, so focus is never lost to the page.
      if (returnFocus) {
        returningFocus = true
        anchor.focus()
        returningFocus = false
      }
      element.remove()
      if (current === popover) current = undefined
    },
  }
  current = popover
  return popover
}

/** True while a closing popover gives focus back to its control (which must not reopen it). */
export function isReturningFocus(): boolean {
  return returningFocus
}

export function currentPopover(): Popover | undefined {
  return current
}

/**
 * Scrolls the page as little as needed for the whole popover to be on screen (its top kept in view when it
 * is taller than the screen): a panel opened from a line at the bottom of the screen shows its buttons.
 */
export function keepInView(element: HTMLElement): void {
  const margin = 8
  const box = element.getBoundingClientRect()
  const below = box.bottom + margin - window.innerHeight
  if (below > 0) window.scrollBy(0, Math.min(below, box.top - margin))
  else if (box.top < margin) window.scrollBy(0, box.top - margin)
}

/** Below the anchor when it fits, above otherwise; never off the left or right edge. */
function place(anchor: HTMLElement, element: HTMLElement): void {
  const margin = 8
  // Measure at the left edge: where it stands in the text limits how wide it can grow.
  element.style.left = '0px'
  element.style.top = '0px'
  const box = anchor.getBoundingClientRect()
  const parent = (element.offsetParent as HTMLElement | null)?.getBoundingClientRect() ?? { left: 0, top: 0 }
  const width = element.offsetWidth
  const height = element.offsetHeight
  const left = Math.min(Math.max(box.left, margin), window.innerWidth - width - margin)
  const below = box.bottom + margin + height <= window.innerHeight || box.top - margin - height < 0
  const top = below ? box.bottom + 4 : box.top - height - 4
  element.style.left = `${Math.max(margin, left) - parent.left}px`
  element.style.top = `${top - parent.top}px`
}
