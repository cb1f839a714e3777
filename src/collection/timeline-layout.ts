/**
 * The conversation timeline's geometry, computed at build time: one row per speaker group, one bar per
 * turn. The axis is the conversation itself, not the clock: turns in reading order, each as wide as its
 * share of the words. A time axis would need a time for every turn, and a transcript gives times only where
 * it prints them (../core/timing.ts); so the printed times are marked on the axis where they stand, and a
 * bar's label gives its turn's time only when the transcript gives one. The SVG's user units are words, so
 * the markup stays small; a turn shorter than `minWidth` is widened so it can still be seen and chosen.
 */
import { shownTime } from '../contract/time.ts'
import type { TranscriptJson, TurnJson } from '../core/schema.ts'
import { countWords, speakerGroups, turnsOf, type SpeakerGroup } from './speakers.ts'

export interface Bar {
  turnId: string
  /** The turn's number in reading order, from 1. */
  number: number
  /** Words in the turn. */
  words: number
  /** Geometry in the SVG's units (words), widened to the minimum and kept inside the axis. */
  x: number
  width: number
  /** The turn's start as shown (`05:03`, `≈05:48`: `≈` before an estimate); absent when the transcript gives none. */
  time?: string
}

export interface Row {
  group: SpeakerGroup
  bars: Bar[]
}

/** A printed time on the axis, at the start of the turn that opens with it. */
export interface Tick {
  at: number
  label: string
  /** Near the axis' end the label stands to the left of its mark, so that it never runs off the row. */
  end: boolean
}

export interface TimelineLayout {
  /** The axis runs from 0 to `domain` words (at least 1). */
  domain: number
  /** Printed times at the turns that open with them, thinned so that their labels never collide. */
  ticks: Tick[]
  /** How many turns open with a printed time, and how many turns the transcript gives a time for. */
  printed: number
  timed: number
  rows: Row[]
  /** Every turn in reading order, for the table. */
  bars: Array<Bar & { group: SpeakerGroup }>
}

/**
 * The share of the axis a time's label takes (`05:03`, about 35 px; the axis is about 230 px wide on a
 * 390 px phone): labels are kept at least this far apart, so that they never print over each other.
 */
const labelWidth = 0.16
/** Past this share of the axis a label stands to the left of its mark. */
const endLabels = 0.85

export function timelineLayout(transcript: Pick<TranscriptJson, 'blocks' | 'speakers'>): TimelineLayout {
  const turns = turnsOf(transcript)
  const groups = speakerGroups(transcript)
  const words = turns.map(countWords)
  const domain = Math.max(
    1,
    words.reduce((sum, count) => sum + count, 0),
  )
  const minWidth = domain / 200

  const rowOf = new Map<string, Row>()
  const rows = groups.map((group) => {
    const row: Row = { group, bars: [] }
    for (const id of group.ids) rowOf.set(id, row)
    return row
  })
  const bars: TimelineLayout['bars'] = []
  const ticks: Tick[] = []
  // Where the last label kept ends, as a share of the axis: the next must start after it.
  let taken = Number.NEGATIVE_INFINITY
  let at = 0
  turns.forEach((turn, index) => {
    const bar = toBar(turn, index + 1, words[index]!, at, domain, minWidth)
    const share = at / domain
    const end = share > endLabels
    const from = end ? share - labelWidth : share
    if (turn.time && !turn.time.estimated && from >= taken) {
      ticks.push({ at, label: shownTime(turn.time.start, false), end })
      taken = from + labelWidth
    }
    at += words[index]!
    const row = rowOf.get(turn.speaker.id)
    if (!row) return
    row.bars.push(bar)
    bars.push({ ...bar, group: row.group })
  })
  const printed = turns.filter((turn) => turn.time && !turn.time.estimated).length
  const timed = turns.filter((turn) => turn.time).length
  return { domain, ticks, printed, timed, rows, bars }
}

function toBar(turn: TurnJson, number: number, words: number, at: number, domain: number, minWidth: number): Bar {
  const width = Math.max(words, minWidth)
  const x = Math.max(0, Math.min(at, domain - width))
  return {
    turnId: turn.id,
    number,
    words,
    x,
    width,
    ...(turn.time ? { time: shownTime(turn.time.start, turn.time.estimated) } : {}),
  }
}
