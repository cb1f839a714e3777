/** Writing XML by hand, safely: every text and attribute value goes through `xmlText`. */

// Characters XML 1.0 does not allow: C0 controls but tab and line ends, U+FFFE/U+FFFF, lone surrogates.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the characters XML forbids is this pattern's purpose.
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Text or an attribute value: markup characters as references, characters XML forbids as U+FFFD. */
export function xmlText(value: string): string {
  return value
    .replace(notXml, '\uFFFD')
    .replace(loneSurrogate, '\uFFFD')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
}

export type Attributes = Record<string, string | number | undefined>

function attributes(attrs: Attributes): string {
  let out = ''
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) out += ` ${name}="${xmlText(String(value))}"`
  return out
}

/** An element around content already written as XML; empty content makes an empty-element tag. */
export function element(name: string, attrs: Attributes = {}, content = ''): string {
  return content === '' ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${content}</${name}>`
}

/** An `xml:id` from an id of the tree: an XML name (letters, digits, `-`, `_`, `.`) behind a prefix. */
export function xmlId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^\p{L}\p{N}_.-]/gu, '_')}`
}
