// The shop's product catalog (GetAllGoods) and how a sheet's product values are matched to it.
//
// What is known about `good_type` (api-methods-and-importers-2.md §1.1): the docs' example shows
// 1, 0 and an empty value, and the prose says products are "digital, physical, and with floating
// price", but nothing maps the numbers to the kinds. So Orderbatch does not guess: a product is
// physical only when its type says so in words ("physical", "delivery", "shipped", "товар",
// "физический", as catalog files and the sandbox write it); a numeric or empty type is "unknown",
// and then the delivery rule falls back to what the order itself shows (see delivery-rule.ts).

export type ProductKind = 'physical' | 'digital' | 'unknown'

export interface ShopProduct {
  /** good_id, as received ('' when absent). */
  id: string
  /** good_name: the product identifier CreateOrder takes. */
  name: string
  /** good_title: what people call it. */
  title: string
  /** good_sum as received ('3900.00'), or null when the shop gave none. */
  price: string | null
  /** good_type as received. */
  type: string
  kind: ProductKind
}

export interface ShopCatalog {
  products: ShopProduct[]
  /** When it was fetched, in milliseconds (Date.now()). */
  fetchedAt: number
}

const PHYSICAL = new Set(['physical', 'delivery', 'shipped', 'goods', 'товар', 'физический', 'доставка'])
const DIGITAL = new Set(['digital', 'electronic', 'электронный', 'цифровой', 'floating', 'service'])

export function productKind(type: string): ProductKind {
  const word = type.trim().toLowerCase()
  if (PHYSICAL.has(word)) return 'physical'
  if (DIGITAL.has(word)) return 'digital'
  return 'unknown'
}

export type ProductMatch =
  | { kind: 'name'; product: ShopProduct }
  /** The sheet has the product's title: sent as its good_name, and said so in the plan. */
  | { kind: 'title'; product: ShopProduct }
  /** Not the same, only close (case, spaces, a typo): offered, never applied. */
  | { kind: 'close'; product: ShopProduct }
  | { kind: 'none' }

const squeeze = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ')

/** good_name exactly, then an exactly equal title (only when one product has it), then a close
 * match to offer. */
export function matchProduct(value: string, products: readonly ShopProduct[]): ProductMatch {
  const byName = products.find((p) => p.name === value)
  if (byName) return { kind: 'name', product: byName }
  const byTitle = products.filter((p) => p.title !== '' && p.title === value)
  if (byTitle.length === 1) return { kind: 'title', product: byTitle[0]! }
  const wanted = squeeze(value)
  if (wanted === '') return { kind: 'none' }
  const loose = products.find((p) => squeeze(p.name) === wanted || (p.title !== '' && squeeze(p.title) === wanted))
  if (loose) return { kind: 'close', product: loose }
  let best: { product: ShopProduct; distance: number } | undefined
  for (const product of products) {
    for (const text of [product.name, product.title]) {
      if (text === '') continue
      const limit = Math.min(2, Math.floor(Math.min(wanted.length, text.length) / 4))
      if (limit === 0) continue
      const distance = editDistance(wanted, squeeze(text), limit)
      if (distance <= limit && (!best || distance < best.distance)) best = { product, distance }
    }
  }
  return best ? { kind: 'close', product: best.product } : { kind: 'none' }
}

/** Levenshtein distance, cut off above `limit` (returns limit + 1 then). */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      current.push(value)
      if (value < rowMin) rowMin = value
    }
    if (rowMin > limit) return limit + 1
    previous = current
  }
  return previous[b.length]!
}

/** At most this many of a product's differing sheet prices are listed; the others are counted
 * (a sheet of 500,000 orders can have as many prices). */
export const LISTED_PRICES = 10

/** A product's distinct sheet prices that differ from the shop's, counted (looked up in a map,
 * not in a list): the LISTED_PRICES most frequent are listed, and how many more there are. */
export class DifferingPrices {
  readonly counts = new Map<string, number>()

  add(price: string): void {
    this.counts.set(price, (this.counts.get(price) ?? 0) + 1)
  }

  get listed(): string[] {
    return listedPrices(this.counts.entries())
  }

  get more(): number {
    return Math.max(0, this.counts.size - LISTED_PRICES)
  }
}

/** The prices listed from (price, lines[, amount]) entries: the most frequent first, then the
 * lower amount, then by text; so the list is the same however the entries were gathered. */
export function listedPrices(entries: Iterable<readonly [string, number, number?]>): string[] {
  const top: Array<[string, number, number]> = []
  for (const [price, count, known] of entries) {
    if (count <= 0) continue
    if (top.length === LISTED_PRICES && count < top[top.length - 1]![1]) continue
    const item: [string, number, number] = [price, count, known ?? priceAmount(price)]
    if (top.length === LISTED_PRICES && comparePrices(item, top[top.length - 1]!) >= 0) continue
    let at = top.length
    while (at > 0 && comparePrices(item, top[at - 1]!) < 0) at--
    top.splice(at, 0, item)
    if (top.length > LISTED_PRICES) top.pop()
  }
  return top.map(([price]) => price)
}

/** A sheet price as a number for ordering ('1 500,00' -> 1500); Infinity when it is not one. */
export function priceAmount(price: string): number {
  const amount = Number(price.trim().replace(',', '.'))
  return Number.isFinite(amount) ? amount : Infinity
}

function comparePrices(a: [string, number, number], b: [string, number, number]): number {
  return b[1] - a[1] || (a[2] === b[2] ? 0 : a[2] < b[2] ? -1 : 1) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)
}

/** Two prices are the same when they are the same number ('1500' and '1500.00'). */
export function samePrice(a: string, b: string): boolean {
  const x = Number(a.trim().replace(',', '.'))
  const y = Number(b.trim().replace(',', '.'))
  return Number.isFinite(x) && Number.isFinite(y) ? x === y : a.trim() === b.trim()
}
