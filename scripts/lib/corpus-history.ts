/**
 * A git history for a generated corpus (`npm run bench:build`), so that the build's reading of versions
 * is measured: the folder made a repository, every transcript committed, then `rounds` rounds of
 * corrections, each a word added to one turn of every transcript, committed ten transcripts to a commit
 * (as editors correct a few at a time). Each transcript then has `rounds + 1` versions; the number of
 * commits grows linearly with the collection, as a real edition's does.
 *
 * The commits are written by one `git fast-import` (a process per commit made the setup of 10,000
 * transcripts take minutes, each `git add` re-reading the whole index); the folder's files are left as
 * the last commit has them, and the index is read from it, so `git status` is clean.
 */
import { execFileSync, spawn } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { speechOf } from '../make-corpus.ts'

const PER_COMMIT = 10
const WHO = 'Bench Editor <bench@example.org>'

/** A turn of the transcript gets a word in round `round`: the line changed, or null when it has no turn. */
function corrected(text: string, round: number): string | null {
  const lines = text.split('\n')
  const turns = lines.flatMap((line, i) => (speechOf(line) !== undefined ? [i] : []))
  const at = turns[(round * 7) % Math.max(1, turns.length)]
  if (at === undefined) return null
  lines[at] = `${lines[at]} indeed`
  return lines.join('\n')
}

/** Returns the number of commits made. */
export async function writeCorpusHistory(folder: string, rounds = 2): Promise<number> {
  const files = readdirSync(folder)
    .filter((file) => file.endsWith('.txt'))
    .sort()
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: folder })
  const importer = spawn('git', ['fast-import', '--quiet'], { cwd: folder, stdio: ['pipe', 'ignore', 'inherit'] })
  const done = new Promise<number | null>((resolve, reject) => {
    importer.on('error', reject)
    importer.on('close', resolve)
  })
  const write = async (chunk: string | Buffer) => {
    if (!importer.stdin.write(chunk)) await new Promise((resolve) => importer.stdin.once('drain', resolve))
  }
  const data = async (body: Buffer) => {
    await write(`data ${body.length}\n`)
    await write(body)
    await write('\n')
  }
  let seconds = Math.floor(new Date('2026-01-05T09:00:00Z').getTime() / 1000)
  let commits = 0
  const commit = async (message: string, changed: Array<[string, Buffer]>) => {
    seconds += 3600
    await write(`commit refs/heads/main\nauthor ${WHO} ${seconds} +0000\ncommitter ${WHO} ${seconds} +0000\n`)
    await data(Buffer.from(message))
    for (const [file, body] of changed) {
      await write(`M 100644 inline ${file}\n`)
      await data(body)
    }
    commits++
  }

  await commit(
    'Transcribed from the tapes',
    readdirSync(folder)
      .filter((file) => !file.startsWith('.'))
      .sort()
      .map((file) => [file, readFileSync(path.join(folder, file))]),
  )
  for (let round = 1; round <= rounds; round++) {
    for (let start = 0; start < files.length; start += PER_COMMIT) {
      const batch = files.slice(start, start + PER_COMMIT)
      const changed: Array<[string, Buffer]> = []
      for (const file of batch) {
        const text = corrected(readFileSync(path.join(folder, file), 'utf8'), round)
        if (text === null) continue
        writeFileSync(path.join(folder, file), text)
        changed.push([file, Buffer.from(text)])
      }
      await commit(`Corrections, round ${round}: ${batch[0]} to ${batch.at(-1)}`, changed)
    }
  }
  importer.stdin.end()
  const status = await done
  if (status !== 0) throw new Error(`git fast-import ended with status ${status}`)
  // The working files are the last commit's: read the index from it and refresh its stat data.
  execFileSync('git', ['reset', '-q'], { cwd: folder })
  return commits
}
