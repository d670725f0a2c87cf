// The Products step's check of one session, kept per order and brought up to date with only the
// orders an edit planned again (the session lists them: SheetSession.planChanges). For each valid
// order, by the position of its first row: what it adds to the product lines (orders, lines
// without a price, prices that differ from the shop's) and, when the catalog check changed it,
// the order as checked and the issues the check added. A new plan of the whole sheet (another
// mapping, read again), other product choices or another catalog start a new state; so does
// nothing else, and a cell edit costs the orders it touched, not a pass over the sheet.
// Orders of one row are read without keeping their values on them (RowOrder.readValues), and
// without a catalog or product choices not read at all unless the delivery rule stops them:
// planning noted their goods' names and delivery fields (RowOrder.planned).
import type { ImportPlan, PlannedOrder } from '#shared/plan/import-plan'
import type { Issue } from '#shared/plan/issue'
import { withStatus } from '#shared/plan/order'
import { RowOrder } from '#shared/plan/row-order'
import { checkAgainstCatalog } from '#shared/shop/catalog-check'
import { newLine, type ProductChoices, type ProductLine } from '#shared/shop/product-choices'
import { LISTED_PRICES, listedPrices, priceAmount, samePrice, type ShopCatalog } from '#shared/shop/shop-catalog'
import { Fenwick } from './session/fenwick'
import type { SheetSession } from './sheet-session'

/** Orders checked and counted at a time (see take). */
const TAKE_SLICE = 1024
/** lineOf / priceOf: nothing here (no valid order first at this position, or no price to note). */
const NONE = -1
/** lineOf: an order of several goods (its goods are in `multi`). */
const MULTI = -2
/** priceOf: a line without a price (the shop's applies). */
const NO_PRICE = -2

interface LineState {
  line: ProductLine
  orders: number
  withoutPrice: number
  /** Price id -> goods lines with that differing price; `distinct`: how many of them are above 0. */
  prices: Map<number, number>
  distinct: number
  /** Position of the first order with this value; `stale` when that order went and others stay. */
  first: number
  stale: boolean
}

interface Good {
  line: number
  price: number
}

/** An order the check changed: as checked (null: only issues added) and the issues it added. */
export interface OrderFacts {
  checked: PlannedOrder | null
  added: Issue[]
  /** Positions of the rows the issues are on. */
  at: number[]
  stopped: boolean
  unknownProduct: boolean
  delivery: boolean
}

export class ProductCheckState {
  readonly generation: number
  private cursor: number
  private readonly lineIds = new Map<string, number>()
  private readonly lineStates: LineState[] = []
  private readonly lineOf: Int32Array
  private readonly priceOf: Int32Array
  private readonly multi = new Map<number, Good[]>()
  private readonly priceIds = new Map<string, number>()
  private readonly priceText: string[] = []
  private readonly priceAmounts: number[] = []
  private readonly hasChoices: boolean
  /** No catalog and no choices: the lines need only the goods' names (no line has a product, so
   * no price is compared) and the check only the delivery fields, which planning noted. */
  private readonly namesOnly: boolean
  /** First-row position -> what the check changed on that order. */
  readonly facts = new Map<number, OrderFacts>()
  /** Row position -> the issues the check added on that row. */
  readonly addedAt = new Map<number, Issue[]>()
  /** Rows with an added issue and none of the session's (Review's "problems only" adds them). */
  readonly extraProblems: Fenwick
  addedErrors = 0
  stopped = 0
  unknownProductOrders = 0
  deliveryOrders = 0

  constructor(
    readonly session: SheetSession,
    readonly choices: ProductChoices,
    readonly catalog: ShopCatalog | null
  ) {
    this.generation = session.planGeneration
    this.cursor = session.planChanges.length
    this.hasChoices = Object.keys(choices).length > 0
    this.namesOnly = catalog === null && !this.hasChoices
    const size = session.size
    this.lineOf = new Int32Array(size).fill(NONE)
    this.priceOf = new Int32Array(size).fill(NONE)
    this.extraProblems = new Fenwick(size)
    const firsts: number[] = []
    const orders: PlannedOrder[] = []
    for (const [position, order] of session.storedOrders()) {
      if (order.errors > 0) continue
      firsts.push(position)
      orders.push(order)
    }
    this.take(firsts, orders)
  }

  fits(session: SheetSession, choices: ProductChoices, catalog: ShopCatalog | null): boolean {
    return this.session === session && this.generation === session.planGeneration && this.choices === choices && this.catalog === catalog
  }

  /** Takes in the orders planned again since the last call, and only those. */
  catchUp(): void {
    const changes = this.session.planChanges
    if (this.cursor === changes.length) return
    const touched = new Set<number>()
    for (let i = this.cursor; i < changes.length; i++) {
      const change = changes[i]!
      for (const position of change.removed) touched.add(position)
      for (const position of change.added) touched.add(position)
    }
    this.cursor = changes.length
    const positions = [...touched].sort((a, b) => a - b)
    for (const position of positions) this.drop(position)
    const firsts: number[] = []
    const orders: PlannedOrder[] = []
    for (const position of positions) {
      const order = this.session.orderFirstAt(position)
      if (!order || order.errors > 0) continue
      firsts.push(position)
      orders.push(order)
    }
    this.take(firsts, orders)
  }

  /** Every product value of the valid orders, in order of first appearance. */
  lines(): ProductLine[] {
    const live: Array<[number, LineState]> = []
    this.lineStates.forEach((state, id) => {
      if (state.orders === 0) return
      if (state.stale) this.findFirst(id, state)
      live.push([id, state])
    })
    live.sort((a, b) => a[1].first - b[1].first)
    return live.map(([, state]) => ({
      ...state.line,
      orders: state.orders,
      withoutPrice: state.withoutPrice,
      otherPrices: listedPrices(this.priceEntries(state)),
      morePrices: Math.max(0, state.distinct - LISTED_PRICES)
    }))
  }

  private *priceEntries(state: LineState): Generator<readonly [string, number, number]> {
    for (const [id, count] of state.prices) yield [this.priceText[id]!, count, this.priceAmounts[id]!]
  }

  private addPrice(state: LineState, id: number, delta: 1 | -1): void {
    const before = state.prices.get(id) ?? 0
    const after = before + delta
    if (after === 0) state.prices.delete(id)
    else state.prices.set(id, after)
    if (before === 0) state.distinct++
    else if (after === 0) state.distinct--
  }

  /** The orders at these first-row positions checked against the catalog and counted in, a slice
   * at a time: each order's values are read from its row once for both, and only a slice's are
   * held at once (a sheet's would be as big again as its plan). */
  private take(firsts: readonly number[], orders: readonly PlannedOrder[]): void {
    if (orders.length <= TAKE_SLICE) this.takeSlice(firsts, orders)
    else for (let from = 0; from < orders.length; from += TAKE_SLICE) this.takeSlice(firsts.slice(from, from + TAKE_SLICE), orders.slice(from, from + TAKE_SLICE))
  }

  private takeSlice(firsts: readonly number[], orders: readonly PlannedOrder[]): void {
    if (orders.length === 0) return
    // null: not read (yet); the check reads it when it needs it.
    const planned = orders.map((order) => (this.namesOnly && order instanceof RowOrder ? order.planned() : null))
    const values = orders.map((order, i) => (planned[i] ? null : valuesOf(order)))
    const chosen = orders.map((order, i) => (values[i] ? this.withChoices(order, values[i]) : order))
    const plan: ImportPlan = { orders: chosen, orderOfRow: new Int32Array(0), issues: [], counts: { rows: 0, orders: chosen.length, validOrders: chosen.length, errors: 0, warnings: 0 } }
    const check = checkAgainstCatalog(plan, this.catalog, (order, i) => (order === orders[i] ? (values[i] ??= valuesOf(order)) : valuesOf(order)))
    // The check adds only errors, each order's in turn: an order's share of `added` is the number
    // of errors it gained.
    let next = 0
    for (let i = 0; i < orders.length; i++) {
      const position = firsts[i]!
      const order = orders[i]!
      const read = values[i]
      if (read) this.count(position, read.goods.length, (g) => read.goods[g]!.good_name, (g) => read.goods[g]!.good_sum)
      else this.countNames(position, planned[i]!.goodNames)
      const after = check.plan.orders[i] ?? chosen[i]!
      const gained = after.errors - order.errors
      const added = check.added.slice(next, next + gained)
      next += gained
      if (after === order && added.length === 0) continue
      const facts: OrderFacts = {
        checked: after === order ? null : after,
        added,
        at: [],
        stopped: after.errors > 0,
        unknownProduct: added.some((issue) => issue.code === 'unknown-product'),
        delivery: added.some((issue) => issue.code === 'delivery')
      }
      for (const issue of added) {
        const row = issue.row ?? rowsOf(order)[0]
        const at = row === undefined ? undefined : this.session.positionOf(row)
        if (at === undefined) continue
        const list = this.addedAt.get(at)
        if (list) list.push(issue)
        else {
          this.addedAt.set(at, [issue])
          facts.at.push(at)
          this.extraProblems.set(at, !this.session.hasProblemAt(at))
        }
      }
      this.facts.set(position, facts)
      this.addedErrors += gained
      if (facts.stopped) this.stopped++
      if (facts.unknownProduct) this.unknownProductOrders++
      if (facts.delivery) this.deliveryOrders++
    }
  }

  /** What the order first at this position added, taken out again. */
  private drop(position: number): void {
    const line = this.lineOf[position]!
    if (line !== NONE) {
      const goods: Good[] = line === MULTI ? (this.multi.get(position) ?? []) : [{ line, price: this.priceOf[position]! }]
      const seen = new Set<number>()
      for (const good of goods) {
        const state = this.lineStates[good.line]!
        if (!seen.has(good.line)) {
          seen.add(good.line)
          state.orders--
          if (state.first === position) state.stale = true
        }
        if (good.price === NO_PRICE) state.withoutPrice--
        else if (good.price >= 0) this.addPrice(state, good.price, -1)
      }
      this.lineOf[position] = NONE
      this.priceOf[position] = NONE
      this.multi.delete(position)
    }
    const facts = this.facts.get(position)
    if (!facts) return
    for (const at of facts.at) {
      this.addedAt.delete(at)
      this.extraProblems.set(at, false)
    }
    this.addedErrors -= facts.added.length
    if (facts.stopped) this.stopped--
    if (facts.unknownProduct) this.unknownProductOrders--
    if (facts.delivery) this.deliveryOrders--
    this.facts.delete(position)
  }

  /** count() of an order whose goods' names planning noted (namesOnly: no line has a product,
   * so no price is looked at). */
  private countNames(position: number, names: string | readonly string[] | null): void {
    if (names === null) return
    if (typeof names === 'string') this.count(position, 1, () => names, NO_SUM)
    else this.count(position, names.length, (g) => names[g]!, NO_SUM)
  }

  /** The order's share of the product lines (as the sheet has the values, choices aside): its
   * `size` goods, good g named nameAt(g) with the price sumAt(g). */
  private count(position: number, size: number, nameAt: (g: number) => string, sumAt: (g: number) => string | undefined): void {
    const goods: Good[] = []
    for (let g = 0; g < size; g++) {
      const line = this.lineId(nameAt(g))
      const state = this.lineStates[line]!
      const product = state.line.product
      let price = NONE
      if (product !== null) {
        const sum = sumAt(g)
        if (sum === undefined || sum.trim() === '') price = NO_PRICE
        else if (product.price !== null && !samePrice(sum, product.price)) price = this.priceId(sum)
      }
      goods.push({ line, price })
    }
    if (goods.length === 0) return
    if (goods.length === 1) {
      this.lineOf[position] = goods[0]!.line
      this.priceOf[position] = goods[0]!.price
    } else {
      this.lineOf[position] = MULTI
      this.multi.set(position, goods)
    }
    const seen = new Set<number>()
    for (const good of goods) {
      const state = this.lineStates[good.line]!
      if (!seen.has(good.line)) {
        seen.add(good.line)
        if (state.orders === 0 || position < state.first) {
          state.first = position
          state.stale = false
        }
        state.orders++
      }
      if (good.price === NO_PRICE) state.withoutPrice++
      else if (good.price >= 0) this.addPrice(state, good.price, 1)
    }
  }

  /** The first order with this value again, searched from where the gone first one was. */
  private findFirst(id: number, state: LineState): void {
    for (let p = state.first; p < this.lineOf.length; p++) {
      const line = this.lineOf[p]!
      if (line === id || (line === MULTI && (this.multi.get(p) ?? []).some((good) => good.line === id))) {
        state.first = p
        state.stale = false
        return
      }
    }
    state.stale = false
  }

  private lineId(value: string): number {
    let id = this.lineIds.get(value)
    if (id === undefined) {
      id = this.lineStates.length
      this.lineIds.set(value, id)
      this.lineStates.push({ line: newLine(value, this.catalog, this.choices), orders: 0, withoutPrice: 0, prices: new Map(), distinct: 0, first: 0, stale: false })
    }
    return id
  }

  private priceId(price: string): number {
    let id = this.priceIds.get(price)
    if (id === undefined) {
      id = this.priceText.length
      this.priceIds.set(price, id)
      this.priceText.push(price)
      this.priceAmounts.push(priceAmount(price))
    }
    return id
  }

  /** The order with the user's product choices applied (itself when none applies). */
  private withChoices(order: PlannedOrder, values: OrderValues): PlannedOrder {
    if (!this.hasChoices) return order
    const choices = this.choices
    const chosen = (value: string): string | undefined => (Object.prototype.hasOwnProperty.call(choices, value) ? choices[value] : undefined)
    if (!values.goods.some((good) => chosen(good.good_name) !== undefined && chosen(good.good_name) !== good.good_name)) return order
    const goods = values.goods.map((good) => {
      const name = chosen(good.good_name)
      return name === undefined || name === good.good_name ? good : { ...good, good_name: name }
    })
    // Named fields, not a spread: orders of one row read their values through getters.
    return withStatus({ index: order.index, key: order.key, rows: [...rowsOf(order)], fields: values.fields, goods, fingerprint: null, errors: order.errors, warnings: order.warnings }, order)
  }
}

type OrderValues = Pick<PlannedOrder, 'fields' | 'goods'>

const NO_SUM = (): undefined => undefined

/** The order's values, without keeping them on an order of one row. */
function valuesOf(order: PlannedOrder): OrderValues {
  return order instanceof RowOrder ? order.readValues() : order
}

function rowsOf(order: PlannedOrder): readonly number[] {
  return order instanceof RowOrder ? order.readRows() : order.rows
}
