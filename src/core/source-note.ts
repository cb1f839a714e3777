/**
 * The page's source note and "Cite as" block, as Founders Online gives each document one: where the text
 * comes from (edition, editors, volume, document, publisher, archive and tape, the archive's own copy, the
 * version) and how to cite it, all from the citation's fields (./citation.ts), in static HTML. The fields are
 * also on the block as JSON (`data-citation`), which the turn panel reads (src/browser/reader/cite.ts), so
 * the panel cites exactly what the page says. The status note is shown as printed: nothing it says is lost.
 */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import {
  ACCESSED_PLACEHOLDER,
  citationText,
  editionTitle,
  names,
  versionPhrase,
  type CitationFields,
} from '../contract/citation.ts'

export interface SourceNoteOptions {
  /** The page's address as a citation gives it (absolute when the site's address is configured). */
  url: string
  /** The About page's section on where the texts come from. */
  aboutHref?: string
  locale?: string
}

export function sourceNote(fields: CitationFields, options: SourceNoteOptions): Element {
  const rows: Element[] = []
  const row = (label: string, content: ElementContent[] | string | undefined) => {
    if (content === undefined || content === '' || (Array.isArray(content) && content.length === 0)) return
    rows.push(h('div', [h('dt', label), h('dd', content)]))
  }
  const status = {
    draft: 'Draft transcript: to appear in the edition below, not yet published there',
    published: 'Published in the edition below',
    unstated: undefined,
  }[fields.status]
  row('Status', fields.edition ? status : fields.status === 'draft' ? 'Draft transcript' : undefined)
  row('Edition', editionTitle(fields))
  row('Editors', names(fields.editors))
  row('Document', fields.document)
  row(
    'Publisher',
    fields.status === 'published' ? [fields.publisher, fields.place, fields.year].filter(Boolean).join(', ') : undefined,
  )
  const held = [fields.tape ? `Tape ${fields.tape}` : '', fields.archive, fields.collection].filter(Boolean).join(', ')
  const text = (value: string): ElementContent => ({ type: 'text', value })
  row('Archive', [
    ...(held ? [text(held)] : []),
    ...(fields.archiveUrl ? [text(held ? ': ' : ''), h('a', { href: fields.archiveUrl }, 'the archive’s copy')] : []),
  ])
  row('Online', fields.editionUrl ? [h('a', { href: fields.editionUrl }, fields.editionUrl)] : undefined)
  const site = [
    fields.site.title,
    fields.site.editors.length > 0 ? `ed. ${names(fields.site.editors)}` : '',
    fields.site.publisher,
  ]
  row('This edition', site.filter(Boolean).join(', '))
  row('Version', fields.version ? versionPhrase(fields.version, options.locale) : undefined)

  const cite = citationText(fields, { url: options.url, ...(options.locale ? { locale: options.locale } : {}) })
  const [before, after = ''] = cite.split(ACCESSED_PLACEHOLDER)
  const json = JSON.stringify(fields)
  return h('section.source-note', { ariaLabelledBy: 'source-note-label', dataCitation: json, dataLocale: options.locale }, [
    h('h2', { id: 'source-note-label' }, 'Source note'),
    h('dl.source-facts', rows),
    ...(fields.statusNote ? [h('p.source-printed', ['As printed: ', h('q', fields.statusNote)])] : []),
    h('h3', 'Cite as'),
    h('p.cite-as', [before!, h('span.cite-accessed', ACCESSED_PLACEHOLDER), after]),
    ...(options.aboutHref
      ? [h('p.source-about', [h('a', { href: options.aboutHref }, 'How these transcripts are edited')])]
      : []),
  ])
}
