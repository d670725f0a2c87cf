// A refusal fixed where it happened: one order names a product the shop does not sell, so the
// check against the shop's product list makes it an error before sending (never a 604 mid-run);
// the user corrects that cell of the failed order in History and resumes; it ends created.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadSampleFixed, openRun, startSending, stateCount, TID, waitForText } from './helpers/actions'
import { startApp, type StartedApp } from './helpers/app'
import { runE2e } from './helpers/chromium'
import { SAMPLE_CSV } from './helpers/paths'
import { Shots } from './helpers/shots'

/** Everything the sample sells: the sandbox shop refuses any other product id with 604. */
const SHOP_PRODUCTS = ['course-basic', 'course-pro', 'ebook-start', 'webinar-pass', 'consult-60']
const TYPO = { row: 6, column: 9, wrong: 'consult-06', right: 'consult-60' } as const

describe.skipIf(!runE2e)('a failed order edited in History and sent again', () => {
  let started: StartedApp
  beforeAll(async () => {
    started = await startApp('retry', { ORDERBATCH_SANDBOX_PRODUCTS: SHOP_PRODUCTS.join(',') })
  })
  afterAll(() => started?.stop())

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

    await loadSampleFixed(page, sheetWithTypo())
    const runId = await startSending(page, 20, 4)
    await page.getByRole('heading', { name: new RegExp(`^Run #${runId} · finished`) }).waitFor({ timeout: 30_000 })
    expect(await stateCount(page, 'succeeded').innerText()).toBe('29')
    expect(await stateCount(page, 'failed').innerText()).toBe('1')
    await shots.take(page, 'send-one-failed')

    // History shows why the order was not sent: the shop's list has no such product.
    await openRun(page, runId)
    await page.getByTestId(TID.history.stateFilter('failed')).check()
    const failedRows = page.getByTestId(TID.history.orders).locator('tbody tr')
    await expect.poll(() => failedRows.count()).toBe(1)
    const row = failedRows.first()
    expect(await row.innerText()).toMatch(/the shop has no product "consult-06"\. Did you mean "consult-60"/)
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
    // One attempt: the unknown product was caught before sending, so only the corrected order went.
    expect(await order.locator('td').nth(4).innerText()).toBe('1')
    expect(await page.getByTestId(TID.history.run(runId)).innerText()).toMatch(/finished\s+30\s+0\s+0\s+0\s+30/i)
    await shots.take(page, 'history-all-created')
    expect(app.errors.filter((e) => e.startsWith('page error'))).toEqual([])
  })
})
