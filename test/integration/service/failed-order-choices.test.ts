// A failed order corrected in place (runs.editFailed) is planned again with the product choices
// the run was sent with: the sheet's value goes as the shop product the user chose, not as the
// sheet wrote it (which the shop would refuse again).
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { sandboxShopPath } from '../../../electron/main/ops/paths'
import { startSandbox, type Sandbox } from '../../../electron/main/sandbox/sandbox'
import { removeDir, sampleBytes, startTestApp, waitForRunEnd, type TestApp } from './helpers'

const KEY = 'shop-key-failed-choices'
const PRODUCTS = ['course-basic', 'course-pro', 'ebook-start', 'webinar-pass', 'consult-60']
let app: TestApp | undefined
let shop: Sandbox | undefined

afterAll(async () => {
  await app?.close()
  await shop?.close()
  if (app) removeDir(app.dir)
})

/** Every good the shop holds, by name. */
function shopGoods(journalPath: string): string[] {
  const db = new Database(sandboxShopPath(journalPath), { readonly: true, fileMustExist: true })
  try {
    const rows = db.prepare('SELECT goods FROM orders WHERE deleted = 0').all() as Array<{ goods: string }>
    return rows.flatMap((row) => (JSON.parse(row.goods) as Array<{ good_name: string }>).map((good) => good.good_name))
  } finally {
    db.close()
  }
}

describe('a failed order corrected in place', () => {
  it('keeps the product choice the run was sent with', async () => {
    app = await startTestApp()
    const first = await startSandbox({ account: 'myshop', secret: KEY, products: [...PRODUCTS, 'gift-card'] })
    await app.ok('connection.set', { login: 'myshop', domain: first.baseUrl, apiKey: KEY })
    const session = await app.ok('sheet.load', { name: 'orders.csv', bytes: sampleBytes() })
    const column = (name: string) => session.headers.indexOf(name)
    await app.ok('rows.edit', { sessionId: session.sessionId, row: 4, column: column('Email'), value: 'maria.ivanova@example.ru' })
    // Row 2 sells "gift", which the user sends as the shop's "gift-card".
    await app.ok('rows.edit', { sessionId: session.sessionId, row: 2, column: column('Product'), value: 'gift' })
    await app.ok('products.list', { sessionId: session.sessionId })
    await app.ok('products.choose', { sessionId: session.sessionId, value: 'gift', name: 'gift-card' })
    // The shop stops selling the gift card before the run: the order fails with 604.
    await first.close()
    const without = await startSandbox({ account: 'myshop', secret: KEY, port: first.port, products: PRODUCTS, ledgerPath: sandboxShopPath(app.journalPath) })
    shop = without
    const runId = (await app.ok('run.start', { sessionId: session.sessionId, rate: 100, concurrency: 4 })).runId
    expect((await waitForRunEnd(app, runId)).counts).toMatchObject({ succeeded: 29, failed: 1 })
    // It sells it again; the user corrects another cell of the order and sends it.
    await without.close()
    shop = await startSandbox({ account: 'myshop', secret: KEY, port: first.port, products: [...PRODUCTS, 'gift-card'], ledgerPath: sandboxShopPath(app.journalPath) })
    const failed = await app.ok('runs.orders', { runId, states: ['failed'], offset: 0, limit: 10 })
    const ordinal = failed.orders[0]!.ordinal
    const answer = await app.ok('runs.editFailed', { runId, ordinal, cells: { City: 'Moscow' } })
    expect(answer.issues.filter((i) => i.severity === 'error')).toEqual([])
    await app.ok('run.resume', { runId })
    expect((await waitForRunEnd(app, runId)).counts).toMatchObject({ succeeded: 30, failed: 0 })
    const goods = shopGoods(app.journalPath)
    expect(goods.filter((name) => name === 'gift-card')).toHaveLength(1)
    expect(goods).not.toContain('gift')
  })
})
