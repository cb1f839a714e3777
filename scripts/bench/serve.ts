/**
 * Serves a built site on 127.0.0.1 as a static host would: the test server's files (tests/e2e/support/
 * server.ts), gzip-compressed for clients that accept it, so Lighthouse sees the bytes a real visitor
 * downloads. The budgets are set in gzip bytes.
 */
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createGzip } from 'node:zlib'
import { serveDist, type DistServer } from '../lib/dist-server.ts'

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json|xml|wasm)|image\/svg\+xml)/

export async function serveCompressed(dir: string): Promise<DistServer> {
  const files = await serveDist(dir)
  const upstream = new URL(files.url)
  const server = createServer((req, res) => {
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, 'accept-encoding': 'identity' },
      },
      (up) => {
        const headers = { ...up.headers }
        const gzip =
          COMPRESSIBLE.test(String(headers['content-type'] ?? '')) &&
          /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
        if (gzip) {
          delete headers['content-length']
          headers['content-encoding'] = 'gzip'
          headers.vary = 'Accept-Encoding'
        }
        res.writeHead(up.statusCode ?? 502, headers)
        if (gzip) up.pipe(createGzip({ level: 9 })).pipe(res)
        else up.pipe(res)
      },
    )
    forward.on('error', (err) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' })
      res.end(String(err))
    })
    req.pipe(forward)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      await files.close()
    },
  }
}
