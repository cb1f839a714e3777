/** The page's HTML for awkward transcripts: nothing printed is dropped, and no link leads nowhere. */
import { describe, expect, test } from 'vitest'
import { parseString } from '../../src/core/parse/index.ts'
import { renderTranscript } from '../../src/core/render.ts'

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

describe('the title block', () => {
  const raw = `01181\n\n1962/11/14\n\nWednesday, November 14, 1962\n\n5:45 to 6:02 P.M.\n\nMeeting¹\n\nAnn Lee: Hi.\n\nUnidentified: Yes.\n\nBo Day: No.\n\nUnidentified: Maybe.\n\n¹ Ann Lee and Bo Day.\n`
  test('gives the title, then date, time, participants and document as label and value', () => {
    const html = renderTranscript(parseString(raw).tree, {
      speakerHref: (s) => `../speakers/${s.kind === 'person' ? s.id : 'unidentified'}/`,
    })
    const block = html.slice(html.indexOf('<header class="title-block">'), html.indexOf('</header>'))
    expect(block).toMatch(/<h1>Meeting<sup><a href="#fn-1"/)
    expect(block).toContain('<dt>Date</dt><dd><time datetime="1962-11-14">Wednesday, November 14, 1962</time></dd>')
    expect(block).toContain('<dt>Time</dt><dd>5:45 to 6:02 P.M.</dd>')
    // People by name, linked; the unidentified voices never named, and not counted: two turns under a
    // generic `Unidentified` may be one voice or two.
    expect(block).toContain(
      '<dt>Participants</dt><dd><a href="../speakers/ann-lee/">Ann Lee</a>, <a href="../speakers/bo-day/">Bo Day</a>, and <a href="../speakers/unidentified/">unidentified voices</a></dd>',
    )
    expect(block).toContain('<dt>Document</dt><dd>01181</dd>')
  })

  test('names participants without links when no page is given for them', () => {
    expect(renderTranscript(parseString(raw).tree)).toContain('<dd>Ann Lee, Bo Day, and unidentified voices</dd>')
  })

  test('with a sidecar: its title heads the block, the printed heading follows; tape, series, source, recording', () => {
    const { tree } = parseString(raw)
    tree.meta = {
      title: 'Ann Lee and Bo Day',
      series: 'Presidential Recordings',
      source: {
        edition: 'Foreign Relations',
        volume: '27',
        document: '12',
        publisher: 'Office of the Historian',
        archive: 'JFK Library',
        tape: '58',
        url: 'https://example.org/d12',
      },
      recording: { src: 'meeting.opus', offset: 12.5 },
    }
    const html = renderTranscript(tree)
    expect(html).toMatch(/<h1>Ann Lee and Bo Day<\/h1><p class="transcript-heading">Meeting<sup><a href="#fn-1"/)
    expect(html).toContain('<dt>Tape</dt><dd>58, JFK Library</dd>')
    expect(html).toContain('<dt>Series</dt><dd>Presidential Recordings</dd>')
    expect(html).toContain(
      '<dt>Source</dt><dd>Foreign Relations, volume 27, document 12, Office of the Historian: <a href="https://example.org/d12">read it there</a></dd>',
    )
    expect(html).toContain(
      // Linked to the copy the site publishes beside the page (src/core/recording.ts).
      '<dt>Recording</dt><dd><a href="recording.opus">meeting.opus</a> (the transcript’s 00:00 is 12.5 seconds into it)</dd>',
    )
  })
})
