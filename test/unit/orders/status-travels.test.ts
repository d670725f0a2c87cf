// An order copied field by field (renumbered after an edit, a product renamed by the user's
// choice, a product checked against the shop's list) must keep its status step and its backlog
// auto-cancel: losing them sent paid orders unpaid and backlog orders with the shop's
// auto-cancel (found by the CLI/app parity test: the app's edited sheet dropped bill_timer_kill).
import { describe, expect, it } from 'vitest'
import type { ImportPlan, PlannedOrder } from '#shared/plan/import-plan'
import { applyProductChoices } from '#shared/shop/product-choices'
import { checkAgainstCatalog } from '#shared/shop/catalog-check'
import { createOrderQuery } from '#shared/wire/create-order-params'
import { withIndex } from '../../../electron/main/service/session/incremental-plan'

function paidBacklogOrder(): PlannedOrder {
  return {
    index: 3,
    key: 'A-1',
    rows: [4],
    fields: { bill_email: 'anna@example.ru', bill_first_name: 'Anna', bill_created: '1700000000' },
    goods: [{ good_name: 'course', good_sum: '100.00', row: 4 }],
    fingerprint: null,
    errors: 0,
    warnings: 0,
    status: { status: 'paid', date: 1700000000 },
    backlogNoCancel: true
  }
}

function planOf(order: PlannedOrder): ImportPlan {
  return { orders: [order], orderOfRow: new Int32Array(0), issues: [], counts: { rows: 1, orders: 1, validOrders: 1, errors: 0, warnings: 0 } }
}

describe('an order copied field by field', () => {
  it('keeps its status and backlog auto-cancel when renumbered', () => {
    const copy = withIndex(paidBacklogOrder(), 2)
    expect(copy.index).toBe(2)
    expect(copy.status).toEqual({ status: 'paid', date: 1700000000 })
    expect(copy.backlogNoCancel).toBe(true)
    expect(createOrderQuery(copy)).toContain('bill_timer_kill=0')
  })

  it('keeps them when the user picks another product for it', () => {
    const [copy] = applyProductChoices(planOf(paidBacklogOrder()), { course: 'Course 2026' }).orders
    expect(copy?.goods[0]?.good_name).toBe('Course 2026')
    expect(copy?.status?.status).toBe('paid')
    expect(copy?.backlogNoCancel).toBe(true)
  })

  it('keeps them when the shop list renames its product', () => {
    const catalog = { fetchedAt: 0, products: [{ id: '7', name: 'course-2026', title: 'course', price: '100.00', type: 'digital', kind: 'digital' as const }] }
    const [copy] = checkAgainstCatalog(planOf(paidBacklogOrder()), catalog).plan.orders
    expect(copy?.goods[0]?.good_name).toBe('course-2026')
    expect(copy?.status?.status).toBe('paid')
    expect(copy?.backlogNoCancel).toBe(true)
  })
})
