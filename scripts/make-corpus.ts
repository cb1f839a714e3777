/**
 * `node scripts/make-corpus.ts --count N --out DIR [--seed S]`: writes N synthetic transcripts in the seed's
 * raw format (header, introduction with notes, a heading with the participants note, timed turns with
 * editorial marks, page-bottom note blocks, an excision, an epilogue), for building the site at scale.
 * Every transcript differs — ids, dates, cast, length and wording come from a seeded generator — and each
 * returns the plan it was written from, so tests can check the parser against what was meant.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export interface CorpusPlan {
  name: string
  id: string
  /** ISO date. */
  date: string
  title: string
  /** Person speakers by full name, with their number of turns, in order of first turn. */
  people: Array<{ name: string; turns: number }>
  unidentifiedTurns: number
  turns: number
  footnotes: number
  excisionSeconds: number
}

export interface CorpusTranscript {
  name: string
  text: string
  plan: CorpusPlan
}

/** mulberry32: small, fast and reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const firstNames =
  'Arthur Beatrice Clement Dorothy Edmund Frances Gilbert Harriet Irving Josephine Kenneth Lillian Malcolm Nora Oscar Pauline Quentin Rosalind Stanley Theodora Ulysses Vivian Walter Winifred Adrian Cecil Desmond Eleanor Franklin Gordon Hazel Lionel Marian Norman Olive Percival Ruth Silas Thelma Vernon'.split(
    ' ',
  )
const surnames =
  'Ashby Brennan Calloway Dunmore Ellison Farraday Garrow Halloran Ingersoll Jessup Kettering Lindqvist Marchetti Norquist Oakley Pemberton Quimby Rutherford Stallworth Thackeray Underhill Vandermeer Whitcomb Yardley Abernathy Blakemore Cartwright Delacroix Eastwood Fairbanks Greenleaf Holloway Ivers Jaworski Kingsley Lockhart Merriweather Northcott Osgood Prescott'.split(
    ' ',
  )
const offices = ['President', 'Governor', 'Secretary', 'Senator', 'Mayor', 'Chairman']
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** The header's date line of a generated transcript, as the seed's series prints it: `Wednesday, November 14, 1962`. */
export function dateLine(day: Date): string {
  return `${WEEKDAYS[day.getUTCDay()]}, ${months[day.getUTCMonth()]} ${day.getUTCDate()}, ${day.getUTCFullYear()}`
}
const topics = [
  ['the harbor strike', 'the longshoremen', 'the piers', 'the arbitration board'],
  ['the grain embargo', 'the shipping quotas', 'the wheat sale', 'the export licenses'],
  ['the dam project', 'the reservoir', 'the engineers', 'the appropriation'],
  ['the border dispute', 'the observers', 'the cease-fire line', 'the commission'],
  ['the steel prices', 'the mill owners', 'the wage settlement', 'the price increase'],
  ['the flood relief', 'the levees', 'the Red Cross', 'the emergency funds'],
  ['the test ban', 'the inspection posts', 'the seismic stations', 'the negotiators'],
  ['the highway bill', 'the right-of-way', 'the contractors', 'the county engineers'],
  ['the airport expansion', 'the runway', 'the noise complaints', 'the airlines'],
  ['the school desegregation order', 'the federal marshals', 'the school board', 'the court order'],
  ['the satellite launch', 'the tracking stations', 'the launch window', 'the press briefing'],
  ['the currency crisis', 'the gold reserves', 'the central bank', 'the exchange rate'],
]
const verbs =
  'push hold settle delay announce review drop press explain support reconsider postpone approve block finance inspect negotiate publish withdraw answer challenge accept reject study expand reduce freeze raise lower cancel schedule investigate consult brief warn reassure'.split(
    ' ',
  )
const adjectives =
  'serious difficult reasonable premature useful dangerous awkward sensible expensive encouraging risky quiet public private firm modest generous narrow broad urgent doubtful promising costly'.split(
    ' ',
  )
const nouns =
  'budget committee contract deadline delegation draft estimate figures formula guarantee hearing inquiry ledger memorandum minutes offer pledge procedure proposal quota ratio record report reserve schedule statement subsidy survey tariff testimony timetable treaty verdict warrant'.split(
    ' ',
  )
const places =
  'Aldridge Belmont Carver Dunmore Eastport Fallon Glenrock Harwick Ironton Jasper Kessler Lakeview Millbrook Newcastle Oakridge Pinehurst Quarry Redfield Stanton Tremont Upland Verona Westbrook Yorkville Zenith'.split(
    ' ',
  )
const syllables =
  'ka lo mi ren dor vas tel bri no sa gun ther wick ham ley ton mar ber ola ine quo zan pel fry gor hul jin kep lur mox nid orb pra ruv sek tiv umb vel wyn yar'.split(
    ' ',
  )
const times = [
  'tonight',
  'tomorrow morning',
  'by Friday',
  'this week',
  'before the recess',
  'after the weekend',
  'in a day or two',
  'next month',
  'before the election',
  'by the first of the month',
]
const replies = [
  'Yeah.',
  "That's right.",
  'I agree.',
  "Well, I don't know.",
  'All right.',
  'Yes, sir.',
  'No.',
  "That's correct.",
  'Maybe so.',
  'I think so.',
]

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!
const between = (rnd: () => number, low: number, high: number) => low + Math.floor(rnd() * (high - low + 1))

const superscriptDigits = '⁰¹²³⁴⁵⁶⁷⁸⁹'
const superscript = (n: number) => [...String(n)].map((d) => superscriptDigits[Number(d)]).join('')

const small =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
    ' ',
  )
const tens = 'twenty thirty forty fifty'.split(' ')
function spell(n: number): string {
  if (n < 20) return small[n]!
  const ten = tens[Math.floor(n / 10) - 2]!
  return n % 10 === 0 ? ten : `${ten}-${small[n % 10]}`
}
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
function duration(seconds: number): string {
  const m = Math.floor(seconds / 60)
  const s = seconds % 60
  const secs = `${spell(s)} second${s === 1 ? '' : 's'}`
  return capital(m === 0 ? secs : `${spell(m)} minute${m === 1 ? '' : 's'}, ${secs}`)
}

function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600)
  const m = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')
  const s = String(seconds % 60).padStart(2, '0')
  return h > 0 ? `${h}:${m}:${s}` : `${m}:${s}`
}

interface Context {
  topic: readonly string[]
  names: readonly string[]
  /** Words coined for this transcript alone (firms, places, projects), so no two share a vocabulary. */
  coined: readonly string[]
}

/** A thing to talk about: the meeting's topic most of the time, else something from the wider world. */
function thing(rnd: () => number, ctx: Context): string {
  const r = rnd()
  if (r < 0.5) return pick(rnd, ctx.topic)
  if (r < 0.7) return `the ${pick(rnd, ctx.coined)} ${pick(rnd, nouns)}`
  if (r < 0.85) return `the ${pick(rnd, places)} ${pick(rnd, nouns)}`
  return `the ${pick(rnd, adjectives)} ${pick(rnd, nouns)}`
}

/** A coined proper name: two or three syllables, capitalised. */
function coin(rnd: () => number): string {
  return capital(Array.from({ length: between(rnd, 2, 3) }, () => pick(rnd, syllables)).join(''))
}

/** One sentence about the meeting's topic, from a few shapes of speech. */
function sentence(rnd: () => number, ctx: Context): string {
  const a = thing(rnd, ctx)
  const b = thing(rnd, ctx)
  const shapes = [
    () => `I think we ought to ${pick(rnd, verbs)} ${a} ${pick(rnd, times)}.`,
    () => `The trouble with ${a} is that ${b} won't wait.`,
    () => `If we ${pick(rnd, verbs)} ${a} now, it looks ${pick(rnd, adjectives)}.`,
    () => `${pick(rnd, ctx.names)} says ${b} is ${pick(rnd, adjectives)}, and I'm inclined to agree.`,
    () => `We've got to decide whether to ${pick(rnd, verbs)} ${a} or let ${b} run its course.`,
    () => `Well, what do we tell ${pick(rnd, ctx.names)} about ${a}?`,
    () => `It would be ${pick(rnd, adjectives)} to ${pick(rnd, verbs)} ${b} before we hear from ${pick(rnd, ctx.names)}.`,
    () => `Nobody has explained to me why ${a} has to be settled ${pick(rnd, times)}.`,
    () => `There are ${spell(between(rnd, 2, 19))} people in ${pick(rnd, places)} who will never go along with that.`,
    () => `You can't ${pick(rnd, verbs)} ${a} without ${pick(rnd, ctx.coined)} knowing about it.`,
    () => `I talked to ${pick(rnd, ctx.names)} about ${a} this morning . . . he was not encouraging.`,
    () => `Let's ${pick(rnd, verbs)} ${b} and see what happens ${pick(rnd, times)}.`,
    () => `The figure I have is ${between(rnd, 2, 950)} million, and ${pick(rnd, ctx.coined)} thinks it will go higher.`,
    () =>
      `${capital(a)} came up in ${pick(rnd, months)} of ${between(rnd, 1945, 1960)}, and we ${pick(rnd, ['lost', 'won', 'dropped', 'settled'])} it then.`,
    () => `Do we have anybody in ${pick(rnd, places)} who can ${pick(rnd, verbs)} ${b}?`,
  ]
  return pick(rnd, shapes)()
}

/** A sentence of the editors' narrative, in the third person. */
function narrative(rnd: () => number, ctx: Context): string {
  const who = pick(rnd, ctx.names)
  const shapes = [
    () => `${who} wanted to ${pick(rnd, verbs)} ${thing(rnd, ctx)} ${pick(rnd, times)}.`,
    () => `The question of ${thing(rnd, ctx)} had been raised by ${who} the week before.`,
    () => `${who} considered ${thing(rnd, ctx)} ${pick(rnd, adjectives)} and said so in a memorandum.`,
    () => `Reports from ${pick(rnd, places)} about ${thing(rnd, ctx)} reached the office that morning.`,
  ]
  return pick(rnd, shapes)()
}

/** Sometimes an editorial mark, as the editors print them. */
function marked(rnd: () => number, text: string): string {
  const r = rnd()
  if (r < 0.08) return `${text} [*unclear*]`
  if (r < 0.12) return `[*Unclear*] ${text}`
  if (r < 0.15) return `${text} [laughing]`
  if (r < 0.18) return text.replace(/ to /, ' [to] ')
  if (r < 0.2) return `${text.replace(/[.?]$/, '')}—`
  return text
}

/**
 * What a turn of a generated transcript says, after its speaker's label (`Kingsley: Well, …` → `Well, …`);
 * undefined for any other line. The one reading of the generator's turn lines, for the benchmarks and tests
 * that change or look up a word of a turn.
 */
export function speechOf(line: string): string | undefined {
  return /^[A-Z][\w .'-]{1,40}: (\S.*)$/.exec(line)?.[1]
}

/** Writes transcript number `index` of the corpus generated from `seed`. */
export function makeTranscript(index: number, seed = 1): CorpusTranscript {
  const rnd = random(seed * 100_003 + index * 7919 + 17)
  const year = 1961 + (index % 9)
  const day = new Date(Date.UTC(year, 0, 1 + between(rnd, 0, 364)))
  const iso = day.toISOString().slice(0, 10)
  const id = String(10_000 + index * 37 + (seed % 37)).padStart(5, '0')
  const name = `${iso}-${id}`
  const topic = pick(rnd, topics)
  const office = pick(rnd, offices)

  // The cast: a principal named by office and three to seven others, no two sharing a surname.
  const castSize = between(rnd, 4, 8)
  const shuffled = [...surnames].sort(() => rnd() - 0.5).slice(0, castSize)
  const cast = shuffled.map((surname, i) =>
    i === 0
      ? { name: `${office} ${surname}`, short: `${office} ${surname}` }
      : { name: `${pick(rnd, firstNames)} ${surname}`, short: surname },
  )
  const principal = cast[0]!
  const mentioned = cast.map((p) => p.short)
  const ctx: Context = { topic, names: mentioned, coined: Array.from({ length: between(rnd, 3, 8) }, () => coin(rnd)) }

  const title = `${pick(rnd, ['Conversation', 'Meeting', 'Telephone Conversation', 'Off-the-Record Meeting'])} on ${topic[0]!.replace(/^the /, '').split(' ').map(capital).join(' ')}`
  const turnTotal = between(rnd, 20, 140)
  const lines: string[] = []
  const blank = () => lines.push('')
  let note = 0
  const notesDue: string[] = []
  const noteText = () => {
    note += 1
    notesDue.push(
      `${superscript(note)} ${pick(rnd, [`See the ${topic[3]!.replace(/^the /, '')} file, box ${between(rnd, 1, 40)}, folder ${between(rnd, 1, 20)}.`, `${pick(rnd, mentioned)} had raised ${pick(rnd, topic)} at the ${pick(rnd, ['morning', 'afternoon', 'cabinet'])} meeting.`, `The memorandum is printed in *Documents on ${capital(topic[0]!.replace(/^the /, ''))}*, ${between(rnd, 1, 9)}:${between(rnd, 10, 400)}.`])}`,
    )
    return superscript(note)
  }
  const flushNotes = () => {
    for (const text of notesDue.splice(0)) {
      blank()
      lines.push(text)
    }
  }

  // Header.
  const hour = between(rnd, 8, 17)
  const minute = between(rnd, 0, 11) * 5
  const shown = (h: number, m: number) => `${((h + 11) % 12) + 1}:${String(m).padStart(2, '0')}`
  const endMinutes = hour * 60 + minute + Math.max(5, Math.round(turnTotal / 6))
  lines.push('', '', id, '', iso.replaceAll('-', '/'), '')
  lines.push(
    `This is a draft transcript subject to additional review and emendation before publication in *${office}'s Recordings: ${principal.short.replace(/^\S+ /, '')}, Volume ${between(rnd, 1, 6)}*,`,
  )
  lines.push(`${pick(rnd, firstNames)} ${pick(rnd, surnames)} and ${pick(rnd, firstNames)} ${pick(rnd, surnames)}, eds.`, '')
  lines.push(dateLine(day), '')
  lines.push(
    `${shown(hour, minute)} to ${shown(Math.floor(endMinutes / 60) % 24, endMinutes % 60)} ${Math.floor(endMinutes / 60) >= 12 ? 'P.M.' : 'A.M.'} approx.`,
    '',
  )

  // Introduction, with its own notes printed at the first page bottom.
  const introCount = between(rnd, 1, 3)
  for (let i = 0; i < introCount; i++) {
    const body = Array.from({ length: between(rnd, 2, 4) }, () => narrative(rnd, ctx)).join(' ')
    lines.push(
      `${i === 0 ? `Earlier that day, ${principal.name} had met ${cast[1]!.name} about ${topic[0]}.${noteText()} ` : ''}${body}`,
      '',
    )
  }
  flushNotes()
  blank()

  // Heading with the participants note, which names every person in full.
  lines.push(`${title}${noteText()}`, '')
  notesDue[notesDue.length - 1] =
    `${superscript(note)} Including ${cast.map((p) => p.name).join(', ')}. Tape ${between(rnd, 1, 120)}, ${office}'s Office Files, Recordings Collection.`

  // The conversation.
  const turnsBy = new Map<string, number>()
  let unidentified = 0
  let clockAt = between(rnd, 5, 60)
  let lastSpeaker = -1
  let sinceStamp = 99
  for (let t = 0; t < turnTotal; t++) {
    const isUnidentified = rnd() < 0.04
    let who = 0
    if (!isUnidentified) {
      do who = rnd() < 0.35 ? 0 : between(rnd, 1, cast.length - 1)
      while (who === lastSpeaker)
      lastSpeaker = who
    }
    const person = cast[who]!
    const label = isUnidentified ? 'Unidentified' : turnsBy.has(person.name) ? person.short : person.name
    if (isUnidentified) unidentified += 1
    else turnsBy.set(person.name, (turnsBy.get(person.name) ?? 0) + 1)

    const short = rnd() < 0.25
    const body = short
      ? pick(rnd, replies)
      : Array.from({ length: between(rnd, 1, 5) }, () => marked(rnd, sentence(rnd, ctx))).join(' ')
    const stamp = sinceStamp >= between(rnd, 3, 7) && !short
    const prefix = stamp ? `[${clock(clockAt)}] ` : ''
    if (stamp) sinceStamp = 0
    else sinceStamp += 1
    const marker = !short && rnd() < 0.05 ? noteText() : ''
    lines.push(`${label}: ${prefix}${body}${marker}`, '')
    if (!short && rnd() < 0.15) lines.push(Array.from({ length: between(rnd, 1, 3) }, () => sentence(rnd, ctx)).join(' '), '')
    clockAt += Math.max(2, Math.round(body.split(' ').length / 2.5)) + between(rnd, 0, 3)
    if (notesDue.length > 0 && rnd() < 0.2) {
      flushNotes()
      blank()
    }
  }

  // An excision closes the conversation; the epilogue follows, then the last notes.
  const excised = between(rnd, 4, 150)
  lines.push(`${duration(excised)} excised as classified information.`, '')
  const epilogue = between(rnd, 1, 2)
  for (let i = 0; i < epilogue; i++) {
    lines.push(
      `${i === 0 ? 'After the meeting' : 'The next morning'}, ${pick(rnd, cast.slice(1)).name} ${pick(rnd, ['telephoned', 'wrote to', 'met with'])} ${pick(rnd, ctx.names)} about ${thing(rnd, ctx)}.${i === 0 ? noteText() : ''}`,
      '',
    )
  }
  flushNotes()
  lines.push('')

  return {
    name,
    text: lines.join('\n'),
    plan: {
      name,
      id,
      date: iso,
      title,
      // In order of their first turn: the order the map took them in.
      people: [...turnsBy].map(([name, turns]) => ({ name, turns })),
      unidentifiedTurns: unidentified,
      turns: turnTotal,
      footnotes: note,
      excisionSeconds: excised,
    },
  }
}

/** Writes `count` transcripts into `dir`; returns their plans. */
export async function writeCorpus(dir: string, count: number, seed = 1): Promise<CorpusPlan[]> {
  await mkdir(dir, { recursive: true })
  const plans: CorpusPlan[] = []
  for (let i = 0; i < count; i++) {
    const { name, text, plan } = makeTranscript(i, seed)
    await writeFile(join(dir, `${name}.txt`), text)
    plans.push(plan)
  }
  return plans
}

async function main(args: string[]): Promise<number> {
  const option = (flag: string) => {
    const at = args.indexOf(flag)
    return at === -1 ? undefined : args[at + 1]
  }
  const count = Number(option('--count') ?? '1000')
  const out = option('--out')
  const seed = Number(option('--seed') ?? '1')
  if (!out || !Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
    process.stderr.write('Usage: node scripts/make-corpus.ts --count N --out DIR [--seed S]\n')
    return 2
  }
  await writeCorpus(out, count, seed)
  process.stdout.write(`Wrote ${count} transcripts to ${out}\n`)
  return 0
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2))
}
