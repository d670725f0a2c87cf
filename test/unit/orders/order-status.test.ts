import { describe, expect, it } from 'vitest'
import { MappingSchema, type Mapping } from '#shared/mapping/mapping'
import { parseStatusChoice, statusForFile, statusFromColumn, withStatusValue } from '#shared/mapping/order-status'
import { planImport } from '#shared/plan/import-plan'
import { issueText } from '#shared/plan/issue-text'
import { translatorFor } from '#shared/i18n/translate'
import { createOrderParams } from '#shared/wire/create-order-params'
import { NOW, col, mapping, sheet } from './helpers'

const HEADERS = ['Order', 'Email', 'Product', 'Price', 'Created', 'Status', 'Paid at']
const PAST = '2024-03-15 10:00'
const PAST_UNIX = Date.UTC(2024, 2, 15, 10) / 1000

function withStatus(extra: Partial<Mapping> = {}): Mapping {
  const base = mapping({ fields: { bill_email: col('Email'), bill_created: col('Created') } })
  return { ...base, status: statusFromColumn('Status'), ...extra }
}

describe('order status from a column', () => {
  it('reads every default value of the table, without case, and gives the rest the default', () => {
    const values = ['Оплачен', 'PAID', 'да', '1', 'Completed', 'отменён', 'Cancelled', 'Возврат', 'refunded', 'pending', '']
    const rows = values.map((v, i) => [String(i + 1), `c${i}@x.com`, 'course', '100', '', v, ''])
    const plan = planImport(sheet(HEADERS, rows), withStatus(), { now: NOW })
    expect(plan.orders.map((o) => o.status?.status ?? 'none')).toEqual([
      'paid', 'paid', 'paid', 'paid', 'paid', 'cancel', 'cancel', 'return', 'return', 'none', 'none'
    ])
    expect(plan.status?.counts).toEqual({ none: 2, paid: 5, cancel: 2, return: 2 })
    const unlisted = plan.issues.filter((i) => i.code === 'status-value')
    expect(unlisted.map((i) => [i.severity, i.row, i.column])).toEqual([['warning', 11, 'Status']])
    expect(unlisted[0]?.message).toContain('"pending"')
    expect(plan.status?.values.find((v) => v.value === 'pending')).toEqual({ value: 'pending', orders: 1, status: 'none', listed: false })
  })

  it('uses the edited table and the chosen default', () => {
    const status = withStatusValue({ ...statusFromColumn('Status'), otherwise: 'paid' }, 'Completed', 'return')
    const rows = [
      ['1', 'a@x.com', 'course', '100', '', 'completed', ''],
      ['2', 'b@x.com', 'course', '100', '', 'something else', '']
    ]
    const plan = planImport(sheet(HEADERS, rows), withStatus({ status }), { now: NOW })
    expect(plan.orders.map((o) => o.status?.status)).toEqual(['return', 'paid'])
  })

  it('survives a round trip through the mapping schema (the table is stored with the template)', () => {
    const m = withStatus({ status: withStatusValue(statusFromColumn('Status'), 'Ждёт', 'none'), backlogTimerKill: 'shop' })
    const parsed = MappingSchema.parse(JSON.parse(JSON.stringify(m)))
    expect(parsed.status?.values.at(-1)).toEqual({ value: 'Ждёт', status: 'none' })
    expect(parsed.backlogTimerKill).toBe('shop')
    expect(MappingSchema.safeParse({ ...m, status: { ...m.status, otherwise: 'lost' } }).success).toBe(false)
  })

  it('takes the payment date from its column, else the created date, else leaves it to the time of sending', () => {
    const status = { ...statusFromColumn('Status'), paidAt: { kind: 'column' as const, column: { column: 'Paid at' } } }
    const rows = [
      ['1', 'a@x.com', 'course', '100', PAST, 'paid', '2024-03-16 12:00'],
      ['2', 'b@x.com', 'course', '100', PAST, 'paid', ''],
      ['3', 'c@x.com', 'course', '100', '', 'paid', ''],
      ['4', 'd@x.com', 'course', '100', PAST, 'cancelled', '2024-03-16 12:00'],
      ['5', 'e@x.com', 'course', '100', PAST, 'paid', 'yesterday-ish']
    ]
    const plan = planImport(sheet(HEADERS, rows), withStatus({ status }), { now: NOW })
    expect(plan.orders.slice(0, 4).map((o) => o.status)).toEqual([
      { status: 'paid', date: Date.UTC(2024, 2, 16, 12) / 1000 },
      { status: 'paid', date: PAST_UNIX },
      { status: 'paid', date: null },
      { status: 'cancel', date: null }
    ])
    const bad = plan.issues.filter((i) => i.code === 'paid-date')
    expect(bad.map((i) => [i.severity, i.row, i.column, i.order])).toEqual([['error', 6, 'Paid at', 5]])
    expect(bad[0]?.message).toMatch(/^Row 6, column "Paid at": the payment date cannot be read: /)
    const russian = issueText(bad[0]!, translatorFor('ru'))
    expect(russian).toMatch(/^Строка 6, столбец «Paid at»: дату оплаты не прочитать: /)
    expect(plan.orders[4]?.errors).toBe(1)
  })

  it('gives one order one status: rows of a grouped order that disagree are an error', () => {
    const rows = [
      ['7', 'a@x.com', 'course', '100', '', 'paid', ''],
      ['7', '', 'book', '50', '', '', ''],
      ['8', 'b@x.com', 'course', '100', '', 'paid', ''],
      ['8', '', 'book', '50', '', 'refunded', '']
    ]
    const plan = planImport(sheet(HEADERS, rows), { ...withStatus(), groupBy: { column: 'Order' } }, { now: NOW })
    expect(plan.orders.map((o) => o.status?.status)).toEqual(['paid', 'paid'])
    expect(plan.issues.filter((i) => i.code === 'status-conflict').map((i) => [i.row, i.order])).toEqual([[5, 2]])
    expect(plan.counts.validOrders).toBe(1)
    // Worded from its key, in English and in Russian, the status choices in the reader's words.
    const conflict = plan.issues.find((i) => i.code === 'status-conflict')!
    expect(conflict.message).toBe('Row 5, column "Status": "refunded" means "returned", but an earlier row of the same order says "paid". One order has one status: make its rows agree.')
    expect(issueText(conflict, translatorFor('ru'))).toBe('Строка 5, столбец «Status»: "refunded" означает «возврат», но в строке выше у того же заказа указано «оплачен». У заказа один статус: согласуйте его строки.')
  })

  it('words a value missing from the status table in Russian, with a Russian plural', () => {
    const rows = ['pending', 'pending', 'pending'].map((v, i) => [String(i + 1), `c${i}@x.com`, 'course', '100', '', v, ''])
    const plan = planImport(sheet(HEADERS, rows), withStatus(), { now: NOW })
    const unlisted = plan.issues.find((i) => i.code === 'status-value')!
    expect(unlisted.message).toMatch(/^column "Status": the value "pending" \(3 orders, first at row 2\) is not in the status table/)
    expect(issueText(unlisted, translatorFor('ru'))).toMatch(/^столбец «Status»: значения "pending" \(3 заказа, впервые в строке 2\) нет в таблице статусов, .*«не оплачен/)
  })

  it('one status for the whole file', () => {
    const rows = [['1', 'a@x.com', 'course', '100', PAST, 'whatever', ''], ['2', 'b@x.com', 'course', '100', '', '', '']]
    const plan = planImport(sheet(HEADERS, rows), withStatus({ status: statusForFile('paid') }), { now: NOW })
    expect(plan.orders.map((o) => o.status)).toEqual([{ status: 'paid', date: PAST_UNIX }, { status: 'paid', date: null }])
    expect(plan.status?.source).toEqual({ kind: 'constant', status: 'paid' })
    expect(plan.issues.filter((i) => i.code.startsWith('status'))).toEqual([])
  })

  it('a status column the sheet lacks is an error of the whole sheet', () => {
    const rows = [['1', 'a@x.com', 'course', '100', '', 'paid', '']]
    const plan = planImport(sheet(HEADERS, rows), withStatus({ status: statusFromColumn('Оплата') }), { now: NOW })
    expect(plan.issues.filter((i) => i.code === 'missing-column').map((i) => [i.severity, i.row, i.column])).toEqual([['error', null, 'Оплата']])
    const missing = plan.issues.find((i) => i.code === 'missing-column')!
    expect(missing.message).toMatch(/^The mapping takes the order's status from column "Оплата", but this sheet has no such column\. Headers seen: /)
    expect(issueText(missing, translatorFor('ru'))).toMatch(/^Сопоставление берёт статус заказа из столбца «Оплата», но в этом листе такого столбца нет\. Заголовки листа: /)
    expect(plan.counts.validOrders).toBe(0)
    expect(plan.orders[0]?.status).toBeUndefined()
  })

  it('without a status mapping nothing changes: no status, no second call', () => {
    const plan = planImport(sheet(HEADERS, [['1', 'a@x.com', 'course', '100', '', 'paid', '']]), mapping(), { now: NOW })
    expect(plan.orders[0]?.status).toBeUndefined()
    expect(plan.status?.counts).toEqual({ none: 1, paid: 0, cancel: 0, return: 0 })
  })

  it('reads status words typed by a person', () => {
    expect(['paid', 'Cancelled', 'refunded', 'none', 'оплачен', 'bogus'].map(parseStatusChoice)).toEqual(['paid', 'cancel', 'return', 'none', 'paid', null])
  })
})

describe('bill_timer_kill for a backlog', () => {
  const rows = [
    ['1', 'a@x.com', 'course', '100', PAST, 'paid', ''],
    ['2', 'b@x.com', 'course', '100', '', '', ''],
    ['3', 'c@x.com', 'course', '100', '2024-12-31 23:30', '', ''],
    ['4', 'd@x.com', 'course', '100', PAST, '', '']
  ]

  it('orders created in the past are not auto-cancelled by default; new invoices keep the product setting', () => {
    const plan = planImport(sheet(HEADERS, rows), withStatus(), { now: NOW })
    expect(plan.orders.map((o) => o.backlogNoCancel)).toEqual([true, undefined, undefined, true])
    expect(plan.orders.map((o) => o.fields.bill_timer_kill)).toEqual([undefined, undefined, undefined, undefined])
    expect(createOrderParams(plan.orders[0]!)).toContainEqual(['bill_timer_kill', '0'])
    // In its place among the bill_* fields, so the signed bytes match what PHP rebuilds.
    expect(createOrderParams(plan.orders[0]!).map(([k]) => k)).toEqual(['goods[0][good_name]', 'goods[0][good_sum]', 'bill_email', 'bill_timer_kill', 'bill_created'])
    expect(JSON.parse(JSON.stringify(plan.orders[3]))).toMatchObject({ backlogNoCancel: true })
    expect(createOrderParams(plan.orders[1]!).some(([k]) => k === 'bill_timer_kill')).toBe(false)
    expect(plan.status).toMatchObject({ backlogNoCancel: 2, backlogShopCancel: 0, backlogTimerKill: 'never' })
  })

  it('can be left to the shop', () => {
    const plan = planImport(sheet(HEADERS, rows), withStatus({ backlogTimerKill: 'shop' }), { now: NOW })
    expect(plan.orders.map((o) => o.backlogNoCancel)).toEqual([undefined, undefined, undefined, undefined])
    expect(createOrderParams(plan.orders[0]!).some(([k]) => k === 'bill_timer_kill')).toBe(false)
    expect(plan.status).toMatchObject({ backlogNoCancel: 0, backlogShopCancel: 2, backlogTimerKill: 'shop' })
  })

  it('a mapped bill_timer_kill is the sheet’s own choice and is never overridden', () => {
    const m = withStatus()
    m.fields.bill_timer_kill = { source: { kind: 'constant', value: 'yes' } }
    const plan = planImport(sheet(HEADERS, rows), m, { now: NOW })
    expect(plan.orders.map((o) => o.fields.bill_timer_kill)).toEqual(['1', '1', '1', '1'])
    expect(plan.orders.map((o) => o.backlogNoCancel)).toEqual([undefined, undefined, undefined, undefined])
    expect(plan.status?.backlogNoCancel).toBe(0)
  })

  it('grouped orders (built at once) are judged by their created date too', () => {
    const grouped = [...rows, ['4', '', 'book', '50', '', '', '']]
    const plan = planImport(sheet(HEADERS, grouped), { ...withStatus(), groupBy: { column: 'Order' } }, { now: NOW })
    expect(plan.orders.map((o) => o.backlogNoCancel)).toEqual([true, undefined, undefined, true])
    expect(plan.orders[3]?.status).toBeUndefined()
  })
})
