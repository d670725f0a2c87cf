// The app with order statuses and the shop's products (issue 12), through the service's channels
// against the built-in sandbox with a product list: the Products step, the notice's counts, a run
// that creates and marks orders, and History's view of each order's status.
import { describe, expect, it } from 'vitest'
import { statusFromColumn } from '#shared/mapping/order-status'
import { useTestApp, waitForRunEnd } from './helpers'

const app = useTestApp({ deps: { sandboxProducts: ['course-1', 'course-2'] } })

const CSV = ['Email,Product,Price,Date,Status', 'ann@example.com,course-1,100,2024-03-15 10:00,paid', 'bob@example.com,course-2,100,,', 'eve@example.com,book,100,,paid'].join('\n')

function bytes(text: string): Uint8Array<ArrayBuffer> {
  const encoded = new TextEncoder().encode(text)
  const out = new Uint8Array(new ArrayBuffer(encoded.length))
  out.set(encoded)
  return out
}

describe('order status and products in the app', () => {
  it('checks the products, counts the status calls, creates and marks the orders, and shows it in History', async () => {
    const session = await app.ok('sheet.load', { name: 'orders.csv', bytes: bytes(CSV) })
    const products = await app.ok('products.list', { sessionId: session.sessionId })
    expect(products.catalog.state).toBe('ready')
    expect(products.lines.map((p) => [p.value, p.match])).toEqual([['course-1', 'name'], ['course-2', 'name'], ['book', 'none']])
    expect(products.stopped.unknownProduct).toBe(1)
    expect(products.counts.validOrders).toBe(2)

    const mapping = { ...session.mapping, status: statusFromColumn('Status') }
    const mapped = await app.ok('mapping.set', { sessionId: session.sessionId, mapping })
    // The unknown product is an error on its order before sending (Review shows it; never sent).
    expect(mapped.counts.validOrders).toBe(2)
    const problems = await app.ok('rows.page', { sessionId: session.sessionId, offset: 0, limit: 10, filter: 'problems' })
    expect(problems.rows.map((r) => r.row)).toEqual([4])
    expect(problems.rows[0]?.issues.map((i) => i.message).join(' ')).toContain('the shop has no product "book"')
    const { runId, staged } = await app.ok('run.start', { sessionId: session.sessionId, rate: 100, concurrency: 1 })
    expect(staged).toBe(2)
    const run = await waitForRunEnd(app, runId)
    expect(run.statuses).toMatchObject({ done: 1, failed: 0 })
    expect(run.counts).toMatchObject({ succeeded: 2, failed: 0 })
    const { orders } = await app.ok('runs.orders', { runId, offset: 0, limit: 10 })
    const ann = orders.find((o) => o.email === 'ann@example.com')
    expect(ann?.statusStep).toEqual({ status: 'paid', state: 'done', errorText: null })
    expect(orders.find((o) => o.email === 'bob@example.com')?.statusStep).toBeUndefined()
    expect((await app.ok('runs.retryStatus', { runId })).requeued).toBe(0)
  })
})
