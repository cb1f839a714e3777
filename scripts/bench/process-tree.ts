/**
 * Runs a command and measures it as a whole: wall time, and the peak of the summed resident memory of
 * the process and all its live descendants (Astro starts workers, Pagefind its own binary), sampled
 * every ~100 ms. A single process's maxRSS (/usr/bin/time, getrusage) would miss the children, and a
 * sum of per-process peaks would count peaks that never happened at the same time.
 *
 * CPU time (user + system) is summed over every process seen in the tree, each at its last sample
 * (/proc/<pid>/stat's utime + stime, all its threads). Unlike wall time it hardly moves when other work
 * shares the machine, so its ratios are the figures to trust on a loaded machine. (The kernel's
 * cutime/cstime would miss Pagefind's binary, which its Node API does not wait for.) The last interval
 * of each process's life is missed: a few tenths of a second, against builds of minutes.
 *
 * Limits, stated so the figures are read right: a peak shorter than the interval can be missed; RSS
 * counts shared pages (libraries, copy-on-write) once per process; a descendant that is re-parented
 * (its parent died first) leaves the tree.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'

/**
 * /proc/<pid>/task/<tid>/children exists only with CONFIG_PROC_CHILDREN; some kernels (this machine's
 * among them) lack it, so fall back to reading every process's parent from /proc/<pid>/stat.
 */
const HAS_CHILDREN_FILES = existsSync(`/proc/${process.pid}/task/${process.pid}/children`)

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return undefined // the process ended between listing and reading
  }
}

function childrenFromTasks(pid: number): number[] {
  let tasks: string[]
  try {
    tasks = readdirSync(`/proc/${pid}/task`)
  } catch {
    return []
  }
  return tasks.flatMap((tid) => (read(`/proc/${pid}/task/${tid}/children`) ?? '').split(' ').filter(Boolean).map(Number))
}

/** Parent → children for every process now, from /proc/<pid>/stat (the ppid follows the last ')'). */
function childrenByParent(): Map<number, number[]> {
  const map = new Map<number, number[]>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const stat = read(`/proc/${name}/stat`)
    if (!stat) continue
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    const list = map.get(ppid) ?? []
    list.push(Number(name))
    map.set(ppid, list)
  }
  return map
}

/** The process `root` and its descendants, alive now. */
export function treePids(root: number): number[] {
  const byParent = HAS_CHILDREN_FILES ? undefined : childrenByParent()
  const seen = new Set<number>()
  const queue = [root]
  while (queue.length > 0) {
    const pid = queue.pop()!
    if (seen.has(pid)) continue
    seen.add(pid)
    queue.push(...(byParent ? (byParent.get(pid) ?? []) : childrenFromTasks(pid)))
  }
  return [...seen]
}

/** Resident memory of one process in bytes (VmRSS; absent for zombies and kernel threads). */
export function rssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(read(`/proc/${pid}/status`) ?? '')
  return match ? Number(match[1]) * 1024 : 0
}

/** Clock ticks a second in /proc's CPU times (USER_HZ: 100 on Linux's usual builds). */
const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
  }
})()

/** CPU seconds used so far by one process (user + system, all its threads), 0 when it is gone. */
export function cpuSeconds(pid: number): number {
  const stat = read(`/proc/${pid}/stat`)
  if (!stat) return 0
  // Fields after the command's closing ')': state is the 1st, utime the 12th, stime the 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / TICKS
}

export const treeRssBytes = (root: number): number => treePids(root).reduce((sum, pid) => sum + rssBytes(pid), 0)

export interface Measured {
  /** Wall time from spawn to exit. */
  seconds: number
  /** CPU time (user + system) of the whole tree, from spawn to exit. */
  cpuSeconds: number
  /** Largest sum of VmRSS over the tree in any one sample. */
  peakBytes: number
  /** Largest number of processes seen at once in the tree. */
  peakProcesses: number
  samples: number
  ok: boolean
  /** `exit status N` or `signal S`. */
  status: string
  /** The last lines of stdout and stderr, interleaved as they came. */
  tail: string
}

const TAIL_BYTES = 64 * 1024

/** Pids of the trees being measured now, so an interrupted bench can end what it started. */
export const running = new Set<number>()

/** Ends the processes of the trees this module started (by pid; nothing else). */
export function killRunning(): void {
  for (const root of running) {
    for (const pid of treePids(root).reverse()) {
      try {
        process.kill(pid, 'SIGTERM')
      } catch {
        // already gone
      }
    }
  }
}

export function runMeasured(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; intervalMs?: number },
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    /** Each process's CPU seconds at its last sample. */
    const cpu = new Map<number, number>()
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] })
    let tail = ''
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-TAIL_BYTES)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    let peakBytes = 0
    let peakProcesses = 0
    let samples = 0
    const sample = () => {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
      const pids = treePids(child.pid)
      const bytes = pids.reduce((sum, pid) => sum + rssBytes(pid), 0)
      samples += 1
      peakBytes = Math.max(peakBytes, bytes)
      peakProcesses = Math.max(peakProcesses, pids.length)
      for (const pid of pids) {
        const used = cpuSeconds(pid)
        if (used > 0) cpu.set(pid, used)
      }
    }
    if (child.pid !== undefined) running.add(child.pid)
    sample()
    const timer = setInterval(sample, options.intervalMs ?? 100)
    child.on('error', (error) => {
      clearInterval(timer)
      if (child.pid !== undefined) running.delete(child.pid)
      reject(new Error(`could not start ${command}: ${error.message}`))
    })
    // 'close' comes after the pipes are drained, so the tail is complete.
    child.on('close', (code, signal) => {
      clearInterval(timer)
      if (child.pid !== undefined) running.delete(child.pid)
      resolve({
        seconds: (performance.now() - started) / 1000,
        cpuSeconds: [...cpu.values()].reduce((sum, s) => sum + s, 0),
        peakBytes,
        peakProcesses,
        samples,
        ok: code === 0,
        status: signal ? `signal ${signal}` : `exit status ${code}`,
        tail,
      })
    })
  })
}
