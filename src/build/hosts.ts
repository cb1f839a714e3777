/**
 * Where archives publish, and what each host refuses: the limits as the hosts document them, so that the
 * build warns before an upload fails (./integration.ts, after ./output-size.ts has measured the site).
 * Only limits a host states are here; a host whose limits are not published is given as numbers in the
 * site configuration (`host: { name, maxBytes, maxFiles, maxFileBytes }`).
 */
import { z } from 'astro/zod'
import { formatBytes, type OutputSize } from './output-size.ts'

const MiB = 1024 * 1024

export interface HostLimits {
  /** How the host is named in a warning. */
  name: string
  /** The whole site, in bytes. */
  maxBytes?: number
  maxFiles?: number
  /** One file, in bytes. */
  maxFileBytes?: number
}

/** The hosts the configuration may name, with their documented limits. */
export const HOSTS = {
  // docs.github.com, "GitHub Pages limits": "Published GitHub Pages sites may be no larger than 1 GB"; a site
  // published from a branch also meets the repository's 100 MiB limit on a file.
  'github-pages': { name: 'GitHub Pages', maxBytes: 1_000_000_000, maxFileBytes: 100 * MiB },
  // developers.cloudflare.com/pages/platform/limits: 20,000 files on the Free plan, 25 MiB a file.
  'cloudflare-pages': { name: 'Cloudflare Pages (Free plan)', maxFiles: 20_000, maxFileBytes: 25 * MiB },
  // The same page: 100,000 files on the paid plans.
  'cloudflare-pages-paid': { name: 'Cloudflare Pages (paid plans)', maxFiles: 100_000, maxFileBytes: 25 * MiB },
  // docs.gitlab.com, "GitLab Pages" limits on GitLab.com: a site of 1 GB at most, 200,000 file entries.
  'gitlab-pages': { name: 'GitLab Pages', maxBytes: 1_000_000_000, maxFiles: 200_000 },
} as const satisfies Record<string, HostLimits>

export type HostName = keyof typeof HOSTS

const positive = z.number().int().positive()

/** The configuration's `host`: a host by name, or one's limits given as numbers. */
export const hostOption = z.union([
  z.enum(Object.keys(HOSTS) as [HostName, ...HostName[]]),
  z.strictObject({
    /** How the host is named in the warning (`University web server`). */
    name: z.string().trim().min(1),
    /** The most bytes the whole site may take. */
    maxBytes: positive.optional(),
    /** The most files the site may hold. */
    maxFiles: positive.optional(),
    /** The most bytes one file may take. */
    maxFileBytes: positive.optional(),
  }),
])

export type HostOption = z.output<typeof hostOption>

export function hostLimits(host: HostOption): HostLimits {
  return typeof host === 'string' ? HOSTS[host] : host
}

/** What will not fit the host, one sentence each; none when the site fits. */
export function hostProblems(size: OutputSize, limits: HostLimits): string[] {
  const problems: string[] = []
  if (limits.maxBytes !== undefined && size.bytes > limits.maxBytes)
    problems.push(
      `the site is ${over(size.bytes, limits.maxBytes)}: ${limits.name} takes ${formatBytes(limits.maxBytes)} at most`,
    )
  if (limits.maxFiles !== undefined && size.files > limits.maxFiles)
    problems.push(
      `the site has ${size.files.toLocaleString('en-US')} files: ${limits.name} takes ${limits.maxFiles.toLocaleString('en-US')} at most`,
    )
  if (limits.maxFileBytes !== undefined && size.largest && size.largest.bytes > limits.maxFileBytes)
    problems.push(
      `${size.largest.path} is ${over(size.largest.bytes, limits.maxFileBytes)}: ${limits.name} takes ${formatBytes(limits.maxFileBytes)} a file at most`,
    )
  return problems
}

/** A size over a limit, never written as the limit's own figure: `105 MB` over 105 MB is given in bytes. */
function over(bytes: number, limit: number): string {
  return formatBytes(bytes) === formatBytes(limit) ? `${bytes.toLocaleString('en-US')} bytes` : formatBytes(bytes)
}
