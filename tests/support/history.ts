/**
 * Real git repositories for the history tests: a folder made a repository with `git init`, and the texts
 * committed one after another with fixed dates (GIT_AUTHOR_DATE, GIT_COMMITTER_DATE), so that the
 * expectations can be written by hand from what was committed. The fixture's versions: a transcript
 * transcribed, a word corrected, a turn split in two, a note added.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export function gitIn(folder: string, args: string[], date?: string): string {
  return execFileSync('git', ['-c', 'user.name=Ann Editor', '-c', 'user.email=editor@example.org', ...args], {
    cwd: folder,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: folder,
    },
  }).trim()
}

export const HISTORY_NAME = '1962-10-18-00901'

const header = '00901\n\n1962/10/18\n\nThursday, October 18, 1962\n\nMeeting on the quarantine\n\n'

/** The four texts, in order: each is what its commit holds. */
export const HISTORY_TEXTS = [
  `${header}Bundy: [05:03] The ambassador Dobrinin will come at five.\n\nRusk: We should tell him about the ships. The ships are at sea.\n\nBundy: Then that is settled.\n\nRusk: [06:10] We meet again tomorrow.\n`,
  `${header}Bundy: [05:03] The ambassador Dobrynin will come at five.\n\nRusk: We should tell him about the ships. The ships are at sea.\n\nBundy: Then that is settled.\n\nRusk: [06:10] We meet again tomorrow.\n`,
  `${header}Bundy: [05:03] The ambassador Dobrynin will come at five.\n\nRusk: We should tell him about the ships.\n\nMcNamara: The ships are at sea.\n\nBundy: Then that is settled.\n\nRusk: [06:10] We meet again tomorrow.\n`,
  `${header}Bundy: [05:03] The ambassador Dobrynin will come at five.¹\n\nRusk: We should tell him about the ships.\n\nMcNamara: The ships are at sea.\n\nBundy: Then that is settled.\n\nRusk: [06:10] We meet again tomorrow.\n\n¹ Anatoly Dobrynin, the Soviet ambassador.\n`,
]

export const HISTORY_MESSAGES = [
  'Transcribed from the tape',
  "Corrected the ambassador's name\n\nHeard again on the master tape.",
  'Split the turn where McNamara answers',
  'Added a note on Dobrynin',
]

export const HISTORY_DATES = [
  '2026-11-02T09:00:00+00:00',
  '2026-11-20T10:30:00+00:00',
  '2026-12-01T14:00:00+00:00',
  '2026-12-06T08:15:00+00:00',
]

/**
 * A fifth version for the browser tests' site: Bundy's "Then that is settled." merged into McNamara's turn,
 * so that its id `t-05-03-3` is gone and its words are in `t-05-03-2`.
 */
export const HISTORY_MERGED = {
  text: HISTORY_TEXTS[3]!.replace(
    'The ships are at sea.\n\nBundy: Then that is settled.',
    'The ships are at sea. Then that is settled.',
  ),
  message: "Merged McNamara's answer, one voice on the master tape",
  date: '2026-12-06T11:00:00+00:00',
}

/**
 * Commits `texts` one after another as `<name>.txt` in the repository `folder` (made one if need be),
 * leaving every other file of it uncommitted.
 */
export function commitVersions(
  folder: string,
  name: string,
  versions: Array<{ text: string; message: string; date: string }>,
): void {
  gitIn(folder, ['init', '-q', '-b', 'main'])
  for (const version of versions) {
    writeFileSync(join(folder, `${name}.txt`), version.text)
    gitIn(folder, ['add', '--', `${name}.txt`])
    gitIn(folder, ['commit', '-q', '-m', version.message], version.date)
  }
}

/** A repository in `folder` whose `transcripts/` holds the fixture committed four times; returns the full commit ids. */
export function historyRepository(folder: string, count = HISTORY_TEXTS.length): { transcripts: string; commits: string[] } {
  const transcripts = join(folder, 'transcripts')
  mkdirSync(transcripts, { recursive: true })
  gitIn(folder, ['init', '-q', '-b', 'main'])
  const commits: string[] = []
  for (let index = 0; index < count; index++) {
    writeFileSync(join(transcripts, `${HISTORY_NAME}.txt`), HISTORY_TEXTS[index]!)
    gitIn(folder, ['add', '-A'])
    gitIn(folder, ['commit', '-q', '-m', HISTORY_MESSAGES[index]!], HISTORY_DATES[index])
    commits.push(gitIn(folder, ['rev-parse', 'HEAD']))
  }
  return { transcripts, commits }
}
