import { describe, expect, it } from 'vitest'
import { planImport } from '#shared/plan/import-plan'
import type { Issue } from '#shared/plan/issue'
import { NOW, col, constant, good, mapping, sheet } from './helpers'

const where = (i: Issue) => ({ code: i.code, row: i.row, column: i.column, field: i.field, order: i.order, severity: i.severity })

describe('conflicting order fields inside one order', () => {
  const headers = ['Order', 'Email', 'Product']
  const m = mapping({ groupBy: 'Order', goods: [good('Product')] })

  it('reports two different e-mails for one order number, naming both rows and values', () => {
    const plan = planImport(
      sheet(headers, [
        ['A-17', 'ann@x.com', 'course'],
        ['A-18', 'bob@x.com', 'course'],
        ['A-17', 'eve@x.com', 'book']
      ]),
      m,
      { now: NOW }
    )
    expect(plan.issues.map(where)).toEqual([{ code: 'conflict', row: 4, column: 'Email', field: 'bill_email', order: 1, severity: 'error' }])
    const message = plan.issues[0]?.message ?? ''
    expect(message).toContain('Row 4, column "Email"')
    expect(message).toContain('"A-17"')
    expect(message).toContain('"ann@x.com" from row 2')
    expect(message).toContain('"eve@x.com"')
    expect(plan.orders[0]?.fields.bill_email).toBe('ann@x.com')
    expect(plan.orders.map((o) => o.errors)).toEqual([1, 0])
  })

  it('accepts order fields repeated on every line, and reports a bad repeated value once', () => {
    const plan = planImport(
      sheet(['Order', 'Email', 'Created', 'Product'], [
        ['1', 'ann@', '2024-03-01 10:00', 'course'],
        ['1', 'ann@', '2024-03-01 10:00', 'book'],
        ['1', 'ann@', '2024-03-01 10:00', 'video']
      ]),
      mapping({ groupBy: 'Order', fields: { bill_email: col('Email'), bill_created: col('Created') }, goods: [good('Product')] }),
      { now: NOW }
    )
    expect(plan.issues.map((i) => [i.code, i.row])).toEqual([['email', 2]])
    expect(plan.orders[0]?.goods).toHaveLength(3)
  })

  it('compares e-mails without regard to case, but other fields exactly', () => {
    const plan = planImport(
      sheet(['Order', 'Email', 'Tag', 'Product'], [
        ['1', 'Ann@X.com', 'vip', 'course'],
        ['1', 'ann@x.com', 'VIP', 'book']
      ]),
      mapping({ groupBy: 'Order', fields: { bill_email: col('Email'), bill_tag: col('Tag') }, goods: [good('Product')] }),
      { now: NOW }
    )
    expect(plan.issues.map((i) => [i.code, i.field, i.row])).toEqual([['conflict', 'bill_tag', 3]])
  })

  it('shows conflicting dates as dates, not UNIX seconds', () => {
    const plan = planImport(
      sheet(['Order', 'Email', 'Created', 'Product'], [
        ['1', 'a@x.com', '2024-03-01 10:00', 'course'],
        ['1', '', '2024-03-02 10:00', 'book']
      ]),
      mapping({ groupBy: 'Order', fields: { bill_email: col('Email'), bill_created: col('Created') }, goods: [good('Product')] }),
      { now: NOW }
    )
    expect(plan.issues[0]?.code).toBe('conflict')
    expect(plan.issues[0]?.message).toContain('2024-03-01 10:00 UTC')
    expect(plan.issues[0]?.message).toContain('2024-03-02 10:00 UTC')
  })
})

describe('goods', () => {
  const headers = ['Email', 'Product 1', 'Price 1', 'Product 2', 'Price 2']
  const m = mapping({ goods: [good('Product 1', 'Price 1'), good('Product 2', 'Price 2')] })

  it('takes several goods from one row and skips a good whose product cell is empty', () => {
    const plan = planImport(
      sheet(headers, [
        ['a@x.com', 'course', '1500', 'book', ''],
        ['b@x.com', 'course', '', '', '']
      ]),
      m,
      { now: NOW }
    )
    expect(plan.orders.map((o) => o.goods)).toEqual([
      [
        { good_name: 'course', good_sum: '1500', row: 2 },
        { good_name: 'book', row: 2 }
      ],
      [{ good_name: 'course', row: 3 }]
    ])
    expect(plan.issues).toEqual([])
  })

  it('collects the goods of every row of a group, several per row', () => {
    const plan = planImport(
      sheet(['Order', ...headers], [
        ['9', 'a@x.com', 'p1', '1', 'p2', '2'],
        ['9', '', 'p3', '3', '', '']
      ]),
      mapping({ groupBy: 'Order', goods: [good('Product 1', 'Price 1'), good('Product 2', 'Price 2')] }),
      { now: NOW }
    )
    expect(plan.orders).toHaveLength(1)
    expect(plan.orders[0]?.goods.map((g) => [g.good_name, g.good_sum, g.row])).toEqual([
      ['p1', '1', 2],
      ['p2', '2', 2],
      ['p3', '3', 3]
    ])
  })

  it('reports a price without a product on the product cell, and not also "no product"', () => {
    const plan = planImport(sheet(headers, [['a@x.com', '', '990', '', '']]), m, { now: NOW })
    expect(plan.issues.map(where)).toEqual([
      { code: 'good-without-name', row: 2, column: 'Product 1', field: 'goods[0][good_name]', order: 1, severity: 'error' }
    ])
    expect(plan.issues[0]?.message).toContain('"990"')
  })

  it('reports an order with no product at all', () => {
    const plan = planImport(sheet(headers, [['a@x.com', '', '', '', '']]), m, { now: NOW })
    expect(plan.issues.map(where)).toEqual([
      { code: 'no-goods', row: 2, column: 'Product 1', field: 'goods[0][good_name]', order: 1, severity: 'error' }
    ])
  })

  it('accepts a row of a group that adds no goods when another row has them', () => {
    const plan = planImport(
      sheet(['Order', 'Email', 'Product'], [
        ['1', 'a@x.com', ''],
        ['1', '', 'course']
      ]),
      mapping({ groupBy: 'Order', goods: [good('Product')] }),
      { now: NOW }
    )
    expect(plan.issues).toEqual([])
    expect(plan.orders[0]?.goods).toEqual([{ good_name: 'course', row: 3 }])
  })

  it('uses a constant product and price for every order', () => {
    const plan = planImport(sheet(['Email'], [['a@x.com'], ['b@x.com']]), mapping({ goods: [{ name: constant('webinar'), sum: constant('990,50') }] }), { now: NOW })
    expect(plan.orders.map((o) => o.goods)).toEqual([[{ good_name: 'webinar', good_sum: '990.50', row: 2 }], [{ good_name: 'webinar', good_sum: '990.50', row: 3 }]])
  })

  it('adds a constant-only good once per order, but a constant product with a price column per row', () => {
    const t = sheet(['Order', 'Email', 'Price'], [['1', 'a@x.com', '10'], ['1', '', '20']])
    const once = planImport(t, mapping({ groupBy: 'Order', goods: [{ name: constant('webinar') }] }), { now: NOW })
    expect(once.orders[0]?.goods).toEqual([{ good_name: 'webinar', row: 2 }])
    const perRow = planImport(t, mapping({ groupBy: 'Order', goods: [{ name: constant('webinar'), sum: col('Price') }] }), { now: NOW })
    expect(perRow.orders[0]?.goods.map((g) => [g.good_sum, g.row])).toEqual([['10', 2], ['20', 3]])
  })

  it('keeps a product ID with its leading zeros and trims it', () => {
    const plan = planImport(sheet(['Email', 'Product'], [['a@x.com', ' 00123 ']]), mapping({ goods: [good('Product')] }), { now: NOW })
    expect(plan.orders[0]?.goods[0]?.good_name).toBe('00123')
  })
})

describe('transform failures become issues on their cell', () => {
  it('names row, column header, field and the reason', () => {
    const plan = planImport(
      sheet(['Email', 'Created', 'Product', 'Price'], [
        ['a@x.com', '2024-01-01', 'course', '100'],
        ['b@x.com', 'next tuesday', 'course', 'cheap']
      ]),
      mapping({ fields: { bill_email: col('Email'), bill_created: col('Created') } }),
      { now: NOW }
    )
    expect(plan.issues.map(where)).toEqual([
      { code: 'date', row: 3, column: 'Created', field: 'bill_created', order: 2, severity: 'error' },
      { code: 'money', row: 3, column: 'Price', field: 'goods[0][good_sum]', order: 2, severity: 'error' }
    ])
    expect(plan.issues[0]?.message).toMatch(/^Row 3, column "Created": "next tuesday" .*\(Order created, bill_created\)\.$/)
    expect(plan.issues[1]?.message).toMatch(/^Row 3, column "Price": "cheap" .*\(goods\[0\]\[good_sum\]\)\.$/)
    expect(plan.orders[1]?.fields.bill_created).toBeUndefined()
    expect(plan.orders.map((o) => o.errors)).toEqual([0, 2])
  })

  it('uses the field\'s own transform options over the mapping defaults', () => {
    const t = sheet(['Email', 'Created', 'Product'], [['a@x.com', '03/04/2024', 'course']])
    const dmy = planImport(t, mapping({ fields: { bill_email: col('Email'), bill_created: col('Created', { dateOrder: 'dmy' }) }, goods: [good('Product')] }), { now: NOW })
    const mdy = planImport(t, mapping({ fields: { bill_email: col('Email'), bill_created: col('Created', { dateOrder: 'mdy' }) }, goods: [good('Product')] }), { now: NOW })
    expect(dmy.orders[0]?.fields.bill_created).toBe(String(Date.UTC(2024, 3, 3) / 1000))
    expect(mdy.orders[0]?.fields.bill_created).toBe(String(Date.UTC(2024, 2, 4) / 1000))
  })

  it('keeps white space inside text when trimming is turned off for the field', () => {
    const t = sheet(['Email', 'Comment', 'Product'], [['a@x.com', '  gift wrap ', 'course']])
    const fields = { bill_email: col('Email'), bill_comment: col('Comment', { trim: false }) }
    const plan = planImport(t, mapping({ fields, goods: [good('Product')] }), { now: NOW })
    expect(plan.orders[0]?.fields.bill_comment).toBe('  gift wrap ')
  })

  it('reports the column of a repeated header by its occurrence', () => {
    const t = sheet(['Email', 'Product', 'Product'], [['a@x.com', 'first', 'second']])
    const plan = planImport(t, mapping({ goods: [{ name: { source: { kind: 'column', column: 'Product', occurrence: 2 } } }] }), { now: NOW })
    expect(plan.orders[0]?.goods[0]?.good_name).toBe('second')
  })
})
