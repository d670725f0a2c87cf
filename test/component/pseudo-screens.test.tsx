// The pseudo-locale on the states the happy path does not reach: a run in progress and its end
// with log lines, the History of a run with failed and unclear orders and its dialogs, the
// Products step with a found, a close and a missing product and with an unreadable list, a
// failed connection test, and an error from main. Every word on screen must come from the
// catalog (inside ⟦ ⟧) unless it is data the test gave.
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CatalogInfo, ProductLine, ProductsView, RunOrder, ShopProductView } from '#shared/ipc/contract'
import { formatsFor } from '#shared/i18n/format'
import { msg } from '#shared/i18n/message'
import { productLinesSummary } from '#shared/shop/product-choices'
import { App } from '../../renderer/src/App'
import { useRunFeed } from '../../renderer/src/lib/run-feed'
import { ProductsScreen } from '../../renderer/src/screens/products/ProductsScreen'
import { SendScreen } from '../../renderer/src/screens/send/SendScreen'
import { BRAND_DOMAINS } from '../../renderer/src/screens/connection/domains'
import { TID } from '../../renderer/src/test-ids'
import { createFakeApi, Failure, SANDBOX } from './fake-api'
import { counts, issue, progress, runOrder, runSummary, session, stateCounts } from './fixtures'
import { PSEUDO, untranslated } from './pseudo'
import { renderWithApi, TEST_TIME_ZONE, WithSession } from './render'

afterEach(() => {
  vi.restoreAllMocks()
})

/** What the fakes answer, as data: shown as it is, not from the catalog. Main's English
 * sentences (`message`, `reason`) are left out: the screens word them from their keys. */
function dataOf(...values: unknown[]): string {
  return JSON.stringify(values, (name: string, value: unknown) => (name === 'message' || name === 'reason' ? undefined : value))
}

describe('pseudo-locale beyond the happy path', () => {
  it('Send: a run in progress, its log, and its end', async () => {
    const api = createFakeApi({ 'run.start': () => ({ runId: 7, staged: 95, skipped: 3 }) })
    function Harness() {
      const feed = useRunFeed()
      const [runId, setRunId] = useState<number | null>(null)
      return (
        <WithSession summary={session({ counts: counts({ orders: 100, validOrders: 95, alreadyCreated: 3 }) })}>
          {(state) => <SendScreen state={state} connection={SANDBOX} feed={feed} activeRunId={runId} onRunStarted={setRunId} onOpenHistory={() => undefined} />}
        </WithSession>
      )
    }
    renderWithApi(<Harness />, api, PSEUDO)
    const data = dataOf(session(), SANDBOX)
    await userEvent.setup().click(await screen.findByTestId(TID.send.start))
    act(() => api.emit('run.progress', progress({ backoffUntil: Date.now() + 5000 })))
    act(() => api.emit('run.log', { runId: 7, at: Date.UTC(2025, 0, 1, 12, 0, 0), kind: 'failed', ordinal: 2, text: 'Order 2 failed', key: 'log.unknown', params: { ordinal: 2, reason: msg('cli.nothingSent') } }))
    expect(untranslated(data), 'running').toEqual([])

    act(() => api.emit('run.progress', progress({ counts: stateCounts({ succeeded: 97, failed: 3 }), inFlight: 0, etaSeconds: 0 })))
    await screen.findByTestId(TID.send.result)
    expect(untranslated(data), 'finished').toEqual([])
  })

  it("History: failed and unclear orders, the dialogs, and a retry's result", async () => {
    const orders: RunOrder[] = [
      runOrder(1),
      runOrder(2, { state: 'failed', billId: null, errorCode: 4, errorText: 'Product course-9 not found', editable: true }),
      runOrder(3, { state: 'unknown', billId: null, errorText: null, attempts: 2 }),
      runOrder(4, { existed: true }),
      runOrder(5, { state: 'skipped', billId: null })
    ]
    const runs = [runSummary({ runId: 7, counts: stateCounts({ succeeded: 2, failed: 1, unknown: 1, skipped: 1 }), total: 5 }), runSummary({ runId: 9, status: 'paused' })]
    const api = createFakeApi({
      'runs.list': () => runs,
      'runs.orders': () => ({ total: orders.length, orders }),
      'runs.editFailed': () => ({ order: orders[1]!, issues: [issue({ row: 3, column: 'Product', code: 'something-new', message: 'Seen as it came.' })] }),
      'runs.retryFailed': () => ({ requeued: 1, stillInvalid: 1, messages: [msg('service.stillErrors', { ordinal: 2, rows: msg('cli.sheetRows.one', { row: 3 }) })] }),
      'runs.retryStatus': () => ({ requeued: 0, messages: [msg('service.statusesWaitInRun', { runId: 7, why: msg('service.couldNotStart') })] }),
      'runs.undo': () => ({ deleted: 2, failed: 0, messages: [msg('service.undo.gone', { order: msg('service.undo.which', { ordinal: 4, bill: 1004 }) })] })
    })
    renderWithApi(<App initialStep="history" />, api, PSEUDO)
    // Dates are Intl's words (month names), not the catalog's.
    const data = dataOf(runs, orders, 'Seen as it came', 'course-9', formatsFor('en', { timeZone: TEST_TIME_ZONE }).dateTime(runs[0]!.createdAt))
    const user = userEvent.setup()
    await user.click(within(await screen.findByTestId(TID.history.run(7))).getByRole('button'))
    await screen.findByTestId(TID.history.orders)
    expect(untranslated(data), 'run').toEqual([])

    await user.click(screen.getByTestId(TID.history.resolve(3)))
    const resolve = screen.getByRole('dialog')
    await user.click(within(resolve).getAllByRole('button').at(-1)!)
    expect(untranslated(data), 'resolve dialog').toEqual([])
    await user.keyboard('{Escape}')

    await user.click(screen.getByTestId(TID.history.editFailed(2)))
    expect(untranslated(data), 'fix dialog').toEqual([])
    await user.keyboard('{Escape}')

    await user.click(screen.getByTestId(TID.history.retryFailed))
    await waitFor(() => expect(api.inputsOf('runs.retryFailed')).toHaveLength(1))
    expect(untranslated(data), 'retried').toEqual([])
  })

  it('Products: found, close and missing products; then an unreadable list', async () => {
    const shop: ShopProductView[] = [
      { name: 'course-1', title: 'Course one', price: '1500.00', kind: 'digital' },
      { name: 'book-paper', title: 'Paper book', price: '1200', kind: 'physical' }
    ]
    const line = (change: Partial<ProductLine> & Pick<ProductLine, 'value'>): ProductLine => ({ orders: 1, match: 'none', found: null, chosen: null, product: null, otherPrices: [], morePrices: 0, withoutPrice: 0, ...change })
    let catalog: CatalogInfo = { state: 'ready', fetchedAt: Date.UTC(2026, 11, 5, 9, 30), products: 2 }
    const lines = [
      line({ value: 'course-1', orders: 50, match: 'name', found: shop[0]!, product: shop[0]!, otherPrices: ['1400'], withoutPrice: 2 }),
      line({ value: 'book', orders: 4, match: 'close', found: shop[1]! }),
      line({ value: 'mug', orders: 3 })
    ]
    const view = (): ProductsView => ({
      catalog,
      lines,
      summary: productLinesSummary(lines, catalog.state === 'ready'),
      shop,
      counts: counts({ validOrders: 90 }),
      stopped: { unknownProduct: 7, delivery: 1 }
    })
    const api = createFakeApi({ 'products.list': view, 'catalog.get': () => catalog })
    const { unmount } = renderWithApi(<WithSession summary={session()}>{(state) => <ProductsScreen state={state} onNext={() => undefined} />}</WithSession>, api, PSEUDO)
    const data = dataOf(session(), shop, ['course-1', 'book', 'mug'])
    await screen.findByTestId(TID.products.line('book'))
    expect(untranslated(data), 'ready').toEqual([])
    unmount()

    catalog = { state: 'unavailable', noProducts: false, reason: 'English words', why: msg('catalog.answered', { code: 5, text: 'Wrong login' }), cachedAt: null, cachedProducts: 0, confirmed: false }
    renderWithApi(<WithSession summary={session()}>{(state) => <ProductsScreen state={state} onNext={() => undefined} />}</WithSession>, api, PSEUDO)
    await screen.findByTestId(TID.products.line('book'))
    expect(untranslated(`${data} Wrong login`), 'unavailable').toEqual([])
  })

  it('Connection: a failed test, and an error from main worded from its key', async () => {
    const api = createFakeApi({
      'connection.get': () => ({ ...SANDBOX, kind: 'account', login: 'anna', domain: 'https://anna.influencersoft.ru', keyStorage: 'os keychain' }),
      'connection.test': () => ({ ok: false, message: 'English words', key: 'connection.verdict.answered', params: { where: 'anna.influencersoft.ru', text: 'Wrong key', code: 3, advice: msg('connection.verdict.checkAll') } }),
      'connection.set': () => new Failure(msg('connection.error.emptyKey'), 'invalid-input')
    })
    renderWithApi(<App initialStep="connection" />, api, PSEUDO)
    const data = dataOf(BRAND_DOMAINS, 'anna.influencersoft.ru', 'Wrong key', 'os keychain')
    const user = userEvent.setup()
    await user.click(await screen.findByTestId(TID.connection.test))
    await screen.findByTestId(TID.connection.verdict)
    expect(untranslated(data), 'failed test').toEqual([])
    await user.type(screen.getByTestId(TID.connection.key), 'x')
    await user.click(screen.getByTestId(TID.connection.save))
    await waitFor(() => expect(api.inputsOf('connection.set')).toHaveLength(1))
    expect(untranslated(data), 'refused save').toEqual([])
  })
})
