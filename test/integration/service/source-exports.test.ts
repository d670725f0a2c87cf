// The app reads files from other tools as the CLI does: a Shopify export loaded in the app is
// recognized, grouped into its 3 orders with their goods, and a template saved for its headers
// wins over the preset the next time.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Mapping } from '#shared/mapping/mapping'
import { useTestApp } from './helpers'

const app = useTestApp()
const bytes = (file: string) => new Uint8Array(readFileSync(resolve('test/fixtures/exports', file)))


describe('files from other tools in the app', () => {
  it('recognizes a Shopify export and previews its orders with their rows and goods', async () => {
    const summary = await app.ok('sheet.load', { name: 'shopify-orders.csv', bytes: bytes('shopify-orders.csv') })
    expect(summary.source).toEqual({ id: 'shopify-orders', name: 'Shopify orders export' })
    expect(summary.notes?.map((n) => n.code)).toEqual(expect.arrayContaining(['preset.recognized', 'name.split', 'group.preset', 'quantity.found', 'date.offset']))
    expect(summary.mapping.groupBy).toEqual({ column: 'Name' })
    expect(summary.counts).toMatchObject({ rows: 6, orders: 3, validOrders: 3, errors: 0 })
    const preview = await app.ok('mapping.previewOrder', { sessionId: summary.sessionId, order: 1 })
    expect(preview.order.rows).toEqual([2, 3])
    expect(preview.order.goods.map((g) => [g.good_name, g.good_sum])).toEqual([['COURSE-A', '49.00'], ['BOOK-B', '15.50'], ['BOOK-B', '15.50']])
    expect(preview.order.fields).toMatchObject({ bill_first_name: 'Jane', bill_surname: 'Cooper', bill_postal_code: '02116', bill_created: String(Date.UTC(2026, 10, 20, 15, 15, 32) / 1000) })
  })

  it('leaves the totals row of a register out and reads the orders sheet of a workbook', async () => {
    const summary = await app.ok('sheet.load', { name: 'register-ru-merged.xlsx', bytes: bytes('register-ru-merged.xlsx') })
    expect(summary.meta.sheet).toBe('Заказы')
    expect(summary.counts).toMatchObject({ orders: 2, validOrders: 2, errors: 0 })
    expect(summary.sheetIssues ?? []).toEqual([])
  })

  it('uses a saved template for the same headers instead of the preset', async () => {
    const first = await app.ok('sheet.load', { name: 'paypal-activity.csv', bytes: bytes('paypal-activity.csv') })
    const mapping: Mapping = { ...first.mapping, fields: { ...first.mapping.fields, bill_tag: { source: { kind: 'constant', value: 'paypal' } } } }
    await app.ok('mapping.set', { sessionId: first.sessionId, mapping })
    await app.ok('templates.save', { sessionId: first.sessionId, name: 'PayPal' })
    const again = await app.ok('sheet.load', { name: 'paypal-activity.csv', bytes: bytes('paypal-activity.csv') })
    expect(again.template).toBe('PayPal')
    expect(again.source ?? null).toBeNull()
    expect(again.mapping.fields.bill_tag).toEqual({ source: { kind: 'constant', value: 'paypal' } })
  })
})
