/** `/<name>/transcript.json`: the transcript's public JSON, exactly as the loader validated it. */
import type { APIRoute, GetStaticPaths } from 'astro'
import { getCollection, type CollectionEntry } from 'astro:content'

export const getStaticPaths = (async () => {
  const transcripts = await getCollection('transcripts')
  return transcripts.map((entry) => ({ params: { name: entry.id }, props: { entry } }))
}) satisfies GetStaticPaths

export const GET: APIRoute = ({ props }) => {
  const { entry } = props as { entry: CollectionEntry<'transcripts'> }
  return new Response(`${JSON.stringify(entry.data, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  })
}
