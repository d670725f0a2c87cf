// Connections: the built-in sandbox until an account is set, connection.test verdicts from a
// harmless signed GetBills, an account run against a shop stand-in (with an unclear answer
// reconciled), and the key: never in an answer, an event or a file.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../electron/main/sandbox/sandbox'
import { sampleBytes, useTestApp, waitForRunEnd, eventsOf } from './helpers'

const KEY = 'shop-key-Zq81-never-shown'
let shop: Sandbox
const app = useTestApp()

beforeAll(async () => {
  shop = await startSandbox({ account: 'myshop', secret: KEY })
})

afterAll(async () => {
  await shop.close()
})

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

describe('connection', () => {
  it('starts on the built-in sandbox, which answers the test', async () => {
    expect(await app.ok('connection.get', {})).toMatchObject({ kind: 'sandbox', login: 'demo', hasKey: true })
    const test = await app.ok('connection.test', {})
    expect(test.ok).toBe(true)
    expect(test.message).toMatch(/sandbox/)
  })

  it('says when no key is stored for the account', async () => {
    const info = await app.ok('connection.set', { login: 'myshop', domain: shop.baseUrl })
    expect(info).toMatchObject({ kind: 'account', login: 'myshop', hasKey: false })
    const test = await app.ok('connection.test', {})
    expect(test).toMatchObject({ ok: false })
    expect(test.message).toContain('No API key is stored for the login "myshop"')
  })

  it('tells a wrong key, an unknown login and an unreachable address apart', async () => {
    await app.ok('connection.set', { login: 'myshop', domain: shop.baseUrl, apiKey: 'wrong-key' })
    const wrongKey = await app.ok('connection.test', {})
    expect(wrongKey.ok).toBe(false)
    expect(wrongKey.message).toMatch(/code 4\).*API key/)

    const otherLogin = shop.baseUrl.replace('/api/', '/someone/api/')
    await app.ok('connection.set', { login: 'someone', domain: otherLogin, apiKey: KEY })
    const unknown = await app.ok('connection.test', {})
    expect(unknown.ok).toBe(false)
    expect(unknown.message).toMatch(/code 5\).*login/)

    await app.ok('connection.set', { login: 'myshop', domain: 'http://127.0.0.1:9/api/', apiKey: KEY })
    const refused = await app.ok('connection.test', {})
    expect(refused.ok).toBe(false)
    expect(refused.message).toMatch(/refused the connection.*not sent/)
  })

  it('refuses a login that cannot be part of a shop address', async () => {
    const bad = await app.call('connection.set', { login: 'My Shop', domain: 'influencersoft.com' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'connection' } })
  })

  it('connects with the right key and sends a run to that shop, reconciling an unclear answer', async () => {
    const info = await app.ok('connection.set', { login: 'myshop', domain: shop.baseUrl, apiKey: KEY })
    expect(info).toMatchObject({ kind: 'account', hasKey: true, keyStorage: expect.stringContaining('memory') })
    expect(await app.ok('connection.test', {})).toMatchObject({ ok: true, message: expect.stringContaining('key are correct') })

    const session = await app.ok('sheet.load', { name: 'orders.csv', bytes: sampleBytes() })
    await app.ok('rows.exclude', { sessionId: session.sessionId, rows: Array.from({ length: 25 }, (_, i) => i + 7), excluded: true })
    // This shop has no products (GetAllGoods answers 700): sending waits for the user's go-ahead.
    expect(await app.ok('catalog.get', { refresh: false })).toMatchObject({ state: 'unavailable', noProducts: true, confirmed: false })
    expect(await app.call('run.start', { sessionId: session.sessionId, rate: 100, concurrency: 1 })).toMatchObject({ ok: false, error: { code: 'catalog-unconfirmed' } })
    expect(await app.ok('catalog.continueWithout', {})).toMatchObject({ state: 'unavailable', confirmed: true })
    shop.injectFaults(['http500-after'])
    const { runId, staged } = await app.ok('run.start', { sessionId: session.sessionId, rate: 100, concurrency: 1 })
    expect(staged).toBe(4) // rows 2, 3, 5, 6: row 4 has the bad e-mail, 7-31 are excluded
    const done = await waitForRunEnd(app, runId)
    expect(done).toMatchObject({ login: 'myshop', apiBase: shop.baseUrl, counts: { succeeded: 4, unknown: 0 } })
    expect(shop.ledger.count()).toBe(4)
    expect(eventsOf(app, 'run.log').some((e) => e.runId === runId && e.kind === 'reconciled' && /found in the shop/.test(e.text))).toBe(true)
  })

  it('never lets the key out: not in answers, events or files', async () => {
    await app.ok('runs.export', { runId: 1, format: 'csv', only: 'all' })
    for (const answer of app.answers) expect(answer).not.toContain(KEY)
    expect(JSON.stringify(app.events)).not.toContain(KEY)
    for (const file of filesUnder(app.dir)) expect(readFileSync(file).includes(KEY), file).toBe(false)
  })

  it('goes back to the sandbox on request, keeping the account key', async () => {
    expect(await app.ok('connection.useSandbox', {})).toMatchObject({ kind: 'sandbox' })
    await app.restart()
    expect(await app.ok('connection.get', {})).toMatchObject({ kind: 'sandbox' })
    expect(await app.ok('connection.set', { login: 'myshop', domain: shop.baseUrl })).toMatchObject({ hasKey: true })
  })
})
