// The whole import in the browser: load the sample sheet, check the mapping and the request body,
// fix the one bad e-mail in the grid, send to the sandbox, and export the results.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BAD_EMAIL, loadSheet, openRun, planCount, setPace, stateCount, TID, waitForText } from './helpers/actions'
import { startApp, type StartedApp } from './helpers/app'
import { runE2e } from './helpers/chromium'
import { SAMPLE_CSV } from './helpers/paths'
import { Shots } from './helpers/shots'

describe.skipIf(!runE2e)('happy path: load, map, review, send, export', () => {
  let started: StartedApp
  beforeAll(async () => {
    started = await startApp('happy')
  })
  afterAll(() => started?.stop())

  it('imports the sample sheet into the sandbox and exports every bill id', async () => {
    const { app } = started
    const { page } = app
    const shots = new Shots('happy-path')
    await shots.take(page, 'start')

    // 1 Load: what was detected about the file.
    await loadSheet(page, SAMPLE_CSV)
    const summary = await page.getByTestId(TID.load.summary).innerText()
    expect(summary).toContain('orders.csv')
    expect(summary).toMatch(/CSV · 30 data rows · 14 columns/)
    expect(summary).not.toMatch(/still missing/)
    expect(await page.getByTestId(TID.load.delimiter).inputValue()).toBe(',')
    expect(await page.getByTestId(TID.load.encoding).inputValue()).toMatch(/utf-?8/i)
    expect(await page.getByTestId(TID.load.headerRow).inputValue()).toBe('1')
    await expect.poll(() => page.getByTestId(TID.load.rawPreview).locator('tr').count()).toBeGreaterThan(1)
    await shots.take(page, 'load')

    // 2 Map: every column found its field, and the body is what the shop will receive.
    await page.getByTestId(TID.load.next).click()
    await page.getByRole('heading', { name: /Map columns/ }).waitFor()
    await expect.poll(() => planCount(page, 'orders')).toBe(30)
    expect(await page.getByText('Required — not mapped').count()).toBe(0)
    expect(await page.getByText('Column missing').count()).toBe(0)
    expect(await page.getByText(/Columns not used/).count()).toBe(0)
    for (const key of ['bill_email', 'bill_first_name', 'bill_surname', 'bill_phone', 'bill_country', 'bill_city', 'bill_address', 'bill_postal_code']) {
      expect(await page.getByTestId(TID.map.badge(key)).innerText(), key).toMatch(/^Matched/)
    }
    const body = page.getByTestId(TID.map.previewBody)
    await body.filter({ hasText: 'bill_email=anna.smirnova%40example.com' }).waitFor()
    const bodyText = await body.innerText()
    expect(bodyText).toMatch(/^goods%5B0%5D%5Bgood_name%5D=course-basic&goods%5B0%5D%5Bgood_sum%5D=4900/)
    expect(bodyText).toMatch(/&hash=•••$/)
    await shots.take(page, 'map')

    // 3 Review: the bad e-mail of row 4 is marked with its message.
    await page.getByTestId(TID.map.next).click()
    await page.getByRole('heading', { name: /Review rows/ }).waitFor()
    expect(await planCount(page, 'errors')).toBe(1)
    expect(await planCount(page, 'validOrders')).toBe(29)
    const badCell = page.getByTestId(TID.review.cell(BAD_EMAIL.row, BAD_EMAIL.column))
    await badCell.waitFor()
    expect(await badCell.innerText()).toBe(BAD_EMAIL.value)
    expect(await badCell.getAttribute('aria-invalid')).toBe('true')
    expect(await badCell.getAttribute('class')).toContain('cell-error')
    expect(await badCell.getAttribute('title')).toMatch(/e-?mail/i)
    expect(await page.getByTestId(TID.review.row(BAD_EMAIL.row)).getAttribute('class')).toContain('row-error')
    await badCell.click()
    await waitForText(page, TID.review.panel, /Row 4/)
    expect(await page.getByTestId(TID.review.panel).innerText()).toMatch(/e-?mail/i)
    await shots.take(page, 'review-problem')

    // Fixed in place: the row validates again and nothing is held back.
    await badCell.dblclick()
    const editor = page.getByTestId(TID.review.editor)
    await editor.fill(BAD_EMAIL.fixed)
    await editor.press('Enter')
    await badCell.filter({ hasText: BAD_EMAIL.fixed }).waitFor()
    await expect.poll(() => planCount(page, 'errors')).toBe(0)
    expect(await planCount(page, 'validOrders')).toBe(30)
    expect(await badCell.getAttribute('aria-invalid')).toBeNull()
    expect(await page.getByTestId(TID.review.row(BAD_EMAIL.row)).innerText()).toContain('Edited · ready')
    await shots.take(page, 'review-fixed')

    // 4 Send at a quick pace; every order is created.
    await page.getByTestId(TID.review.next).click()
    await page.getByRole('heading', { name: /Send orders/ }).waitFor()
    expect(await page.getByText('Orders to send').locator('..').innerText()).toMatch(/30$/)
    await page.getByTestId(TID.sandboxBadge).first().waitFor()
    await setPace(page, 20, 4)
    await shots.take(page, 'send-ready')
    await page.getByTestId(TID.send.start).click()
    await page.getByRole('heading', { name: /Run #1 · finished/ }).waitFor({ timeout: 30_000 })
    expect(await stateCount(page, 'succeeded').innerText()).toBe('30')
    expect(await stateCount(page, 'failed').innerText()).toBe('0')
    expect(await page.getByTestId(TID.send.log).locator('li').count()).toBeGreaterThanOrEqual(30)
    await shots.take(page, 'send-finished')

    // History: 30 created, each with its bill id.
    await openRun(page, 1)
    const runRow = await page.getByTestId(TID.history.run(1)).innerText()
    expect(runRow).toMatch(/Finished/i)
    const orders = page.getByTestId(TID.history.orders).locator('tbody tr')
    await expect.poll(() => orders.count()).toBe(30)
    const bills = await page.getByTestId(TID.history.orders).locator('tbody tr td.num:nth-of-type(2)').allInnerTexts()
    expect(bills).toHaveLength(30)
    for (const bill of bills) expect(bill).toMatch(/^\d+$/)
    expect(new Set(bills).size).toBe(30)
    await shots.take(page, 'history')

    // Export as CSV: the browser downloads what main wrote.
    await page.getByTestId(TID.history.exportFormat).selectOption('csv')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(TID.history.export).click()])
    const path = await download.path()
    const csv = readFileSync(path)
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = csv.toString('utf8').slice(1).split('\r\n').filter((line) => line !== '')
    expect(lines).toHaveLength(31)
    const header = parseCsvLine(lines[0] ?? '')
    const billColumn = header.indexOf('Bill ID')
    const emailIndex = header.indexOf('Email')
    expect(billColumn).toBeGreaterThan(0)
    const rows = lines.slice(1).map(parseCsvLine)
    const exportedBills = rows.map((cells) => cells[billColumn] ?? '')
    for (const bill of exportedBills) expect(bill).toMatch(/^\d+$/)
    expect(new Set(exportedBills)).toEqual(new Set(bills))
    expect(rows.map((cells) => cells[emailIndex])).toContain(BAD_EMAIL.fixed)
    expect(download.suggestedFilename()).toMatch(/\.csv$/)
    await waitForText(page, 'run-action-result', /Exported/)
    await shots.take(page, 'history-exported')

    expect(app.errors.filter((e) => e.startsWith('page error'))).toEqual([])
  })
})

/** One line of the export (every field quoted, "" inside). */
function parseCsvLine(line: string): string[] {
  const cells: string[] = []
  const field = /"((?:[^"]|"")*)"(?:,|$)/g
  for (let match = field.exec(line); match; match = field.exec(line)) cells.push((match[1] ?? '').replace(/""/g, '"'))
  return cells
}
