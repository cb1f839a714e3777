/**
 * Where a transcript's recording is published and how a tape time becomes a place in it: decided here
 * once for the page, its links without JavaScript, the site's copy of the file and the player's script.
 * A local recording (a file beside the transcript) is published beside the page as `recording.<ext>`; a
 * URL is linked as it is. Tape times become media times by adding the sidecar's `offset` (the seconds of
 * the file before the tape's 0:00), and links into the file use media fragments (`recording.ogg#t=348`).
 */
import type { Recording } from './types.ts'
import { timeFragment } from '../contract/time.ts'

/** Extensions of audio a browser can play (and the site will copy); anything else is not published. */
export const audioTypes: Readonly<Record<string, string>> = {
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.wav': 'audio/wav',
  '.flac': 'audio/flac',
  '.webm': 'audio/webm',
}

export interface PublishedRecording {
  /** The address the page links: `recording.ogg` (beside the page) or the absolute URL. */
  href: string
  /** For a local file: its path relative to the transcript's folder, and its name in the site's page folder. */
  copy?: { from: string; to: string }
  /** Seconds of the file before the tape's 0:00. */
  offset: number
  /** The media type, when the extension tells it. */
  type?: string
}

const remote = /^https?:\/\//i

/** How a recording is published; undefined when it cannot be (a path leaving its folder, not audio). */
export function publishRecording(recording: Recording | undefined): PublishedRecording | undefined {
  if (!recording) return undefined
  const offset = recording.offset ?? 0
  if (remote.test(recording.src)) {
    const type = audioTypes[extname(new URL(recording.src).pathname).toLowerCase()]
    return { href: recording.src, offset, ...(type ? { type } : {}) }
  }
  const from = recording.src.replaceAll('\\', '/')
  const extension = extname(from).toLowerCase()
  const type = audioTypes[extension]
  if (!type || from.startsWith('/') || from.split('/').includes('..')) return undefined
  const to = `recording${extension}`
  return { href: to, copy: { from, to }, offset, type }
}

/**
 * `/tapes/a.OGG` → `.OGG`, `a.tar.gz` → `.gz`, `.ogg` or `a` → '': the extension of a `/`-separated path (a URL's
 * or a relative path's) as `node:path/posix` gives it, written here so that the core imports no Node.
 */
export function extname(path: string): string {
  const name = path.replace(/\/+$/, '')
  const base = name.slice(name.lastIndexOf('/') + 1)
  const dot = base.lastIndexOf('.')
  return dot > 0 && base !== '..' ? base.slice(dot) : ''
}

/** A tape time (seconds) as a time in the recording's file. */
export function mediaTime(seconds: number, published: PublishedRecording): number {
  return Math.max(0, seconds + published.offset)
}

/** A link to the recording at a tape time: a media fragment (`recording.ogg#t=348`). */
export function recordingLink(seconds: number, published: PublishedRecording): string {
  const at = Math.round(mediaTime(seconds, published) * 1000) / 1000
  return `${published.href.replace(/#.*$/, '')}#${timeFragment(at)}`
}
