// The Products step against a shop with a product list (a local sandbox on a custom API address):
// Map continues to Products; the sheet's products are matched by name and by title, a close match
// is only offered until the user takes it, a price difference shows both amounts; what is sent is
// exactly what the step said, so the shop refuses nothing (no 604, no 605).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../electron/main/sandbox/sandbox'
import { connectShop, loadSheet, planCount, startSending, stateCount, TID } from './helpers/actions'
import { startApp, type StartedApp } from './helpers/app'
import { expectAccessible } from './helpers/axe'
import { runE2e } from './helpers/chromium'
import { SAMPLE_CSV } from './helpers/paths'
import { Shots } from './helpers/shots'

const LOGIN = 'catalogshop'
const KEY = 'k3y-E2E-products-5e0b7c21'

describe.skipIf(!runE2e)('the Products step', () => {
  let started: StartedApp
  let shop: Sandbox
  beforeAll(async () => {
    shop = await startSandbox({
      account: LOGIN,
      secret: KEY,
      products: [
        { name: 'course-basic', title: 'Basic course', price: '4900.00', type: 'digital' },
        { name: 'pro-2026', title: 'course-pro', price: '14900.00', type: 'digital' },
        { name: 'ebook-starts', title: 'E-book', price: '990.00', type: 'digital' },
        { name: 'webinar-pass', title: 'Webinar', price: '3000.00', type: 'digital' },
        { name: 'consult-60', title: 'Consultation', price: '6000.00', type: 'physical' }
      ]
    })
    started = await startApp('products')
  })
  afterAll(async () => {
    await started?.stop()
    await shop?.close()
  })

  it('matches the products, takes an offered one, and sends what it showed', async () => {
    const { app } = started
    const { page } = app
    const shots = new Shots('products')

    await connectShop(page, LOGIN, KEY, shop.baseUrl)

    await loadSheet(page, SAMPLE_CSV)
    await page.getByTestId(TID.load.next).click()
    await page.getByTestId(TID.map.next).click()
    await page.getByRole('heading', { name: /Products in the shop/ }).waitFor()
    await page.locator(`[data-testid="${TID.products.catalog}"][data-state="ready"]`).waitFor()
    expect(await page.getByTestId(TID.products.catalog).innerText()).toMatch(/product list: 5 products/)

    const line = (value: string) => page.getByTestId(TID.products.line(value))
    expect(await line('course-basic').getAttribute('data-match')).toBe('name')
    expect(await line('course-pro').getAttribute('data-match')).toBe('title')
    expect(await line('course-pro').innerText()).toContain('sent as pro-2026')
    expect(await line('ebook-start').getAttribute('data-match')).toBe('close')
    expect(await line('ebook-start').innerText()).toContain('Did you mean ebook-starts (E-book)?')
    expect(await line('webinar-pass').innerText()).toContain('The shop says 3,000.00, the sheet 2,500.00')
    expect(await line('consult-60').innerText()).toContain('Shipped: its orders need the delivery fields.')
    expect(await page.getByTestId(TID.products.stopped).innerText()).toMatch(/orders have a product the shop does not have/)
    const before = await planCount(page, 'validOrders')
    await shots.take(page, 'products-offered')
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.locator(`html[data-theme="${scheme}"]`).waitFor({ state: 'attached' })
      await expectAccessible(page, `products (${scheme})`)
    }
    await page.emulateMedia({ colorScheme: 'light' })

    await page.getByTestId(TID.products.useOffer('ebook-start')).click()
    await page.locator(`[data-testid="${TID.products.line('ebook-start')}"][data-match="chosen"]`).waitFor()
    await page.getByTestId(TID.counts).locator('[data-count="validOrders"] dd').filter({ hasNotText: new RegExp(`^${before}$`) }).waitFor()
    const valid = await planCount(page, 'validOrders')
    expect(valid).toBeGreaterThan(before)
    await shots.take(page, 'products-chosen')

    await page.getByTestId(TID.products.next).click()
    await page.getByRole('heading', { name: /Review rows/ }).waitFor()
    expect(await planCount(page, 'validOrders')).toBe(valid)

    const runId = await startSending(page, 50, 4)
    await page.getByRole('heading', { name: new RegExp(`^Run #${runId} · finished`) }).waitFor({ timeout: 30_000 })
    expect(await stateCount(page, 'succeeded').innerText()).toBe(String(valid))
    expect(await stateCount(page, 'failed').innerText()).toBe('0')
    expect(shop.ledger.count()).toBe(valid)
    expect(app.errors.filter((e) => e.startsWith('page error'))).toEqual([])
  })
})
