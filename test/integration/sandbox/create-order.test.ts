import { afterEach, describe, expect, it } from 'vitest'
import type { Sandbox, SandboxOptions } from '../../../electron/main/sandbox/sandbox'
import { SECRET, billIdOf, callSigned, md5, orderData, startTestSandbox } from './helpers'

let sandbox: Sandbox | undefined
afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
})

async function start(options: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  sandbox = await startTestSandbox(options)
  return sandbox
}

describe('CreateOrder', () => {
  it('answers 0 "ok" with the new bill_id, ids increasing from the first one, and records the order', async () => {
    const api = await start({ firstBillId: 500001, now: () => 1_700_000_000_123 })
    const first = await callSigned(api, 'CreateOrder', orderData({ bill_tag: 'row-2', bill_comment: 'gift', utm: { utm_source: 'mail' } }))
    expect(first).toEqual({ error_code: 0, error_text: 'ok', result: { bill_id: 500001 }, hash: md5(`0::ok::${SECRET}`) })
    const second = await callSigned(api, 'CreateOrder', orderData({ bill_email: 'boris@example.com' }))
    expect(billIdOf(second)).toBe(500002)
    const order = api.ledger.get(500001)
    expect(order).toMatchObject({
      email: 'anna@example.com',
      goods: [{ good_name: 'course-1', good_sum: '1500' }],
      created: 1_700_000_000,
      received_at: 1_700_000_000_123,
      tag: 'row-2',
      comment: 'gift',
      deleted: false,
      fields: { bill_email: 'anna@example.com', bill_first_name: 'Anna', bill_tag: 'row-2', 'utm[utm_source]': 'mail' }
    })
    expect(order?.request_body).toContain('&hash=')
    expect(order?.fields).not.toHaveProperty('hash')
  })

  it('answers 600 "wrong email" for a missing or malformed email', async () => {
    const api = await start()
    for (const email of [undefined, '', 'anna', 'anna@', 'an na@example.com']) {
      const answer = await callSigned(api, 'CreateOrder', orderData({ bill_email: email }))
      expect([answer.error_code, answer.error_text]).toEqual([600, 'wrong email'])
    }
    expect(api.ledger.count()).toBe(0)
  })

  it('answers 603 "missing products" without goods or with a good that has no good_name', async () => {
    const api = await start()
    const payloads = [
      orderData({ goods: undefined }),
      orderData({ goods: [] }),
      orderData({ goods: 'course-1' }),
      orderData({ goods: [{ good_name: 'course-1' }, { good_sum: '10' }] }),
      orderData({ goods: [{ good_name: '  ' }] })
    ]
    for (const data of payloads) {
      const answer = await callSigned(api, 'CreateOrder', data)
      expect([answer.error_code, answer.error_text]).toEqual([603, 'missing products'])
    }
    expect(api.ledger.count()).toBe(0)
  })

  it('answers 3 "wrong posted data" for a good_sum or bill_created PHP could not read', async () => {
    const api = await start()
    for (const data of [orderData({ goods: [{ good_name: 'a', good_sum: '1 500' }] }), orderData({ bill_created: '2024-01-01' })]) {
      const answer = await callSigned(api, 'CreateOrder', data)
      expect([answer.error_code, answer.error_text]).toEqual([3, 'wrong posted data'])
    }
  })

  it('answers 604 "product not exist" with the unknown good_name, only when a product list is set', async () => {
    const api = await start({ products: ['course-1', 'book'] })
    const answer = await callSigned(api, 'CreateOrder', orderData({ goods: [{ good_name: 'book' }, { good_name: 'ghost', good_sum: '5' }] }))
    expect(answer).toEqual({ error_code: 604, error_text: 'product not exist', result: { good_name: 'ghost' }, hash: md5(`604::product not exist::${SECRET}`) })
    expect((await callSigned(api, 'CreateOrder', orderData({ goods: [{ good_name: 'book' }] }))).error_code).toBe(0)
    await api.close()
    const open = await start()
    expect((await callSigned(open, 'CreateOrder', orderData({ goods: [{ good_name: 'ghost' }] }))).error_code).toBe(0)
  })

  it('answers 605 when an order with bill_address lacks a name, country or city', async () => {
    const api = await start()
    const delivery = { bill_first_name: 'Anna', bill_surname: 'Ivanova', bill_country: 'RU', bill_city: 'Kazan', bill_address: 'Lenina 1' }
    for (const missing of ['bill_first_name', 'bill_surname', 'bill_country', 'bill_city'] as const) {
      const answer = await callSigned(api, 'CreateOrder', orderData({ ...delivery, [missing]: '' }))
      expect([answer.error_code, answer.error_text]).toEqual([605, 'not having any data for delivery products'])
    }
    expect(api.ledger.count()).toBe(0)
    expect((await callSigned(api, 'CreateOrder', orderData(delivery))).error_code).toBe(0)
    // Without an address the order is not a delivery order: no name or city needed.
    expect((await callSigned(api, 'CreateOrder', orderData({ bill_email: 'b@example.com', bill_first_name: undefined }))).error_code).toBe(0)
  })

  it('answers 602 "error creating order" for the failRate fraction, without creating', async () => {
    const draws = [0.9, 0.1, 0.5]
    const api = await start({ failRate: 0.5, random: () => draws.shift() ?? 0.9 })
    const codes = []
    for (const email of ['a@example.com', 'b@example.com', 'c@example.com']) {
      codes.push((await callSigned(api, 'CreateOrder', orderData({ bill_email: email }))).error_code)
    }
    expect(codes).toEqual([0, 602, 0])
    expect(api.ledger.orders().map((order) => order.email)).toEqual(['a@example.com', 'c@example.com'])
  })
})

describe('CreateOrder duplicates (601)', () => {
  it('answers 601 with the existing bill_id for the same email and goods', async () => {
    const api = await start()
    const first = billIdOf(await callSigned(api, 'CreateOrder', orderData({ goods: [{ good_name: 'a', good_sum: '1500' }, { good_name: 'b' }] })))
    const again = await callSigned(api, 'CreateOrder', orderData({
      bill_email: 'ANNA@example.com',
      bill_comment: 'other comment',
      goods: [{ good_name: 'b' }, { good_name: 'a', good_sum: '1500.00' }]
    }))
    expect(again).toEqual({
      error_code: 601,
      error_text: 'order already exist. his number send in result array.',
      result: { bill_id: first },
      hash: md5(`601::order already exist. his number send in result array.::${SECRET}`)
    })
    expect(api.ledger.count()).toBe(1)
  })

  it('creates a new order when the goods, the sums, the email or bill_created differ', async () => {
    const api = await start()
    const base = { goods: [{ good_name: 'a', good_sum: '1500' }], bill_created: '1700000000' }
    const first = billIdOf(await callSigned(api, 'CreateOrder', orderData(base)))
    const variants = [
      { ...base, goods: [{ good_name: 'a', good_sum: '1501' }] },
      { ...base, goods: [{ good_name: 'a' }] },
      { ...base, goods: [{ good_name: 'a', good_sum: '1500' }, { good_name: 'b' }] },
      { ...base, bill_email: 'other@example.com' },
      { ...base, bill_created: '1700000001' }
    ]
    for (const variant of variants) expect((await callSigned(api, 'CreateOrder', orderData(variant))).error_code).toBe(0)
    // Same goods and created, or no bill_created at all: the first order again.
    expect((await callSigned(api, 'CreateOrder', orderData(base))).result).toEqual({ bill_id: first })
    expect((await callSigned(api, 'CreateOrder', orderData({ goods: base.goods }))).error_code).toBe(601)
    expect(api.ledger.count()).toBe(1 + variants.length)
  })

  it('does not count a deleted order as a duplicate', async () => {
    const api = await start()
    const first = billIdOf(await callSigned(api, 'CreateOrder', orderData()))
    expect((await callSigned(api, 'DeleteOrder', { bill_id: String(first) })).error_code).toBe(0)
    const again = await callSigned(api, 'CreateOrder', orderData())
    expect(again.error_code).toBe(0)
    expect(billIdOf(again)).toBe(first + 1)
  })
})
