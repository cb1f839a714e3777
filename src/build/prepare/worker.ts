/** A worker thread of the prepare pool (./pool.ts): prepares each transcript it is sent. */
import { parentPort } from 'node:worker_threads'
import { prepareTranscript, type PrepareTask } from './transcript.ts'

parentPort?.on('message', (message: { index: number; task: PrepareTask }) => {
  parentPort!.postMessage({ index: message.index, result: prepareTranscript(message.task) })
})
