// Orders the shop refused, corrected from the app: in place (runs.editFailed) or from a fixed
// export (runs.retryFailed), then sent again; and the user's decision for an unclear order.
import Papa from 'papaparse'
import { storedText } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Journal } from '../../../electron/main/journal'
import { sandboxShopPath } from '../../../electron/main/ops/paths'
import { startSandbox, type Sandbox } from '../../../electron/main/sandbox/sandbox'
import { sampleBytes, sandboxShopOrders, useTestApp, waitForRunEnd } from './helpers'

// The shop still sold "gift-card" when its product list was read; by the time the orders go out
// it no longer does, so it answers 604 for rows 2 and 3 (the check before sending cannot know).
const GIFT_ROWS = [2, 3]
const KEY = 'shop-key-failed-orders'
const PRODUCTS = ['course-basic', 'course-pro', 'ebook-start', 'webinar-pass', 'consult-60']
const app = useTestApp()
let shop: Sandbox
let runId: number
let productColumn: number

beforeAll(async () => {
  const before = await startSandbox({ account: 'myshop', secret: KEY, products: [...PRODUCTS, 'gift-card'] })
  await app.ok('connection.set', { login: 'myshop', domain: before.baseUrl, apiKey: KEY })
  expect(await app.ok('catalog.get', { refresh: false })).toMatchObject({ state: 'ready', products: 6 })
  const session = await app.ok('sheet.load', { name: 'orders.csv', bytes: sampleBytes() })
  productColumn = session.headers.indexOf('Product')
  await app.ok('rows.edit', { sessionId: session.sessionId, row: 4, column: session.headers.indexOf('Email'), value: 'maria.ivanova@example.ru' })
  for (const row of GIFT_ROWS) await app.ok('rows.edit', { sessionId: session.sessionId, row, column: productColumn, value: 'gift-card' })
  // The same shop (same address), without the gift card now; its orders kept where the helpers look.
  await before.close()
  shop = await startSandbox({ account: 'myshop', secret: KEY, port: before.port, products: PRODUCTS, ledgerPath: sandboxShopPath(app.journalPath) })
  runId = (await app.ok('run.start', { sessionId: session.sessionId, rate: 100, concurrency: 4 })).runId
  await waitForRunEnd(app, runId)
})

afterAll(async () => {
  await shop.close()
})

describe('failed orders', () => {
  it('are listed with the shop answer and their rows, ready to be corrected', async () => {
    const failed = await app.ok('runs.orders', { runId, states: ['failed'], offset: 0, limit: 10 })
    expect(failed.total).toBe(2)
    expect(failed.orders.map((o) => o.rows)).toEqual([[2], [3]])
    expect(failed.orders[0]).toMatchObject({ state: 'failed', errorCode: 604, editable: true })
    expect(failed.orders[0]?.sheet?.headers[productColumn]).toBe('Product')
    expect(failed.orders[0]?.sheet?.rows[0]).toMatchObject({ row: 2 })
    expect(failed.orders[0]?.sheet?.rows[0]?.cells[productColumn]).toBe('gift-card')
  })

  it('keeps an order failed when the correction is still wrong, and says why', async () => {
    const emailColumn = (await app.ok('runs.orders', { runId, states: ['failed'], offset: 0, limit: 1 })).orders[0]?.sheet?.headers.indexOf('Email') ?? -1
    const answer = await app.ok('runs.editFailed', { runId, ordinal: 1, cells: { [`2:${emailColumn}`]: 'not-an-email' } })
    expect(answer.order.state).toBe('failed')
    expect(answer.issues.some((i) => i.severity === 'error' && i.field === 'bill_email')).toBe(true)
    expect(await app.call('runs.editFailed', { runId, ordinal: 1, cells: { Nope: 'x' } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(await app.call('runs.editFailed', { runId, ordinal: 5, cells: { City: 'x' } })).toMatchObject({ ok: false, error: { code: 'invalid-state' } })
  })

  it('corrects one order in place, requeues it and sends it on resume', async () => {
    const answer = await app.ok('runs.editFailed', { runId, ordinal: 1, cells: { [`2:${productColumn}`]: 'course-basic' } })
    expect(answer.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(answer.order.state).toBe('pending')
    const [run] = await app.ok('runs.list', {})
    expect(run?.status).toBe('paused') // a finished run with work again is resumable
    await app.ok('run.resume', { runId })
    const done = await waitForRunEnd(app, runId)
    expect(done.counts).toMatchObject({ succeeded: 29, failed: 1 })
    const shop = sandboxShopOrders(app.journalPath)
    expect(shop).toHaveLength(29)
  })

  it('retries the rest from the corrected export (in Russian: its State column too) and sends them at once', async () => {
    const exported = await app.ok('runs.export', { runId, format: 'csv', only: 'failed', language: 'ru' })
    const parsed = Papa.parse<string[]>(new TextDecoder().decode(exported.bytes).replace(/^\uFEFF/, ''), { skipEmptyLines: true })
    const [headers, ...rows] = parsed.data
    expect(rows).toHaveLength(1)
    expect(rows[0]?.[headers?.indexOf('Состояние') ?? -1]).toBe('не принят')
    const product = headers?.indexOf('Product') ?? -1
    for (const row of rows) row[product] = 'course-basic'
    const fixed = new TextEncoder().encode(Papa.unparse([headers ?? [], ...rows]))
    const outcome = await app.ok('runs.retryFailed', { runId, fixedFile: { name: 'fixed.csv', bytes: fixed } })
    expect(outcome).toMatchObject({ requeued: 1, stillInvalid: 0 })
    const done = await waitForRunEnd(app, runId)
    expect(done.counts).toMatchObject({ succeeded: 30, failed: 0 })
    expect(sandboxShopOrders(app.journalPath)).toHaveLength(30)
    const order = (await app.ok('runs.orders', { runId, offset: 1, limit: 1 })).orders[0]
    expect(order).toMatchObject({ ordinal: 2, state: 'succeeded', rows: [3] })
  })

  it('retries without a file: nothing failed, nothing to do', async () => {
    expect(await app.ok('runs.retryFailed', { runId })).toEqual({ requeued: 0, stillInvalid: 0, messages: [] })
  })
})

describe('unclear orders', () => {
  it('takes the user decision: created with a bill id, or absent and queued again', async () => {
    // An order cut off mid-send, written straight into the journal as a crash would leave it.
    await app.close()
    const journal = Journal.open(app.journalPath)
    const run = journal.createRun({
      sourceName: 'cut.csv',
      sourceHash: 'a'.repeat(64),
      sourceSize: 1,
      sheet: null,
      mapping: { version: 1 },
      settings: { rate: 1, concurrency: 1, apiBase: 'https://shop.example.com/api/', login: 'shop' },
      destination: 'shop shop https://shop.example.com/api/'
    })
    journal.stageOrders(run.id, [1, 2].map((ordinal) => ({
      ordinal,
      groupKey: null,
      fingerprint: `fp-${ordinal}`,
      payload: [['goods[0][good_name]', 'course'], ['bill_email', `cut${ordinal}@example.com`]],
      email: `cut${ordinal}@example.com`,
      rows: [{ sheetRow: ordinal + 1, cells: [`cut${ordinal}@example.com`] }]
    })))
    for (const order of journal.ordersByState(run.id, ['pending'], { offset: 0, limit: 10 })) {
      const { attemptId } = journal.beginAttempt(order.id)
      journal.recordUnknown(order.id, attemptId, { reason: 'The connection was cut after the request was sent.' })
    }
    journal.close()
    await app.restart()

    const created = await app.ok('runs.resolve', { runId: run.id, ordinal: 1, decision: { kind: 'created', billId: 987654 } })
    expect(created).toMatchObject({ ordinal: 1, state: 'succeeded', billId: 987654 })
    const absent = await app.ok('runs.resolve', { runId: run.id, ordinal: 2, decision: { kind: 'absent' } })
    expect(absent).toMatchObject({ ordinal: 2, state: 'pending' })
    // The decision's note, shown in History in the reader's language.
    expect([created.note, absent.note].map((note) => storedText(translatorFor('en'), note!))).toEqual(['Found in the shop by the user.', 'The user checked the shop: not there.'])
    expect(storedText(translatorFor('ru'), created.note!)).toBe(translatorFor('ru')('orderNote.resolve.createdInApp'))
    expect(storedText(translatorFor('ru'), created.note!)).toMatch(/[а-я]/)
    expect((await app.ok('runs.orders', { runId: run.id, offset: 0, limit: 2 })).orders.map((o) => o.note !== undefined)).toEqual([true, true])
    expect(await app.call('runs.resolve', { runId: run.id, ordinal: 1, decision: { kind: 'absent' } })).toMatchObject({ ok: false, error: { code: 'invalid-state' } })
    expect(await app.call('runs.resolve', { runId: run.id, ordinal: 9, decision: { kind: 'absent' } })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    // A run sent to another shop cannot be continued without connecting that account.
    const resume = await app.call('run.resume', { runId: run.id })
    expect(resume).toMatchObject({ ok: false, error: { code: 'connection' } })
    if (!resume.ok) expect(resume.error.message).toContain('shop.example.com')
  })
})
