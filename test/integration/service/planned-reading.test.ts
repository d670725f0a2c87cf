// Planning notes, for each order of one row, its delivery fields and its goods' names
// (RowOrder.planned), so that the checks that need no more (the delivery rule without a catalog,
// the Products step's lines) do not read every order's values again. This holds that shortcut to
// the path that reads the values: on generated sheets (orders of one and several rows, delivery
// fields filled, empty or only spaces, constants, quantities that repeat a line, bad cells),
// planned as they are and after random edits, exclusions and inclusions, the notes equal what the
// order's values give, checkAgainstCatalog(plan, null) gives what it gives for the same orders as
// plain objects (whose values it reads), and the Products step's check of a session (lines,
// stopped orders, added issues) equals the same check over plain copies of the orders.
import { describe, expect, it } from 'vitest'
import { mapSource } from '#shared/mapping/source-map'
import type { Mapping } from '#shared/mapping/mapping'
import { planImport, type ImportPlan, type PlannedOrder } from '#shared/plan/import-plan'
import { RowOrder } from '#shared/plan/row-order'
import type { Cell, SheetTable } from '#shared/sheet/sheet'
import { checkAgainstCatalog } from '#shared/shop/catalog-check'
import { deliveryFilled } from '#shared/shop/delivery-rule'
import { ProductCheckState } from '../../../electron/main/service/product-check-state'
import { IncrementalPlan, type PlanChange } from '../../../electron/main/service/session/incremental-plan'
import { rowIndex } from '../../../electron/main/service/session/row-index'
import type { SheetSession } from '../../../electron/main/service/sheet-session'
import { seeded } from '../../helpers/seeded'

const NOW = Date.UTC(2026, 11, 1)
const HEADERS = ['Order ID', 'Email', 'First name', 'Last name', 'Country', 'City', 'Address', 'Product', 'Price', 'Qty']

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!
}

/** Orders of one to three lines, delivery fields filled, empty or only spaces, goods with and
 * without a name, bad prices and quantities, now and then a totals row. */
function sheet(random: () => number, rows: number): SheetTable {
  const out: Cell[][] = []
  let number = 1000
  const maybe = (value: string): string => pick(random, [value, value, value, '', '  '])
  while (out.length < rows) {
    if (random() < 0.01) {
      out.push(['Итого', '', '', '', '', '', '', '', '999', ''])
      continue
    }
    const id = random() < 0.03 ? '' : `A-${number++}`
    const email = random() < 0.03 ? 'broken@' : `u${Math.floor(random() * rows * 2)}@example.com`
    const lines = random() < 0.3 ? 1 + Math.floor(random() * 3) : 1
    for (let l = 0; l < lines; l++) {
      out.push([
        id,
        email,
        maybe('Ann'),
        maybe('Lee'),
        maybe('Latvia'),
        maybe('Riga'),
        random() < 0.5 ? maybe('Main st 1') : '',
        pick(random, ['course-basic', 'book-paper', 'webinar', '', ' bundle ']),
        pick(random, ['4900', '1200.50', '', 'abc', 990]),
        pick(random, ['', '1', '2', '3', 'x'])
      ])
    }
  }
  const sliced = out.slice(0, rows)
  return { headers: HEADERS, rows: sliced, rowNumbers: sliced.map((_, i) => i + 2), date1904: false }
}

/** The mapping the app would choose, grouped by the order number or not, with or without a
 * quantity that repeats lines and a constant country. */
function mappingOf(table: SheetTable, variant: number): Mapping {
  const auto = mapSource(table.headers, table.rows, { timeZone: 'UTC', timeZoneWhy: 'test' }).mapping
  const mapping: Mapping = { ...auto, groupBy: variant % 2 === 0 ? { column: 'Order ID' } : null }
  const goods = mapping.goods.map((good, g) => (g === 0 && variant >= 2 ? { ...good, quantity: { column: { column: 'Qty' }, mode: 'repeat' as const } } : good))
  // A constant of spaces (filled for the shop's API, not for the delivery rule) or a country.
  const constant = (value: string) => ({ source: { kind: 'constant' as const, value } })
  const fields = variant === 3 ? { ...mapping.fields, bill_country: constant('Latvia'), bill_first_name: constant('  ') } : mapping.fields
  return { ...mapping, goods, fields }
}

function namesOf(names: string | readonly string[] | null): string[] {
  return names === null ? [] : typeof names === 'string' ? [names] : [...names]
}

/** The order as a plain object, whose values the checks read from it. */
function plainOrder(order: PlannedOrder): PlannedOrder {
  return order instanceof RowOrder ? order.toJSON() : order
}

function json(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown
}

/** The notes of the orders of one row are what their values give; returns how many have notes
 * (an order whose values were asked for during planning, as the search for repeated orders asks
 * for those of addresses that repeat, keeps them, and the checks read those instead). */
function expectNotesMatch(orders: Iterable<PlannedOrder>): number {
  let noted = 0
  for (const order of orders) {
    if (!(order instanceof RowOrder)) continue
    const planned = order.planned()
    if (planned === null) continue
    const values = order.readValues()
    expect(planned!.deliveryFilled).toBe(deliveryFilled((key) => values.fields[key]))
    expect(namesOf(planned!.goodNames)).toEqual(values.goods.map((good) => good.good_name))
    noted++
  }
  return noted
}

function expectSameCheck(plan: ImportPlan): void {
  const plain: ImportPlan = { ...plan, orders: plan.orders.map(plainOrder) }
  const noted = checkAgainstCatalog(plan, null)
  const read = checkAgainstCatalog(plain, null)
  expect(json(noted.added)).toEqual(json(read.added))
  expect(json(noted.plan.issues)).toEqual(json(read.plan.issues))
  expect(noted.plan.counts).toEqual(read.plan.counts)
  expect(json(noted.plan.orders)).toEqual(json(read.plan.orders))
}

describe('what planning notes of an order of one row', () => {
  it('is what its values give, and the delivery check without a catalog gives the same with it', () => {
    for (let variant = 0; variant < 4; variant++) {
      for (const seed of [1, 2]) {
        const table = sheet(seeded(seed * 10 + variant), 600)
        const plan = planImport(table, mappingOf(table, variant), { now: NOW })
        expect(expectNotesMatch(plan.orders)).toBeGreaterThan(100)
        const delivery = checkAgainstCatalog(plan, null).added.filter((issue) => issue.code === 'delivery').length
        expect(delivery).toBeGreaterThan(10)
        expectSameCheck(plan)
      }
    }
  })

  it('is dropped once an order keeps values of its own', () => {
    const table = sheet(seeded(5), 50)
    const plan = planImport(table, mappingOf(table, 1), { now: NOW })
    const order = plan.orders.find((o): o is RowOrder => o instanceof RowOrder && o.planned() !== null)!
    expect(order).toBeDefined()
    order.fields = { ...order.fields, bill_address: '' }
    expect(order.planned()).toBeNull()
    expect(order.plannedDelivery()).toBe(-1)
  })
})

/** The session as the Products step's check reads it, over an incremental plan; `plain`: every
 * order handed over as a plain copy, so the check reads its values (the path before the notes). */
function sessionOver(plan: IncrementalPlan, size: number, rowNumbers: readonly number[], changes: PlanChange[], plain: boolean): SheetSession {
  const positions = rowIndex(rowNumbers)
  const copies = new Map<PlannedOrder, PlannedOrder>()
  const copy = (order: PlannedOrder): PlannedOrder => {
    if (!plain) return order
    let made = copies.get(order)
    if (!made) {
      made = plainOrder(order)
      copies.set(order, made)
    }
    return made
  }
  const session = {
    planGeneration: 0,
    planChanges: changes,
    size,
    *storedOrders(): Generator<[number, PlannedOrder]> {
      for (const [position, order] of plan.storedOrders()) yield [position, copy(order)]
    },
    orderFirstAt(position: number): PlannedOrder | null {
      const order = plan.firstPositionOf(position) === position ? plan.storedOrderAt(position) : null
      return order === null ? null : copy(order)
    },
    positionOf: (row: number) => positions.get(row),
    hasProblemAt: (position: number) => plan.hasProblemAt(position)
  }
  return session as unknown as SheetSession
}

function stateView(state: ProductCheckState) {
  return json({
    lines: state.lines(),
    facts: [...state.facts.entries()].sort((a, b) => a[0] - b[0]),
    addedAt: [...state.addedAt.entries()].sort((a, b) => a[0] - b[0]),
    extraProblems: state.extraProblems.total,
    addedErrors: state.addedErrors,
    stopped: state.stopped,
    unknownProductOrders: state.unknownProductOrders,
    deliveryOrders: state.deliveryOrders
  })
}

describe("the Products step's check without a catalog", () => {
  it('gives with the notes what it gives reading the values, before and after edits and exclusions', () => {
    for (let variant = 0; variant < 4; variant++) {
      const random = seeded(300 + variant)
      const table = sheet(random, 400)
      const mapping = mappingOf(table, variant)
      const edits = new Map<number, Map<number, string>>()
      const excluded = new Set<number>()
      const plan = new IncrementalPlan({ table, edits, excluded, rowPosition: rowIndex(table.rowNumbers) }, mapping, NOW, [])
      const changes: PlanChange[] = []
      const noted = new ProductCheckState(sessionOver(plan, table.rows.length, table.rowNumbers, changes, false), {}, null)
      const first = new ProductCheckState(sessionOver(plan, table.rows.length, table.rowNumbers, changes, true), {}, null)
      expect(stateView(noted)).toEqual(stateView(first))
      expect(noted.deliveryOrders).toBeGreaterThan(5)
      for (let step = 0; step < 40; step++) {
        const position = Math.floor(random() * table.rows.length)
        const row = table.rowNumbers[position]!
        if (random() < 0.2) {
          if (excluded.has(row)) excluded.delete(row)
          else excluded.add(row)
        } else {
          const column = pick(random, [2, 3, 4, 5, 6, 7, 0, 9])
          const value = pick(random, ['', '  ', 'Main st 2', 'Riga', 'course-pro', '2', 'A-1001', String(table.rows[Math.floor(random() * table.rows.length)]![column] ?? '')])
          const cells = edits.get(row) ?? new Map<number, string>()
          cells.set(column, value)
          edits.set(row, cells)
        }
        changes.push(plan.update([position]))
        noted.catchUp()
        const read = new ProductCheckState(sessionOver(plan, table.rows.length, table.rowNumbers, changes, true), {}, null)
        expect(stateView(noted)).toEqual(stateView(read))
        expectNotesMatch([...plan.storedOrders()].map(([, order]) => order))
      }
    }
  })
})
