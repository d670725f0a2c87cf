// The Products step's service side against the built-in sandbox with a catalog: the shop's list
// read per connection, every product value of the sheet matched (name, title, a close match only
// offered), the user's choice applied to the plan and stored in the template, price differences,
// unknown products as errors on their orders in Review and never sent, and the quiet skip of the
// sandbox without a catalog; a connection whose list cannot be read needs the user's go-ahead.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { SandboxProduct } from '../../../electron/main/sandbox/sandbox'
import { removeDir, SAMPLE, sampleBytes, sandboxShopOrders, startTestApp, waitForRunEnd, type TestApp } from './helpers'

/** The sample sells course-basic, course-pro, ebook-start, webinar-pass and consult-60. */
const CATALOG: SandboxProduct[] = [
  // by name, same price as the sheet (4900.00)
  { name: 'course-basic', title: 'Basic course', price: '4900', type: 'digital' },
  // the sheet writes this product's title
  { name: 'pro-2026', title: 'course-pro', price: '14900.00', type: 'digital' },
  // only close to the sheet's "ebook-start": offered, never applied
  { name: 'ebook-starts', title: 'E-book', price: '990.00', type: 'digital' },
  // the sheet says 2500.00
  { name: 'webinar-pass', title: 'Webinar', price: '3000.00', type: 'digital' }
  // consult-60: not in the shop
]

let app: TestApp | undefined
afterEach(async () => {
  if (!app) return
  await app.close()
  removeDir(app.dir)
  app = undefined
})

/** The sample without prices for consult-60's rows (the shop's price would apply). */
function sampleBytesOf(text: string): Uint8Array<ArrayBuffer> {
  const buffer = Buffer.from(text, 'utf8')
  const bytes = new Uint8Array(new ArrayBuffer(buffer.length))
  bytes.set(buffer)
  return bytes
}

describe('the Products step (service)', () => {
  it('matches every product value, applies a confirmed choice, keeps it in the template and sends only known products', async () => {
    app = await startTestApp({ deps: { sandboxProducts: CATALOG } })
    // Loaded before the list is read: nothing is checked yet (29 valid orders, row 4 has a bad e-mail).
    const summary = await app.ok('sheet.load', { name: 'orders.csv', bytes: sampleBytes() })
    const { sessionId } = summary
    expect(summary.counts.validOrders).toBe(29)
    const catalog = await app.ok('catalog.get', { refresh: false })
    expect(catalog).toMatchObject({ state: 'ready', products: 4 })
    const view = await app.ok('products.list', { sessionId })
    const line = (value: string) => view.lines.find((l) => l.value === value)
    // The products of the valid orders, in order of first appearance (row 4, the first ebook-start,
    // has a bad e-mail).
    expect(view.lines.map((l) => [l.value, l.match, l.product?.name ?? null])).toEqual([
      ['course-basic', 'name', 'course-basic'],
      ['course-pro', 'title', 'pro-2026'],
      ['webinar-pass', 'name', 'webinar-pass'],
      ['consult-60', 'none', null],
      ['ebook-start', 'close', null]
    ])
    expect(line('ebook-start')?.found?.name).toBe('ebook-starts')
    expect(line('webinar-pass')?.otherPrices).toEqual(['2500.00'])
    expect(line('course-basic')?.otherPrices).toEqual([])
    expect(view.shop.map((p) => p.name)).toEqual(['course-basic', 'pro-2026', 'ebook-starts', 'webinar-pass'])

    // Unknown (and merely close) products are errors on their orders, shown in Review.
    const ebookOrders = line('ebook-start')!.orders
    const consultOrders = line('consult-60')!.orders
    expect(ebookOrders).toBeGreaterThan(0)
    expect(consultOrders).toBeGreaterThan(0)
    // (the lines count valid orders only: row 4's ebook-start order has a bad e-mail)
    expect(view.counts.validOrders).toBe(summary.counts.validOrders - ebookOrders - consultOrders)
    const problems = await app.ok('rows.page', { sessionId, offset: 0, limit: 100, filter: 'problems' })
    const unknown = problems.rows.flatMap((r) => r.issues).filter((i) => i.code === 'unknown-product')
    expect(unknown).toHaveLength(ebookOrders + consultOrders)
    expect(unknown.some((i) => i.message.includes('Did you mean "ebook-starts"'))).toBe(true)
    expect(problems.counts).toEqual(view.counts)

    // The preview of a title-matched order sends the shop's good_name.
    const proRow = readFileSync(SAMPLE, 'utf8').split('\n').findIndex((l) => l.includes(',course-pro,')) + 1
    const all = await app.ok('rows.page', { sessionId, offset: 0, limit: 100, filter: 'all' })
    const proOrder = all.rows.find((r) => r.row === proRow)!.order!
    const preview = await app.ok('mapping.previewOrder', { sessionId, order: proOrder })
    expect(preview.body).toContain(encodeURIComponent('goods[0][good_name]') + '=pro-2026')

    // The user confirms the offered product: its orders become valid and it is sent as the shop's name.
    const chosen = await app.ok('products.choose', { sessionId, value: 'ebook-start', name: 'ebook-starts' })
    expect(chosen.lines.find((l) => l.value === 'ebook-start')).toMatchObject({ chosen: 'ebook-starts', product: { name: 'ebook-starts' } })
    expect(chosen.counts.validOrders).toBe(view.counts.validOrders + ebookOrders)
    const refused = await app.call('products.choose', { sessionId, value: 'consult-60', name: 'no-such-product' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-found' } })

    // An edit in Review re-checks the order it changed: a consult-60 row fixed to a shop product.
    const consultRow = all.rows.find((r) => r.issues.some((i) => i.code === 'unknown-product' && i.message.includes('consult-60')))!
    const productColumn = summary.headers.indexOf('Product')
    const edited = await app.ok('rows.edit', { sessionId, row: consultRow.row, column: productColumn, value: 'course-basic' })
    expect(edited.row.issues.filter((i) => i.code === 'unknown-product')).toEqual([])
    expect(edited.counts.validOrders).toBe(chosen.counts.validOrders + 1)
    const undone = await app.ok('rows.edit', { sessionId, row: consultRow.row, column: productColumn, value: 'consult-60' })
    expect(undone.row.issues.some((i) => i.code === 'unknown-product')).toBe(true)
    expect(undone.counts.validOrders).toBe(chosen.counts.validOrders)

    // Saved with the template, the choice comes back with a sheet of the same headers.
    await app.ok('templates.save', { sessionId, name: 'Sample' })
    const again = await app.ok('sheet.load', { name: 'orders.csv', bytes: sampleBytes() })
    expect(again.template).toBe('Sample')
    expect(again.counts.validOrders).toBe(chosen.counts.validOrders)
    const againView = await app.ok('products.list', { sessionId: again.sessionId })
    expect(againView.lines.find((l) => l.value === 'ebook-start')?.chosen).toBe('ebook-starts')

    // The run sends what the check let through, as the shop's products; the sandbox refuses nothing.
    const started = await app.ok('run.start', { sessionId: again.sessionId, rate: 50, concurrency: 4 })
    expect(started.staged).toBe(chosen.counts.validOrders)
    const run = await waitForRunEnd(app, started.runId)
    expect(run.counts.failed).toBe(0)
    expect(run.counts.succeeded).toBe(chosen.counts.validOrders)
    expect(sandboxShopOrders(app.journalPath)).toHaveLength(chosen.counts.validOrders)
  })

  it('shows the shop price for lines without one', async () => {
    app = await startTestApp({ deps: { sandboxProducts: CATALOG } })
    const lines = readFileSync(SAMPLE, 'utf8').split('\n')
    const noPrice = lines.map((l, i) => (i > 0 ? l.replace(',course-basic,4900.00,', ',course-basic,,') : l)).join('\n')
    const path = join(app.dir, 'no-price.csv')
    writeFileSync(path, noPrice)
    const { sessionId } = await app.ok('sheet.load', { name: 'no-price.csv', bytes: sampleBytesOf(noPrice) })
    const view = await app.ok('products.list', { sessionId })
    const basic = view.lines.find((l) => l.value === 'course-basic')!
    expect(basic.withoutPrice).toBeGreaterThan(0)
    expect(basic.product?.price).toBe('4900')
  })

  it('skips the check quietly for the built-in sandbox without a catalog', async () => {
    app = await startTestApp()
    const { sessionId, counts } = await app.ok('sheet.load', { name: 'orders.csv', bytes: sampleBytes() })
    const view = await app.ok('products.list', { sessionId })
    expect(view.catalog).toEqual({ state: 'skipped' })
    expect(view.shop).toEqual([])
    expect(view.counts.validOrders).toBe(counts.validOrders)
    const started = await app.ok('run.start', { sessionId, rate: 50, concurrency: 4 })
    expect(started.staged).toBe(counts.validOrders)
    await waitForRunEnd(app, started.runId)
  })

  it('needs the go-ahead to send when a shop\'s list cannot be read', async () => {
    app = await startTestApp()
    await app.ok('connection.set', { login: 'myshop', domain: 'http://127.0.0.1:9/api/', apiKey: 'k-123456' })
    const { sessionId } = await app.ok('sheet.load', { name: 'orders.csv', bytes: sampleBytes() })
    const view = await app.ok('products.list', { sessionId })
    expect(view.catalog).toMatchObject({ state: 'unavailable', noProducts: false, cachedAt: null, confirmed: false })
    const refused = await app.call('run.start', { sessionId, rate: 1, concurrency: 1 })
    expect(refused).toMatchObject({ ok: false, error: { code: 'catalog-unconfirmed' } })
    if (!refused.ok) expect(refused.error.message).toMatch(/product list could not be read/)
    expect(await app.ok('catalog.continueWithout', {})).toMatchObject({ state: 'unavailable', confirmed: true })
    // Now the run is not stopped by the catalog (it gets as far as the unreachable shop).
    const next = await app.call('run.start', { sessionId, rate: 1, concurrency: 1 })
    expect(next.ok ? 'started' : next.error.code).not.toBe('catalog-unconfirmed')
    if (next.ok) await app.ok('run.cancel', { runId: next.value.runId })
    // The key never reaches an answer.
    expect(app.answers.some((a) => a.includes('k-123456'))).toBe(false)
  })
})
