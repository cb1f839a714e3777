/**
 * The transcripts collection: every `content/transcripts/*.txt`, parsed once by the transcript library.
 * Each entry's data is the public JSON (validated by the zod schema) and its rendered HTML is the reading
 * page's body. A transcript with an error fails the build with the editor's `file:line:column` messages;
 * warnings are logged and the build goes on.
 */
import { defineCollection } from 'astro:content'
import type { Loader } from 'astro/loaders'
import { readdir } from 'node:fs/promises'
import { isAbsolute, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { renderTranscript } from './transcript/render.ts'
import { readTranscript } from './transcript/load.ts'
import { formatDiagnostic } from './transcript/report.ts'
import { transcriptSchema } from './transcript/schema.ts'

/**
 * `TRANSCRIPTS_DIR` builds the site from another folder (the tests build fixture sites this way);
 * `TRANSCRIPTS_STRICT=1` makes warnings fail the build too, for editors who want a clean collection.
 */
const directory = process.env.TRANSCRIPTS_DIR ?? 'content/transcripts'
const strict = process.env.TRANSCRIPTS_STRICT === '1'

function transcriptLoader(directory: string): Loader {
  return {
    name: 'transcript-loader',
    async load({ store, parseData, logger, config, generateDigest }) {
      const root = fileURLToPath(config.root)
      const folder = isAbsolute(directory) ? directory : join(root, directory)
      const names = (await readdir(folder)).filter((name) => name.endsWith('.txt')).sort()
      store.clear()
      const errors: string[] = []
      for (const name of names) {
        const path = join(folder, name)
        const shown = relative(root, path)
        const { tree, json } = await readTranscript(path)
        for (const diagnostic of json.diagnostics) {
          const line = formatDiagnostic(shown, diagnostic)
          if (diagnostic.severity === 'error' || strict) errors.push(line)
          else logger.warn(line)
        }
        const data = await parseData({ id: json.name, data: json })
        store.set({
          id: json.name,
          data,
          filePath: shown,
          digest: generateDigest(JSON.stringify(json)),
          rendered: { html: renderTranscript(tree) },
        })
      }
      if (errors.length > 0) {
        // Stop the build with the editor's messages and nothing else: a thrown error would add a
        // stack trace (and Astro would guess at a hint that does not apply).
        logger.error(
          `${errors.length} ${strict ? 'problem' : 'error'}${errors.length === 1 ? '' : 's'} in the transcripts${
            strict ? ' (strict: warnings count as errors)' : ''
          }:\n${errors.join('\n')}\nFix the transcript at each place named above; \`npm run parse -- FILE\` shows the same messages.`,
        )
        process.exit(1)
      }
    },
  }
}

export const collections = {
  transcripts: defineCollection({
    loader: transcriptLoader(directory),
    schema: transcriptSchema,
  }),
}
