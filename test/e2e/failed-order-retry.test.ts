// A shop refusal fixed where it happened: the shop still sold "consult-06" when the app read its
// product list, so the Products step found it; by the time the orders go out it no longer does and
// answers 604 for that order. The user corrects that cell of the failed order in History and
// resumes; it ends created. (The shop is a local sandbox on a custom API address, restarted on the
// same address with the smaller catalog.)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../electron/main/sandbox/sandbox'
import { connectShop, goToStep, loadSampleFixed, openRun, startSending, stateCount, TID, waitForText } from './helpers/actions'
import { startApp, type StartedApp } from './helpers/app'
import { runE2e } from './helpers/chromium'
import { SAMPLE_CSV } from './helpers/paths'
import { Shots } from './helpers/shots'

/** Everything the sample sells: the shop refuses any other product id with 604. */
const SHOP_PRODUCTS = ['course-basic', 'course-pro', 'ebook-start', 'webinar-pass', 'consult-60']
const TYPO = { row: 6, column: 9, wrong: 'consult-06', right: 'consult-60' } as const
const LOGIN = 'retryshop'
const KEY = 'k3y-E2E-retry-3c51a0d9'

describe.skipIf(!runE2e)('a failed order edited in History and sent again', () => {
  let started: StartedApp
  let shop: Sandbox
  beforeAll(async () => {
    shop = await startSandbox({ account: LOGIN, secret: KEY, products: [...SHOP_PRODUCTS, TYPO.wrong] })
    started = await startApp('retry')
  })
  afterAll(async () => {
    await started?.stop()
    await shop?.close()
  })

  /** The sample with a typo in one product id, as a real sheet might have. */
  const sheetWithTypo = (): string => {
    const lines = readFileSync(SAMPLE_CSV, 'utf8').split('\n')
    const line = lines[TYPO.row - 1] ?? ''
    expect(line).toContain(`,${TYPO.right},`)
    lines[TYPO.row - 1] = line.replace(`,${TYPO.right},`, `,${TYPO.wrong},`)
    const dir = join(started.home.dir, 'sheets')
    mkdirSync(dir)
    const path = join(dir, 'orders.csv')
    writeFileSync(path, lines.join('\n'))
    return path
  }

  it('corrects the product id of the refused order in place and creates it', async () => {
    const { app } = started
    const { page } = app
    const shots = new Shots('failed-order-retry')

    // Connect the shop; its product list is read and has the product.
    await connectShop(page, LOGIN, KEY, shop.baseUrl)
    await loadSampleFixed(page, sheetWithTypo())
    await goToStep(page, 'products')
    await page.locator(`[data-testid="${TID.products.catalog}"][data-state="ready"]`).waitFor()
    await page.locator(`[data-testid="${TID.products.line(TYPO.wrong)}"][data-match="name"]`).waitFor()

    // The shop drops the product before the run.
    const port = shop.port
    await shop.close()
    shop = await startSandbox({ account: LOGIN, secret: KEY, port, products: SHOP_PRODUCTS })

    const runId = await startSending(page, 20, 4)
    await page.getByRole('heading', { name: new RegExp(`^Run #${runId} · finished`) }).waitFor({ timeout: 30_000 })
    expect(await stateCount(page, 'succeeded').innerText()).toBe('29')
    expect(await stateCount(page, 'failed').innerText()).toBe('1')
    await shots.take(page, 'send-one-failed')

    // History shows the shop's answer for the failed order.
    await openRun(page, runId)
    await page.getByTestId(TID.history.stateFilter('failed')).check()
    const failedRows = page.getByTestId(TID.history.orders).locator('tbody tr')
    await expect.poll(() => failedRows.count()).toBe(1)
    const row = failedRows.first()
    expect(await row.innerText()).toMatch(/604: .*"product not exist".*consult-06/)
    expect(await row.locator('td').nth(3).innerText()).toBe(String(TYPO.row))
    const ordinal = Number(await row.locator('th').innerText())
    await shots.take(page, 'history-failed')

    // Fix the product cell of that order's sheet row and save: main re-plans and queues it.
    await page.getByTestId(TID.history.editFailed(ordinal)).click()
    const cell = page.getByTestId(TID.history.editCell(TYPO.row, TYPO.column))
    expect(await cell.inputValue()).toBe(TYPO.wrong)
    await cell.fill(TYPO.right)
    await shots.take(page, 'fix-dialog')
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Save changes' }).click()
    await dialog.getByText(`Corrected: order #${ordinal} is queued again`).waitFor()
    await shots.take(page, 'fix-saved')
    await dialog.getByRole('button', { name: 'Close' }).click()

    // Resume sends just that order; the run ends with everything created.
    await page.getByTestId(TID.history.resume).click()
    await page.getByRole('heading', { name: new RegExp(`^Run #${runId} · finished`) }).waitFor({ timeout: 30_000 })
    await waitForText(page, TID.send.progress, /created: 30/)
    expect(await stateCount(page, 'failed').innerText()).toBe('0')
    await shots.take(page, 'send-retried')

    await openRun(page, runId)
    const order = page.getByTestId(TID.history.order(ordinal))
    await order.filter({ hasText: /created/ }).waitFor()
    expect(await order.locator('td').nth(1).innerText()).toMatch(/^\d+$/)
    expect(await order.locator('td').nth(4).innerText()).toBe('2')
    expect(await page.getByTestId(TID.history.run(runId)).innerText()).toMatch(/finished\s+30\s+0\s+0\s+0\s+30/i)
    await shots.take(page, 'history-all-created')
    expect(app.errors.filter((e) => e.startsWith('page error'))).toEqual([])
  })
})
