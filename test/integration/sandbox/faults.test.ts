import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Sandbox } from '../../../electron/main/sandbox/sandbox'
import { billIdOf, callSigned, orderData, post, signedBody, startTestSandbox, type Reply } from './helpers'

let sandbox: Sandbox
beforeEach(async () => {
  sandbox = await startTestSandbox()
})
afterEach(() => sandbox.close())

function createOrder(email = 'anna@example.com'): Promise<Reply> {
  return post(`${sandbox.baseUrl}CreateOrder`, signedBody(orderData({ bill_email: email })))
}

describe('faults, as a plain node:http client sees them', () => {
  it('drop-after-create: the order exists, the connection closes without an answer', async () => {
    sandbox.injectFaults(['drop-after-create'])
    const reply = await createOrder()
    expect(reply).toEqual({ kind: 'error', code: 'ECONNRESET' })
    expect(sandbox.ledger.count()).toBe(1)
  })

  it('reset-before: the connection is reset and nothing is created', async () => {
    sandbox.injectFaults(['reset-before'])
    expect(await createOrder()).toEqual({ kind: 'error', code: 'ECONNRESET' })
    expect(sandbox.ledger.count()).toBe(0)
  })

  it.each([
    ['http500-before', 500, 0],
    ['http502-before', 502, 0],
    ['http500-after', 500, 1],
    ['http502-after', 502, 1]
  ] as const)('%s: HTTP %i with an HTML page; %i order created', async (fault, status, created) => {
    sandbox.injectFaults([fault])
    const reply = await createOrder()
    expect(reply.kind === 'response' && [reply.status, reply.contentType]).toEqual([status, 'text/html'])
    expect(reply.kind === 'response' && reply.body).toContain(`<h1>${status} `)
    expect(sandbox.ledger.count()).toBe(created)
  })

  it('truncated-body: a complete 200 whose body is the first half of the JSON answer', async () => {
    sandbox.injectFaults(['truncated-body'])
    const reply = await createOrder()
    if (reply.kind !== 'response') throw new Error(`expected a response, got ${reply.code}`)
    expect(reply.status).toBe(200)
    expect(reply.body.startsWith('{"error_code":0,"error_text":"ok"')).toBe(true)
    expect(() => JSON.parse(reply.body)).toThrow()
    expect(sandbox.ledger.count()).toBe(1)
  })

  it('hang-after-create: the order exists, no answer comes until close() ends the request', async () => {
    sandbox.injectFaults(['hang-after-create'])
    let settled = false
    const pending = createOrder().finally(() => {
      settled = true
    })
    await vi.waitFor(() => expect(sandbox.ledger.count()).toBe(1))
    // A lookup is still answered while the CreateOrder hangs.
    expect((await callSigned(sandbox, 'GetBills', { email: 'anna@example.com' })).error_code).toBe(0)
    expect(settled).toBe(false)
    await sandbox.close()
    expect(await pending).toEqual({ kind: 'error', code: 'ECONNRESET' })
  })

  it('applies queued faults to the next CreateOrder requests, one each, in order; lookups take none', async () => {
    sandbox.injectFaults(['http500-before', 'http502-after'])
    expect((await callSigned(sandbox, 'GetBills', { email: 'anna@example.com' })).error_code).toBe(400)
    const statuses = []
    for (const email of ['a@example.com', 'b@example.com', 'c@example.com']) {
      const reply = await createOrder(email)
      statuses.push(reply.kind === 'response' ? reply.status : reply.code)
    }
    expect(statuses).toEqual([500, 502, 200])
    expect(sandbox.ledger.orders().map((order) => order.email)).toEqual(['b@example.com', 'c@example.com'])
    expect(sandbox.requests()).toBe(3)
  })

  it('an "after" fault on a request that fails validation creates nothing', async () => {
    sandbox.injectFaults(['drop-after-create'])
    expect((await post(`${sandbox.baseUrl}CreateOrder`, signedBody(orderData({ bill_email: 'bad' })))).kind).toBe('error')
    expect(sandbox.ledger.count()).toBe(0)
    expect(billIdOf(await callSigned(sandbox, 'CreateOrder', orderData()))).toBeGreaterThan(0)
  })
})

describe('latency and close()', () => {
  it('draws jitter from options.random once per answer', async () => {
    const random = vi.fn(() => 0)
    const slow = await startTestSandbox({ latencyMs: 1, jitterMs: 5, random })
    try {
      await callSigned(slow, 'GetBills', { email: 'a@example.com' })
      await callSigned(slow, 'CreateOrder', orderData())
      expect(random).toHaveBeenCalledTimes(2)
    } finally {
      await slow.close()
    }
  })

  it('close() ends a request waiting out its latency and cancels its timer', async () => {
    const setSpy = vi.spyOn(globalThis, 'setTimeout')
    const clearSpy = vi.spyOn(globalThis, 'clearTimeout')
    try {
      const slow = await startTestSandbox({ latencyMs: 600_000 })
      const pending = post(`${slow.baseUrl}CreateOrder`, signedBody(orderData()))
      // The order is created first; the delay is before the answer.
      await vi.waitFor(() => expect(slow.ledger.count()).toBe(1))
      const latencyTimers = setSpy.mock.calls.flatMap((args, i) => (args[1] === 600_000 ? [setSpy.mock.results[i]?.value] : []))
      expect(latencyTimers).toHaveLength(1)
      await slow.close()
      expect(await pending).toEqual({ kind: 'error', code: 'ECONNRESET' })
      expect(clearSpy).toHaveBeenCalledWith(latencyTimers[0])
      expect(() => slow.ledger.count()).toThrow()
    } finally {
      setSpy.mockRestore()
      clearSpy.mockRestore()
    }
  })
})
