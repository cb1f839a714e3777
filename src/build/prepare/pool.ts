/**
 * Prepares many transcripts on every core: parsing and rendering are independent per transcript, so a
 * pool of worker threads (one per core) takes them from one queue. A handful of files, or a Node that
 * cannot start the TypeScript worker, is done in this thread instead: same code, same results.
 */
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { prepareTranscript, type PrepareResult, type PrepareTask } from './transcript.ts'

/** Below this many files a worker's start-up costs more than it saves. */
const FEW = 24

export interface PoolOptions {
  /** The project root, where `src/build/prepare/worker.ts` is. */
  root: string
  /** Called after each transcript, with how many are done. */
  onProgress?: (done: number) => void
  /** Threads to use; every core by default. */
  workers?: number
}

export async function prepareMany(tasks: PrepareTask[], options: PoolOptions): Promise<PrepareResult[]> {
  const count = Math.min(options.workers ?? availableParallelism(), tasks.length)
  if (tasks.length < FEW || count < 2) return inThread(tasks, options.onProgress)
  const results: PrepareResult[] = new Array(tasks.length)
  let next = 0
  let done = 0
  const workers: Worker[] = []
  try {
    await Promise.all(
      Array.from(
        { length: count },
        () =>
          new Promise<void>((resolve, reject) => {
            const worker = new Worker(join(options.root, 'src/build/prepare/worker.ts'))
            workers.push(worker)
            let current = -1
            const send = () => {
              if (next >= tasks.length) return resolve()
              current = next++
              worker.postMessage({ index: current, task: tasks[current] })
            }
            worker.on('message', ({ index, result }: { index: number; result: PrepareResult }) => {
              results[index] = result
              options.onProgress?.(++done)
              send()
            })
            worker.on('error', reject)
            worker.on('exit', (code) => {
              if (current >= 0 && results[current] === undefined)
                reject(new Error(`a prepare worker stopped (exit code ${code})`))
            })
            send()
          }),
      ),
    )
  } catch {
    // A worker that cannot start (or dies) leaves its files to this thread; nothing is lost. The loop is
    // synchronous, so no late message from another worker interleaves; all are terminated below.
    for (const [index, task] of tasks.entries()) {
      if (results[index] !== undefined) continue
      results[index] = prepareTranscript(task)
      options.onProgress?.(++done)
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
  return results
}

function inThread(tasks: PrepareTask[], onProgress?: (done: number) => void): PrepareResult[] {
  return tasks.map((task, index) => {
    const result = prepareTranscript(task)
    onProgress?.(index + 1)
    return result
  })
}
