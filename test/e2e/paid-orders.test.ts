// Orders as they really were (issue 12): a sheet with a status column and a product written as
// its title, against a sandbox with a product list. The Map step maps the status, the Products
// step shows the product matched to the shop's; the run creates the orders and marks the paid
// ones; History shows them marked paid.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { goToStep, loadSheet, openRun, planCount, startSending, TID, waitForText } from './helpers/actions'
import { startApp, type StartedApp } from './helpers/app'
import { runE2e } from './helpers/chromium'

describe.skipIf(!runE2e)('paid orders: status column, product title, marked paid in the sandbox', () => {
  let started: StartedApp
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orderbatch-e2e-paid-'))
    const catalog = join(dir, 'catalog.json')
    writeFileSync(catalog, JSON.stringify([
      { good_name: 'course-basic', good_title: 'Basic course', good_sum: '4900.00', good_type: 'digital' },
      { good_name: 'ebook-start', good_title: 'Starter e-book', good_sum: '990.00', good_type: 'digital' }
    ]))
    started = await startApp('paid', { ORDERBATCH_SANDBOX_PRODUCTS: catalog })
  })
  afterAll(async () => {
    await started?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('maps the status, matches the product title, sends, and History shows the orders marked paid', async () => {
    const { page } = started.app
    const sheet = join(dir, 'paid.csv')
    writeFileSync(sheet, [
      'Email,Product,Price,Order date,Status',
      'anna@example.com,Basic course,4900,2024-03-15 10:00,Оплачен',
      'boris@example.com,ebook-start,990,2024-03-16 11:00,',
      'vera@example.com,Basic course,4900,2024-03-17 12:00,paid'
    ].join('\n'))
    await loadSheet(page, sheet)
    await page.getByTestId(TID.load.next).click()
    await page.getByRole('heading', { name: /Map columns/ }).waitFor()
    await expect.poll(() => planCount(page, 'orders')).toBe(3)

    // The status column, read through the default table.
    await page.getByTestId(TID.map.statusSource).selectOption({ label: 'Status' })
    await page.getByTestId(TID.map.statusValue('Оплачен')).waitFor()
    expect(await page.getByTestId(TID.map.statusValue('Оплачен')).inputValue()).toBe('paid')

    // The Products step: the product written as its title is the shop's "course-basic".
    await page.getByTestId(TID.map.next).click()
    await page.getByRole('heading', { name: /Products in the shop/ }).waitFor()
    await page.locator(`[data-testid="${TID.products.catalog}"][data-state="ready"]`).waitFor()
    const line = (value: string) => page.getByTestId(TID.products.line(value))
    expect(await line('Basic course').getAttribute('data-match')).toBe('title')
    expect(await line('Basic course').innerText()).toContain('sent as course-basic')
    expect(await line('ebook-start').getAttribute('data-match')).toBe('name')
    expect(await page.getByTestId(TID.products.stopped).count()).toBe(0)
    expect(await planCount(page, 'validOrders')).toBe(3)

    const runId = await startSending(page, 20, 1)
    await page.getByRole('heading', { name: new RegExp(`^Run #${runId} · finished`) }).waitFor({ timeout: 30_000 })
    await openRun(page, runId)
    await waitForText(page, TID.history.statuses, /Statuses: 2 set, 0 created but not set/)
    const tags = page.getByTestId(TID.history.statusStep)
    await expect.poll(() => tags.count()).toBe(2)
    expect(await tags.first().innerText()).toBe('marked paid')
    await goToStep(page, 'history')
    expect(started.app.errors.filter((e) => e.startsWith('page error'))).toEqual([])
  })
})
