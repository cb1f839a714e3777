/**
 * `npm run hub -- --out DIR --shard /1962/=dist-1962 --shard /1963/=dist-1963 [--title "…"]`: one folder to
 * serve, with each shard (built on its own, `SITE_BASE=/1962/ ASTRO_OUT_DIR=dist-1962 npm run build`)
 * under its base and a hub page at the root searching them all (src/build/hub/). A shard may also be given as
 * `/1962/=dist-1962=Tapes of 1962` to name it. Exit status 0, 1 when the shards are not as they should
 * be (one line saying why), 2 on a usage error.
 */
import { assembleHub, HubError, type ShardSource } from '../src/build/hub/assemble.ts'

const USAGE = 'Usage: npm run hub -- --out DIR --shard /BASE/=DIR[=TITLE] [--shard …] [--title TITLE]\n'

function parse(args: string[]): { out: string; shards: ShardSource[]; title?: string } | undefined {
  let out: string | undefined
  let title: string | undefined
  const shards: ShardSource[] = []
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]]
    if (value === undefined) return undefined
    if (flag === '--out') out = value
    else if (flag === '--title') title = value
    else if (flag === '--shard') {
      const [base, dir, ...name] = value.split('=')
      if (!base || !dir) return undefined
      shards.push({ base, dir, title: name.length > 0 ? name.join('=') : undefined })
    } else return undefined
  }
  return out && shards.length > 0 ? { out, shards, title } : undefined
}

const options = parse(process.argv.slice(2))
if (!options) {
  process.stderr.write(USAGE)
  process.exitCode = 2
} else {
  try {
    const manifest = await assembleHub(options)
    const records = manifest.shards.reduce((sum, shard) => sum + shard.records.length, 0)
    process.stdout.write(
      `hub: ${options.out}/index.html searches ${manifest.shards.map((s) => s.base).join(', ')} (${records} records)\n`,
    )
  } catch (error) {
    process.stderr.write(`hub: ${error instanceof HubError ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
}
