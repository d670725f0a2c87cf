// Issue 8: sandbox runs and shop runs never mix. An order counts as created only at the
// destination it was created in: trying the sample in the built-in sandbox, then connecting a
// real account and loading the same file, sends every order to the shop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../electron/main/sandbox/sandbox'
import { sampleBytes, useTestApp, waitForRunEnd } from './helpers'

const KEY = 'dest-key-5f2a'
let shop: Sandbox
let other: Sandbox
const app = useTestApp()

beforeAll(async () => {
  // Both shops sell what the sample orders (their product lists are read before a run).
  const products = ['course-basic', 'course-pro', 'ebook-start', 'webinar-pass', 'consult-60']
  shop = await startSandbox({ account: 'myshop', secret: KEY, products })
  other = await startSandbox({ account: 'othershop', secret: KEY, products })
})

afterAll(async () => {
  await shop.close()
  await other.close()
})

describe('destinations in the app', () => {
  it('a sheet tried in the sandbox is not "already created" in a real shop, and is sent there', async () => {
    const first = await app.ok('sheet.load', { name: 'orders.csv', bytes: sampleBytes() })
    const tried = await app.ok('run.start', { sessionId: first.sessionId, rate: 100, concurrency: 4 })
    expect((await waitForRunEnd(app, tried.runId)).counts.succeeded).toBe(29)

    // In the sandbox again: every order was created there.
    const again = await app.ok('sheet.load', { name: 'orders.csv', bytes: sampleBytes() })
    expect(again.counts.alreadyCreated).toBe(29)

    await app.ok('connection.set', { login: 'myshop', domain: shop.baseUrl, apiKey: KEY })
    const real = await app.ok('sheet.load', { name: 'orders.csv', bytes: sampleBytes() })
    expect(real.counts.alreadyCreated).toBe(0)
    const sent = await app.ok('run.start', { sessionId: real.sessionId, rate: 100, concurrency: 4 })
    expect(sent.staged).toBe(29)
    expect((await waitForRunEnd(app, sent.runId)).counts.succeeded).toBe(29)
    expect(shop.ledger.count()).toBe(29)

    // Another account is another shop; the first shop now has them all.
    await app.ok('connection.set', { login: 'othershop', domain: other.baseUrl, apiKey: KEY })
    expect((await app.ok('sheet.load', { name: 'orders.csv', bytes: sampleBytes() })).counts.alreadyCreated).toBe(0)
    await app.ok('connection.set', { login: 'myshop', domain: shop.baseUrl })
    expect((await app.ok('sheet.load', { name: 'orders.csv', bytes: sampleBytes() })).counts.alreadyCreated).toBe(29)
  }, 90_000)
})
