/**
 * The one DOM helper of the browser scripts that build results (the search page, the hub): an element
 * with its attributes and children. Text always goes in as text nodes, so no markup from the search's
 * data reaches the page.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value)
  node.append(...children)
  return node
}
