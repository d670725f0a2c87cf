// What a user does in the app, step by step, through the test ids of renderer/src/test-ids.ts.
import type { Page } from 'playwright-core'
import { TID } from '../../../renderer/src/test-ids'
import type { StepId } from '../../../renderer/src/steps'

export { TID }

const SLOW_MS = 30_000

export async function goToStep(page: Page, step: StepId): Promise<void> {
  await page.getByTestId(TID.step(step)).click()
  await page.locator(`[data-testid="${TID.step(step)}"][aria-current="step"]`).waitFor()
}

/** Sets the file input the way a file picker does, and waits for main's reading of it. */
/** Connects a shop at a custom address (a stand-in of the real service) and waits until the key is stored. */
export async function connectShop(page: Page, login: string, key: string, baseUrl: string): Promise<void> {
  await goToStep(page, 'connection')
  await page.getByTestId(TID.connection.login).fill(login)
  await page.getByTestId(TID.connection.key).fill(key)
  await page.getByTestId(TID.connection.domain).selectOption('custom')
  await page.getByTestId(TID.connection.customUrl).fill(baseUrl)
  await page.getByTestId(TID.connection.save).click()
  await page.getByTestId(TID.connection.keyStored).waitFor()
}

export async function loadSheet(page: Page, path: string): Promise<void> {
  await goToStep(page, 'load')
  await page.getByTestId(TID.load.fileInput).setInputFiles(path)
  await page.getByTestId(TID.load.summary).waitFor({ timeout: SLOW_MS })
}

/** The number a counts bar shows for one count (rows, orders, validOrders, errors...). */
export async function planCount(page: Page, key: string): Promise<number> {
  const text = await page.getByTestId(TID.counts).locator(`[data-count="${key}"] dd`).innerText()
  return Number(text.replace(/[^\d]/g, ''))
}

/** The number in the state bar's legend for one order state (succeeded, failed, pending...). */
export function stateCount(page: Page, state: string, scope = page.locator('body')) {
  return scope.locator(`.state-legend li[data-state="${state}"] strong`)
}

export async function setPace(page: Page, rate: number, concurrency: number): Promise<void> {
  await page.getByTestId(TID.send.rate).fill(String(rate))
  await page.getByTestId(TID.send.concurrency).fill(String(concurrency))
}

/** Opens History and selects the run. */
export async function openRun(page: Page, runId: number): Promise<void> {
  await goToStep(page, 'history')
  await page.getByTestId(TID.history.run(runId)).getByRole('button', { name: `Run #${runId}` }).click()
  await page.getByRole('heading', { name: new RegExp(`^Run #${runId} `) }).waitFor()
}

/** Waits until the element's text matches (no DOM types here: the test files are Node code). */
export async function waitForText(page: Page, testId: string, pattern: RegExp, timeout = SLOW_MS): Promise<void> {
  await page.getByTestId(testId).filter({ hasText: pattern }).first().waitFor({ timeout })
}

/** The sample's one bad row (sheet row 4, "maria.ivanova@") and the address that fixes it. */
export const BAD_EMAIL = { row: 4, column: 3, value: 'maria.ivanova@', fixed: 'maria.ivanova@example.ru' } as const

/** Loads the sample and fixes its bad e-mail in the review grid, so all 30 orders are valid. */
export async function loadSampleFixed(page: Page, path: string): Promise<void> {
  await loadSheet(page, path)
  await goToStep(page, 'review')
  const cell = page.getByTestId(TID.review.cell(BAD_EMAIL.row, BAD_EMAIL.column))
  await cell.dblclick()
  const editor = page.getByTestId(TID.review.editor)
  await editor.fill(BAD_EMAIL.fixed)
  await editor.press('Enter')
  await cell.filter({ hasText: BAD_EMAIL.fixed }).waitFor()
  await page.getByTestId(TID.counts).locator('[data-count="validOrders"] dd').filter({ hasText: /^30$/ }).waitFor()
}

/** Starts sending from the Send screen at the given pace; answers the new run's number. */
export async function startSending(page: Page, rate: number, concurrency: number): Promise<number> {
  await goToStep(page, 'send')
  await setPace(page, rate, concurrency)
  await page.getByTestId(TID.send.start).click()
  const heading = page.getByRole('heading', { name: /^Run #\d+ · / })
  // A real shop (a stand-in here) asks once more, with what the shop is likely to do.
  const goAhead = page.getByTestId(TID.confirmOk)
  await heading.or(goAhead).first().waitFor()
  if (await goAhead.isVisible()) await goAhead.click()
  await heading.waitFor()
  return Number(/#(\d+)/.exec(await heading.innerText())?.[1])
}

/** Waits until the state legend in view shows at least `count` orders in `state`. */
export async function waitForState(page: Page, state: string, count: number, timeout = SLOW_MS): Promise<number> {
  const cell = stateCount(page, state).first()
  const deadline = Date.now() + timeout
  for (;;) {
    const text = await cell.innerText().catch(() => '')
    const value = Number(text.replace(/[^\d]/g, ''))
    if (text !== '' && value >= count) return value
    if (Date.now() > deadline) throw new Error(`Waited ${timeout / 1000} s for ${count} orders "${state}"; the page shows ${text || 'no count'}.`)
    await page.waitForTimeout(100)
  }
}
