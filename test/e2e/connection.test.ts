// The Connection screen against a local sandbox acting as a real shop (custom API address): the
// sandbox badge until an account is saved, plain verdicts for a wrong and a right key, and the key
// never shown anywhere in the page or in main's answers.
import type { Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../electron/main/sandbox/sandbox'
import { goToStep, TID } from './helpers/actions'
import { startApp, type StartedApp } from './helpers/app'
import { runE2e, type AppPage } from './helpers/chromium'
import { Shots } from './helpers/shots'

const LOGIN = 'e2eshop'
// Long random-looking keys: a match anywhere can only be a leak.
const KEY = 'k3y-E2E-7f9c2b41d8a6e05f-right'
const WRONG_KEY = 'k3y-E2E-0a1b2c3d4e5f6789-wrong'

describe.skipIf(!runE2e)('connection screen', () => {
  let started: StartedApp
  let shop: Sandbox
  const answers: Promise<string>[] = []

  beforeAll(async () => {
    shop = await startSandbox({ account: LOGIN, secret: KEY })
    started = await startApp('connection')
    started.app.page.on('response', (response: Response) => {
      if (new URL(response.url()).pathname.startsWith('/api/')) answers.push(response.text().catch(() => ''))
    })
  })

  afterAll(async () => {
    await started?.stop()
    await shop?.close()
  })

  it('tests the sandbox, a wrong key and the right key in plain words, and never shows the key', async () => {
    const { app, host } = started
    const { page } = app
    const shots = new Shots('connection')
    await goToStep(page, 'connection')
    const screen = page.getByRole('region', { name: 'Connection' })

    // The built-in sandbox until an account is added, said in the header and on the screen.
    expect(await page.getByTestId(TID.sandboxBadge).count()).toBe(2)
    expect(await page.getByTestId(TID.sandboxBadge).first().innerText()).toBe('Sandbox — nothing reaches a real shop')
    await page.getByTestId(TID.connection.test).click()
    await waitForVerdict(page, /^Works\. Connected to the built-in sandbox/)
    await shots.take(page, 'sandbox')

    // An account on a custom API address, first with a wrong key.
    await page.getByTestId(TID.connection.login).fill(LOGIN)
    await page.getByTestId(TID.connection.key).fill(WRONG_KEY)
    await page.getByTestId(TID.connection.domain).selectOption('custom')
    await page.getByTestId(TID.connection.customUrl).fill(shop.baseUrl)
    await shots.take(page, 'account-form')
    await page.getByTestId(TID.connection.save).click()
    await page.getByTestId(TID.connection.keyStored).waitFor()
    expect(await page.getByTestId(TID.connection.key).inputValue()).toBe('')
    expect(await page.getByTestId(TID.sandboxBadge).count()).toBe(0)
    expect(await page.getByTestId(TID.connectionBadge).first().innerText()).toBe(`Live shop: ${LOGIN} · ${shop.baseUrl}`)
    await page.getByTestId(TID.connection.test).click()
    const bad = await waitForVerdict(page, /^Does not work\./)
    expect(bad).toMatch(/incorrect hash/)
    expect(bad).toMatch(/code 4/)
    await shots.take(page, 'wrong-key')

    // The right key replaces it; the verdict names the shop and the login.
    await page.getByTestId(TID.connection.key).fill(KEY)
    await page.getByTestId(TID.connection.save).click()
    await screen.getByText(/^Saved\. Orders will go to the shop of e2eshop/).waitFor()
    await page.getByTestId(TID.connection.test).click()
    const good = await waitForVerdict(page, /^Works\./)
    expect(good).toContain(`Connected to ${new URL(shop.baseUrl).host}: the login "${LOGIN}" and the API key are correct.`)
    await shots.take(page, 'right-key')

    // Nowhere in the page: markup, text, input values, storage; nor in any answer from main.
    const inputs = await page.locator('input').all()
    const seen = [
      await page.content(),
      await page.locator('body').innerText(),
      ...(await Promise.all(inputs.map((input) => input.inputValue()))),
      String(await page.evaluate('JSON.stringify({ ...sessionStorage, ...localStorage })')),
      ...(await Promise.all(answers)),
      host.output()
    ].join('\n')
    expect(answers.length).toBeGreaterThanOrEqual(5)
    for (const secret of [KEY, WRONG_KEY]) expect(seen).not.toContain(secret)
    // The scan itself works: the login it was given is there.
    expect(seen).toContain(LOGIN)
    expect(app.errors.filter((e) => e.startsWith('page error'))).toEqual([])
  })
})

async function waitForVerdict(page: AppPage['page'], pattern: RegExp): Promise<string> {
  const verdict = page.getByTestId(TID.connection.verdict).filter({ hasText: pattern })
  await verdict.waitFor()
  return verdict.innerText()
}
