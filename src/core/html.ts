/**
 * hast → HTML for the transcript's own trees: the output of hast-util-to-html with its default options,
 * byte for byte (a unit test compares the two on every fixture, the seed and a generated collection),
 * at a fraction of its cost. Rendering is most of a large build's work, and these trees hold only
 * elements and text in the HTML space, so the general serializer's per-attribute option handling and
 * schema look-ups (memoized here) are not needed.
 *
 * Escaping is the same as hast-util-to-html's defaults: in text `&` and `<`; in double-quoted attribute
 * values NUL, `"`, `&`, `'` and `` ` ``; each as an uppercase hexadecimal reference (`&#x26;`).
 */
import type { Element, Nodes, Properties } from 'hast'
import { htmlVoidElements } from 'html-void-elements'
import { find, html } from 'property-information'

const voids = new Set(htmlVoidElements)
const TEXT = /[&<]/g
const HAS_TEXT = /[&<]/
const ATTRIBUTE = /[\0"&'`]/g
const HAS_ATTRIBUTE = /[\0"&'`]/
const reference = (character: string) => `&#x${character.charCodeAt(0).toString(16).toUpperCase()};`

/** Each property's attribute name and kind, looked up once. */
const infos = new Map<string, ReturnType<typeof find>>()
function info(key: string): ReturnType<typeof find> {
  let found = infos.get(key)
  if (!found) {
    found = find(html, key)
    infos.set(key, found)
  }
  return found
}

export function hastToHtml(node: Nodes): string {
  switch (node.type) {
    case 'root': {
      let html = ''
      for (const child of node.children) html += hastToHtml(child)
      return html
    }
    case 'element':
      return element(node)
    case 'text':
      return HAS_TEXT.test(node.value) ? node.value.replace(TEXT, reference) : node.value
    case 'comment':
    case 'doctype':
      // The transcript's trees have neither; refuse rather than guess at their serialization.
      throw new Error(`hastToHtml: unexpected ${node.type} node`)
    default:
      throw new Error(`hastToHtml: unexpected node ${(node as { type: string }).type}`)
  }
}

function element(node: Element): string {
  const { tagName } = node
  if (tagName === 'svg' || tagName === 'math' || tagName === 'script' || tagName === 'style' || tagName === 'template') {
    // Other spaces and raw-text elements have their own rules; these trees never hold them.
    throw new Error(`hastToHtml: unexpected <${tagName}>`)
  }
  let html = `<${tagName}${attributes(node.properties)}>`
  for (const child of node.children) html += hastToHtml(child)
  return voids.has(tagName.toLowerCase()) && node.children.length === 0 ? html : `${html}</${tagName}>`
}

function attributes(properties: Properties | undefined): string {
  let html = ''
  if (!properties) return html
  for (const key in properties) {
    let value = properties[key]
    if (value === null || value === undefined) continue
    const { attribute, boolean, overloadedBoolean, commaSeparated } = info(key)
    if (overloadedBoolean && (value === attribute || value === '')) value = true
    else if ((boolean || overloadedBoolean) && (typeof value !== 'string' || value === attribute || value === ''))
      value = Boolean(value)
    if (value === false || (typeof value === 'number' && Number.isNaN(value))) continue
    if (value === true) {
      html += ` ${attribute}`
      continue
    }
    const text = Array.isArray(value)
      ? commaSeparated
        ? (value.at(-1) === '' ? [...value, ''] : value).join(', ').trim()
        : value.join(' ').trim()
      : String(value)
    html += ` ${attribute}="${HAS_ATTRIBUTE.test(text) ? text.replace(ATTRIBUTE, reference) : text}"`
  }
  return html
}
