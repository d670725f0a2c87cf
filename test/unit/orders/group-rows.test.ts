import { describe, expect, it } from 'vitest'
import { groupRows } from '#shared/plan/group-rows'
import { planImport } from '#shared/plan/import-plan'
import { NOW, col, mapping, sheet } from './helpers'

const BY_ORDER = { column: 0, name: 'column "Order"', header: 'Order' }

describe('groupRows', () => {
  it('makes each row its own order without an order-number column', () => {
    const g = groupRows(sheet(['Order'], [['A'], ['A'], ['B']]), null)
    expect(Array.from(g.orderOf)).toEqual([0, 1, 2])
    expect(g.keys).toEqual([null, null, null])
    expect(g.issues).toEqual([])
  })

  it('groups contiguous rows with the same trimmed number', () => {
    const g = groupRows(sheet(['Order'], [['A-1'], [' A-1 '], ['A-2'], ['A-2']]), BY_ORDER)
    expect(Array.from(g.orderOf)).toEqual([0, 0, 1, 1])
    expect(g.keys).toEqual(['A-1', 'A-2'])
  })

  it('groups scattered rows, numbering orders by first appearance', () => {
    const g = groupRows(sheet(['Order'], [['B'], ['A'], ['B'], ['C'], ['A']]), BY_ORDER)
    expect(Array.from(g.orderOf)).toEqual([0, 1, 0, 2, 1])
    expect(g.keys).toEqual(['B', 'A', 'C'])
  })

  it('treats a numeric cell and its text as the same order number', () => {
    const g = groupRows(sheet(['Order'], [[1001], ['1001']]), BY_ORDER)
    expect(Array.from(g.orderOf)).toEqual([0, 0])
  })

  it('keeps a row with an empty number as its own order and reports it on that row', () => {
    const g = groupRows(sheet(['Order'], [['A'], [''], [null], ['A']], [5, 6, 7, 8]), BY_ORDER)
    expect(Array.from(g.orderOf)).toEqual([0, 1, 2, 0])
    expect(g.keys).toEqual(['A', null, null])
    expect(g.issues.map((i) => [i.row, i.order, i.column, i.code, i.severity])).toEqual([
      [6, 2, 'Order', 'empty-order-number', 'error'],
      [7, 3, 'Order', 'empty-order-number', 'error']
    ])
    expect(g.issues[0]?.message).toMatch(/^Row 6, column "Order": the order number is empty/)
  })
})

describe('planImport grouping', () => {
  const headers = ['Order', 'Email', 'Product', 'Price']
  const m = mapping({ groupBy: 'Order' })

  it('builds one order per number with the rows in sheet order and every row\'s goods', () => {
    const plan = planImport(
      sheet(headers, [
        ['7', 'a@x.com', 'course', '100'],
        ['8', 'b@x.com', 'book', ''],
        ['7', '', 'video', '20.5']
      ]),
      m,
      { now: NOW }
    )
    expect(plan.orders.map((o) => [o.index, o.key, o.rows])).toEqual([
      [1, '7', [2, 4]],
      [2, '8', [3]]
    ])
    expect(plan.orders[0]?.goods).toEqual([
      { good_name: 'course', good_sum: '100', row: 2 },
      { good_name: 'video', good_sum: '20.5', row: 4 }
    ])
    expect(plan.orders[0]?.fields.bill_email).toBe('a@x.com')
    expect(plan.counts).toEqual({ rows: 3, orders: 2, validOrders: 2, errors: 0, warnings: 0 })
  })

  it('reports a group-by column the sheet does not have, and blocks every order', () => {
    const plan = planImport(sheet(headers, [['1', 'a@x.com', 'course', '']]), mapping({ groupBy: 'Order no.' }), { now: NOW })
    expect(plan.issues[0]).toMatchObject({ code: 'missing-column', row: null, column: 'Order no.', severity: 'error' })
    expect(plan.issues[0]?.message).toContain('Headers seen: "Order", "Email", "Product", "Price"')
    expect(plan.orders).toHaveLength(1)
    expect(plan.orders[0]?.errors).toBe(1)
    expect(plan.counts.validOrders).toBe(0)
  })

  it('takes the first non-empty value of an order field from any row of the group', () => {
    const plan = planImport(
      sheet(['Order', 'Email', 'Name', 'Product'], [
        ['1', 'a@x.com', '', 'course'],
        ['1', '', 'Ann', 'book']
      ]),
      mapping({ groupBy: 'Order', fields: { bill_email: col('Email'), bill_first_name: col('Name') }, goods: [{ name: col('Product') }] }),
      { now: NOW }
    )
    expect(plan.orders[0]?.fields).toEqual({ bill_email: 'a@x.com', bill_first_name: 'Ann' })
    expect(plan.issues).toEqual([])
  })
})
