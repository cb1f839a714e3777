/**
 * The passage thread's worker (./passage-thread.ts): writes each record's passages as it is sent them, one
 * after another, and answers `end` with the pairs' heads, or with the first failure.
 */
import { parentPort } from 'node:worker_threads'
import { headsAsText, PassageWriter, type PassageMessage, type PassageReply } from './passage-thread.ts'

let writer: PassageWriter | undefined
let queue: Promise<void> = Promise.resolve()
let failure: string | undefined
const reply = (message: PassageReply) => parentPort!.postMessage(message)

parentPort?.on('message', (message: PassageMessage) => {
  if (message.type === 'start') writer = new PassageWriter(message.options)
  else if (message.type === 'add') {
    queue = queue
      .then(() => writer?.add(message.id, message.fragment, message.part))
      .catch((error: unknown) => {
        failure ??= error instanceof Error ? error.message : String(error)
      })
  } else {
    queue = queue.then(async () => {
      if (failure !== undefined || !writer) reply({ ok: false, message: failure ?? 'it was never started' })
      else {
        const { count, heads, postings } = await writer.end()
        reply({ ok: true, count, heads: headsAsText(heads), postings })
      }
    })
  }
})
