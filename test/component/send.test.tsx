import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import type { ConnectionInfo, RunSummary } from '#shared/ipc/contract'
import { sideEffects } from '#shared/run/side-effects'
import { useRunFeed, LOG_CAP } from '../../renderer/src/lib/run-feed'
import { SendScreen } from '../../renderer/src/screens/send/SendScreen'
import { SendLog } from '../../renderer/src/screens/send/SendLog'
import { englishOf, msg } from '#shared/i18n/message'
import { TID } from '../../renderer/src/test-ids'
import { createFakeApi, SANDBOX, type FakeApi } from './fake-api'
import { counts, progress, runSummary, session, stateCounts } from './fixtures'
import { renderWithApi, WithSession } from './render'

function Harness({ connection }: { connection: ConnectionInfo }) {
  const feed = useRunFeed()
  const [runId, setRunId] = useState<number | null>(null)
  const [summary] = useState(() => session({ counts: counts({ validOrders: 95, alreadyCreated: 3, excludedRows: 2, errors: 5 }) }))
  return (
    <WithSession summary={summary}>
      {(state) => (
        <SendScreen state={state} connection={connection} feed={feed} activeRunId={runId} onRunStarted={setRunId} onOpenHistory={() => undefined} />
      )}
    </WithSession>
  )
}

/** The Send screen showing a run it did not start, as after "Watch" in History. */
function renderOpenedRun(api: FakeApi, runId: number) {
  function Opened() {
    const feed = useRunFeed()
    const [summary] = useState(() => session())
    return <WithSession summary={summary}>{(state) => <SendScreen state={state} connection={SANDBOX} feed={feed} activeRunId={runId} onRunStarted={() => undefined} onOpenHistory={() => undefined} />}</WithSession>
  }
  renderWithApi(<Opened />, api)
}

function setup(connection: ConnectionInfo = SANDBOX, extra: Parameters<typeof createFakeApi>[0] = {}) {
  const status = (s: RunSummary['status']) => () => runSummary({ status: s })
  const api = createFakeApi({
    ...extra,
    'run.start': () => ({ runId: 7, staged: 95, skipped: 3 }),
    'run.pause': status('paused'),
    'run.resume': status('running'),
    'run.cancel': status('cancelled')
  })
  renderWithApi(<Harness connection={connection} />, api)
  return { api, user: userEvent.setup() }
}

describe('Send screen', () => {
  it('says what will be sent and where, then starts with the sandbox pace of 20 requests per second, 4 at a time', async () => {
    const { api, user } = setup()
    expect((await screen.findByTestId(TID.sandboxBadge)).textContent).toBe('Sandbox — nothing reaches a real shop')
    const what = screen.getByRole('heading', { name: 'What will be sent' }).parentElement!
    expect(within(what).getByText('Orders to send').nextSibling?.textContent).toBe('92')
    expect(within(what).getByText('Held back by errors').nextSibling?.textContent).toBe('5')
    expect(within(what).getByText('Created by an earlier run (skipped)').nextSibling?.textContent).toBe('3')
    expect((screen.getByTestId(TID.send.rate) as HTMLInputElement).value).toBe('20')
    expect((screen.getByTestId(TID.send.concurrency) as HTMLInputElement).value).toBe('4')

    await user.click(screen.getByTestId(TID.send.start))
    await waitFor(() => expect(api.inputsOf('run.start')).toEqual([{ sessionId: 's-1', rate: 20, concurrency: 4 }]))
    expect((await screen.findByRole('heading', { name: /Run #7/ })).textContent).toContain('sending')
    expect(screen.getByText(/95 orders queued, 3 skipped/)).toBeTruthy()
    expect(screen.queryByTestId(TID.send.start)).toBeNull()
  })

  it('sends the pace the user typed and refuses one main would refuse', async () => {
    const { api, user } = setup()
    const rate = await screen.findByTestId(TID.send.rate)
    await user.clear(rate)
    await user.type(rate, '0')
    await user.click(screen.getByTestId(TID.send.start))
    expect(screen.getByRole('alert').textContent).toMatch(/Requests per second must be a number above 0/)
    expect(api.inputsOf('run.start')).toEqual([])

    await user.clear(rate)
    await user.type(rate, '2.5')
    const concurrency = screen.getByTestId(TID.send.concurrency)
    await user.clear(concurrency)
    await user.type(concurrency, '3')
    await user.click(screen.getByTestId(TID.send.start))
    await waitFor(() => expect(api.lastInput('run.start')).toEqual({ sessionId: 's-1', rate: 2.5, concurrency: 3 }))
  })

  it('shows progress events: counts per state, speed and time left', async () => {
    const { api, user } = setup()
    await user.click(await screen.findByTestId(TID.send.start))
    await screen.findByRole('heading', { name: /Run #7/ })
    act(() => api.emit('run.progress', progress()))
    const bar = screen.getByRole('progressbar', { name: 'Orders handled' })
    expect(bar.getAttribute('aria-valuenow')).toBe('39')
    expect(bar.getAttribute('aria-valuemax')).toBe('100')
    const legend = screen.getByTestId(TID.send.progress)
    expect(legend.querySelector('[data-state="succeeded"]')?.textContent).toBe('created: 35')
    expect(legend.querySelector('[data-state="unknown"]')?.textContent).toBe('unknown outcome: 1')
    expect(screen.getByTestId(TID.send.eta).textContent).toBe('about 2 min 5 sec')
    expect(screen.getByText('58.5 orders/min')).toBeTruthy()

    // Another run's events do not touch this one.
    act(() => api.emit('run.progress', progress({ runId: 8, counts: stateCounts({ succeeded: 1 }), etaSeconds: 5 })))
    expect(screen.getByTestId(TID.send.eta).textContent).toBe('about 2 min 5 sec')

    act(() => api.emit('run.progress', progress({ counts: stateCounts({ succeeded: 97, failed: 3 }), inFlight: 0, etaSeconds: 0 })))
    expect(screen.getByRole('heading', { name: /Run #7/ }).textContent).toContain('finished')
    expect(screen.getByText(/The run is over/)).toBeTruthy()
    // The finished run's result is shown, not the same sheet as still to be sent.
    expect(screen.queryByRole('heading', { name: 'What will be sent' })).toBeNull()
    expect(screen.queryByTestId(TID.send.start)).toBeNull()
    expect(screen.getByTestId(TID.send.result)).toBeTruthy()
  })

  it('pauses, resumes with the current pace, and cancels only after confirmation', async () => {
    const { api, user } = setup()
    await user.click(await screen.findByTestId(TID.send.start))
    act(() => api.emit('run.progress', progress()))

    await user.click(screen.getByTestId(TID.send.pause))
    await waitFor(() => expect(api.inputsOf('run.pause')).toEqual([{ runId: 7 }]))
    const rate = await screen.findByTestId(TID.send.rate)
    await user.clear(rate)
    await user.type(rate, '0.5')
    await user.click(screen.getByTestId(TID.send.resume))
    await waitFor(() => expect(api.inputsOf('run.resume')).toEqual([{ runId: 7, rate: 0.5, concurrency: 4 }]))
    expect(await screen.findByTestId(TID.send.pause)).toBeTruthy()

    await user.click(screen.getByTestId(TID.send.cancel))
    const dialog = screen.getByTestId(TID.confirmDialog)
    expect(dialog.textContent).toContain('60 orders waiting now will not be sent')
    expect(document.activeElement).toBe(screen.getByTestId(TID.confirmCancel))
    await user.click(screen.getByTestId(TID.confirmCancel))
    expect(screen.queryByTestId(TID.confirmDialog)).toBeNull()
    expect(api.inputsOf('run.cancel')).toEqual([])

    await user.click(screen.getByTestId(TID.send.cancel))
    await user.click(screen.getByTestId(TID.confirmOk))
    await waitFor(() => expect(api.inputsOf('run.cancel')).toEqual([{ runId: 7 }]))
    expect((await screen.findByRole('heading', { name: /Run #7/ })).textContent).toContain('cancelled')
    expect(screen.queryByTestId(TID.send.pause)).toBeNull()
  })

  it('keeps a live log of answers, newest first and capped', async () => {
    const { api, user } = setup()
    await user.click(await screen.findByTestId(TID.send.start))
    await screen.findByRole('heading', { name: /Run #7/ })
    act(() => {
      for (let i = 1; i <= LOG_CAP + 10; i++) api.emit('run.log', { runId: 7, at: Date.UTC(2025, 0, 1, 12, 0, i % 60), kind: i % 2 ? 'succeeded' : 'failed', ordinal: i, text: `Order ${i}: answer ${i}` })
      api.emit('run.log', { runId: 8, at: 0, kind: 'succeeded', ordinal: 1, text: 'another run' })
    })
    const log = screen.getByTestId(TID.send.log)
    const items = Array.from(log.querySelectorAll('li'))
    expect(items).toHaveLength(LOG_CAP - 1) // the cap counts the other run's entry too
    expect(items[0]?.textContent).toContain(`Order ${LOG_CAP + 10}: answer`)
    expect(items[0]?.className).toBe('log-bad')
    expect(items[1]?.className).toBe('log-ok')
    expect(log.textContent).not.toContain('another run')
  })

  it('words the live log in the language on screen from each line\'s key, the shop\'s texts as they came', () => {
    const line = (ordinal: number, message: ReturnType<typeof msg>) => ({ runId: 7, at: Date.UTC(2025, 0, 1, 12, 0, ordinal), kind: 'retry', ordinal, text: englishOf(message), key: message.key, params: message.params ?? {} })
    const entries = [
      line(2, msg('log.retry', { ordinal: 2, delay: msg('log.secondsTenths', { value: 2.5 }), reason: 'connection reset' })),
      line(1, msg('log.created', { ordinal: 1, bill: 1001 }))
    ]
    renderWithApi(<SendLog entries={entries} />, createFakeApi(), { language: 'ru' })
    const items = Array.from(screen.getByTestId(TID.send.log).querySelectorAll('.log-text')).map((el) => el.textContent)
    expect(items).toEqual(['Заказ 2 не отправлен; новая попытка через 2,5 с: connection reset', 'Заказ 1 создан: счёт 1001.'])
    expect(entries[0]?.text).toBe('Order 2 was not sent; trying again in 2.5 s: connection reset')
  })

  it('offers no start when every valid order was created by an earlier run', async () => {
    const api = createFakeApi()
    function AllCreated() {
      const feed = useRunFeed()
      const [summary] = useState(() => session({ counts: counts({ validOrders: 4, alreadyCreated: 4 }) }))
      return <WithSession summary={summary}>{(state) => <SendScreen state={state} connection={SANDBOX} feed={feed} activeRunId={null} onRunStarted={() => undefined} onOpenHistory={() => undefined} />}</WithSession>
    }
    renderWithApi(<AllCreated />, api)
    expect(await screen.findByTestId(TID.send.start)).toHaveProperty('disabled', true)
    expect(screen.getByText(/Nothing to send/)).toBeTruthy()
  })

  it('shows the pace of a run opened from History, not the defaults, and resumes with it', async () => {
    const api = createFakeApi({
      'runs.list': () => [runSummary({ runId: 9, status: 'paused', rate: 2.5, concurrency: 3 })],
      'run.resume': () => runSummary({ runId: 9, status: 'running', rate: 2.5, concurrency: 3 })
    })
    renderOpenedRun(api, 9)
    await waitFor(() => expect((screen.getByTestId(TID.send.rate) as HTMLInputElement).value).toBe('2.5'))
    expect((screen.getByTestId(TID.send.concurrency) as HTMLInputElement).value).toBe('3')
    act(() => api.emit('run.progress', progress({ runId: 9, paused: true, rate: 2.5 })))
    const user = userEvent.setup()
    await user.click(await screen.findByTestId(TID.send.resume))
    await waitFor(() => expect(api.inputsOf('run.resume')).toEqual([{ runId: 9, rate: 2.5, concurrency: 3 }]))
  })

  it('falls back to the rate of the run\'s progress when main does not say its pace', async () => {
    const api = createFakeApi({ 'runs.list': () => [runSummary({ runId: 9, status: 'running' })] })
    renderOpenedRun(api, 9)
    await waitFor(() => expect(api.inputsOf('runs.list')).toHaveLength(1))
    act(() => api.emit('run.progress', progress({ runId: 9, rate: 4 })))
    expect((screen.getByTestId(TID.send.rate) as HTMLInputElement).value).toBe('4')
    // Only the first event: later ones (slower after a back-off) do not overwrite what is shown.
    act(() => api.emit('run.progress', progress({ runId: 9, rate: 2 })))
    expect((screen.getByTestId(TID.send.rate) as HTMLInputElement).value).toBe('4')
  })

  it('names the live shop when orders go to a real account', async () => {
    setup({ kind: 'account', login: 'shop42', domain: 'influencersoft.com', hasKey: true, keyStorage: 'os keychain' })
    await waitFor(() => expect(screen.getByTestId(TID.connectionBadge).textContent).toBe('Live shop: shop42 · influencersoft.com'))
    expect(screen.queryByTestId(TID.sandboxBadge)).toBeNull()
    // A real shop starts gently: one request per second, one at a time.
    expect((screen.getByTestId(TID.send.rate) as HTMLInputElement).value).toBe('1')
    expect((screen.getByTestId(TID.send.concurrency) as HTMLInputElement).value).toBe('1')
  })

  it('shows what a real shop is likely to do, asked of main for the pace typed, worded by the shared module', async () => {
    const shop: ConnectionInfo = { kind: 'account', login: 'shop42', domain: 'influencersoft.com', hasKey: true, keyStorage: 'os keychain' }
    const { api, user } = setup(shop, {
      'run.notice': ({ rate, concurrency }) => ({ effects: sideEffects({ sandbox: false, orders: 92, paid: 0, calls: 92, rate, concurrency }) })
    })
    const notice = await screen.findByTestId(TID.send.notice)
    const lines = () => within(screen.getByTestId(TID.send.notice)).getAllByRole('listitem').map((li) => li.textContent)
    expect(lines()[0]).toMatch(/^The shop may e-mail you \(the owner\) about each of the 92 new orders\./)
    expect(lines()[1]).toMatch(/^92 orders arrive as unpaid invoices/)
    // The duration in the reader's words (Intl), as every duration of the app.
    expect(lines()[2]).toMatch(/^92 API calls at 1 per second: \S.*\.$/)
    expect(lines()).toHaveLength(3)
    expect(notice).toBeTruthy()
    // Each line a setting can turn off links to the help page of that setting; opened outside.
    const link = screen.getByTestId(TID.send.noticeLink('owner-emails')) as HTMLAnchorElement
    expect(link.href).toBe('https://help.influencersoft.com/hc/en-us/articles/360050388432-Store-Settings')
    expect(link.target).toBe('_blank')
    expect(link.textContent).toBe('Where to change it (help page)')
    expect((screen.getByTestId(TID.send.noticeLink('unpaid-reminders')) as HTMLAnchorElement).href).toContain('Adding-and-Editing-a-Product')
    expect(screen.queryByTestId(TID.send.noticeLink('calls-and-time'))).toBeNull()
    const rate = screen.getByTestId(TID.send.rate)
    await user.clear(rate)
    await user.type(rate, '5')
    await waitFor(() => expect(lines().at(-1)).toMatch(/^A pace of 5 per second is above the safe 1 per second/))
    expect(api.inputsOf('run.notice').at(-1)).toEqual({ sessionId: 's-1', rate: 5, concurrency: 1 })
  })

  it('asks before a run to a real shop, listing what the shop is likely to do; Not now sends nothing', async () => {
    const shop: ConnectionInfo = { kind: 'account', login: 'shop42', domain: 'influencersoft.com', hasKey: true, keyStorage: 'os keychain' }
    const { api, user } = setup(shop, {
      'run.notice': ({ rate, concurrency }) => ({ effects: sideEffects({ sandbox: false, orders: 92, paid: 0, calls: 92, rate, concurrency }) })
    })
    await screen.findByTestId(TID.send.notice)
    await user.click(screen.getByTestId(TID.send.start))
    const dialog = await screen.findByTestId(TID.confirmDialog)
    expect(within(dialog).getByRole('heading').textContent).toBe('Send to the shop shop42?')
    const lines = within(screen.getByTestId(TID.send.noticeConfirm)).getAllByRole('listitem').map((li) => li.textContent)
    expect(lines[0]).toMatch(/^The shop may e-mail you \(the owner\) about each of the 92 new orders\./)
    expect(lines).toHaveLength(3)
    await user.click(screen.getByTestId(TID.confirmCancel))
    expect(screen.queryByTestId(TID.confirmDialog)).toBeNull()
    expect(api.inputsOf('run.start')).toEqual([])

    await user.click(screen.getByTestId(TID.send.start))
    await user.click(await screen.findByTestId(TID.confirmOk))
    await waitFor(() => expect(api.inputsOf('run.start')).toEqual([{ sessionId: 's-1', rate: 1, concurrency: 1 }]))
    expect(await screen.findByRole('heading', { name: /Run #7/ })).toBeTruthy()
  })

  it('starts a sandbox run without asking', async () => {
    const { api, user } = setup(SANDBOX, { 'run.notice': () => ({ effects: [] }) })
    await user.click(await screen.findByTestId(TID.send.start))
    await waitFor(() => expect(api.inputsOf('run.start')).toHaveLength(1))
    expect(screen.queryByTestId(TID.confirmDialog)).toBeNull()
  })

  it('shows no notice for the sandbox and does not ask main for one', async () => {
    const { api } = setup(SANDBOX, { 'run.notice': () => ({ effects: [] }) })
    await screen.findByTestId(TID.sandboxBadge)
    expect(screen.queryByTestId(TID.send.notice)).toBeNull()
    expect(api.inputsOf('run.notice')).toEqual([])
  })
})
