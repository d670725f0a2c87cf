// run.notice: what the shop is likely to do, from the session's counts and the connection; empty
// for the built-in sandbox.
import { describe, expect, it } from 'vitest'
import { sampleBytes, useTestApp } from './helpers'

const app = useTestApp()

describe('run.notice', () => {
  it('is empty for the sandbox and lists the shop\'s likely actions for an account', async () => {
    const { sessionId } = await app.ok('sheet.load', { name: 'orders.csv', bytes: sampleBytes() })
    expect(await app.ok('run.notice', { sessionId, rate: 1, concurrency: 1 })).toEqual({ effects: [] })
    await app.ok('connection.set', { login: 'myshop', domain: 'http://127.0.0.1:9/api/', apiKey: 'k-123456' })
    const { effects } = await app.ok('run.notice', { sessionId, rate: 2, concurrency: 1 })
    expect(effects.map((e) => [e.code, e.params])).toEqual([
      ['owner-emails', { orders: 29, paid: 0 }],
      ['unpaid-reminders', { orders: 29 }],
      ['calls-and-time', { calls: 29, rate: 2, seconds: 15 }],
      ['block-risk', { rate: 2, concurrency: 1 }]
    ])
  })
})
