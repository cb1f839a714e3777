/**
 * A turn's panel, loaded on the first click of a turn's link: the permalink (copied to the clipboard) and the
 * turn's citation, as text and as BibTeX, each with a copy button. The citation's fields are the page's own
 * (its source note's `data-citation`, decided by src/core/citation.ts) and are written by the one formatter
 * (src/contract/citation.ts), so the panel cites exactly what the page's "Cite as" says, plus the turn: its
 * speaker and, only when the transcript prints one at its start, its time (never an estimate).
 */
import { keepInView, openPopover } from './popover.ts'
import { formatTime } from '../../contract/time.ts'
import { isVoiceId } from '../../contract/speakers.ts'
import { citationBibtex, citationText, todayIso, type CitationFields, type CitationUse } from '../../contract/citation.ts'

export function openTurnPanel(link: HTMLAnchorElement, turn: HTMLElement): void {
  const article = turn.closest<HTMLElement>('article')!
  const note = article.querySelector<HTMLElement>('.source-note')
  const fields = JSON.parse(note?.dataset.citation ?? 'null') as CitationFields | null
  const url = `${location.origin}${location.pathname}#${turn.id}`
  const label = turn.querySelector<HTMLElement>('.speaker-label')!
  const speaker = isVoiceId(turn.dataset.speaker ?? '') ? 'Unidentified speaker' : label.title || label.textContent || ''
  // A time only when the transcript prints it at the turn's start (src/core/to-hast.ts `data-time`).
  const time = turn.dataset.time === 'printed' ? formatTime(Number(turn.dataset.start)) : undefined
  const use: CitationUse = {
    url,
    accessed: todayIso(),
    turn: { speaker, ...(time !== undefined ? { time } : {}) },
    ...(note?.dataset.locale ? { locale: note.dataset.locale } : {}),
  }
  const title = fields?.title ?? document.title
  const cited = fields ?? { title, status: 'unstated', editors: [], site: { title: document.title, editors: [] } }
  const text = citationText(cited, use)
  const bibtex = citationBibtex(cited, { ...use, key: `${(fields?.document ?? turn.id).replace(/\W/g, '')}-${turn.id}` })

  const status = element('p', 'Copying the link…')
  status.setAttribute('role', 'status')
  const address = element('input') as HTMLInputElement
  address.readOnly = true
  address.value = url
  address.setAttribute('aria-label', 'Link to this turn')
  const citation = element('p', text)
  citation.className = 'citation-text'
  const close = element('button', 'Close') as HTMLButtonElement
  close.type = 'button'
  const buttons = element('p')
  buttons.className = 'popover-buttons'
  buttons.append(copyButton('Copy citation', text, status), copyButton('Copy BibTeX', bibtex, status), close)
  const more = element('details')
  more.append(element('summary', 'BibTeX'), element('pre', bibtex))
  // After the speaker's line, not inside it: the panel reads in the text's font, not the label's.
  const popover = openPopover(
    link,
    'Link and citation for this turn',
    [status, address, element('h2', 'Cite this turn'), citation, buttons, more],
    link.closest('.speaker') ?? link,
    'div',
  )
  close.addEventListener('click', () => popover.close(true))
  keepInView(popover.element)
  copy(url, status, 'Link copied to the clipboard.')
  address.focus({ preventScroll: true })
  address.select()
}

function element(tag: string, text?: string): HTMLElement {
  const node = document.createElement(tag)
  if (text !== undefined) node.textContent = text
  return node
}

function copyButton(label: string, text: string, status: HTMLElement): HTMLElement {
  const button = element('button', label)
  button.setAttribute('type', 'button')
  button.addEventListener('click', () =>
    copy(text, status, `${label.replace('Copy ', '').replace(/^./, (c) => c.toUpperCase())} copied.`),
  )
  return button
}

function copy(text: string, status: HTMLElement, done: string): void {
  const say = (message: string) => {
    status.textContent = message
  }
  if (!navigator.clipboard) {
    say('Select the text and copy it.')
    return
  }
  navigator.clipboard.writeText(text).then(
    () => say(done),
    () => say('Copying is not allowed here: select the text and copy it.'),
  )
}
