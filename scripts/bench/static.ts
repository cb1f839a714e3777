/**
 * A folder served on 127.0.0.1 (a port the OS assigns) as it is on disk, `no-store`, for benchmarks that
 * count bytes: Pagefind's files and the search's passages are gzipped already. `/x/` serves `x/index.html`.
 */
import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, resolve, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
}

export async function serveStatic(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const folder = await realpath(dir)
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)
      let file = resolve(folder, `.${path}`)
      if (file !== folder && !file.startsWith(folder + sep)) throw new Error('outside the folder')
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html')
      const { size } = await stat(file)
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': String(size),
        'Cache-Control': 'no-store',
      })
      createReadStream(file).pipe(res)
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found')
    }
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}
