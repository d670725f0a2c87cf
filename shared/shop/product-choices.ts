// The user's product choices (the app's Products step): a sheet's product value -> the shop's
// good_name it stands for. A close match is only ever offered by matchProduct; it becomes the
// product sent when the user confirms it here, and so does any product the user picks. The
// choices are applied to the plan before the catalog check, so a chosen value is checked (and
// sent) as that product. Stored with the template, so a sheet with the same headers brings them back.
import type { ImportPlan } from '../plan/import-plan'
import { withStatus, type PlannedOrder } from '../plan/order'
import { DifferingPrices, matchProduct, samePrice, type ProductKind, type ShopCatalog, type ShopProduct } from './shop-catalog'

/** Sheet product value -> the shop's good_name. */
export type ProductChoices = Readonly<Record<string, string>>

/** The plan with every chosen value replaced by its product's good_name (the same plan when no
 * order has a chosen value). */
export function applyProductChoices(plan: ImportPlan, choices: ProductChoices): ImportPlan {
  const chosen = (value: string): string | undefined => (Object.prototype.hasOwnProperty.call(choices, value) ? choices[value] : undefined)
  if (Object.keys(choices).length === 0) return plan
  let changed = false
  const orders = plan.orders.map((order): PlannedOrder => {
    if (!order.goods.some((good) => chosen(good.good_name) !== undefined && chosen(good.good_name) !== good.good_name)) return order
    changed = true
    const goods = order.goods.map((good) => {
      const name = chosen(good.good_name)
      return name === undefined || name === good.good_name ? good : { ...good, good_name: name }
    })
    // Named fields, not a spread: orders of one row read their values through getters.
    return withStatus({ index: order.index, key: order.key, rows: order.rows, fields: order.fields, goods, fingerprint: null, errors: order.errors, warnings: order.warnings }, order)
  })
  return changed ? { ...plan, orders } : plan
}

/** A shop product as the Products step shows it. */
export interface ShopProductView {
  name: string
  title: string
  /** The shop's price as received ('3900.00'), or null. */
  price: string | null
  kind: ProductKind
}

export interface ProductLine {
  /** The product value as the sheet has it. */
  value: string
  /** How many orders have it. */
  orders: number
  /** What matching found by itself: 'name' and 'title' apply, 'close' is only offered. */
  match: 'name' | 'title' | 'close' | 'none'
  /** The product matching found (applied for name/title, offered for close). */
  found: ShopProductView | null
  /** The product the user chose for this value (its good_name), when one is stored and the shop has it. */
  chosen: string | null
  /** The product the value is sent as: the user's choice, else a name or title match; null: unknown
   * to the shop (an error on its orders) or no catalog. */
  product: ShopProductView | null
  /** Distinct sheet prices that differ from the product's shop price, as the sheet has them: the
   * LISTED_PRICES most frequent; morePrices counts the others. */
  otherPrices: string[]
  morePrices: number
  /** Order lines without a price: the shop's price applies. */
  withoutPrice: number
}

/** What a line asks of the user, when the shop's list is known: its product is not in the shop
 * ('none'), only a close match is offered ('close'), or the sheet's prices differ from the shop's
 * ('price'); null: nothing. */
export function lineNeed(line: ProductLine): 'none' | 'close' | 'price' | null {
  if (line.product === null) return line.match === 'close' && line.found ? 'close' : 'none'
  if (line.otherPrices.length > 0 || line.morePrices > 0) return 'price'
  return null
}

/** The counts of all the sheet's product lines (the Products step shows a page of them). */
export interface ProductLinesSummary {
  lines: number
  notFound: number
  close: number
  priceDiffers: number
}

export function productLinesSummary(lines: readonly ProductLine[], checked: boolean): ProductLinesSummary {
  const summary: ProductLinesSummary = { lines: lines.length, notFound: 0, close: 0, priceDiffers: 0 }
  if (!checked) return summary
  for (const line of lines) {
    const need = lineNeed(line)
    if (need === 'none') summary.notFound++
    else if (need === 'close') summary.close++
    else if (need === 'price') summary.priceDiffers++
  }
  return summary
}

export function shopProductView(product: ShopProduct): ShopProductView {
  return { name: product.name, title: product.title, price: product.price, kind: product.kind }
}

/** Every distinct product value of the plan (in order of first appearance) with its match,
 * the user's choice and the price differences. Without a catalog, values are listed unmatched. */
export function productLines(plan: Pick<ImportPlan, 'orders'>, catalog: ShopCatalog | null, choices: ProductChoices): ProductLine[] {
  const lines = new Map<string, ProductLine>()
  const prices = new Map<string, DifferingPrices>()
  for (const order of plan.orders) {
    const seen = new Set<string>()
    for (const good of order.goods) {
      let line = lines.get(good.good_name)
      if (!line) {
        line = newLine(good.good_name, catalog, choices)
        lines.set(good.good_name, line)
        prices.set(good.good_name, new DifferingPrices())
      }
      if (!seen.has(good.good_name)) line.orders++
      seen.add(good.good_name)
      const price = line.product?.price ?? null
      if (line.product === null) continue
      if (good.good_sum === undefined || good.good_sum.trim() === '') line.withoutPrice++
      else if (price !== null && !samePrice(good.good_sum, price)) prices.get(good.good_name)!.add(good.good_sum)
    }
  }
  return [...lines.values()].map((line) => ({ ...line, otherPrices: prices.get(line.value)!.listed, morePrices: prices.get(line.value)!.more }))
}

/** A product value's line before its orders are counted: its match, the user's choice, the
 * product it is sent as. */
export function newLine(value: string, catalog: ShopCatalog | null, choices: ProductChoices): ProductLine {
  const match = catalog ? matchProduct(value, catalog.products) : ({ kind: 'none' } as const)
  const found = match.kind === 'none' ? null : shopProductView(match.product)
  const wanted = Object.prototype.hasOwnProperty.call(choices, value) ? choices[value] : undefined
  const chosenProduct = wanted === undefined || !catalog ? undefined : catalog.products.find((p) => p.name === wanted)
  const applied = match.kind === 'name' || match.kind === 'title' ? found : null
  return {
    value,
    orders: 0,
    match: match.kind,
    found,
    chosen: chosenProduct ? chosenProduct.name : null,
    product: chosenProduct ? shopProductView(chosenProduct) : applied,
    otherPrices: [],
    morePrices: 0,
    withoutPrice: 0
  }
}
