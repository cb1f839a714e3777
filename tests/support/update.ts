/**
 * `UPDATE=1` rewrites a fixture's expected output from what the code gives now, to be reviewed line by line
 * in the diff. The test then compares the output with what it has just written, so it cannot fail: on CI
 * (`CI` set) that would pass whatever the code does, and it is refused.
 */
export function updating(env: NodeJS.ProcessEnv = process.env): boolean {
  if (!env.UPDATE) return false
  if (env.CI)
    throw new Error(
      'UPDATE is refused when CI is set: it rewrites the expected files from the output and then compares the output with them, so the test could not fail. Unset UPDATE on CI; update fixtures locally and review the diff.',
    )
  return true
}
