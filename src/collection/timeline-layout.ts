/**
 * The conversation timeline's geometry, computed at build time: one row per speaker group, one bar per
 * turn. The SVG's user units are seconds (x = time.start, width = end − start), so the markup stays small
 * and needs no rounding; a turn shorter than `minWidth` is widened so it can still be seen and clicked.
 */
import { shownTime } from '../contract/time.ts'
import type { TranscriptJson, TurnJson } from '../core/schema.ts'
import { speakerGroups, turnsOf, type SpeakerGroup } from './speakers.ts'

export interface Bar {
  turnId: string
  /** Seconds, as in the transcript's JSON. */
  start: number
  end: number
  /** Geometry in the SVG's units (seconds), widened to the minimum and kept inside the axis. */
  x: number
  width: number
  /** The start and end as shown (`05:03`, `≈05:48`: `≈` before an estimated time). */
  from: string
  to: string
}

export interface Row {
  group: SpeakerGroup
  bars: Bar[]
}

export interface TimelineLayout {
  /** The axis runs from 0 to `domain` seconds: the last turn's end, rounded up to a whole tick. */
  domain: number
  /** Seconds between ticks, and the ticks from 0 (the end of the axis excluded). */
  step: number
  ticks: number[]
  rows: Row[]
  /** Every turn in reading order, for the table. */
  bars: Array<Bar & { group: SpeakerGroup }>
}

/** Tick steps a reader finds natural: 30 s, 1, 2, 5, 10, 15, 30 min, 1, 2 h. */
const steps = [30, 60, 120, 300, 600, 900, 1800, 3600, 7200]

/** The smallest natural step that gives at most `maxTicks` intervals over `duration` seconds. */
export function tickStep(duration: number, maxTicks = 6): number {
  for (const step of steps) if (duration / step <= maxTicks) return step
  return Math.ceil(duration / maxTicks / 3600) * 3600
}

export function timelineLayout(transcript: Pick<TranscriptJson, 'blocks' | 'speakers'>): TimelineLayout {
  const turns = turnsOf(transcript)
  const groups = speakerGroups(transcript)
  const last = Math.max(0, ...turns.map((turn) => turn.time.end))
  const step = tickStep(last)
  const domain = Math.max(step, Math.ceil(last / step) * step)
  const ticks = Array.from({ length: domain / step }, (_, index) => index * step)
  const minWidth = Math.max(1, Math.round(domain / 200))

  const rowOf = new Map<string, Row>()
  const rows = groups.map((group) => {
    const row: Row = { group, bars: [] }
    for (const id of group.ids) rowOf.set(id, row)
    return row
  })
  const bars: TimelineLayout['bars'] = []
  turns.forEach((turn, index) => {
    const row = rowOf.get(turn.speaker.id)
    if (!row) return
    const bar = toBar(turn, turns[index + 1], domain, minWidth)
    row.bars.push(bar)
    bars.push({ ...bar, group: row.group })
  })
  return { domain, step, ticks, rows, bars }
}

function toBar(turn: TurnJson, next: TurnJson | undefined, domain: number, minWidth: number): Bar {
  const { start, end, estimated } = turn.time
  const width = Math.max(end - start, minWidth)
  const x = Math.max(0, Math.min(start, domain - width))
  // A turn ends where the next begins: its end is printed only when the next turn opens with a timestamp.
  const endEstimated = !next || next.time.estimated || next.time.start !== end
  return { turnId: turn.id, start, end, x, width, from: shownTime(start, estimated), to: shownTime(end, endEstimated) }
}
