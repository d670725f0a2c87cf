// The plan checked against the shop's catalog before anything is sent: unknown products become
// errors on their orders (no 604 in the middle of a run), a product written as its title is sent
// as its good_name (and the plan says so), prices that differ from the shop's are reported per
// product with both amounts, a missing price shows the shop's, and orders that need delivery
// data and lack it are errors (no 605). Without a catalog only the delivery rule applies.
import type { ImportPlan } from '../plan/import-plan'
import type { Issue } from '../plan/issue'
import { withStatus, type PlannedOrder } from '../plan/order'
import { RowOrder } from '../plan/row-order'
import { orderPlace } from '../plan/validate-order-issues'
import { orderPlaceParams } from '../plan/issue-text'
import { translatorFor, type Translate } from '../i18n/translate'
import { missingDeliveryFields, missingDeliveryFieldsOf } from './delivery-rule'
import { DifferingPrices, matchProduct, samePrice, type ProductKind, type ProductMatch, type ShopCatalog, type ShopProduct } from './shop-catalog'

export interface ProductReport {
  /** The product value as the sheet has it. */
  value: string
  match: ProductMatch
  /** How many orders have it. */
  orders: number
  /** Distinct sheet prices that differ from the shop's price (as in the sheet), the
   * LISTED_PRICES most frequent; morePrices counts the others. */
  otherPrices: string[]
  morePrices: number
  /** Order lines without a price: the shop's price applies. */
  withoutPrice: number
}

export interface CatalogCheck {
  plan: ImportPlan
  /** One per distinct product value of the valid orders, in order of first appearance; empty
   * without a catalog. */
  products: ProductReport[]
  /** Issues this check added (also in plan.issues). */
  added: Issue[]
}

/** The values of the plan's i-th order, `order`. */
export type OrderValuesOf = (order: PlannedOrder, i: number) => Pick<PlannedOrder, 'fields' | 'goods'>

/** An order of one row is read without keeping its values on it (RowOrder.readValues): asking
 * order.goods would keep a copy of every order's values for as long as the plan lives. */
const readValues: OrderValuesOf = (order) => (order instanceof RowOrder ? order.readValues() : order)

/** `valuesOf`: a caller that has read the orders' values already passes them here, so they are
 * not read from their rows a second time. Without a catalog only the delivery rule applies, and
 * for an order of one row planning noted what it needs (RowOrder.plannedDelivery): its values
 * are read only when the rule stops it. */
export function checkAgainstCatalog(plan: ImportPlan, catalog: ShopCatalog | null, valuesOf: OrderValuesOf = readValues): CatalogCheck {
  const reports = new Map<string, ProductReport & { prices: DifferingPrices }>()
  const matchOf = (value: string): ProductReport & { prices: DifferingPrices } => {
    let report = reports.get(value)
    if (!report) {
      const match: ProductMatch = catalog ? matchProduct(value, catalog.products) : { kind: 'none' }
      const prices = new DifferingPrices()
      report = { value, match, orders: 0, otherPrices: [], morePrices: 0, withoutPrice: 0, prices }
      reports.set(value, report)
    }
    return report
  }

  const added: Issue[] = []
  const orders: PlannedOrder[] = plan.orders.map((order, i) => {
    if (!catalog && order instanceof RowOrder) {
      const filled = order.plannedDelivery()
      if (filled >= 0 && missingDeliveryFieldsOf([], filled).length === 0) return order
    }
    const own: Issue[] = []
    const kinds: ProductKind[] = []
    const values = valuesOf(order, i)
    let goods = values.goods
    if (catalog) {
      let renamed = false
      const seen = new Set<string>()
      const next = values.goods.map((good, i) => {
        const report = matchOf(good.good_name)
        if (!seen.has(good.good_name)) report.orders++
        seen.add(good.good_name)
        const field = `goods[${i}][good_name]`
        const where = orderPlace(order, null)
        const { match } = report
        if (match.kind === 'none' || match.kind === 'close') {
          const offer =
            match.kind === 'close'
              ? ` Did you mean "${match.product.name}"${match.product.title ? ` (${match.product.title})` : ''}? Write it in the sheet if so.`
              : ' Write a product ID the shop has (GetAllGoods lists them).'
          const words: IssueWords =
            match.kind !== 'close'
              ? { key: 'issue.unknown-product', params: { product: good.good_name } }
              : match.product.title
                ? { key: 'issue.unknown-product.closeTitled', params: { product: good.good_name, name: match.product.name, title: match.product.title } }
                : { key: 'issue.unknown-product.close', params: { product: good.good_name, name: match.product.name } }
          own.push(issue('error', 'unknown-product', good.row, field, order, `${where}: the shop has no product "${good.good_name}".${offer}`, words))
          kinds.push('unknown')
          return good
        }
        kinds.push(match.product.kind)
        const price = match.product.price
        if (good.good_sum === undefined) report.withoutPrice++
        else if (price !== null && !samePrice(good.good_sum, price)) report.prices.add(good.good_sum)
        if (match.kind === 'title') {
          renamed = true
          return { ...good, good_name: match.product.name }
        }
        return good
      })
      if (renamed) goods = next
    }
    const missing = missingDeliveryFields(kinds, (key) => values.fields[key])
    if (missing.length > 0) {
      const shipped = kinds.includes('physical')
      const why = shipped ? 'a product of this order is shipped (physical in the shop\'s catalog)' : 'the order has a delivery address'
      const words = { key: shipped ? 'issue.delivery' : 'issue.delivery.address', params: { fields: missing.join(', ') } }
      own.push(
        issue('error', 'delivery', order.rows[0] ?? null, missing[0]!, order, `${orderPlace(order, null)}: ${why}, so the shop needs ${missing.join(', ')} as well (it would answer 605). Fill them in.`, words)
      )
    }
    added.push(...own)
    if (own.length === 0 && goods === values.goods) return order
    // Named fields, not a spread: orders of one row read their values through getters.
    const checked: PlannedOrder = {
      index: order.index,
      key: order.key,
      rows: order.rows,
      fields: values.fields,
      goods,
      fingerprint: goods === values.goods ? order.fingerprint : null,
      errors: order.errors + own.filter((i) => i.severity === 'error').length,
      warnings: order.warnings
    }
    return withStatus(checked, order)
  })

  const newErrors = added.filter((i) => i.severity === 'error').length
  const invalidNow = orders.filter((o) => o.errors > 0).length
  return {
    plan: {
      ...plan,
      orders,
      issues: added.length === 0 ? plan.issues : sortIssues([...plan.issues, ...added]),
      counts: { ...plan.counts, errors: plan.counts.errors + newErrors, validOrders: orders.length - invalidNow }
    },
    products: [...reports.values()].map(({ prices, ...report }) => ({ ...report, otherPrices: prices.listed, morePrices: prices.more })),
    added
  }
}

interface IssueWords {
  key: string
  params: Record<string, string>
}

/** An issue of the check: its English message (the CLI's and the journal's words) and its catalog
 * key with the order's place, so each front-end words it in the reader's language. */
function issue(severity: Issue['severity'], code: string, row: number | null, field: string, order: PlannedOrder, message: string, words: IssueWords): Issue {
  return { severity, code, row, column: null, field, order: order.index, message, key: words.key, params: { ...orderPlaceParams(order, null), ...words.params } }
}

/** Sheet-wide issues first, then by row (as the plan sorts them). */
function sortIssues(issues: Issue[]): Issue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => (a.issue.row ?? -1) - (b.issue.row ?? -1) || a.i - b.i)
    .map(({ issue }) => issue)
}

/** Plain lines about the products, for the CLI's plan, in the reader's language. */
export function describeProducts(products: readonly ProductReport[], t: Translate = translatorFor('en')): string[] {
  const lines: string[] = []
  for (const report of products) {
    const { match } = report
    if (match.kind === 'none' || match.kind === 'close') continue
    const product: ShopProduct = match.product
    if (match.kind === 'title') lines.push(t('cli.products.title', { value: report.value, name: product.name }))
    if (report.otherPrices.length > 0 && product.price !== null) {
      const sheet = report.otherPrices.join(', ')
      lines.push(
        report.morePrices > 0
          ? t('cli.products.priceDiffersMore', { name: product.name, shop: product.price, sheet, more: report.morePrices })
          : t('cli.products.priceDiffers', { name: product.name, shop: product.price, sheet })
      )
    }
    if (report.withoutPrice > 0 && product.price !== null) {
      lines.push(t('cli.products.shopPrice', { name: product.name, count: report.withoutPrice, price: product.price }))
    }
  }
  return lines
}
