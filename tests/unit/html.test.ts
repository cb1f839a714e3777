/**
 * The transcript's own HTML serializer (src/core/html.ts) against hast-util-to-html, the reference
 * it replaces for speed: the same bytes for the seed, every parse and hostile fixture, generated
 * transcripts and arbitrary transcripts, and the same escaping of hostile text and attributes.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { h } from 'hastscript'
import { toHtml } from 'hast-util-to-html'
import { describe, expect, test } from 'vitest'
import { makeTranscript } from '../../scripts/make-corpus.ts'
import { hastToHtml } from '../../src/core/html.ts'
import { loadTranscript } from '../../src/core/load.ts'
import { toHastTree } from '../../src/core/to-hast.ts'
import { hostileString, transcript } from '../../scripts/lib/hostile-arbitraries.ts'
import { fixtures, seedPath } from '../support/paths.ts'

const same = (value: string | Uint8Array, path: string) => {
  const tree = toHastTree(loadTranscript(value, path).tree)
  expect(hastToHtml(tree), path).toBe(toHtml(tree))
}

describe('hastToHtml', () => {
  test('the seed, and every parse and hostile fixture, serialize exactly as hast-util-to-html does', () => {
    same(readFileSync(seedPath), seedPath)
    let count = 0
    for (const folder of ['parse', 'hostile']) {
      for (const name of readdirSync(join(fixtures, folder)).filter((file) => file.endsWith('.txt'))) {
        same(readFileSync(join(fixtures, folder, name)), name)
        count += 1
      }
    }
    expect(count).toBeGreaterThan(40)
  })

  test('generated transcripts serialize exactly as hast-util-to-html does', () => {
    for (let index = 0; index < 60; index++) {
      const { name, text } = makeTranscript(index, 7)
      same(text, `${name}.txt`)
    }
  }, 60_000)

  test('arbitrary transcripts and hostile strings serialize exactly as hast-util-to-html does', () => {
    fc.assert(
      fc.property(transcript, (text) => same(text, 'arbitrary.txt')),
      { numRuns: 200 },
    )
    fc.assert(
      fc.property(hostileString, (text) => same(text, 'hostile.txt')),
      { numRuns: 200 },
    )
  }, 60_000)

  test('text and attribute values are escaped; booleans, lists and voids as in HTML', () => {
    const tree = h('div', { id: `a"b'c&d\`e\0`, className: ['x', 'y'], hidden: true, ariaHidden: 'true', dataN: 3 }, [
      '<script>alert(1)</script> & more',
      h('br'),
      h('input', { accept: ['a', 'b'], disabled: false }),
    ])
    const html = hastToHtml(tree)
    expect(html).toBe(toHtml(tree))
    expect(html).toBe(
      '<div id="a&#x22;b&#x27;c&#x26;d&#x60;e&#x0;" class="x y" hidden aria-hidden="true" data-n="3">&#x3C;script>alert(1)&#x3C;/script> &#x26; more<br><input accept="a, b"></div>',
    )
  })
})
