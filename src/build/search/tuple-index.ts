/**
 * Numbers for short tuples of word ids (a pair or a triple), in the order they are first met: 0, 1, 2…
 *
 * Why not a `Map`: the search build looks a sequence up once for every word of every passage (tens of
 * millions of times at 10,000 transcripts), and a `Map` keyed by a number made of two or three ids holds a
 * heap-allocated double per key and per look-up. Here the tuples live in one Int32Array and the slots in
 * another (open addressing, linear probing, at most half full), so a look-up allocates nothing.
 */
export class TupleIndex {
  private readonly width: number
  /** Each tuple's ids, `width` at a time, by number. */
  private tuples: Int32Array
  /** Each slot's tuple number plus one; 0 is an empty slot. */
  private slots: Int32Array
  private mask: number
  /** How many tuples have a number. */
  size = 0

  constructor(width: 2 | 3, capacity = 1 << 16) {
    this.width = width
    this.tuples = new Int32Array(capacity * width)
    this.slots = new Int32Array(capacity * 2)
    this.mask = capacity * 2 - 1
  }

  /** The number of the tuple `(a, b)` or `(a, b, c)` (ids ≥ 0), given it if it has none yet. */
  number(a: number, b: number, c = 0): number {
    const { tuples, slots, mask, width } = this
    let slot = hash(a, b, c) & mask
    for (;;) {
      const held = slots[slot]!
      if (held === 0) break
      const at = (held - 1) * width
      if (tuples[at] === a && tuples[at + 1] === b && (width === 2 || tuples[at + 2] === c)) return held - 1
      slot = (slot + 1) & mask
    }
    const number = this.size++
    if (number * width >= tuples.length) this.grow()
    const at = number * width
    this.tuples[at] = a
    this.tuples[at + 1] = b
    if (width === 3) this.tuples[at + 2] = c
    if (this.size * 2 > this.slots.length) this.rehash()
    else slots[slot] = number + 1
    return number
  }

  /** The ids of tuple `number`. */
  ids(number: number): number[] {
    return Array.from(this.tuples.subarray(number * this.width, (number + 1) * this.width))
  }

  private grow(): void {
    const tuples = new Int32Array(this.tuples.length * 2)
    tuples.set(this.tuples)
    this.tuples = tuples
  }

  /** Twice the slots, every tuple placed again (the last one numbered included). */
  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2)
    this.mask = this.slots.length - 1
    const { tuples, slots, mask, width } = this
    for (let number = 0; number < this.size; number++) {
      const at = number * width
      let slot = hash(tuples[at]!, tuples[at + 1]!, width === 3 ? tuples[at + 2]! : 0) & mask
      while (slots[slot] !== 0) slot = (slot + 1) & mask
      slots[slot] = number + 1
    }
  }
}

/** A 32-bit mix of three ids (multiplicative hashing, then the high bits folded down). */
function hash(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b) ^ Math.imul(c + 0x165667b1, 0xc2b2ae35)
  h ^= h >>> 15
  h = Math.imul(h, 0x2c1b3c6d)
  return h ^ (h >>> 13)
}
