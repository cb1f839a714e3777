/**
 * The search build's worker thread (./background.ts): builds the index of the transcripts whose JSON the
 * content loader wrote to the site cache, into a folder of its own, while Astro renders the pages on the
 * other core. It reports each progress line and, at the end, the manifest or the failure's message.
 */
import { parentPort } from 'node:worker_threads'
import { buildSearchIndex, failureMessage } from './search-index.ts'
import { cachedTranscripts, searchOptions, type WorkerMessage, type WorkerTask } from './background.ts'

const post = (message: WorkerMessage) => parentPort!.postMessage(message)

parentPort?.once('message', async (task: WorkerTask) => {
  try {
    const manifest = await buildSearchIndex({
      ...searchOptions(task),
      ...(await cachedTranscripts(task.cache)),
      log: (message) => post({ type: 'log', message }),
    })
    post({ type: 'done', manifest })
  } catch (error) {
    post({ type: 'failed', message: failureMessage(error) })
  }
})
