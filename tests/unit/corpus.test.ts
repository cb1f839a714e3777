/**
 * The synthetic corpus for search at scale (scripts/make-corpus.ts): every transcript parses without a
 * diagnostic, and the parser finds in it what the generator meant to write — its id, date, title, cast,
 * turns per person, unidentified voices, notes and excision. Transcripts differ from each other.
 */
import { describe, expect, test } from 'vitest'
import { makeTranscript } from '../../scripts/make-corpus.ts'
import { loadTranscript } from '../../src/core/load.ts'

const corpus = Array.from({ length: 40 }, (_, i) => makeTranscript(i, 7))

describe('make-corpus', () => {
  test('each transcript parses without errors or warnings, as planned', () => {
    for (const { name, text, plan } of corpus) {
      const { json } = loadTranscript(text, `${name}.txt`)
      expect(json.diagnostics, name).toEqual([])
      expect(json.name).toBe(plan.name)
      expect(json.id).toBe(plan.id)
      expect(json.date).toBe(plan.date)
      expect(json.title).toBe(plan.title)
      const turns = json.blocks.filter((block) => block.type === 'turn')
      expect(turns.length, `${name} turns`).toBe(plan.turns)
      const byName = new Map<string, number>()
      for (const turn of turns) byName.set(turn.speaker.name, (byName.get(turn.speaker.name) ?? 0) + 1)
      const people = json.speakers.filter((speaker) => speaker.kind === 'person')
      expect(
        people.map((p) => ({ name: p.name, turns: byName.get(p.name) })),
        `${name} cast`,
      ).toEqual(plan.people)
      expect(json.speakers.filter((speaker) => speaker.kind === 'unidentified').length).toBe(plan.unidentifiedTurns)
      expect(json.footnotes.length, `${name} notes`).toBe(plan.footnotes)
      expect(json.footnotes.every((note) => note.referenced)).toBe(true)
      expect(json.blocks.filter((block) => block.type === 'excision').map((block) => block.seconds)).toEqual([
        plan.excisionSeconds,
      ])
      expect(json.blocks.some((block) => block.type === 'paragraph' && block.section === 'epilogue')).toBe(true)
    }
  })

  test('transcripts are varied, not copies, and the same seed writes the same corpus', () => {
    expect(new Set(corpus.map((t) => t.name)).size).toBe(corpus.length)
    expect(new Set(corpus.map((t) => t.plan.id)).size).toBe(corpus.length)
    const lengths = corpus.map((t) => t.plan.turns)
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeGreaterThan(40)
    expect(new Set(corpus.flatMap((t) => t.plan.people.map((p) => p.name))).size).toBeGreaterThan(40)
    // No two transcripts share a turn's wording beyond the stock replies.
    const long = (text: string) => text.split('\n').filter((line) => line.length > 120 && /^[\w .]+: /.test(line))
    const seen = new Set<string>()
    let repeated = 0
    for (const t of corpus) for (const line of long(t.text)) seen.has(line) ? repeated++ : seen.add(line)
    expect(repeated).toBe(0)
    expect(makeTranscript(3, 7).text).toBe(corpus[3]!.text)
    expect(makeTranscript(3, 8).text).not.toBe(corpus[3]!.text)
  })
})
