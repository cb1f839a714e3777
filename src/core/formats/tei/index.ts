/**
 * TEI P5 (https://tei-c.org/guidelines/p5/), after the Guidelines' chapter on transcriptions of speech:
 * a `teiHeader` (title, source, status, the recording, a `person` per speaker) and the text (./body.ts)
 * with its timeline. Valid against tei_all (tests/unit/formats-tei.test.ts runs jing).
 */
import { toPlainText } from '../../plain-text.ts'
import type { HeaderFieldName, TranscriptRoot } from '../../types.ts'
import { UNIDENTIFIED_KIND } from '../../../contract/speakers.ts'
import type { Format } from '../format.ts'
import { speakerRef, teiText } from './body.ts'
import { element, xmlText } from './xml.ts'
import { citationFields, type CitationDefaults } from '../../citation.ts'
import { sourceBibl } from './bibl.ts'

export const tei: Format = {
  name: 'tei',
  label: 'TEI',
  purpose:
    'XML marked up by the Text Encoding Initiative’s standard for scholarly editions, for digital-edition and text-analysis tools',
  extension: 'xml',
  mediaType: 'application/tei+xml',
  site: true,
  write: ({ tree, citation }) => toTei(tree, citation),
}

/** `defaults`: the site's defaults for the citation (its configuration); the CLI gives none. */
/** With word timings: where they come from and what they time (nothing without). */
function alignmentNote(tree: TranscriptRoot): string {
  const alignment = tree.meta?.alignment
  if (!alignment) return ''
  return element(
    'p',
    {},
    xmlText(
      `Word timings from ${alignment.src} (${alignment.format}), ${alignment.aligned} of ${alignment.words} spoken words: each word the aligner placed is preceded by an anchor on its own exact point of the timeline, and a turn that opens without a printed time starts at its first word where the aligner placed it, exactly; the other times are estimated between two given times (printed or aligned). Editorial marks have no time.`,
    ),
  )
}

export function toTei(tree: TranscriptRoot, defaults: CitationDefaults = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(
    'TEI',
    { xmlns: 'http://www.tei-c.org/ns/1.0' },
    `\n${teiHeader(tree, defaults)}\n${teiText(tree)}\n`,
  )}\n`
}

function teiHeader(tree: TranscriptRoot, defaults: CitationDefaults): string {
  const fields = new Map<HeaderFieldName, { text: string; value?: string }>()
  for (const child of tree.children) {
    if (child.type !== 'header') continue
    for (const field of child.children) fields.set(field.name, { text: toPlainText(field.children), value: field.value })
  }
  const heading = tree.children.find((child) => child.type === 'heading')
  const id = fields.get('id')?.text
  // The recording's date, time and place are the facts (parse/facts.ts: the sidecar's over the header's or
  // the printed heading's), each in the words it was given in; the header's date line is printed only there.
  const { facts } = tree
  const when = facts.date?.value
  const dateText = facts.date?.printed ?? when
  const meta = tree.meta ?? {}
  const title = meta.title ?? (heading ? toPlainText(heading.children) : (id ?? tree.name))
  const status = fields.get('status')?.text
  const dateLine = fields.get('dateLine')?.text
  const time = facts.time?.printed

  const titleStmt = element('titleStmt', {}, element('title', {}, xmlText(title)))
  const edition = status ? element('editionStmt', {}, element('edition', {}, xmlText(status))) : ''
  const publication = element(
    'publicationStmt',
    {},
    element(
      'p',
      {},
      `TEI P5 export of the transcript ${xmlText(tree.name)}, made from the transcript tree by Transcript Reader.`,
    ),
  )
  const dateElement = (text: string | undefined) =>
    when || text ? element('date', { when: when || undefined }, xmlText(text ?? dateText ?? '')) : ''
  const bibl = sourceBibl(citationFields(tree, defaults), { id, series: meta.series, dateElement: dateElement(dateText) })
  const recordingText = [dateLine ?? dateText, time].filter(Boolean).join(', ')
  // With a recording file (the sidecar's `recording`), a paragraph names it and where the tape's 0:00 is.
  const file = meta.recording
  const recordingDate = dateElement(recordingText || undefined)
  const recording = element(
    'recordingStmt',
    {},
    element(
      'recording',
      { type: 'audio' },
      file
        ? element(
            'p',
            {},
            `${recordingDate ? `${recordingDate}. ` : ''}Recording: ${element('ref', { target: file.src }, xmlText(file.src))}${
              file.offset ? `; the transcript's 0:00 is ${file.offset} s into it` : ''
            }.`,
          )
        : recordingDate || element('p', {}, 'Date not given.'),
    ),
  )
  const fileDesc = element(
    'fileDesc',
    {},
    `\n${titleStmt}\n${edition}${edition ? '\n' : ''}${publication}\n${element('sourceDesc', {}, `${bibl}\n${recording}`)}\n`,
  )
  const encodingDesc = element(
    'encodingDesc',
    {},
    element(
      'p',
      {},
      'Times are seconds from the start of the tape. A timestamp printed in the transcript is exact; every other time in the timeline (a turn that opens without one, an end) is estimated from the length of the text between two printed times and marked cert="low". A turn before the first printed time or after the last has no start or end: the transcript gives none.',
    ) + alignmentNote(tree),
  )
  const persons = tree.speakers.map((speaker) => {
    const names = [
      element('persName', {}, xmlText(speaker.name)),
      ...speaker.labels
        .filter((label) => label !== speaker.name)
        .map((label) => element('persName', { type: 'label' }, xmlText(label))),
    ]
    return element(
      'person',
      { 'xml:id': speakerRef(speaker.id), role: speaker.kind === UNIDENTIFIED_KIND ? UNIDENTIFIED_KIND : undefined },
      names.join(''),
    )
  })
  const particDesc = element('particDesc', {}, element('listPerson', {}, `\n${persons.join('\n')}\n`))
  // Where the conversation took place, when the heading or the sidecar says.
  const settingDesc = facts.place
    ? element('settingDesc', {}, element('setting', {}, element('locale', {}, xmlText(facts.place.value))))
    : ''
  const profileDesc = element('profileDesc', {}, `${persons.length > 0 ? particDesc : ''}${settingDesc}`)
  const revisionDesc = revisions(tree)
  return element('teiHeader', {}, `\n${fileDesc}\n${encodingDesc}\n${profileDesc}\n${revisionDesc}${revisionDesc ? '\n' : ''}`)
}

/**
 * The transcript's versions, newest first as the Guidelines ask: a `change` per version (`when` its commit's
 * date, `n` its short id, the editor's note as its text), and edits not yet committed as one without a date.
 */
function revisions(tree: TranscriptRoot): string {
  const history = tree.history
  if (!history || history.versions.length === 0) return ''
  const changes = [...history.versions]
    .reverse()
    .map((version) => element('change', { when: version.date, n: version.id }, xmlText(version.note ?? `Version ${version.id}`)))
  if (history.unpublished)
    changes.unshift(
      element('change', { status: 'unpublished' }, 'Edits made after the newest version, not yet published as a version.'),
    )
  return element('revisionDesc', {}, `\n${changes.join('\n')}\n`)
}
