// The pseudo-locale in the real browser: every text of the app wrapped in ⟦ ⟧ and 40% longer (as
// Russian often is). Each screen must still fit the 1280-pixel window without a page-wide
// horizontal scroll bar, and the step bar's buttons must hold their words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { PSEUDO_STORAGE_KEY } from '#shared/i18n/pseudo'
import { goToStep, loadSheet, TID } from './helpers/actions'
import { startApp, type StartedApp } from './helpers/app'
import { runE2e } from './helpers/chromium'
import { SAMPLE_CSV } from './helpers/paths'
import { Shots } from './helpers/shots'

/** What does not fit: the page wider than the window, or a step button cutting its words. */
// Run in the page (a string: these test files are Node code, without DOM types).
const OVERFLOW_SCRIPT = `(() => {
  const problems = []
  const root = document.documentElement
  if (root.scrollWidth > window.innerWidth + 1) problems.push('page is ' + root.scrollWidth + 'px wide in a ' + window.innerWidth + 'px window')
  for (const step of document.querySelectorAll('.step')) {
    if (step.scrollWidth > step.clientWidth + 1) problems.push('step button "' + step.textContent + '" overflows')
  }
  for (const card of document.querySelectorAll('main .card')) {
    if (card.scrollWidth > card.clientWidth + 1) problems.push('a card holds more than its width: "' + card.textContent.slice(0, 60) + '"')
  }
  for (const button of document.querySelectorAll('main button')) {
    const box = button.getBoundingClientRect()
    if (box.width > 0 && box.right > window.innerWidth + 1) problems.push('button "' + button.textContent + '" ends outside the window')
  }
  return problems
})()`

async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(OVERFLOW_SCRIPT) as Promise<string[]>
}

describe.skipIf(!runE2e)('pseudo-locale: 40% longer words still fit every screen', () => {
  let started: StartedApp
  beforeAll(async () => {
    started = await startApp('pseudo')
  })
  afterAll(() => started?.stop())

  it('lays out every screen without a page-wide horizontal scroll', async () => {
    const { page } = started.app
    const shots = new Shots('pseudo-locale')
    await page.evaluate(`localStorage.setItem(${JSON.stringify(PSEUDO_STORAGE_KEY)}, '1')`)
    await page.reload()
    await page.getByTestId(TID.app).waitFor()
    await page.getByTestId(TID.step('connection')).filter({ hasText: '⟦' }).waitFor()

    await goToStep(page, 'connection')
    await shots.take(page, 'connection')
    expect(await overflow(page), 'connection').toEqual([])

    await loadSheet(page, SAMPLE_CSV)
    await shots.take(page, 'load')
    expect(await overflow(page), 'load').toEqual([])

    await page.getByTestId(TID.load.next).click()
    await page.getByTestId(TID.map.previewFields).waitFor()
    await shots.take(page, 'map')
    expect(await overflow(page), 'map').toEqual([])

    await page.getByTestId(TID.map.next).click()
    await page.getByTestId(TID.review.grid).waitFor()
    await shots.take(page, 'review')
    expect(await overflow(page), 'review').toEqual([])

    await page.getByTestId(TID.review.next).click()
    await page.getByTestId(TID.send.start).click()
    await page.getByTestId(TID.send.result).waitFor({ timeout: 30_000 })
    await shots.take(page, 'send')
    expect(await overflow(page), 'send').toEqual([])

    await goToStep(page, 'history')
    await page.getByTestId(TID.history.run(1)).getByRole('button').click()
    await page.getByTestId(TID.history.orders).waitFor()
    await shots.take(page, 'history')
    expect(await overflow(page), 'history').toEqual([])
  })
})
