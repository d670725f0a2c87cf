import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../../electron/main/sandbox/sandbox'
import { billIdOf, callSigned, orderData, startTestSandbox } from './helpers'

// 15.03.2024 12:00:00 UTC
const NOW = Date.UTC(2024, 2, 15, 12) / 1000
const DAY = 86_400

let sandbox: Sandbox
beforeEach(async () => {
  sandbox = await startTestSandbox({ now: () => NOW * 1000 })
})
afterEach(() => sandbox.close())

async function create(overrides: Parameters<typeof orderData>[0] = {}): Promise<number> {
  return billIdOf(await callSigned(sandbox, 'CreateOrder', orderData(overrides)))
}

describe('GetBills', () => {
  it("maps each of the email's undeleted orders to its products", async () => {
    const first = await create({ goods: [{ good_name: 'course-1', good_sum: '10' }, { good_name: 'book' }] })
    const second = await create({ bill_email: 'Anna@Example.com', goods: [{ good_name: 'book' }] })
    const deleted = await create({ goods: [{ good_name: 'gone' }] })
    await create({ bill_email: 'someone@example.com' })
    await callSigned(sandbox, 'DeleteOrder', { bill_id: String(deleted) })

    const answer = await callSigned(sandbox, 'GetBills', { email: 'anna@example.com' })
    expect([answer.error_code, answer.error_text]).toEqual([0, 'ok'])
    const bills = answer.result as Record<string, Record<string, { good_name: string; good_title: string }>>
    expect(Object.keys(bills).sort()).toEqual([String(first), String(second)].sort())
    const names = (billId: number): string[] => Object.values(bills[String(billId)] ?? {}).map((good) => good.good_name).sort()
    expect(names(first)).toEqual(['book', 'course-1'])
    expect(names(second)).toEqual(['book'])
    // A product keeps one numeric shop id across orders.
    const bookId = (billId: number): string | undefined => Object.entries(bills[String(billId)] ?? {}).find(([, good]) => good.good_name === 'book')?.[0]
    expect(bookId(first)).toMatch(/^\d+$/)
    expect(bookId(first)).toBe(bookId(second))
  })

  it('answers 400 "order not found" for an unknown email or a status no order has', async () => {
    await create()
    for (const data of [{ email: 'nobody@example.com' }, { email: 'anna@example.com', pay_status: 'paid' }, { bill_id: '1' }]) {
      const answer = await callSigned(sandbox, 'GetBills', data)
      expect([answer.error_code, answer.error_text]).toEqual([400, 'order not found'])
    }
    expect((await callSigned(sandbox, 'GetBills', { email: 'anna@example.com', pay_status: 'waiting' })).error_code).toBe(0)
  })
})

describe('getOrderDetails', () => {
  it('returns the order as sent, with string values and its items', async () => {
    const billId = await create({
      goods: [{ good_name: 'course-1', good_sum: '1990.5' }, { good_name: 'book' }],
      bill_surname: 'Ivanova', bill_middle_name: 'Petrovna', bill_phone: '+7 900', bill_country: 'RU', bill_region: 'Tatarstan',
      bill_city: 'Kazan', bill_address: 'Lenina 1', bill_postal_code: '420000', bill_kupon: 'SALE', bill_tag: 'row-7',
      bill_comment: 'gift', bill_domain: 'shop.example.com', bill_created: '1710000000',
      utm: { utm_medium: 'cpc', utm_source: 'direct', utm_campaign: 'spring', utm_content: 'c', utm_term: 't' }
    })
    const answer = await callSigned(sandbox, 'getOrderDetails', { bill_id: String(billId) })
    expect(answer.error_code).toBe(0)
    expect(answer.result).toMatchObject({
      id: String(billId), first_name: 'Anna', last_name: 'Ivanova', middle_name: 'Petrovna', email: 'anna@example.com',
      phone: '+7 900', city: 'Kazan', country: 'RU', address: 'Lenina 1', region: 'Tatarstan', postalcode: '420000',
      created: '1710000000', pay_status: 'waiting', comment: 'gift', tag: 'row-7', domain: 'shop.example.com', kupon: 'SALE',
      utm: { medium: 'cpc', source: 'direct', campaign: 'spring', content: 'c', term: 't' },
      items: [{ id: 'course-1', title: 'course-1', sum: '1990.50', price: '1990.50' }, { id: 'book', title: 'book', sum: '0.00', price: '0.00' }]
    })
    expect(answer.result).not.toHaveProperty('good_ids')
    const withGoods = await callSigned(sandbox, 'GetOrderDetails', { bill_id: String(billId), good_info: true })
    expect(withGoods.result).toMatchObject({ good_count: '2' })
    expect((withGoods.result as { good_ids: string[] }).good_ids).toHaveLength(2)
  })

  it('answers 400 "Order not found" for an unknown, malformed or deleted bill_id', async () => {
    const billId = await create()
    await callSigned(sandbox, 'DeleteOrder', { bill_id: String(billId) })
    for (const id of [String(billId), String(billId + 1), 'abc', '']) {
      const answer = await callSigned(sandbox, 'getOrderDetails', { bill_id: id })
      expect([answer.error_code, answer.error_text]).toEqual([400, 'Order not found'])
    }
  })
})

describe('getOrdersWithGoods', () => {
  async function listed(data: Record<string, string | boolean | string[]>): Promise<string[]> {
    const answer = await callSigned(sandbox, 'getOrdersWithGoods', data)
    expect([answer.error_code, answer.error_text]).toEqual([0, 'ok'])
    return (answer.result as { tag: string }[]).map((order) => order.tag)
  }

  beforeEach(async () => {
    await create({ bill_tag: 'today', bill_created: String(NOW - 3600) })
    await create({ bill_tag: 'yesterday', bill_created: String(NOW - DAY), goods: [{ good_name: 'book' }] })
    await create({ bill_tag: 'ten-days', bill_created: String(NOW - 10 * DAY) })
    await create({ bill_tag: 'forty-days', bill_created: String(NOW - 40 * DAY) })
    const deleted = await create({ bill_tag: 'deleted', bill_created: String(NOW - 3600), bill_email: 'x@example.com' })
    await callSigned(sandbox, 'DeleteOrder', { bill_id: String(deleted) })
  })

  it('lists the undeleted orders created within the inclusive day range', async () => {
    expect(await listed({ begin_date: '05.03.2024', end_date: '14.03.2024' })).toEqual(['yesterday', 'ten-days'])
    expect(await listed({ begin_date: '15.03.2024', end_date: '15.03.2024' })).toEqual(['today'])
  })

  it('gives the current day without dates and cuts a window longer than a month to one month', async () => {
    expect(await listed({})).toEqual(['today'])
    // 40 days back is outside the month that ends on 15.03; its start is cut to 15.02.
    expect(await listed({ begin_date: '01.01.2024', end_date: '15.03.2024' })).toEqual(['today', 'yesterday', 'ten-days'])
    expect(await listed({ begin_date: '01.01.2024', end_date: '10.02.2024' })).toEqual(['forty-days'])
    // No end date: up to now.
    expect(await listed({ begin_date: '14.03.2024' })).toEqual(['today', 'yesterday'])
  })

  it('filters by product and returns nothing for paid=true (no sandbox order is paid)', async () => {
    expect(await listed({ begin_date: '01.03.2024', end_date: '15.03.2024', goods: 'book' })).toEqual(['yesterday'])
    expect(await listed({ begin_date: '01.03.2024', end_date: '15.03.2024', goods: ['book', 'course-1'] })).toEqual(['today', 'yesterday', 'ten-days'])
    expect(await listed({ begin_date: '01.03.2024', end_date: '15.03.2024', paid: true })).toEqual([])
  })

  it('answers 3 for a date that is not dd.mm.yyyy', async () => {
    for (const date of ['2024-03-01', '31.02.2024', '1.3.2024']) {
      expect((await callSigned(sandbox, 'getOrdersWithGoods', { begin_date: date, end_date: '15.03.2024' })).error_code).toBe(3)
    }
  })
})

describe('DeleteOrder', () => {
  it('answers 0 "order deleted" once, then 302 "nonexistent order"; the ledger keeps the order flagged', async () => {
    const billId = await create()
    const deleted = await callSigned(sandbox, 'DeleteOrder', { bill_id: String(billId) })
    expect([deleted.error_code, deleted.error_text]).toEqual([0, 'order deleted'])
    for (const id of [String(billId), String(billId + 100), 'x']) {
      const answer = await callSigned(sandbox, 'DeleteOrder', { bill_id: id })
      expect([answer.error_code, answer.error_text]).toEqual([302, 'nonexistent order'])
    }
    expect(sandbox.ledger.get(billId)?.deleted).toBe(true)
    expect(sandbox.ledger.count()).toBe(1)
  })
})
