/**
 * Which transcripts of the collection are transcriptions of one recording (witnesses), decided once here
 * from what their sidecars say: naming another transcript in `witnesses:` on one side is enough, and the
 * relation is symmetric and transitive (A names B and C: B and C are witnesses of each other too). Who made
 * each transcription comes from its own sidecar's `transcriber`, else from an entry of another sidecar that
 * names it; nothing else is guessed. A name that is no transcript of the collection is a warning at the
 * sidecar's line and column, and the rest is paired as if it were not there.
 */
import { VFile } from 'vfile'
import { report } from '../core/diagnostics.ts'
import type { TranscriptJson } from '../core/schema.ts'
import { diagnosticsJson } from '../core/to-json.ts'

type Diagnostic = TranscriptJson['diagnostics'][number]

/** What pairing reads of a transcript's summary. */
export interface WitnessSource {
  name: string
  title: string
  transcriber?: string | undefined
  witnesses?:
    | ReadonlyArray<{ transcript: string; transcriber?: string; source?: string; line?: number; column?: number }>
    | undefined
}

/** Another transcription of the same recording, as a transcript's page offers it. */
export interface Witness {
  name: string
  title: string
  /** Who made it, when a sidecar says. */
  transcriber?: string
  /** Where it comes from, in a sidecar's words. */
  source?: string
}

/** Two witnesses, `a` before `b` in name order: one comparison, shown from either side. */
export interface WitnessPair {
  a: string
  b: string
}

export interface Witnesses {
  /** Every pair, in name order. */
  pairs: WitnessPair[]
  /** Each transcript's other witnesses, in name order (transcripts without any are absent). */
  of: Map<string, Witness[]>
  /** Sidecars naming a witness the collection does not hold, as the build reports them. */
  problems: Diagnostic[]
}

export function pairWitnesses(transcripts: readonly WitnessSource[]): Witnesses {
  const byName = new Map(transcripts.map((transcript) => [transcript.name, transcript]))
  const parent = new Map<string, string>()
  const root = (name: string): string => {
    let at = name
    while (parent.get(at) !== undefined && parent.get(at) !== at) at = parent.get(at)!
    parent.set(name, at)
    return at
  }
  const problems: Diagnostic[] = []
  const described = new Map<string, { transcriber?: string; source?: string }>()
  for (const transcript of [...transcripts].sort((x, y) => compare(x.name, y.name))) {
    // The sidecar's messages, as vfile messages on its file (the transcript's messages name it so).
    const sidecar = new VFile({ path: `${transcript.name}.yml` })
    for (const witness of transcript.witnesses ?? []) {
      if (!byName.has(witness.transcript)) {
        report(
          sidecar,
          'witness-unknown',
          `\`witnesses\`: no transcript \`${witness.transcript}\` in the collection (no \`${witness.transcript}.txt\` beside this sidecar); it is not compared`,
          { line: witness.line ?? 1, column: witness.column ?? 1 },
        )
        continue
      }
      if (witness.transcript === transcript.name) continue // the sidecar reported it (`witness-self`)
      const [x, y] = [root(transcript.name), root(witness.transcript)]
      const [low, high] = x < y ? [x, y] : [y, x]
      if (low !== high) parent.set(high, low)
      const known = described.get(witness.transcript) ?? {}
      described.set(witness.transcript, {
        ...(witness.transcriber !== undefined ? { transcriber: witness.transcriber } : {}),
        ...(witness.source !== undefined ? { source: witness.source } : {}),
        ...known,
      })
    }
    if (sidecar.messages.length > 0) {
      const file = new VFile({ path: `${transcript.name}.txt` })
      file.messages.push(...sidecar.messages)
      problems.push(...diagnosticsJson(file))
    }
  }
  const groups = new Map<string, string[]>()
  for (const name of [...parent.keys()].sort(compare)) {
    const group = groups.get(root(name)) ?? []
    group.push(name)
    groups.set(root(name), group)
  }
  const pairs: WitnessPair[] = []
  const of = new Map<string, Witness[]>()
  for (const group of groups.values()) {
    for (const [index, a] of group.entries()) for (const b of group.slice(index + 1)) pairs.push({ a, b })
    for (const name of group)
      of.set(
        name,
        group.filter((other) => other !== name).map((other) => witness(byName.get(other)!, described)),
      )
  }
  pairs.sort((x, y) => compare(x.a, y.a) || compare(x.b, y.b))
  return { pairs, of, problems }
}

function witness(transcript: WitnessSource, described: Map<string, { transcriber?: string; source?: string }>): Witness {
  const given = described.get(transcript.name) ?? {}
  const transcriber = transcript.transcriber ?? given.transcriber
  return {
    name: transcript.name,
    title: transcript.title,
    ...(transcriber !== undefined ? { transcriber } : {}),
    ...(given.source !== undefined ? { source: given.source } : {}),
  }
}

/** The one order of names (code units, as the file listing is sorted): `a` of a pair sorts first. */
function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0
}
