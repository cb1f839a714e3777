/** `/<name>/transcript.json`: the transcript's public JSON, exactly as the loader checked and wrote it. */
import type { APIRoute, GetStaticPaths } from 'astro'
import { getCollection } from 'astro:content'
import { readJsonText } from '../../site/artifacts.ts'

export const getStaticPaths = (async () => {
  const transcripts = await getCollection('transcripts')
  return transcripts.map(({ id, data }) => ({ params: { name: id }, props: { name: id }, cacheKey: data.digest }))
}) satisfies GetStaticPaths

export const GET: APIRoute = ({ props }) => {
  return new Response(readJsonText((props as { name: string }).name), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  })
}
