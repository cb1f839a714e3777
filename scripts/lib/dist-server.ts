/**
 * A minimal static file server for the built site (`dist/`), for end-to-end tests.
 *
 * - listens on 127.0.0.1 on a port the OS assigns (`listen(0)`);
 * - `/x/` serves `x/index.html`; `/x` redirects (301) to `/x/` when `x` is a directory;
 *   `/x` also serves `x.html` when that file exists (Astro's `build.format: 'file'`);
 * - a missing file gets status 404 and the site's `404.html` when there is one;
 * - a file answers a single byte range (`Range: bytes=a-b`, `bytes=a-`, `bytes=-n`) with 206, as every static
 *   host and `astro preview` do: a media element seeks only within what it has fetched without it;
 * - only GET and HEAD; paths that leave the served directory (`..`, encoded or not, symlinks
 *   pointing outside, NUL bytes, backslashes) are refused;
 * - with a `base` (`/tapes/`), the directory is served at that path, as a site built with that base is
 *   deployed, and every other path is 404.
 *
 * Only `node:*` modules are used.
 */
import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import type { Stats } from 'node:fs'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

export interface DistServer {
  /** Origin of the server, without a trailing slash: `http://127.0.0.1:PORT`. */
  readonly url: string
  /** Stops the server and drops open (keep-alive) connections. */
  close(): Promise<void>
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  // Pagefind's index files
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
}

/** The content type of a file name, `application/octet-stream` when unknown. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

async function statOrNull(file: string): Promise<Stats | null> {
  try {
    return await stat(file)
  } catch {
    return null
  }
}

/** Whether `file` is `root` or lies inside it (both absolute, normalized). */
function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/**
 * The one byte range a `Range` header asks of a file of `size` bytes: undefined for none (or one this
 * server does not read, such as several ranges: the whole file is sent), null for one past the file's end.
 */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | null | undefined {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match || (match[1] === '' && match[2] === '')) return undefined
  const start = match[1] === '' ? Math.max(0, size - Number(match[2])) : Number(match[1])
  const end = match[1] === '' || match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)
  return start > end || start >= size ? null : { start, end }
}

/**
 * Serves `dir` (relative to the current directory, or absolute) on 127.0.0.1.
 * Rejects when `dir` is not a directory.
 */
export async function serveDist(dir = 'dist', base = '/'): Promise<DistServer> {
  const rootStats = await statOrNull(path.resolve(dir))
  if (!rootStats?.isDirectory()) {
    throw new Error(`serveDist: ${path.resolve(dir)} is not a directory (has the site been built?)`)
  }
  const root = await realpath(path.resolve(dir))

  /** The real path of a regular file inside root, or null. */
  async function fileInRoot(candidate: string): Promise<{ file: string; stats: Stats } | null> {
    if (!isInside(root, candidate)) return null
    const stats = await statOrNull(candidate)
    if (!stats?.isFile()) return null
    const real = await realpath(candidate)
    if (!isInside(root, real)) return null // a symlink pointing outside
    return { file: real, stats }
  }

  function sendText(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    text: string,
    headers: Record<string, string> = {},
  ): void {
    const body = Buffer.from(text, 'utf8')
    res.writeHead(status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': String(body.length),
      ...headers,
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  function sendFile(req: IncomingMessage, res: ServerResponse, status: number, file: string, stats: Stats): void {
    const range = status === 200 ? byteRange(req.headers.range, stats.size) : undefined
    if (range === null) {
      sendText(req, res, 416, 'Range not satisfiable', { 'Content-Range': `bytes */${stats.size}` })
      return
    }
    res.writeHead(range ? 206 : status, {
      'Content-Type': contentTypeOf(file),
      'Content-Length': String(range ? range.end - range.start + 1 : stats.size),
      ...(range ? { 'Content-Range': `bytes ${range.start}-${range.end}/${stats.size}` } : {}),
      'Accept-Ranges': 'bytes',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    })
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    const stream = createReadStream(file, range ?? {})
    stream.on('error', (err) => res.destroy(err))
    stream.pipe(res)
  }

  async function notFound(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const page = await fileInRoot(path.join(root, '404.html'))
    if (page) sendFile(req, res, 404, page.file, page.stats)
    else sendText(req, res, 404, 'Not found')
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(req, res, 405, 'Method not allowed', { Allow: 'GET, HEAD' })
      return
    }
    const requestUrl = new URL(req.url ?? '/', 'http://127.0.0.1')
    let pathname: string
    try {
      pathname = decodeURIComponent(requestUrl.pathname)
    } catch {
      sendText(req, res, 400, 'Bad request')
      return
    }
    if (pathname.includes('\0') || pathname.includes('\\') || !pathname.startsWith('/')) {
      sendText(req, res, 400, 'Bad request')
      return
    }
    // The URL parser already resolves literal `..` segments; encoded ones (`%2e%2e`, `..%2f`)
    // appear only after decoding, so refuse any `..` segment outright.
    if (pathname.split('/').includes('..')) {
      sendText(req, res, 403, 'Forbidden')
      return
    }
    if (base !== '/') {
      if (pathname === base.slice(0, -1)) {
        sendText(req, res, 301, `Moved permanently to ${base}`, { Location: `${base}${requestUrl.search}` })
        return
      }
      if (!pathname.startsWith(base)) {
        sendText(req, res, 404, 'Not found (outside the base path)')
        return
      }
      pathname = `/${pathname.slice(base.length)}`
    }
    const target = path.join(root, pathname)
    if (!isInside(root, target)) {
      sendText(req, res, 403, 'Forbidden')
      return
    }

    if (pathname.endsWith('/')) {
      const index = await fileInRoot(path.join(target, 'index.html'))
      if (index) sendFile(req, res, 200, index.file, index.stats)
      else await notFound(req, res)
      return
    }

    const direct = await fileInRoot(target)
    if (direct) {
      sendFile(req, res, 200, direct.file, direct.stats)
      return
    }
    const targetStats = await statOrNull(target)
    if (targetStats?.isDirectory()) {
      const location = `${requestUrl.pathname}/${requestUrl.search}`
      sendText(req, res, 301, `Moved permanently to ${location}`, { Location: location })
      return
    }
    const html = await fileInRoot(`${target}.html`)
    if (html) {
      sendFile(req, res, 200, html.file, html.stats)
      return
    }
    await notFound(req, res)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendText(req, res, 500, `Internal error: ${String(err)}`)
      else res.destroy()
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo

  let closing: Promise<void> | undefined
  return {
    url: `http://127.0.0.1:${port}`,
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
      })
      return closing
    },
  }
}
