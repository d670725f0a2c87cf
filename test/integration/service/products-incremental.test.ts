// The Products step's check after a cell edit covers only the orders the edit planned again
// (product-check-state.ts); this holds it to the check of the whole sheet: after random edits and
// exclusions, everything the app shows from the check (the product lines, the stopped orders, the
// counts, Review's pages with the issues the check added, the order previews) equals what a check
// made anew gives (reading the shop's list again makes one).
import { describe, expect, it } from 'vitest'
import { planImport } from '#shared/plan/import-plan'
import { checkAgainstCatalog } from '#shared/shop/catalog-check'
import { productKind, type ShopCatalog } from '#shared/shop/shop-catalog'
import { parseSheetBytes } from '../../../electron/main/sheets/read-sheet'
import type { SandboxProduct } from '../../../electron/main/sandbox/sandbox'
import { seeded } from '../../helpers/seeded'
import { useTestApp } from './helpers'

const CATALOG: SandboxProduct[] = [
  { name: 'course-basic', title: 'Basic course', price: '4900', type: 'digital' },
  { name: 'webinar-pass', title: 'Webinar', price: '3000.00', type: 'digital' },
  { name: 'book-paper', title: 'Paper book', price: '1200', type: 'physical' }
]
const HEADERS = ['Order ID', 'Email', 'First name', 'Last name', 'Country', 'City', 'Address', 'Product', 'Price']
// Found by name, by title, only close, shipped, unknown.
const PRODUCTS = ['course-basic', 'Basic course', 'course-basik', 'book-paper', 'mystery', 'webinar-pass']
const PRICES = ['4900', '3000', '1200', '', '999', '1000.50', '3000.00', '4900.00', '15']

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!
}

function sheet(random: () => number, rows: number): string[][] {
  const out: string[][] = []
  let order = 1000
  for (let i = 0; i < rows; i++) {
    // About a third of the orders have a second line.
    if (i === 0 || random() > 0.3) order++
    const shipped = random() > 0.5
    out.push([
      String(order),
      `u${Math.floor(random() * 60)}@example.com`,
      shipped || random() > 0.5 ? 'Ann' : '',
      shipped ? 'Lee' : '',
      shipped ? 'Latvia' : '',
      shipped ? 'Riga' : '',
      shipped && random() > 0.2 ? 'Main st 1' : '',
      pick(random, PRODUCTS),
      pick(random, PRICES)
    ])
  }
  return out
}

function bytes(rows: string[][]): Uint8Array<ArrayBuffer> {
  const encoded = new TextEncoder().encode([HEADERS, ...rows].map((r) => r.join(',')).join('\n'))
  const out = new Uint8Array(new ArrayBuffer(encoded.length))
  out.set(encoded)
  return out
}

const app = useTestApp({ deps: { sandboxProducts: CATALOG } })

describe('the products check after edits', () => {
  it('checks only the changed orders and gives what a check of the whole sheet gives', async () => {
    const random = seeded(1212)
    const rows = sheet(random, 240)
    const summary = await app.ok('sheet.load', { name: 'orders.csv', bytes: bytes(rows) })
    const { sessionId } = summary
    expect(summary.counts.orders).toBeLessThan(240)
    const first = await app.ok('products.list', { sessionId })
    expect(first.catalog.state).toBe('ready')
    // A choice for the close match, so choices are applied in both checks.
    await app.ok('products.choose', { sessionId, value: 'course-basik', name: 'course-basic' })

    const snapshot = async () => {
      const view = await app.ok('products.list', { sessionId })
      const problems = await app.ok('rows.page', { sessionId, offset: 0, limit: 1000, filter: 'problems' })
      const middle = await app.ok('rows.page', { sessionId, offset: 7, limit: 11, filter: 'problems' })
      const all = await app.ok('rows.page', { sessionId, offset: 0, limit: 1000, filter: 'all' })
      const previews = []
      for (let order = 1; order <= view.counts.orders; order += 3) previews.push(await app.ok('mapping.previewOrder', { sessionId, order }))
      return { lines: view.lines, stopped: view.stopped, counts: view.counts, problems, middle, all, previews }
    }

    const columns = { id: 0, email: 1, first: 2, address: 6, product: 7, price: 8 }
    let compared = 0
    for (let round = 0; round < 12; round++) {
      for (let step = 0; step < 4; step++) {
        const row = 2 + Math.floor(random() * rows.length)
        const what = random()
        if (what < 0.1) {
          await app.ok('rows.exclude', { sessionId, rows: [row], excluded: random() > 0.3 })
          continue
        }
        const [column, value] =
          what < 0.4 ? [columns.product, pick(random, PRODUCTS)]
          : what < 0.6 ? [columns.price, pick(random, PRICES)]
          : what < 0.7 ? [columns.email, random() > 0.8 ? 'broken@' : `u${Math.floor(random() * 60)}@example.com`]
          : what < 0.8 ? [columns.id, String(1000 + Math.floor(random() * 180))]
          : what < 0.9 ? [columns.address, random() > 0.5 ? '' : 'Main st 2']
          : [columns.first, random() > 0.5 ? '' : 'Bo']
        await app.ok('rows.edit', { sessionId, row, column, value })
      }
      const incremental = await snapshot()
      // Reading the shop's list again makes a new catalog, and so a check of the whole sheet.
      await app.ok('catalog.get', { refresh: true })
      const full = await snapshot()
      expect(incremental).toEqual(full)
      compared++
    }
    expect(compared).toBe(12)
    // The check did stop orders on the way (unknown products, missing delivery data).
    const last = await app.ok('products.list', { sessionId })
    expect(last.stopped.unknownProduct).toBeGreaterThan(0)
    expect(last.stopped.delivery).toBeGreaterThan(0)
  })

  it('checks a sheet of many slices (1,024 orders each) as one check of its whole plan does', async () => {
    const rows = sheet(seeded(77), 12_000)
    const summary = await app.ok('sheet.load', { name: 'big.csv', bytes: bytes(rows) })
    const { sessionId } = summary
    expect(summary.counts.orders).toBeGreaterThan(4 * 1024)
    const view = await app.ok('products.list', { sessionId })
    expect(view.catalog.state).toBe('ready')

    const read = parseSheetBytes(bytes(rows), 'big.csv')
    const catalog: ShopCatalog = { products: CATALOG.map((p) => ({ id: '', name: p.name, title: p.title ?? '', price: p.price ?? null, type: p.type ?? '', kind: productKind(p.type ?? '') })), fetchedAt: 0 }
    const plan = planImport(read.table, summary.mapping)
    // The check counts and stops only orders valid before it.
    const valid = plan.orders.filter((o) => o.errors === 0)
    const whole = checkAgainstCatalog({ ...plan, orders: valid }, catalog)
    const stoppedBy = (code: string) => new Set(whole.added.filter((i) => i.code === code && i.severity === 'error').map((i) => i.order)).size
    expect(view.stopped.unknownProduct).toBe(stoppedBy('unknown-product'))
    expect(view.stopped.delivery).toBe(stoppedBy('delivery'))
    expect(view.stopped.unknownProduct).toBeGreaterThan(0)
    expect(view.counts.validOrders).toBe(whole.plan.counts.validOrders)
    expect(view.counts.validOrders).toBeLessThan(valid.length)
    const reported = new Map(whole.products.map((p) => [p.value, p]))
    for (const line of view.lines) expect([line.value, line.orders]).toEqual([line.value, reported.get(line.value)?.orders])
    expect(view.lines.map((l) => l.value)).toEqual(whole.products.map((p) => p.value))
  })
})
