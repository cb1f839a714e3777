/**
 * A git history for a generated corpus (`npm run bench:build`), so that the build's reading of versions
 * is measured: the folder made a repository, every transcript committed, then `rounds` rounds of
 * corrections, each a word added to one turn of every transcript, committed ten transcripts to a commit
 * (as editors correct a few at a time). Each transcript then has `rounds + 1` versions; the number of
 * commits grows linearly with the collection, as a real edition's does.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const PER_COMMIT = 10

function git(folder: string, args: string[], date: Date): void {
  const iso = date.toISOString()
  execFileSync('git', ['-c', 'user.name=Bench Editor', '-c', 'user.email=bench@example.org', ...args], {
    cwd: folder,
    stdio: 'ignore',
    env: { ...process.env, GIT_AUTHOR_DATE: iso, GIT_COMMITTER_DATE: iso },
  })
}

/** Returns the number of commits made. */
export function writeCorpusHistory(folder: string, rounds = 2): number {
  const files = readdirSync(folder)
    .filter((file) => file.endsWith('.txt'))
    .sort()
  let date = new Date('2026-01-05T09:00:00Z')
  const tick = () => (date = new Date(date.getTime() + 3_600_000))
  git(folder, ['init', '-q', '-b', 'main'], date)
  git(folder, ['add', '-A'], date)
  git(folder, ['commit', '-q', '-m', 'Transcribed from the tapes'], tick())
  let commits = 1
  for (let round = 1; round <= rounds; round++) {
    for (let start = 0; start < files.length; start += PER_COMMIT) {
      const batch = files.slice(start, start + PER_COMMIT)
      for (const file of batch) {
        const lines = readFileSync(path.join(folder, file), 'utf8').split('\n')
        const turns = lines.flatMap((line, i) => (/^[A-Z][\w .'-]{1,40}: \S/.test(line) ? [i] : []))
        const at = turns[(round * 7) % Math.max(1, turns.length)]
        if (at === undefined) continue
        lines[at] = `${lines[at]} indeed`
        writeFileSync(path.join(folder, file), lines.join('\n'))
      }
      git(folder, ['add', '--', ...batch], date)
      git(folder, ['commit', '-q', '-m', `Corrections, round ${round}: ${batch[0]} to ${batch.at(-1)}`], tick())
      commits++
    }
  }
  return commits
}
