import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ChannelInput, RunOrder, RunSummary } from '#shared/ipc/contract'
import { msg } from '#shared/i18n/message'
import { App } from '../../renderer/src/App'
import { TID } from '../../renderer/src/test-ids'
import { createFakeApi, Failure, type Handlers } from './fake-api'
import { issue, runOrder, runSummary, stateCounts } from './fixtures'
import { renderWithApi, type RenderOptions } from './render'

const RUNS: RunSummary[] = [
  runSummary({ runId: 9, status: 'paused', sourceName: 'march.xlsx', counts: stateCounts({ pending: 40, succeeded: 60 }) }),
  runSummary({ runId: 7 })
]

const ORDERS: RunOrder[] = [
  runOrder(1),
  runOrder(2, { state: 'failed', billId: null, errorCode: 4, errorText: 'the product "course-9" does not exist', editable: true }),
  runOrder(3, { state: 'unknown', billId: null, errorText: 'no answer within 30 seconds', attempts: 1 }),
  runOrder(4, { existed: true }),
  runOrder(5, {
    state: 'failed',
    billId: null,
    errorCode: 4,
    errorText: 'the product "course-9" does not exist',
    editable: true,
    rows: [6, 7],
    sheet: { headers: ['E-mail', 'Product'], rows: [{ row: 6, cells: ['eva@example.com', 'course-9'] }, { row: 7, cells: ['eva@example.com', 'book'] }] }
  })
]

function setup(extra: Handlers = {}, runs = RUNS, options: RenderOptions = {}) {
  const orders = ORDERS.slice()
  const api = createFakeApi({
    'runs.list': () => runs,
    'runs.orders': ({ states, offset, limit }: ChannelInput<'runs.orders'>) => {
      const chosen = states ? orders.filter((o) => states.includes(o.state)) : orders
      return { total: chosen.length, orders: chosen.slice(offset, offset + limit) }
    },
    'runs.resolve': ({ ordinal, decision }) => {
      const order = orders.find((o) => o.ordinal === ordinal)!
      const next: RunOrder = decision.kind === 'created' ? { ...order, state: 'succeeded', billId: decision.billId } : { ...order, state: 'pending' }
      orders[orders.indexOf(order)] = next
      return next
    },
    'runs.editFailed': ({ ordinal, cells }) => {
      const order = orders.find((o) => o.ordinal === ordinal)!
      const fixed = Object.values(cells).every((v) => v !== 'course-9')
      return fixed
        ? { order: { ...order, state: 'pending' as const }, issues: [] }
        : { order, issues: [issue({ row: 6, column: 'Product', message: 'Row 6, column "Product": "course-9" is not a product of the shop. Use a product ID from the shop.' })] }
    },
    'runs.retryFailed': () => ({ requeued: 5, stillInvalid: 1, messages: [msg('service.stillErrors', { ordinal: 6, rows: msg('cli.sheetRows.one', { row: 7 }) })] }),
    'runs.export': ({ format }) => ({ name: `run-7-results.${format}`, bytes: new Uint8Array([0x50, 0x4b, 3, 4]) }),
    'runs.undo': () => ({ deleted: 89, failed: 1, messages: [msg('service.undo.gone', { order: msg('service.undo.which', { ordinal: 4, bill: 1004 }) })] }),
    'run.resume': () => runSummary({ runId: 9, status: 'running' }),
    ...extra
  })
  renderWithApi(<App initialStep="history" />, api, options)
  return { api, user: userEvent.setup() }
}

async function openRun(user: ReturnType<typeof userEvent.setup>, runId: number) {
  const row = await screen.findByTestId(TID.history.run(runId))
  await user.click(within(row).getByRole('button', { name: `Run #${runId}` }))
  await screen.findByTestId(TID.history.orders)
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('History screen', () => {
  it('says so when there are no runs yet', async () => {
    setup({}, [])
    expect((await screen.findByTestId(TID.history.runs)).textContent).toContain('No runs yet')
  })

  it('lists every run with its counts and status, and shows the orders of the one opened', async () => {
    const { api, user } = setup()
    const row = await screen.findByTestId(TID.history.run(7))
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent)
    expect(cells).toContain('finished')
    expect(cells).toContain('90')
    expect(cells).toContain('orders.csv')
    expect(screen.getByTestId(TID.history.run(9)).textContent).toContain('paused')

    await openRun(user, 7)
    expect(api.lastInput('runs.orders')).toEqual({ runId: 7, offset: 0, limit: 100 })
    const table = screen.getByTestId(TID.history.orders)
    expect(within(table).getAllByRole('row')).toHaveLength(6)
    expect(screen.getByTestId(TID.history.order(2)).textContent).toContain('the product "course-9" does not exist')
    expect(screen.getByTestId(TID.history.order(4)).textContent).toContain('already in shop')

    await user.click(screen.getByTestId(TID.history.stateFilter('failed')))
    await waitFor(() => expect(api.lastInput('runs.orders')).toEqual({ runId: 7, offset: 0, limit: 100, states: ['failed'] }))
    await waitFor(() => expect(within(screen.getByTestId(TID.history.orders)).getAllByRole('row')).toHaveLength(3))
  })

  it('settles an unknown order with the bill number the user found', async () => {
    const { api, user } = setup()
    await openRun(user, 7)
    await user.click(screen.getByTestId(TID.history.resolve(3)))
    const dialog = screen.getByRole('dialog', { name: 'Order #3: was it created?' })
    expect(dialog.textContent).toContain('buyer3@example.com')

    await user.click(within(dialog).getByRole('button', { name: 'Save the answer' }))
    expect(within(dialog).getByRole('alert').textContent).toBe('Choose one of the two answers first.')
    await user.type(within(dialog).getByLabelText('Bill number'), '7a')
    await user.click(within(dialog).getByRole('button', { name: 'Save the answer' }))
    expect(within(dialog).getByRole('alert').textContent).toMatch(/whole number/)
    expect(api.inputsOf('runs.resolve')).toEqual([])

    await user.clear(within(dialog).getByLabelText('Bill number'))
    await user.type(within(dialog).getByLabelText('Bill number'), '7781')
    await user.click(within(dialog).getByRole('button', { name: 'Save the answer' }))
    await waitFor(() => expect(api.inputsOf('runs.resolve')).toEqual([{ runId: 7, ordinal: 3, decision: { kind: 'created', billId: 7781 } }]))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(screen.getByTestId(TID.history.order(3)).textContent).toContain('7781')
    expect(screen.getByTestId(TID.history.order(3)).textContent).toContain('created')
  })

  it('sends an unknown order again when the user says it was not created', async () => {
    const { api, user } = setup()
    await openRun(user, 7)
    await user.click(screen.getByTestId(TID.history.resolve(3)))
    await user.click(screen.getByLabelText('It was not created — send it again'))
    await user.click(screen.getByRole('button', { name: 'Save the answer' }))
    await waitFor(() => expect(api.lastInput('runs.resolve')?.decision).toEqual({ kind: 'absent' }))
  })

  it('fixes a failed order in place and sends failed orders again', async () => {
    const { api, user } = setup()
    await openRun(user, 7)
    await user.click(screen.getByTestId(TID.history.editFailed(2)))
    const dialog = screen.getByRole('dialog', { name: 'Fix order #2' })
    await user.type(within(dialog).getByLabelText('Column 1'), 'Product')
    await user.type(within(dialog).getByLabelText('New value 1'), 'course-1')
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(api.inputsOf('runs.editFailed')).toEqual([{ runId: 7, ordinal: 2, cells: { Product: 'course-1' } }]))
    expect((await within(dialog).findByText(/is queued again/)).textContent).toContain('Corrected: order #2')
    await user.click(within(dialog).getByRole('button', { name: 'Close' }))

    await user.click(screen.getByTestId(TID.history.retryFailed))
    await waitFor(() => expect(api.inputsOf('runs.retryFailed')).toEqual([{ runId: 7 }]))
    await waitFor(() => expect(screen.getByTestId('run-action-result').textContent).toBe('5 orders queued to be sent again; 1 order still has problems and stays failed. Press Resume to send them.'))
    expect(screen.getByText('Order 6 (row 7) still has errors in the sheet: correct it first.')).toBeTruthy()
    expect(screen.getByTestId(TID.history.resume)).toBeTruthy()
  })

  it('corrects single cells of a failed order shown with its rows, and shows what is still wrong', async () => {
    const { api, user } = setup()
    await openRun(user, 7)
    await user.click(screen.getByTestId(TID.history.editFailed(5)))
    const dialog = screen.getByRole('dialog', { name: 'Fix order #5' })
    const product = within(dialog).getByLabelText('Row 6, Product') as HTMLInputElement
    expect(product.value).toBe('course-9')
    expect((within(dialog).getByLabelText('Row 7, E-mail') as HTMLInputElement).value).toBe('eva@example.com')

    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))
    expect(within(dialog).getByRole('alert').textContent).toBe('Change at least one cell first.')

    // A cell typed back to what it was is no change.
    await user.type(within(dialog).getByTestId(TID.history.editCell(7, 0)), 'x{Backspace}')
    await user.clear(product)
    await user.type(product, 'course-1')
    expect(product.className).toBe('changed')
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(api.inputsOf('runs.editFailed')).toEqual([{ runId: 7, ordinal: 5, cells: { '6:1': 'course-1' } }]))
    expect((await within(dialog).findByRole('status')).textContent).toContain('order #5 is queued again')
  })

  it('keeps a failed order open with the reasons from main when the correction is not enough', async () => {
    const { user } = setup()
    await openRun(user, 7)
    await user.click(screen.getByTestId(TID.history.editFailed(2)))
    const dialog = screen.getByRole('dialog', { name: 'Fix order #2' })
    await user.type(within(dialog).getByLabelText('Column 1'), 'Product')
    await user.type(within(dialog).getByLabelText('New value 1'), 'course-9')
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))
    expect((await within(dialog).findByText(/is not a product of the shop/)).textContent).toContain('Row 6, column "Product"')
    expect(within(dialog).queryByText(/queued again/)).toBeNull()
  })

  it('retries failed orders from a corrected file', async () => {
    const { api, user } = setup()
    await openRun(user, 7)
    await user.upload(screen.getByTestId(TID.history.fixedFile), new File([new Uint8Array([1, 2, 3])], 'fixed.csv'))
    await waitFor(() => expect(api.inputsOf('runs.retryFailed')).toHaveLength(1))
    const input = api.lastInput('runs.retryFailed')
    expect(input?.fixedFile?.name).toBe('fixed.csv')
    expect(Array.from(input?.fixedFile?.bytes ?? [])).toEqual([1, 2, 3])
  })

  it('exports the results as a download of the bytes main returns', async () => {
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:orderbatch/1')
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    const clicks: Array<{ href: string; download: string }> = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download })
    })
    const { api, user } = setup()
    await openRun(user, 7)
    await user.selectOptions(screen.getByTestId(TID.history.exportFormat), 'xlsx')
    await user.selectOptions(screen.getByTestId(TID.history.exportOnly), 'failed')
    await user.click(screen.getByTestId(TID.history.export))
    await waitFor(() => expect(clicks).toEqual([{ href: 'blob:orderbatch/1', download: 'run-7-results.xlsx' }]))
    expect(api.inputsOf('runs.export')).toEqual([{ runId: 7, format: 'xlsx', only: 'failed', language: 'en' }])
    const blob = created.mock.calls[0]?.[0] as Blob
    expect(blob.size).toBe(4)
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(document.querySelector('a[download]')).toBeNull()
  })

  it('undoes a run only after a confirmation that says exactly what will happen', async () => {
    const { api, user } = setup()
    await openRun(user, 7)
    await user.click(screen.getByTestId(TID.history.undo))
    const dialog = screen.getByTestId(TID.confirmDialog)
    expect(dialog.textContent).toContain('delete the 90 orders this run created')
    expect(dialog.textContent).toContain('https://demo.influencersoft.com/api')
    expect(dialog.textContent).toContain('cannot be taken back')
    await user.keyboard('{Escape}')
    expect(screen.queryByTestId(TID.confirmDialog)).toBeNull()
    expect(api.inputsOf('runs.undo')).toEqual([])

    await user.click(screen.getByTestId(TID.history.undo))
    await user.click(screen.getByTestId(TID.confirmOk))
    await waitFor(() => expect(api.inputsOf('runs.undo')).toEqual([{ runId: 7 }]))
    await waitFor(() => expect(screen.getByTestId('run-action-result').textContent).toBe('89 orders deleted in the shop; 1 order could not be deleted.'))
  })

  it('offers Resume for an unfinished run and shows its progress on the Send step', async () => {
    const { api, user } = setup()
    await openRun(user, 7)
    expect(screen.queryByTestId(TID.history.resume)).toBeNull()
    await openRun(user, 9)
    await user.click(screen.getByTestId(TID.history.resume))
    await waitFor(() => expect(api.inputsOf('run.resume')).toEqual([{ runId: 9 }]))
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toContain('Send orders')
    expect(screen.getByRole('heading', { name: /Run #9/ })).toBeTruthy()
  })
})

describe('History in the user\'s language: what main says as a key and values', () => {
  const cancelled = () => new Failure(msg('op.runCancelled', { runId: 7 }), 'invalid-state')

  it('shows an error main sent with its key in Russian, and the same error in English', async () => {
    const { user } = setup({ 'runs.retryFailed': cancelled }, RUNS, { language: 'ru' })
    const row = await screen.findByTestId(TID.history.run(7))
    await user.click(within(row).getByRole('button', { name: 'Запуск №7' }))
    await user.click(await screen.findByTestId(TID.history.retryFailed))
    expect((await screen.findByRole('alert')).textContent).toContain('Запуск 7 отменён окончательно; его заказы больше нельзя отправить.')
    cleanup()

    const english = setup({ 'runs.retryFailed': cancelled })
    await openRun(english.user, 7)
    await english.user.click(screen.getByTestId(TID.history.retryFailed))
    expect((await screen.findByRole('alert')).textContent).toContain('Run 7 was cancelled for good; its orders cannot be sent again. Import the file again instead.')
  })

  it("words the run's note (a key and values from the journal) in Russian, and a plain old note as it is", async () => {
    const runs = [
      runSummary({ runId: 9, status: 'paused', sourceName: 'march.xlsx', note: msg('runNote.resume', { why: msg('runNote.why.failedAgain') }) }),
      runSummary({ runId: 7, note: msg('error.asIs', { text: 'retrying failed orders' }) })
    ]
    const { user } = setup({}, runs, { language: 'ru' })
    const row = await screen.findByTestId(TID.history.run(9))
    await user.click(within(row).getByRole('button', { name: 'Запуск №9' }))
    expect((await screen.findByRole('heading', { name: /Запуск №9/ })).closest('section')?.textContent).toContain('Продолжите, чтобы отправить: непринятые заказы ждут повторной отправки.')
    await user.click(within(await screen.findByTestId(TID.history.run(7))).getByRole('button', { name: 'Запуск №7' }))
    expect((await screen.findByRole('heading', { name: /Запуск №7/ })).closest('section')?.textContent).toContain('retrying failed orders')
  })

  it('words the result details of retry and undo in Russian, nested values included', async () => {
    const { user } = setup({}, RUNS, { language: 'ru' })
    const row = await screen.findByTestId(TID.history.run(7))
    await user.click(within(row).getByRole('button', { name: 'Запуск №7' }))
    await user.click(await screen.findByTestId(TID.history.retryFailed))
    expect(await screen.findByText('В заказе 6 (строка 7) всё ещё есть ошибки таблицы: сначала исправьте его.')).toBeTruthy()
    await user.click(screen.getByTestId(TID.history.undo))
    await user.click(screen.getByTestId(TID.confirmOk))
    expect(await screen.findByText('Заказ 4 (счёт 1004): его уже не было в магазине.')).toBeTruthy()
  })
})
