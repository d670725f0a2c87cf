// The sheet side of the app service end to end: loading bytes, pages of rows with their issues,
// edits and exclusions re-planned, the order preview with its masked body, templates, and the
// door that refuses bad input.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Mapping } from '#shared/mapping/mapping'
import type { SessionSummary } from '#shared/ipc/contract'
import { keyedText } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import { sampleBytes, useTestApp, eventsOf, GROUPED_SAMPLE } from './helpers'

const app = useTestApp()
let summary: SessionSummary
const EMAIL_ROW = 4 // resources/samples/orders.csv: "maria.ivanova@" on sheet row 4

beforeAll(async () => {
  summary = await app.ok('sheet.load', { name: 'orders.csv', bytes: sampleBytes() })
})

describe('sheet.load', () => {
  it('reads the bytes, maps the headers automatically and counts the plan', () => {
    expect(summary.meta.file).toBe('orders.csv')
    expect(summary.headers).toContain('Email')
    expect(summary.template).toBeNull()
    expect(summary.mapping.fields.bill_email?.source).toEqual({ kind: 'column', column: 'Email' })
    expect(summary.auto?.matches.some((m) => m.column === 'Email')).toBe(true)
    expect(summary.counts).toMatchObject({ rows: 30, orders: 30, validOrders: 29, errors: 1, excludedRows: 0, alreadyCreated: 0 })
    expect(summary.rawPreview[0]?.row).toBe(2)
    expect(summary.rawPreview[0]?.cells[summary.headers.indexOf('Email')]).toBe('anna.smirnova@example.com')
    expect(summary.rawPreview.length).toBeLessThanOrEqual(20)
  })

  it('reports reading as job progress, ending with a finished event', () => {
    const jobs = eventsOf(app, 'job.progress')
    expect(jobs.some((j) => j.stage === 'reading')).toBe(true)
    expect(jobs.at(-1)?.finished).toBe(true)
  })

  it('answers a file that is not a sheet with one sentence naming the file', async () => {
    const result = await app.call('sheet.load', { name: 'empty.csv', bytes: new Uint8Array(new ArrayBuffer(0)) })
    expect(result).toMatchObject({ ok: false, error: { code: 'sheet' } })
    if (!result.ok) expect(result.error.message).toMatch(/^empty\.csv: /)
    // The same sentence as a key and values, worded in Russian by the renderer.
    if (!result.ok) expect(keyedText(translatorFor('ru'), result.error)).toBe('empty.csv: файл пуст (0 байт). Выберите файл с заказами или выгрузите его заново.')
  })

  it('reads again with another header row, and the headers follow', async () => {
    const other = await app.ok('sheet.load', { name: 'orders.csv', bytes: sampleBytes() })
    const reloaded = await app.ok('sheet.reload', { sessionId: other.sessionId, options: { headerRow: 2 } })
    expect(reloaded.sessionId).toBe(other.sessionId)
    expect(reloaded.meta.headerRow.value).toBe(2)
    expect(reloaded.headers).toContain('anna.smirnova@example.com')
    expect(await app.ok('sheet.close', { sessionId: other.sessionId })).toEqual({ closed: true })
    expect(await app.call('rows.page', { sessionId: other.sessionId, offset: 0, limit: 5, filter: 'all' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })
})

describe('rows', () => {
  it('pages all rows, or only the rows with problems and their issues', async () => {
    const all = await app.ok('rows.page', { sessionId: summary.sessionId, offset: 10, limit: 5, filter: 'all' })
    expect(all.total).toBe(30)
    expect(all.rows.map((r) => r.row)).toEqual([12, 13, 14, 15, 16])
    const problems = await app.ok('rows.page', { sessionId: summary.sessionId, offset: 0, limit: 50, filter: 'problems' })
    expect(problems.total).toBe(1)
    expect(problems.rows[0]).toMatchObject({ row: EMAIL_ROW, order: 3, excluded: false, edited: false })
    expect(problems.rows[0]?.issues[0]).toMatchObject({ severity: 'error', field: 'bill_email', column: 'Email', row: EMAIL_ROW })
  })

  it('re-plans after an edit, keeps the table as read, and forgets an edit typed back', async () => {
    const column = summary.headers.indexOf('Email')
    const edited = await app.ok('rows.edit', { sessionId: summary.sessionId, row: EMAIL_ROW, column, value: 'maria.ivanova@example.ru' })
    expect(edited.row).toMatchObject({ row: EMAIL_ROW, edited: true, issues: [] })
    expect(edited.row.cells[column]).toBe('maria.ivanova@example.ru')
    expect(edited.counts).toMatchObject({ validOrders: 30, errors: 0 })
    const preview = await app.ok('mapping.previewOrder', { sessionId: summary.sessionId, order: 3 })
    expect(preview.order.fields.bill_email).toBe('maria.ivanova@example.ru')

    const back = await app.ok('rows.edit', { sessionId: summary.sessionId, row: EMAIL_ROW, column, value: 'maria.ivanova@' })
    expect(back.row.edited).toBe(false)
    expect(back.counts.errors).toBe(1)
  })

  it('refuses an edit outside the sheet with a plain sentence', async () => {
    expect(await app.call('rows.edit', { sessionId: summary.sessionId, row: 999, column: 0, value: 'x' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    const wide = await app.call('rows.edit', { sessionId: summary.sessionId, row: 2, column: 99, value: 'x' })
    expect(wide).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('words its refusals in the reader\'s language from their keys', async () => {
    const ru = translatorFor('ru')
    const errorOf = (result: { ok: boolean; error?: { message: string; key?: string; params?: Record<string, unknown> } }) => {
      if (result.ok || !result.error) throw new Error('expected a refusal')
      return result.error as { message: string; key?: string; params?: never }
    }
    const row = errorOf(await app.call('rows.edit', { sessionId: summary.sessionId, row: 999, column: 0, value: 'x' }))
    expect(row.message).toBe('Row 999 is not a data row of orders.csv; reload the rows and try again.')
    expect(keyedText(ru, row)).toBe('Строка 999 не является строкой данных в orders.csv; обновите строки и попробуйте ещё раз.')
    const wide = errorOf(await app.call('rows.edit', { sessionId: summary.sessionId, row: 2, column: 99, value: 'x' }))
    expect(keyedText(ru, wide)).toMatch(/^В orders\.csv \d+ столб(ец|ца|цов); столбца номер 100 для изменения нет\.$/)
    const exclude = errorOf(await app.call('rows.exclude', { sessionId: summary.sessionId, rows: [999], excluded: true }))
    expect(keyedText(ru, exclude)).toBe('Строка 999 не является строкой данных в orders.csv; ничего не изменено.')
    const order = errorOf(await app.call('mapping.previewOrder', { sessionId: summary.sessionId, order: 31 }))
    expect(order.message).toBe('There is no order 31 in orders.csv: it has 30 orders with this mapping.')
    expect(keyedText(ru, order)).toBe('В orders.csv нет заказа 31: при этом сопоставлении в нём 30 заказов.')
    const gone = errorOf(await app.call('rows.page', { sessionId: 'no-such-session', offset: 0, limit: 5, filter: 'all' }))
    expect(keyedText(ru, gone)).toBe('Этот файл больше не открыт (его закрыли или Orderbatch перезапущен). Загрузите его снова.')
  })

  it('leaves excluded rows out of the plan and brings them back', async () => {
    const out = await app.ok('rows.exclude', { sessionId: summary.sessionId, rows: [2, 3, EMAIL_ROW], excluded: true })
    expect(out.counts).toMatchObject({ excludedRows: 3, orders: 27, validOrders: 27, errors: 0 })
    const page = await app.ok('rows.page', { sessionId: summary.sessionId, offset: 0, limit: 3, filter: 'all' })
    expect(page.rows[0]).toMatchObject({ row: 2, excluded: true, order: null })
    const back = await app.ok('rows.exclude', { sessionId: summary.sessionId, rows: [2, 3, EMAIL_ROW], excluded: false })
    expect(back.counts).toMatchObject({ excludedRows: 0, orders: 30, validOrders: 29 })
  })
})

describe('mapping', () => {
  it('previews an order with the exact body and the hash masked', async () => {
    const preview = await app.ok('mapping.previewOrder', { sessionId: summary.sessionId, order: 1 })
    expect(preview.order).toMatchObject({ index: 1, rows: [2], goods: [{ good_name: 'course-basic', good_sum: '4900.00' }] })
    expect(preview.body.startsWith('goods%5B0%5D%5Bgood_name%5D=course-basic&goods%5B0%5D%5Bgood_sum%5D=4900.00&bill_first_name=Anna')).toBe(true)
    expect(preview.body).toContain('bill_email=anna.smirnova%40example.com')
    expect(preview.body.endsWith('&hash=•••')).toBe(true)
    expect(preview.body).not.toMatch(/[0-9a-f]{32}/)
    expect(await app.call('mapping.previewOrder', { sessionId: summary.sessionId, order: 31 })).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('re-plans with a new mapping and reports sheet-wide problems', async () => {
    const mapping: Mapping = { ...summary.mapping, fields: { ...summary.mapping.fields, bill_email: { source: { kind: 'none' } } } }
    const answer = await app.ok('mapping.set', { sessionId: summary.sessionId, mapping })
    expect(answer.counts.validOrders).toBe(0)
    expect(answer.sheetIssues?.some((i) => i.severity === 'error' && i.row === null)).toBe(true)
    const restored = await app.ok('mapping.set', { sessionId: summary.sessionId, mapping: summary.mapping })
    expect(restored.counts.validOrders).toBe(29)
  })

  it('applies a saved template when the same headers come back, and only then', async () => {
    const mapping: Mapping = { ...summary.mapping, fields: { ...summary.mapping.fields, bill_comment: { source: { kind: 'constant', value: 'from the template' } } } }
    await app.ok('mapping.set', { sessionId: summary.sessionId, mapping })
    expect(await app.ok('templates.save', { sessionId: summary.sessionId, name: 'Shop export' })).toEqual({ name: 'Shop export' })
    const listed = await app.ok('templates.list', {})
    expect(listed).toEqual([expect.objectContaining({ name: 'Shop export', headers: summary.headers })])

    const again = await app.ok('sheet.load', { name: 'orders-copy.csv', bytes: sampleBytes() })
    expect(again.template).toBe('Shop export')
    expect(again.mapping.fields.bill_comment).toEqual({ source: { kind: 'constant', value: 'from the template' } })
    const preview = await app.ok('mapping.previewOrder', { sessionId: again.sessionId, order: 1 })
    expect(preview.order.fields.bill_comment).toBe('from the template')

    const other = await app.ok('sheet.load', { name: 'orders-grouped.xlsx', bytes: sampleBytes(GROUPED_SAMPLE) })
    expect(other.template).toBeNull()
    expect(other.auto).not.toBeNull()
  })
})

describe('the door', () => {
  it('refuses invalid input naming the field, before any handler runs', async () => {
    const tooMany = await app.call('rows.page', { sessionId: summary.sessionId, offset: 0, limit: 5000, filter: 'all' })
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    if (!tooMany.ok) expect(tooMany.error.message).toContain('"limit"')
    const notBytes = await app.call('sheet.load', { name: 'x.csv', bytes: 'not bytes' as unknown as Uint8Array<ArrayBuffer> })
    expect(notBytes).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    if (!notBytes.ok) expect(notBytes.error.message).toContain('"bytes"')
    const badFilter = await app.call('rows.page', { sessionId: summary.sessionId, offset: 0, limit: 5, filter: 'some' as 'all' })
    expect(badFilter).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })
})
