/**
 * A turn's panel, loaded on the first click of a turn's link: the permalink (copied to the clipboard)
 * and the turn's citation in Chicago style and as BibTeX, each with a copy button.
 */
import { openPopover } from './popover.ts'
import { spokenTime } from '../../contract/time.ts'
import { isVoiceId } from '../../contract/speakers.ts'

export function openTurnPanel(link: HTMLAnchorElement, turn: HTMLElement): void {
  const article = turn.closest<HTMLElement>('article')!
  const { name = '', series, document: docId, date, sourceEdition: edition, sourceVolume: volume } = article.dataset
  const { sourceArchive: archive, sourceTape: tape } = article.dataset
  // The transcript's own publisher (its sidecar's `source`), else the site's (its configuration).
  const publisher = article.dataset.sourcePublisher ?? document.documentElement.dataset.sitePublisher
  const title = article.dataset.title ?? document.title
  const url = `${location.origin}${location.pathname}#${turn.id}`
  const label = turn.querySelector<HTMLElement>('.speaker-label')!
  const speaker = isVoiceId(turn.dataset.speaker ?? '') ? 'Unidentified speaker' : label.title || label.textContent || ''
  const estimated = turn.querySelector('.turn-time') !== null
  // A turn the transcript gives no time for is cited without one.
  const at = turn.dataset.start === undefined ? '' : `, at ${spokenTime(Number(turn.dataset.start), estimated)}`
  const longDate = date
    ? new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', {
        timeZone: 'UTC',
        year: 'numeric',
        month: 'long',
        day: 'numeric',
      })
    : ''
  // Where the transcript was published and archived, in citation order; only what is known.
  const held = [
    edition,
    volume ? `vol. ${volume}` : '',
    docId ? `document ${docId}` : '',
    series && series !== edition ? series : '',
    archive,
    tape ? `tape ${tape}` : '',
    publisher,
  ].filter((part): part is string => Boolean(part))
  const chicago = `${speaker}${at}, in “${title},” ${longDate}${held.map((part) => `, ${part}`).join('')}, ${url}.`
  const key = `${(docId || name).replace(/\W/g, '')}-${turn.id}`
  const bibtex = [
    `@misc{${key},`,
    `  title = {${tex(title)}},`,
    `  note = {${tex(`${speaker}${at}`)}${docId ? tex(`; document ${docId}`) : ''}${tape ? tex(`; tape ${tape}`) : ''}},`,
    series || edition
      ? `  howpublished = {${tex([edition, volume ? `vol. ${volume}` : '', series !== edition ? series : ''].filter(Boolean).join(', '))}},`
      : '',
    publisher ? `  publisher = {${tex(publisher)}},` : '',
    archive ? `  organization = {${tex(archive)}},` : '',
    date ? `  date = {${date}},` : '',
    `  url = {${url}},`,
    `  urldate = {${new Date().toISOString().slice(0, 10)}}`,
    '}',
  ]
    .filter(Boolean)
    .join('\n')

  const status = element('p', 'Copying the link…')
  status.setAttribute('role', 'status')
  const address = element('input') as HTMLInputElement
  address.readOnly = true
  address.value = url
  address.setAttribute('aria-label', 'Link to this turn')
  const chicagoText = element('p', chicago)
  const bibtexText = element('pre', bibtex)
  const close = element('button', 'Close') as HTMLButtonElement
  const popover = openPopover(link, `Link and citation for this turn`, [
    status,
    address,
    element('h2', 'Cite this turn (Chicago)'),
    chicagoText,
    copyButton('Copy citation', chicago, status),
    element('h2', 'BibTeX'),
    bibtexText,
    copyButton('Copy BibTeX', bibtex, status),
    close,
  ])
  close.addEventListener('click', () => popover.close(true))
  copy(url, status, 'Link copied to the clipboard.')
  address.focus()
  address.select()
}

function element(tag: string, text?: string): HTMLElement {
  const node = document.createElement(tag)
  if (text !== undefined) node.textContent = text
  if (tag === 'p' || tag === 'pre' || tag === 'h2' || tag === 'input' || tag === 'button') node.style.display = 'block'
  return node
}

function copyButton(label: string, text: string, status: HTMLElement): HTMLElement {
  const button = element('button', label)
  button.setAttribute('type', 'button')
  button.addEventListener('click', () =>
    copy(
      text,
      status,
      `${label.replace('Copy ', '')} copied.`.replace(/^./, (c) => c.toUpperCase()),
    ),
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

/** Escapes BibTeX's special characters. */
function tex(value: string): string {
  return value.replace(/[\\{}%&$#_^~]/g, (c) => (c === '\\' ? '\\textbackslash{}' : `\\${c}`))
}
