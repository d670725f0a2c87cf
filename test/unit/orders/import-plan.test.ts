import { describe, expect, it } from 'vitest'
import { orderFingerprint } from '#shared/plan/fingerprint'
import { fingerprintOf, planImport } from '#shared/plan/import-plan'
import { NOW, col, good, mapping, sheet } from './helpers'

describe('planImport', () => {
  it('counts rows, orders, valid orders, errors and warnings', () => {
    const plan = planImport(
      sheet(['Order', 'Email', 'Product', 'Price'], [
        ['1', 'ann@x.com', 'course', '100'],
        ['1', '', 'book', ''],
        ['2', 'bad@', 'course', '-1'],
        ['3', 'bob@x.com', 'course', ''],
        ['4', 'ann@x.com', 'course', '100.00'],
        ['4', '', 'book', '']
      ]),
      mapping({ groupBy: 'Order' }),
      { now: NOW }
    )
    expect(plan.counts).toEqual({ rows: 6, orders: 4, validOrders: 3, errors: 2, warnings: 1 })
    expect(plan.orders.map((o) => [o.key, o.errors, o.warnings])).toEqual([
      ['1', 0, 0],
      ['2', 2, 0],
      ['3', 0, 0],
      ['4', 0, 1]
    ])
  })

  it('gives every order its fingerprint when asked, and keeps it', () => {
    const plan = planImport(sheet(['Email', 'Product'], [['a@x.com', 'p'], ['b@x.com', 'p']]), mapping({ goods: [good('Product')] }), { now: NOW })
    for (const order of plan.orders) {
      expect(order.fingerprint).toBeNull()
      expect(fingerprintOf(order)).toBe(orderFingerprint(order))
      expect(order.fingerprint).toBe(orderFingerprint(order))
    }
    expect(fingerprintOf(plan.orders[0]!)).not.toBe(fingerprintOf(plan.orders[1]!))
  })

  it('warns about the same order twice, on the later one, naming the earlier row', () => {
    const plan = planImport(
      sheet(['Email', 'Product', 'Price'], [
        ['ann@x.com', 'course', '1500.50'],
        ['bob@x.com', 'course', '1500.50'],
        ['ANN@x.com ', 'course', '1500.5'],
        ['ann@x.com', 'course', '1500.50']
      ]),
      mapping(),
      { now: NOW }
    )
    expect(plan.issues.map((i) => [i.severity, i.code, i.row, i.order])).toEqual([
      ['warning', 'duplicate-order', 4, 3],
      ['warning', 'duplicate-order', 5, 4]
    ])
    expect(plan.issues[0]?.message).toMatch(/^Row 4: .*row 2/)
    expect(plan.issues[1]?.message).toContain('row 2')
    expect(plan.counts.validOrders).toBe(4)
  })

  it('finds a repeat among several orders of one customer, and only fingerprints those', () => {
    const plan = planImport(
      sheet(['Email', 'Product', 'Price'], [
        ['ann@x.com', 'course', '1500'],
        ['ann@x.com', 'book', '300'],
        ['bob@x.com', 'book', '300'],
        ['', 'book', '300'],
        ['Ann@X.com', 'book', '300.00'],
        ['', 'book', '300']
      ]),
      mapping(),
      { now: NOW }
    )
    const repeats = plan.issues.filter((i) => i.code === 'duplicate-order')
    expect(repeats.map((i) => [i.row, i.order])).toEqual([
      [6, 5],
      [7, 6]
    ])
    expect(repeats[0]?.message).toContain('row 3')
    expect(repeats[1]?.message).toContain('row 5')
    // Bob's address is nobody else's: nothing to compare his order with.
    expect(plan.orders[2]?.fingerprint).toBeNull()
    expect(plan.orders[0]?.fingerprint).toBe(orderFingerprint(plan.orders[0]!))
  })

  it('tells for every row the order it belongs to', () => {
    const plan = planImport(
      sheet(['Order', 'Email', 'Product'], [
        ['A', 'a@x.com', 'p'],
        ['B', 'b@x.com', 'p'],
        ['A', '', 'q'],
        ['C', 'c@x.com', 'p']
      ]),
      mapping({ goods: [good('Product')], groupBy: 'Order' }),
      { now: NOW }
    )
    expect([...plan.orderOfRow]).toEqual([1, 2, 1, 3])
    expect(plan.orders.map((order) => order.rows)).toEqual([[2, 4], [3], [5]])
  })

  it('compares e-mail addresses as the fingerprint does: case of any letter, spaces around', () => {
    const plan = planImport(
      sheet(['Email', 'Product'], [
        ['ÄNNE@Пример.рф', 'book'],
        [' änne@пример.рф', 'book'],
        ['anne@пример.рф', 'book']
      ]),
      mapping({ fields: { bill_email: col('Email') }, goods: [good('Product')] }),
      { now: NOW }
    )
    expect(plan.issues.filter((i) => i.code === 'duplicate-order').map((i) => i.row)).toEqual([3])
  })

  it('sorts issues: sheet-wide first, then by row, then by column left to right', () => {
    const plan = planImport(
      sheet(['Price', 'Email', 'Product', 'IP'], [
        ['x', 'bad@', 'p', '1.1'],
        ['', 'ok@x.com', 'p', 'nope'],
        ['y', '', 'p', '']
      ]),
      mapping({ fields: { bill_email: col('Email'), bill_ip: col('IP'), bill_tag: col('Tag') } }),
      { now: NOW }
    )
    expect(plan.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [null, 'Tag', 'missing-column'],
      [2, 'Price', 'money'],
      [2, 'Email', 'email'],
      [2, 'IP', 'ip'],
      [3, 'IP', 'ip'],
      [4, 'Price', 'money'],
      [4, 'Email', 'required']
    ])
  })

  it('plans an empty sheet as nothing to do', () => {
    const plan = planImport(sheet(['Email', 'Product', 'Price'], []), mapping(), { now: NOW })
    expect(plan).toEqual({
      orders: [],
      orderOfRow: new Int32Array(0),
      issues: [],
      counts: { rows: 0, orders: 0, validOrders: 0, errors: 0, warnings: 0 },
      status: { counts: { none: 0, paid: 0, cancel: 0, return: 0 }, source: { kind: 'none' }, values: [], backlogNoCancel: 0, backlogShopCancel: 0, backlogTimerKill: 'never' }
    })
  })

  it('keeps the sheet row numbers the reader gave', () => {
    const plan = planImport(sheet(['Email', 'Product'], [['bad@', 'p']], [42]), mapping({ goods: [good('Product')] }), { now: NOW })
    expect(plan.orders[0]?.rows).toEqual([42])
    expect(plan.issues[0]?.row).toBe(42)
    expect(plan.issues[0]?.message).toMatch(/^Row 42, /)
  })

  it('reads numeric and formatted cells through the transforms', () => {
    const t = sheet(['Email', 'Product', 'Price', 'Created'], [['a@x.com', 1001, 1500.5, { v: 45352.5, z: 'yyyy-mm-dd hh:mm', w: '2024-03-01 12:00', date: true }]])
    const plan = planImport(t, mapping({ fields: { bill_email: col('Email'), bill_created: col('Created') } }), { now: NOW })
    expect(plan.issues).toEqual([])
    expect(plan.orders[0]?.goods).toEqual([{ good_name: '1001', good_sum: '1500.5', row: 2 }])
    expect(plan.orders[0]?.fields.bill_created).toBe(String(Date.UTC(2024, 2, 1, 12) / 1000))
  })
})
