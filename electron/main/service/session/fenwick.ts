// Marks over row positions (0..size-1) that can be counted up to a position and searched for the
// k-th mark in O(log n): the order index of a row is the number of orders starting at or before
// it, and a page of problem rows starts at the k-th row with a problem.

export class Fenwick {
  private readonly tree: Int32Array
  private readonly marks: Uint8Array
  private count = 0
  private readonly top: number

  constructor(readonly size: number) {
    this.tree = new Int32Array(size + 1)
    this.marks = new Uint8Array(size)
    let top = 1
    while (top * 2 <= size) top *= 2
    this.top = top
  }

  /** Built in O(n) from a mark per position. */
  static from(marks: Uint8Array): Fenwick {
    const f = new Fenwick(marks.length)
    const { tree, size } = f
    for (let i = 1; i <= size; i++) {
      const mark = marks[i - 1] === 0 ? 0 : 1
      f.marks[i - 1] = mark
      f.count += mark
      tree[i] = (tree[i] as number) + mark
      const j = i + (i & -i)
      if (j <= size) tree[j] = (tree[j] as number) + (tree[i] as number)
    }
    return f
  }

  get total(): number {
    return this.count
  }

  has(position: number): boolean {
    return this.marks[position] === 1
  }

  set(position: number, marked: boolean): void {
    const now = this.marks[position] === 1
    if (now === marked) return
    this.marks[position] = marked ? 1 : 0
    const delta = marked ? 1 : -1
    this.count += delta
    for (let x = position + 1; x <= this.size; x += x & -x) this.tree[x] = (this.tree[x] as number) + delta
  }

  /** Marks at positions 0..position. */
  countTo(position: number): number {
    let sum = 0
    for (let x = Math.min(position + 1, this.size); x > 0; x -= x & -x) sum += this.tree[x] as number
    return sum
  }

  /** Position of the k-th mark (k from 1), or -1 when there are fewer. */
  select(k: number): number {
    if (k < 1 || k > this.count) return -1
    let at = 0
    for (let step = this.top; step > 0; step >>= 1) {
      const next = at + step
      if (next <= this.size && (this.tree[next] as number) < k) {
        at = next
        k -= this.tree[next] as number
      }
    }
    return at
  }

  /** The first marked position at or after `from`, or -1. */
  next(from: number): number {
    for (let p = from; p < this.size; p++) if (this.marks[p] === 1) return p
    return -1
  }
}

/** Many values under one key, kept light for the usual case of one value per key; a key with
 * many values (every order without an address shares one) adds and removes in O(1). */
export class MultiIndex<K> {
  private readonly map = new Map<K, number | Set<number>>()

  add(key: K, value: number): void {
    const at = this.map.get(key)
    if (at === undefined) this.map.set(key, value)
    else if (typeof at === 'number') {
      if (at !== value) this.map.set(key, new Set([at, value]))
    } else at.add(value)
  }

  remove(key: K, value: number): void {
    const at = this.map.get(key)
    if (at === undefined) return
    if (typeof at === 'number') {
      if (at === value) this.map.delete(key)
      return
    }
    at.delete(value)
    if (at.size === 1) this.map.set(key, at.values().next().value as number)
    else if (at.size === 0) this.map.delete(key)
  }

  get(key: K): Iterable<number> {
    const at = this.map.get(key)
    return at === undefined ? [] : typeof at === 'number' ? [at] : at
  }
}
