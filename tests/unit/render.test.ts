/** The page's HTML for awkward transcripts: nothing printed is dropped, and no link leads nowhere. */
import { describe, expect, test } from 'vitest'
import { parseString } from '../../src/transcript/parse/index.ts'
import { renderTranscript } from '../../src/transcript/render.ts'

const header = '01181\n\n1962/11/14\n\nMeeting¹\n\n'
const render = (body: string) => renderTranscript(parseString(header + body).tree)

describe('rendering', () => {
  test('a second note with the same number is listed, with its own id', () => {
    const html = render('Ann Lee: Hi.²\n\n¹ Ann Lee.\n\n² First note ALPHA.\n\n² Second note BRAVO.\n')
    expect(html).toMatch(/<li id="fn-2"[^>]*>\s*<p>First note ALPHA\./)
    expect(html).toMatch(/<li id="fn-2-x2"[^>]*>.*Second note BRAVO\./)
  })

  test('a footnote block inside an excision note leaves a space between the words', () => {
    const html = render('Ann Lee: Hi.\n\nSeven seconds excised as\n\n¹ Ann Lee.\n\nclassified information.\n\nLee: Yes.\n')
    expect(html).toContain('Seven seconds excised as classified information.')
  })

  test('a marker whose note is missing is a number, not a link to nothing', () => {
    const html = render('Ann Lee: Hi.⁷\n\n¹ Ann Lee.\n')
    expect(html).toContain('Hi.<sup>7</sup>')
    expect(html).not.toContain('href="#fn-7"')
  })

  test('a footnote block between turns leaves no stray white space', () => {
    const html = render('Ann Lee: Hi.\n\n¹ Ann Lee.\n\nLee: Yes.\n')
    expect(html).not.toMatch(/^[ \t]+$/m)
  })
})
