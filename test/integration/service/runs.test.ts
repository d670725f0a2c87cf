// Runs through the app service against the built-in sandbox: start, watch, pause and resume,
// restart mid-run, cancel, export, undo, and the shop's own ledger checked: every order once.
import * as XLSX from 'xlsx'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SessionSummary } from '#shared/ipc/contract'
import { keyedText, storedText } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import { eventsOf, sampleBytes, sandboxShopOrders, useTestApp, waitFor, waitForRunEnd, type TestApp } from './helpers'

const EMAIL_ROW = 4

async function loadFixed(app: TestApp): Promise<SessionSummary> {
  const summary = await app.ok('sheet.load', { name: 'orders.csv', bytes: sampleBytes() })
  await app.ok('rows.edit', { sessionId: summary.sessionId, row: EMAIL_ROW, column: summary.headers.indexOf('Email'), value: 'maria.ivanova@example.ru' })
  return summary
}

function createdCount(app: TestApp, runId: number): number {
  return eventsOf(app, 'run.log').filter((e) => e.runId === runId && e.kind === 'created').length
}

describe('a whole run', () => {
  const app = useTestApp()
  let runId: number
  let session: SessionSummary

  beforeAll(async () => {
    session = await loadFixed(app)
    const started = await app.ok('run.start', { sessionId: session.sessionId, rate: 100, concurrency: 4 })
    expect(started).toMatchObject({ staged: 30, skipped: 0 })
    runId = started.runId
    await waitForRunEnd(app, runId)
  })

  it('creates every order exactly once in the shop', async () => {
    const [run] = await app.ok('runs.list', {})
    expect(run).toMatchObject({ runId, status: 'finished', total: 30, login: 'demo', sourceName: 'orders.csv' })
    expect(run?.counts).toMatchObject({ succeeded: 30, failed: 0, unknown: 0, pending: 0 })
    const shop = sandboxShopOrders(app.journalPath)
    expect(shop).toHaveLength(30)
    const bills = (await app.ok('runs.orders', { runId, offset: 0, limit: 100 })).orders.map((o) => o.billId)
    expect(new Set(bills).size).toBe(30)
    expect(shop.map((o) => o.bill_id).sort()).toEqual([...bills].sort())
    expect(shop.map((o) => o.email)).toContain('maria.ivanova@example.ru')
  })

  it('sends progress and a log line for every answer', () => {
    expect(createdCount(app, runId)).toBe(30)
    const progress = eventsOf(app, 'run.progress').filter((p) => p.runId === runId)
    expect(progress.at(-1)?.counts.succeeded).toBe(30)
    expect(eventsOf(app, 'run.log').some((e) => e.runId === runId && e.kind === 'finished' && /finished/.test(e.text))).toBe(true)
  })

  it('pages the run orders with their bill ids and rows', async () => {
    const page = await app.ok('runs.orders', { runId, offset: 2, limit: 3 })
    expect(page.total).toBe(30)
    expect(page.orders.map((o) => o.ordinal)).toEqual([3, 4, 5])
    expect(page.orders[0]).toMatchObject({ state: 'succeeded', rows: [EMAIL_ROW], email: 'maria.ivanova@example.ru', editable: false, attempts: 1 })
    const bills = sandboxShopOrders(app.journalPath).map((o) => o.bill_id)
    expect(bills).toContain(page.orders[0]?.billId)
    expect(await app.ok('runs.orders', { runId, states: ['failed'], offset: 0, limit: 10 })).toEqual({ total: 0, orders: [] })
  })

  it('marks the orders as already created when the file comes back, and sends nothing twice', async () => {
    const again = await app.ok('sheet.load', { name: 'orders.csv', bytes: sampleBytes() })
    expect(again.counts.alreadyCreated).toBe(29) // the row with the bad e-mail is not valid here
    const page = await app.ok('rows.page', { sessionId: again.sessionId, offset: 0, limit: 1, filter: 'all' })
    expect(page.rows[0]?.alreadyCreated).toBe(sandboxShopOrders(app.journalPath).find((o) => o.email === 'anna.smirnova@example.com')?.bill_id)
    const second = await app.call('run.start', { sessionId: again.sessionId, rate: 100, concurrency: 4 })
    expect(second).toMatchObject({ ok: false, error: { code: 'nothing-to-send' } })
    if (second.ok) throw new Error('expected a refusal')
    expect(keyedText(translatorFor('ru'), second.error)).toBe('Все правильные заказы из orders.csv уже созданы прежним запуском (29); отправлять нечего.')
    expect(sandboxShopOrders(app.journalPath)).toHaveLength(30)
  })

  it('exports the results as CSV and XLSX bytes', async () => {
    const csv = await app.ok('runs.export', { runId, format: 'csv', only: 'all' })
    expect(csv.name).toBe(`orders-run-${runId}-results.csv`)
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes)
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const lines = text.trim().split('\r\n')
    expect(lines).toHaveLength(31)
    expect(lines[0]).toContain('"Run order","State","Bill ID"')
    expect(lines[1]).toContain('"created"')

    // For a Russian reader: ";" between fields, Russian headers and State; the API's values as it gives them.
    const ru = await app.ok('runs.export', { runId, format: 'csv', only: 'all', delimiter: ';', language: 'ru' })
    const ruLines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(ru.bytes).trim().split('\r\n')
    expect(ruLines[0]).toContain('"Заказ в запуске";"Состояние";"Номер счёта";"Код ошибки";"Ошибка"')
    expect(ruLines[1]).toContain(';"создан";')

    const xlsx = await app.ok('runs.export', { runId, format: 'xlsx', only: 'succeeded' })
    const book = XLSX.read(xlsx.bytes, { type: 'array' })
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0] ?? '']!, { header: 1 })
    expect(rows).toHaveLength(31)
    expect(rows[0]).toContain('Bill ID')
  })

  it('undoes the run: every created order deleted from the shop and recorded', async () => {
    const undone = await app.ok('runs.undo', { runId })
    expect(undone).toMatchObject({ deleted: 30, failed: 0 })
    expect(sandboxShopOrders(app.journalPath)).toHaveLength(0)
    const again = await app.ok('runs.undo', { runId })
    expect(again.deleted).toBe(0)
    // History shows each deleted order so, with the note undo stored, worded in the reader's language.
    const [first] = (await app.ok('runs.orders', { runId, offset: 0, limit: 1 })).orders
    expect(first).toMatchObject({ state: 'succeeded', deleted: true })
    expect(storedText(translatorFor('en'), first!.note!)).toBe('Deleted by Undo in the app.')
    expect(storedText(translatorFor('ru'), first!.note!)).toBe(translatorFor('ru')('orderNote.undo.deletedInApp'))
    expect(storedText(translatorFor('ru'), first!.note!)).not.toBe('Deleted by Undo in the app.')
    const reloaded = await app.ok('sheet.load', { name: 'orders.csv', bytes: sampleBytes() })
    expect(reloaded.counts.alreadyCreated).toBe(0)
  })
})

describe('pausing, resuming, restarting and cancelling', () => {
  const app = useTestApp()

  it('pauses a run, keeps it still, and resumes it at a new rate', async () => {
    const session = await loadFixed(app)
    const { runId } = await app.ok('run.start', { sessionId: session.sessionId, rate: 1, concurrency: 1 })
    expect(app.service.sendingRuns()).toEqual([runId])
    await waitFor('the first order', () => (createdCount(app, runId) >= 1 ? true : undefined))
    const paused = await app.ok('run.pause', { runId })
    expect(paused.status).toBe('paused')
    expect(app.service.sendingRuns()).toEqual([])
    const before = (await app.ok('runs.list', {}))[0]?.counts.succeeded ?? -1
    await new Promise((r) => setTimeout(r, 1200))
    expect((await app.ok('runs.list', {}))[0]?.counts.succeeded).toBe(before)
    expect(before).toBeLessThan(30)

    // The same orders from a second load would be sent twice: refused while this run holds them.
    const again = await loadFixed(app)
    const twice = await app.call('run.start', { sessionId: again.sessionId, rate: 100, concurrency: 4 })
    expect(twice).toMatchObject({ ok: false, error: { code: 'busy', message: expect.stringContaining(`Run ${runId} already holds ${30 - before} of these orders`) } })

    const resumed = await app.ok('run.resume', { runId, rate: 100, concurrency: 4 })
    expect(resumed.status).toBe('running')
    const done = await waitForRunEnd(app, runId)
    expect(done.counts.succeeded).toBe(30)
    expect(sandboxShopOrders(app.journalPath)).toHaveLength(30)
  })

  it('pauses a sending run at shutdown and continues it after a restart, nothing sent twice', async () => {
    await app.ok('runs.undo', { runId: 1 })
    const session = await loadFixed(app)
    const { runId } = await app.ok('run.start', { sessionId: session.sessionId, rate: 1, concurrency: 1 })
    await waitFor('the first order', () => (createdCount(app, runId) >= 1 ? true : undefined))
    await app.restart()
    const offered = (await app.ok('runs.list', {})).find((r) => r.runId === runId)
    expect(offered?.status).toBe('paused')
    expect(offered?.counts.pending).toBeGreaterThan(0)
    // The pace the run was started with, for the Send screen to show when the run is resumed.
    expect(offered).toMatchObject({ rate: 1, concurrency: 1 })
    const resumed = await app.ok('run.resume', { runId, rate: 100, concurrency: 4 })
    expect(resumed).toMatchObject({ rate: 100, concurrency: 4 })
    const done = await waitForRunEnd(app, runId)
    expect(done.counts).toMatchObject({ succeeded: 30, unknown: 0 })
    const bills = (await app.ok('runs.orders', { runId, offset: 0, limit: 100 })).orders.map((o) => o.billId)
    expect(new Set(bills).size).toBe(30)
    expect(sandboxShopOrders(app.journalPath).map((o) => o.bill_id).sort()).toEqual([...bills].sort())
  })

  it('cancels a run for good: what was not sent stays unsent', async () => {
    await app.ok('runs.undo', { runId: 2 })
    const session = await loadFixed(app)
    const { runId } = await app.ok('run.start', { sessionId: session.sessionId, rate: 1, concurrency: 1 })
    const cancelled = await app.ok('run.cancel', { runId })
    expect(cancelled.status).toBe('cancelled')
    expect(cancelled.counts.pending).toBeGreaterThan(0)
    expect(app.service.sendingRuns()).toEqual([])
    expect(await app.call('run.resume', { runId })).toMatchObject({ ok: false, error: { code: 'invalid-state' } })
    const pause = await app.call('run.pause', { runId })
    expect(pause).toMatchObject({ ok: false, error: { code: 'not-running' } })
    if (pause.ok) throw new Error('expected a refusal')
    expect(keyedText(translatorFor('ru'), pause.error)).toBe(`Запуск ${runId} сейчас не отправляет, приостанавливать нечего.`)
    const resume = await app.call('run.resume', { runId })
    if (resume.ok) throw new Error('expected a refusal')
    expect(keyedText(translatorFor('ru'), resume.error)).toMatch(new RegExp(`^Запуск ${runId} отменён`))
  })
})
