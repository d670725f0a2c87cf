import { afterEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../../electron/main/sandbox/sandbox'
import { SECRET, callSigned, md5, orderData, startTestSandbox } from './helpers'

let sandbox: Sandbox | undefined
afterEach(() => sandbox?.close())

describe('rate limit (code 8)', () => {
  it('answers 8 above rateLimit requests per second from one address, and lets it through a second later', async () => {
    let now = 1_000_000
    sandbox = await startTestSandbox({ rateLimit: 2, now: () => now })
    const codes = async (count: number): Promise<number[]> => {
      const out = []
      for (let i = 0; i < count; i++) out.push((await callSigned(sandbox!, 'GetBills', { email: 'a@example.com' })).error_code)
      return out
    }
    expect(await codes(3)).toEqual([400, 400, 8])
    now += 999
    expect(await codes(1)).toEqual([8])
    now += 1
    expect(await codes(3)).toEqual([400, 400, 8])
  })

  it('signs the code 8 answer, counts every function and creates nothing while limited', async () => {
    sandbox = await startTestSandbox({ rateLimit: 1, now: () => 0 })
    expect((await callSigned(sandbox, 'CreateOrder', orderData())).error_code).toBe(0)
    const limited = await callSigned(sandbox, 'CreateOrder', orderData({ bill_email: 'b@example.com' }))
    expect(limited).toEqual({
      error_code: 8, error_text: 'request limit exceeded, try later', result: [], hash: md5(`8::request limit exceeded, try later::${SECRET}`)
    })
    expect((await callSigned(sandbox, 'getOrderDetails', { bill_id: '1' })).error_code).toBe(8)
    expect(sandbox.ledger.count()).toBe(1)
  })

  it('never limits without a rateLimit', async () => {
    sandbox = await startTestSandbox({ now: () => 0 })
    for (let i = 0; i < 20; i++) expect((await callSigned(sandbox, 'GetBills', { email: 'a@example.com' })).error_code).toBe(400)
  })
})
