// Crash safety from the user's side: the host is stopped mid-run (SIGTERM, a clean stop) and later
// killed mid-run (SIGKILL, a crash); each time a new host on the same data folder resumes the run
// from History, and in the end every order exists exactly once in the shop.
import Database from 'better-sqlite3'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sandboxShopPath } from '../../electron/main/ops/paths'
import { defaultJournalPath } from '../../electron/main/journal'
import { loadSampleFixed, openRun, startSending, stateCount, TID, waitForState } from './helpers/actions'
import { ensureRendererBuilt } from './helpers/build'
import { launchChromium, openApp, runE2e, type AppPage } from './helpers/chromium'
import { startHost, tempHome, type HostProcess } from './helpers/host'
import { SAMPLE_CSV } from './helpers/paths'
import { Shots } from './helpers/shots'

/** Slow enough that the run is still sending when the host goes down (30 orders take ~15 s). */
const RATE = 2

describe.skipIf(!runE2e)('stop the host mid-run, start it again and resume', () => {
  let browser: Browser
  let host: HostProcess | null = null
  let app: AppPage | null = null
  const home = tempHome('resume')

  beforeAll(async () => {
    ensureRendererBuilt()
    browser = await launchChromium()
  })

  afterAll(async () => {
    await app?.context.close()
    await browser?.close()
    await host?.stop('SIGTERM')
    home.remove()
  })

  /** A new host on the same data folder, and a new tab on its address (a new token each start). */
  const restart = async (): Promise<AppPage> => {
    await app?.context.close()
    host = await startHost(home.dir)
    app = await openApp(browser, host.url)
    return app
  }

  const resumeFromHistory = async (page: AppPage['page'], runId: number, shots: Shots, step: string): Promise<void> => {
    await openRun(page, runId)
    expect(await page.getByTestId(TID.history.run(runId)).innerText()).toMatch(/paused/i)
    await shots.take(page, step)
    await page.getByTestId(TID.history.resume).click()
    await page.getByRole('heading', { name: new RegExp(`^Run #${runId} · sending`) }).waitFor()
  }

  it('finishes with every order created once after a clean stop and after a crash', async () => {
    const shots = new Shots('stop-and-resume')
    let { page } = await restart()

    await loadSampleFixed(page, SAMPLE_CSV)
    const runId = await startSending(page, RATE, 1)
    const firstStop = await waitForState(page, 'succeeded', 4)
    await shots.take(page, 'send-in-progress')

    // A clean stop: the host pauses the run after the request in flight and exits 0.
    expect(await host?.stop('SIGTERM')).toBe(0)
    expect(host?.output()).toMatch(/Stopping: runs that are sending pause/)

    ;({ page } = await restart())
    await resumeFromHistory(page, runId, shots, 'history-after-stop')
    await waitForState(page, 'succeeded', firstStop + 4)
    await shots.take(page, 'send-resumed')

    // A crash: no chance to record anything; the journal and the shop must still agree.
    expect(await host?.stop('SIGKILL')).toBe('SIGKILL')

    ;({ page } = await restart())
    await openRun(page, runId)
    const detail = page.getByRole('region', { name: new RegExp(`^Run #${runId} `) })
    expect(await detail.innerText()).toMatch(/Orderbatch stopped while this run was sending/)
    await resumeFromHistory(page, runId, shots, 'history-after-crash')
    await page.getByRole('heading', { name: new RegExp(`^Run #${runId} · finished`) }).waitFor({ timeout: 60_000 })
    expect(await stateCount(page, 'succeeded').innerText()).toBe('30')
    await shots.take(page, 'send-finished')

    await openRun(page, runId)
    const orders = page.getByTestId(TID.history.orders).locator('tbody tr')
    await expect.poll(() => orders.count()).toBe(30)
    const bills = await page.getByTestId(TID.history.orders).locator('tbody tr td.num:nth-of-type(2)').allInnerTexts()
    expect(new Set(bills).size).toBe(30)
    for (const bill of bills) expect(bill).toMatch(/^\d+$/)
    await shots.take(page, 'history-finished')
    expect(app?.errors.filter((e) => e.startsWith('page error'))).toEqual([])

    // The shop's own ledger: exactly the 30 orders the journal names, none twice.
    expect(await host?.stop('SIGTERM')).toBe(0)
    host = null
    const shop = new Database(sandboxShopPath(defaultJournalPath(home.dir)), { readonly: true })
    try {
      const ledger = shop.prepare('SELECT bill_id, email, goods, created FROM orders WHERE deleted = 0').all() as Array<{ bill_id: number; email: string; goods: string; created: number }>
      expect(ledger).toHaveLength(30)
      // The sample has repeat customers: an order is its buyer, goods and order time together.
      expect(new Set(ledger.map((o) => `${o.email}|${o.goods}|${o.created}`)).size).toBe(30)
      expect(new Set(ledger.map((o) => String(o.bill_id)))).toEqual(new Set(bills))
    } finally {
      shop.close()
    }
  })
})
