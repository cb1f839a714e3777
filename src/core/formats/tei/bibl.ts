/**
 * The TEI header's `sourceDesc/bibl`: the transcript's citation (src/core/citation.ts, the fields the page and
 * the JSON give) in TEI. The transcript is the `bibl`; the edition it is in, or for a draft is to appear in,
 * is a `relatedItem` (`type="publishedIn"` or `"forthcomingIn"`), so that a draft is never encoded as
 * published. The printed header id stays an `idno` as printed; the number a reader cites is the edition's
 * `biblScope unit="document"`.
 */
import { names, versionPhrase, type CitationFields } from '../../../contract/citation.ts'
import { element, xmlText } from './xml.ts'

export interface BiblContext {
  /** The header's document id, as printed (`01181`). */
  id: string | undefined
  /** The sidecar's series. */
  series: string | undefined
  /** The conversation's `date` element, already written. */
  dateElement: string
}

export function sourceBibl(fields: CitationFields, context: BiblContext): string {
  const text = (name: string, value: string | undefined, attrs: Record<string, string> = {}) =>
    value ? element(name, attrs, xmlText(value)) : ''
  const edition = fields.edition
    ? element(
        'relatedItem',
        { type: fields.status === 'draft' ? 'forthcomingIn' : 'publishedIn' },
        element(
          'bibl',
          {},
          [
            text('title', fields.edition, { level: 'm' }),
            ...fields.editors.map((name) => text('editor', name)),
            text('biblScope', fields.volume, { unit: 'volume' }),
            text('title', fields.volumeTitle, { level: 'm', type: 'volume' }),
            text('biblScope', fields.document, { unit: 'document' }),
            ...(fields.status === 'published'
              ? [
                  text('pubPlace', fields.place),
                  text('publisher', fields.publisher),
                  text('date', fields.year, { type: 'published' }),
                ]
              : []),
            fields.editionUrl ? element('ptr', { target: fields.editionUrl }) : '',
          ].join(''),
        ),
      )
    : ''
  return element(
    'bibl',
    fields.status === 'unstated' ? {} : { type: fields.status === 'draft' ? 'draftTranscript' : 'publishedTranscript' },
    [
      text('title', fields.title, { level: 'a' }),
      // Without an edition to hold them, the editors and publisher belong to the transcript itself.
      ...(fields.edition ? [] : fields.editors.map((name) => text('editor', name))),
      ...(fields.edition || fields.status !== 'published' ? [] : [text('publisher', fields.publisher)]),
      context.series ? element('series', {}, element('title', {}, xmlText(context.series))) : '',
      text('idno', context.id, { type: 'document' }),
      !fields.edition && fields.document !== context.id ? text('biblScope', fields.document, { unit: 'document' }) : '',
      text('idno', fields.tape, { type: 'tape' }),
      text('orgName', fields.archive, { role: 'archive' }),
      text('note', fields.collection, { type: 'collection' }),
      fields.archiveUrl ? element('ptr', { type: 'archive', target: fields.archiveUrl }) : '',
      context.dateElement,
      text('note', fields.statusNote, { type: 'status' }),
      text('edition', fields.version ? versionPhrase(fields.version) : undefined),
      edition,
      element(
        'distributor',
        {},
        xmlText(
          [fields.site.title, fields.site.editors.length > 0 ? `ed. ${names(fields.site.editors)}` : '', fields.site.publisher]
            .filter(Boolean)
            .join(', '),
        ),
      ),
    ].join(''),
  )
}
