/**
 * The hub's one file of data, as the hub generator (assemble.ts) writes it and the hub page (client.ts)
 * reads it: the shards, each a site built on its own under its own base (`SITE_BASE=/1962/`), and the
 * Pagefind page ids of each shard's records, so that a result of the merged search (which names only a
 * page id) is known to belong to its shard without loading Pagefind's fragment. A shard has about
 * RECORD_TARGET records (src/contract/search.ts) whatever its size, so this file grows with the number
 * of shards, not with the collection.
 */

export const HUB_MANIFEST_PATH = 'hub.json'
export const HUB_SCRIPT_PATH = 'hub.js'
export const HUB_STYLE_PATH = 'hub.css'

export interface HubShard {
  /** The shard's base path on the hub's host, with both slashes (routes.ts `normalizeBase`): `/1962/`. */
  base: string
  /** What the hub calls it in results (`1962`). */
  title: string
  /** Pagefind page ids of its records (`search/records/<id>.json`). */
  records: string[]
  /** Its Pagefind index's parts, from its search manifest (routes.ts `pagefindPartRoute`, under `base`). */
  parts: string[]
}

export interface HubManifest {
  version: 1
  title: string
  shards: HubShard[]
}
