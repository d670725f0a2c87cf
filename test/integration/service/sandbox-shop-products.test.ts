// The app's built-in Sandbox with "my shop's products" (issue 12 §4): one read-only GetAllGoods
// call to the shop chosen now gives the sandbox that shop's catalog, so a rehearsal refuses
// exactly what the shop would; the Products step checks against it; and it is refused without a
// shop, or with a shop whose list cannot be read (the sandbox is left as it was).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../electron/main/sandbox/sandbox'
import { useTestApp, waitForRunEnd } from './helpers'

const KEY = 'shop-key-products-7Qx'
let shop: Sandbox
const app = useTestApp()

beforeAll(async () => {
  shop = await startSandbox({
    account: 'myshop',
    secret: KEY,
    products: [
      { name: 'course-basic', title: 'Basic course', price: '4900.00', type: 'digital' },
      { name: 'webinar-pass', title: 'Webinar', price: '3000.00', type: 'digital' }
    ]
  })
})

afterAll(async () => {
  await shop.close()
})

function bytes(text: string): Uint8Array<ArrayBuffer> {
  const encoded = new TextEncoder().encode(text)
  const out = new Uint8Array(new ArrayBuffer(encoded.length))
  out.set(encoded)
  return out
}

describe("the sandbox with my shop's products", () => {
  it('is refused while there is no shop to copy from', async () => {
    const result = await app.call('connection.useSandbox', { shopProducts: true })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toContain('There is no shop to copy the products from')
  })

  it("leaves the sandbox as it was when the shop's list cannot be read", async () => {
    await app.ok('connection.set', { login: 'myshop', domain: shop.baseUrl, apiKey: 'a-wrong-key' })
    const result = await app.call('connection.useSandbox', { shopProducts: true })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toContain('The product list of myshop could not be read')
    expect(await app.ok('connection.get', {})).toMatchObject({ kind: 'account', login: 'myshop' })
  })

  it("sells exactly the shop's products: the Products step and a run refuse the others", async () => {
    await app.ok('connection.set', { login: 'myshop', domain: shop.baseUrl, apiKey: KEY })
    const info = await app.ok('connection.useSandbox', { shopProducts: true })
    expect(info).toMatchObject({ kind: 'sandbox', sandboxProducts: { from: 'myshop', count: 2 } })
    expect(await app.ok('connection.get', {})).toMatchObject({ kind: 'sandbox', sandboxProducts: { from: 'myshop', count: 2 } })
    expect(await app.ok('catalog.get', { refresh: false })).toMatchObject({ state: 'ready', products: 2 })

    const csv = ['Email,Product,Price', 'ann@example.com,course-basic,4900', 'bob@example.com,Webinar,3000', 'eve@example.com,yoga-mat,100'].join('\n')
    const { sessionId } = await app.ok('sheet.load', { name: 'orders.csv', bytes: bytes(csv) })
    const view = await app.ok('products.list', { sessionId })
    expect(view.lines.map((l) => [l.value, l.match])).toEqual([['course-basic', 'name'], ['Webinar', 'title'], ['yoga-mat', 'none']])
    expect(view.stopped.unknownProduct).toBe(1)
    // The counts of all lines, for the step that shows a page of them.
    expect(view.summary).toEqual({ lines: 3, notFound: 1, close: 0, priceDiffers: 0 })
    const { runId, staged } = await app.ok('run.start', { sessionId, rate: 100, concurrency: 1 })
    expect(staged).toBe(2)
    const run = await waitForRunEnd(app, runId)
    expect(run.counts).toMatchObject({ succeeded: 2, failed: 0 })
    // The real shop was only read: nothing was created there.
    expect(shop.requests()).toBe(0)
    expect(shop.ledger.count()).toBe(0)
  })

  it("still sells the shop's products after the app restarts on the same data folder", async () => {
    await app.restart()
    expect(await app.ok('connection.get', {})).toMatchObject({ kind: 'sandbox', sandboxProducts: { from: 'myshop', count: 2 } })
    expect(await app.ok('catalog.get', { refresh: true })).toMatchObject({ state: 'ready', products: 2 })
    const csv = ['Email,Product,Price', 'kim@example.com,course-basic,4900', 'lou@example.com,yoga-mat,100', 'mia@example.com,Webinar,'].join('\n')
    const { sessionId } = await app.ok('sheet.load', { name: 'orders.csv', bytes: bytes(csv) })
    const view = await app.ok('products.list', { sessionId })
    expect(view.lines.map((l) => [l.value, l.match])).toEqual([['course-basic', 'name'], ['yoga-mat', 'none'], ['Webinar', 'title']])
    // The Map preview names the shop's price a line without one gets.
    const preview = await app.ok('mapping.previewOrder', { sessionId, order: 3 })
    expect(preview.order.goods).toMatchObject([{ good_name: 'webinar-pass' }])
    expect(preview.order.goods[0]).not.toHaveProperty('good_sum')
    expect(preview.shopPrices).toEqual(['3000.00'])
    // Copied while the shop was reachable; after the restart the sandbox needs nothing from it.
    const before = shop.requests()
    const { runId, staged } = await app.ok('run.start', { sessionId, rate: 100, concurrency: 1 })
    expect(staged).toBe(2)
    expect((await waitForRunEnd(app, runId)).counts).toMatchObject({ succeeded: 2, failed: 0 })
    expect(shop.requests()).toBe(before)
  })
})
