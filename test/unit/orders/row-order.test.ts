// Orders of one row keep no copy of their values while planning; whatever asks for them later
// must get exactly what an order built at once would hold, and the whole-order rules must judge
// them the same way.
import { describe, expect, it } from 'vitest'
import { planImport, type PlannedOrder } from '#shared/plan/import-plan'
import { RowOrder } from '#shared/plan/row-order'
import { checkAgainstCatalog } from '#shared/shop/catalog-check'
import { NOW, col, constant, good, mapping, sheet } from './helpers'

const HEADERS = ['Order', 'Email', 'Name', 'Created', 'Product', 'Price', 'Medium', 'Source']
const ROWS = [
  ['A-1', ' ann@x.com', 'Ann  ', '2024-03-01 10:00', 'course', '1 500,50', '', ''],
  ['A-2', 'bob@x.com', '', '01.02.2024', 'book', '', 'affiliate', ''],
  ['A-3', '', 'Eve', '', 'webinar', '300', '', ''],
  ['A-4', 'dan@x.com', 'Dan', '', '', '200', '', '']
]
const MAPPING = mapping({
  fields: {
    bill_email: col('Email'),
    bill_first_name: col('Name'),
    bill_created: col('Created', { dateOrder: 'dmy' }),
    'utm[utm_medium]': col('Medium'),
    'utm[utm_source]': col('Source'),
    bill_tag: constant('import')
  },
  goods: [good('Product', 'Price')]
})

/** The plain data of an order, whatever object holds it. */
function data(order: PlannedOrder) {
  const { index, key, rows, fields, goods, errors, warnings } = order
  return { index, key, rows, fields, goods, errors, warnings }
}

describe('orders of one row', () => {
  const single = planImport(sheet(HEADERS, ROWS), MAPPING, { now: NOW })
  // Grouped by a column with one row per order value: every order is built at once.
  const grouped = planImport(sheet(HEADERS, [...ROWS, ['A-4', '', '', '', 'extra', '', '', '']]), { ...MAPPING, groupBy: { column: 'Order' } }, { now: NOW })

  it('are RowOrders when rows are not grouped', () => {
    expect(single.orders.every((order) => order instanceof RowOrder)).toBe(true)
    expect(grouped.orders.slice(0, 3).every((order) => order instanceof RowOrder)).toBe(true)
    expect(grouped.orders[3]).not.toBeInstanceOf(RowOrder)
  })

  it('give the values an order built at once holds', () => {
    expect(single.orders.slice(0, 3).map(data)).toEqual(grouped.orders.slice(0, 3).map((order) => ({ ...data(order), key: null })))
    expect(single.orders[0]?.fields).toEqual({ bill_tag: 'import', bill_email: 'ann@x.com', bill_first_name: 'Ann', bill_created: '1709287200' })
    expect(single.orders[0]?.goods).toEqual([{ good_name: 'course', good_sum: '1500.50', row: 2 }])
  })

  it('read values that failed their checks as an order built at once holds them (reading again checks no kept value)', () => {
    const bad = [
      ['B-1', 'broken@', 'N'.repeat(70_000), '31.02.2024', 'course', 'abc', '', ''],
      ['B-2', 'x@', 'Ann', '2024-03-01 10:00', 'book', '-5', 'affiliate', '']
    ]
    const lazy = planImport(sheet(HEADERS, bad), MAPPING, { now: NOW })
    const atOnce = planImport(sheet(HEADERS, [...bad, ['B-2', '', '', '', 'extra', '', '', '']]), { ...MAPPING, groupBy: { column: 'Order' } }, { now: NOW })
    expect(lazy.orders[0]).toBeInstanceOf(RowOrder)
    expect(lazy.orders[0]!.errors).toBeGreaterThan(0)
    const values = (order: PlannedOrder) => {
      const { fields, goods } = order instanceof RowOrder ? order.readValues() : order
      return { fields, goods }
    }
    expect(values(lazy.orders[0]!)).toEqual(values(atOnce.orders[0]!))
    expect(values(lazy.orders[0]!).fields.bill_email).toBe('broken@')
    expect(values(lazy.orders[0]!).fields.bill_first_name).toHaveLength(70_000)
    expect(values(lazy.orders[1]!).fields).toEqual(atOnce.orders[1]!.fields)
    expect(values(lazy.orders[1]!).goods).toEqual(atOnce.orders[1]!.goods.filter((g) => g.good_name !== 'extra'))
  })

  it('are judged by the whole-order rules like any order', () => {
    const codes = (plan: typeof single) => plan.issues.filter((i) => i.order !== null && i.order <= 3).map((i) => [i.order, i.code])
    expect(codes(single)).toEqual([
      [2, 'affiliate-source'],
      [3, 'required']
    ])
    expect(codes(grouped)).toEqual(codes(single))
    // Order 4 has a price but no product.
    expect(single.issues.filter((i) => i.order === 4).map((i) => i.code)).toEqual(['good-without-name'])
  })

  it('count a constant e-mail as filled in', () => {
    const plan = planImport(sheet(['Product'], [['book']]), mapping({ fields: { bill_email: constant('shop@x.com') }, goods: [good('Product')] }), { now: NOW })
    expect(plan.issues).toEqual([])
    expect(plan.orders[0]?.fields.bill_email).toBe('shop@x.com')
  })

  it('turn into plain data for JSON, and keep changes made to them', () => {
    const order = single.orders[0] as PlannedOrder
    // Created in 2024, before the plan's now: a backlog order, never auto-cancelled (issue 12).
    expect(JSON.parse(JSON.stringify(order))).toEqual({ ...data(order), fingerprint: null, backlogNoCancel: true })
    order.fields = { ...order.fields, bill_tag: 'changed' }
    expect(order.fields.bill_tag).toBe('changed')
    expect(order.rows).toBe(order.rows)
  })

  it('read their rows and values for a dry run without keeping a copy on the order', () => {
    // As the dry run has it: checked for delivery data without a catalog, the same orders back.
    const planned = planImport(sheet(HEADERS, ROWS), MAPPING, { now: NOW })
    const plan = checkAgainstCatalog(planned, null).plan
    expect(plan.orders[0]).toBe(planned.orders[0])
    // Order 1 has no problem, so nothing asked for its rows while planning.
    const order = plan.orders[0] as RowOrder
    const rows = order.readRows()
    expect(rows).toEqual([2])
    // Nothing is kept: each call makes its own (young, short-lived) array and values.
    expect(order.readRows()).not.toBe(rows)
    expect(order.readValues()).not.toBe(order.readValues())
    const { fields, goods } = order.readValues()
    expect({ fields, goods }).toEqual({ fields: order.fields, goods: order.goods })
    // Rows set on the order (or kept by asking for them) are the ones read.
    order.rows = [2, 9]
    expect(order.readRows()).toBe(order.rows)
  })
})
