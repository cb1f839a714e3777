/**
 * The recording's facts (id, date, time, place, participants), decided once: the sidecar's `id`, `date`,
 * `time` and `place` over what the text prints (the seed's header, else a printed heading: headings.ts),
 * and the id, when nothing gives one, the file's name. Each fact says where it came from; one read from
 * the text keeps its words and place. A transcript with no date anywhere is listed as undated, with a
 * warning naming it.
 */
import type { VFile } from 'vfile'
import { report } from '../diagnostics.ts'
import { toPlainText } from '../plain-text.ts'
import type { Fact, HeaderField, RecordingFacts, TimeSpan } from '../types.ts'
import { readTime } from './dates.ts'
import type { HeadingRead, Located } from './headings.ts'
import type { Locator } from './source.ts'

/** What a sidecar gives (src/core/sidecar.ts has already checked it). */
export interface GivenFacts {
  id?: string
  date?: string
  time?: string
  place?: string
}

export interface FactSources {
  name: string
  header: HeaderField[]
  heading: HeadingRead | undefined
  given: GivenFacts
  /** The source text. */
  value: string
  locator: Locator
  file: VFile
  /** Whether the header's date was reported as missing or wrong already (then no second message). */
  dateReported: boolean
}

export function recordingFacts(sources: FactSources): RecordingFacts {
  const { header, heading, given, locator } = sources
  const field = (name: HeaderField['name']) => header.find((child) => child.name === name)
  const printed = (node: HeaderField | undefined): Fact<string> | undefined => {
    if (!node) return undefined
    const text = toPlainText(node.children)
    return {
      value: node.value ?? text,
      from: 'text',
      in: 'header',
      printed: text,
      ...(node.position ? { position: node.position } : {}),
    }
  }
  const read = <T>(located: Located<T> | undefined): Fact<T> | undefined =>
    located && {
      value: located.value,
      from: 'text',
      in: 'heading',
      printed: sources.value.slice(located.start, located.end),
      position: locator.position(located.start, located.end),
    }
  const sidecar = <T>(value: T | undefined, printedAs?: string): Fact<T> | undefined =>
    value === undefined ? undefined : { value, from: 'sidecar', ...(printedAs !== undefined ? { printed: printedAs } : {}) }

  const headerDate = field('date')
  const headerTime = printed(field('time'))
  const headerSpan = headerTime && readTime(headerTime.value)
  const facts: RecordingFacts = {
    id: sidecar(given.id) ?? printed(field('id')) ?? read(heading?.id) ?? { value: sources.name, from: 'name' },
  }
  if (heading) facts.heading = heading.kind
  const date = sidecar(given.date) ?? (headerDate?.value ? printed(headerDate) : undefined) ?? read(heading?.date)
  if (date) facts.date = date
  const givenTime = given.time === undefined ? undefined : readTime(given.time)
  const time: Fact<TimeSpan> | undefined =
    sidecar(givenTime, given.time) ??
    (headerTime && headerSpan ? { ...headerTime, value: headerSpan } : undefined) ??
    read(heading?.time)
  if (time) facts.time = time
  const place = sidecar(given.place) ?? read(heading?.place)
  if (place) facts.place = place
  if (heading?.participants && heading.participants.length > 0) {
    const first = heading.participants[0]!
    const last = heading.participants.at(-1)!
    facts.participants = {
      value: heading.participants.map((name) => name.value),
      from: 'text',
      in: 'heading',
      position: locator.position(first.start, last.end),
    }
  }
  if (!facts.date && !sources.dateReported) {
    const name = sources.file.basename ?? sources.name
    report(
      sources.file,
      'undated',
      `\`${name}\` gives no date for its recording (no \`YYYY/MM/DD\` header line, no dated heading): it is listed as undated. Give the date in its sidecar as \`date: YYYY-MM-DD\``,
      { line: 1, column: 1 },
    )
  }
  return facts
}
