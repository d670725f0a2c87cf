// The results export: one line per sheet row with the order's result, original headers kept,
// every cell text and formula-safe in CSV and XLSX alike, the API's own texts included.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Journal } from '../../../electron/main/journal'
import { cellText, resultsTable, stateLabel } from '../../../electron/main/export/results-table'
import { translatorFor } from '#shared/i18n/translate'
import { toCsv, toXlsx } from '../../../electron/main/export/write-results'
import { resultPages } from '../../../electron/main/export/stream-results'
import { HEADERS, order, runInput } from './export-fixture'
import { msg, storedMessage } from '#shared/i18n/message'

let dir: string
let journal: Journal
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orderbatch-export-'))
  journal = Journal.open(join(dir, 'j.sqlite'))
})
afterEach(() => {
  journal.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Run with: #1 created (two rows), #2 refused by the API with a hostile text, #3 rejected by the
 * sheet, #4 created then deleted. */
function stagedRun(mapping: unknown) {
  const { run } = journal.stageRun(runInput(mapping), [
    order(1, [
      { sheetRow: 2, cells: ['A-1', 'b1@example.com', 'course', { v: 1500, z: '#,##0.00', w: '1,500.00' }] },
      { sheetRow: 3, cells: ['A-1', 'b1@example.com', 'book', 990] }
    ]),
    order(2, [{ sheetRow: 4, cells: ['A-2', '=cmd|" /C calc"!A0', 'course', -5] }]),
    order(3, [{ sheetRow: 5, cells: ['A-3', 'bad@', null, true] }], { rejected: { code: 'row-errors', text: 'Row 5: "bad@" is not an e-mail.' } }),
    order(4, [{ sheetRow: 6, cells: ['A-4', 'b4@example.com', 'course'] }])
  ])
  const due = journal.nextDue(run.id, Date.now(), 10)
  const send = (ordinal: number) => journal.beginAttempt(due.find((o) => o.ordinal === ordinal)!.id)
  const first = send(1)
  journal.recordCreated(due[0]!.id, first.attemptId, { billId: 501, existed: false, raw: '{}', httpStatus: 200 })
  const second = send(2)
  journal.recordFailed(due[1]!.id, second.attemptId, { code: 604, text: '=HYPERLINK("http://evil.example","x")', raw: '{}' })
  const fourth = send(4)
  journal.recordCreated(due[2]!.id, fourth.attemptId, { billId: 504, existed: false, raw: '{}', httpStatus: 200 })
  journal.recordDeletion(due[2]!.id)
  return journal.getRun(run.id)!
}

describe('resultsTable', () => {
  it('words a note of ours in the export\'s language and keeps the shop\'s words as they are', () => {
    const { run: second } = journal.stageRun(runInput({ version: 1, source: { headers: HEADERS, headerRow: 1, format: 'xlsx', sandbox: false } }), [
      order(1, [{ sheetRow: 2, cells: ['B-1', 'c1@example.com', 'course'] }])
    ])
    const [due] = journal.nextDue(second.id, Date.now(), 10)
    journal.beginAttempt(due!.id)
    journal.abandonSending(second.id, storedMessage(msg('orderNote.abandoned')))
    const error = (language: 'en' | 'ru') => resultsTable(journal, journal.getRun(second.id)!, undefined, language).rows[0]!.at(-1)
    expect(error('en')).toBe('Orderbatch stopped sending while this order was on its way; the shop may have created it.')
    expect(error('ru')).toBe('Orderbatch прекратил отправку, когда этот заказ был уже в пути; магазин мог его создать.')
  })

  it('tells what was done with an order afterwards (undo, the user decision) in the export language, the streamed export alike', () => {
    const { run: third } = journal.stageRun(runInput({ version: 1, source: { headers: HEADERS, headerRow: 1, format: 'xlsx', sandbox: false } }), [
      order(1, [{ sheetRow: 2, cells: ['C-1', 'd1@example.com', 'course'] }]),
      order(2, [{ sheetRow: 3, cells: ['C-2', 'd2@example.com', 'course'] }]),
      order(3, [{ sheetRow: 4, cells: ['C-3', 'd3@example.com', 'course'] }])
    ])
    const due = journal.nextDue(third.id, Date.now(), 10)
    const made = journal.beginAttempt(due[0]!.id)
    journal.recordCreated(due[0]!.id, made.attemptId, { billId: 701, existed: false, raw: '{}', httpStatus: 200 })
    journal.recordDeletion(due[0]!.id, storedMessage(msg('orderNote.undo.deletedCli')))
    const cut = journal.beginAttempt(due[1]!.id)
    journal.recordUnknown(due[1]!.id, cut.attemptId, { reason: 'cut' })
    journal.resolveCreated(due[1]!.id, { billId: 702, by: 'user', note: storedMessage(msg('orderNote.resolve.createdCli')) })
    const run = journal.getRun(third.id)!
    const notes = (language: 'en' | 'ru') => resultsTable(journal, run, undefined, language).rows.map((row) => [row.at(-4), row.at(-1)])
    expect(notes('en')).toEqual([
      ['deleted', 'deleted by orderbatch undo'],
      ['created', 'found in the shop by the user (orderbatch resolve)'],
      ['not sent yet', '']
    ])
    expect(notes('ru')).toEqual([
      ['удалён', translatorFor('ru')('orderNote.undo.deletedCli')],
      ['создан', 'пользователь нашёл его в магазине (orderbatch resolve)'],
      ['ещё не отправлен', '']
    ])
    for (const language of ['en', 'ru'] as const) {
      const pages = resultPages(journal, run, undefined, 2, language).pages()
      const lines: string[][] = []
      for (let next = pages.next(); !next.done; next = pages.next()) lines.push(...next.value)
      expect(lines).toEqual(resultsTable(journal, run, undefined, language).rows)
    }
  })

  it('keeps the shop\'s words and older plain notes as they are in a Russian export', () => {
    const run = stagedRun({ version: 1, source: { headers: HEADERS, headerRow: 1, format: 'xlsx', sandbox: false } })
    expect(resultsTable(journal, run, 'failed', 'ru').rows.map((r) => r.at(-1))).toEqual(['=HYPERLINK("http://evil.example","x")', 'Row 5: "bad@" is not an e-mail.'])
  })

  it('has the stored headers, one line per sheet row, and each order result on each of its rows', () => {
    const run = stagedRun({ version: 1, source: { headers: HEADERS, headerRow: 1, format: 'xlsx', sandbox: false } })
    const table = resultsTable(journal, run)
    expect(table.headers).toEqual([...HEADERS, 'Run order', 'State', 'Bill ID', 'Error code', 'Error'])
    expect(table.rows).toEqual([
      ['A-1', 'b1@example.com', 'course', '1,500.00', '1', 'created', '501', '', ''],
      ['A-1', 'b1@example.com', 'book', '990', '1', 'created', '501', '', ''],
      ['A-2', '=cmd|" /C calc"!A0', 'course', '-5', '2', 'failed', '', '604', '=HYPERLINK("http://evil.example","x")'],
      ['A-3', 'bad@', '', 'TRUE', '3', 'failed', '', 'row-errors', 'Row 5: "bad@" is not an e-mail.'],
      ['A-4', 'b4@example.com', 'course', '', '4', 'deleted', '504', '', '']
    ])
  })

  it('keeps only the orders asked for', () => {
    const run = stagedRun({ version: 1 })
    expect(resultsTable(journal, run, 'failed').rows.map((row) => row[4])).toEqual(['2', '3'])
    expect(resultsTable(journal, run, 'succeeded').rows.map((row) => row[5])).toEqual(['created', 'created', 'deleted'])
    expect(resultsTable(journal, run, 'unknown').rows).toEqual([])
  })

  it('names the columns "Column N" when the run did not keep its headers', () => {
    const run = stagedRun({ version: 1 })
    expect(resultsTable(journal, run).headers.slice(0, 4)).toEqual(['Column 1', 'Column 2', 'Column 3', 'Column 4'])
  })
})

describe('writers', () => {
  it('write CSV as UTF-8 with BOM, CRLF, every field quoted and formula-safe (API texts too)', () => {
    const run = stagedRun({ version: 1, source: { headers: HEADERS, headerRow: 1, format: 'xlsx', sandbox: false } })
    const csv = toCsv(resultsTable(journal, run, 'failed'))
    expect(csv.startsWith('\uFEFF"Order","Email","Product","Price","Run order"')).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines[1]).toBe(`"A-2","'=cmd|"" /C calc""!A0","course","'-5","2","failed","","604","'=HYPERLINK(""http://evil.example"",""x"")"`)
    expect(lines).toHaveLength(4)
    expect(lines[3]).toBe('')
  })

  it('write XLSX with every cell a string cell, formula-safe, and no formulas', () => {
    const run = stagedRun({ version: 1, source: { headers: HEADERS, headerRow: 1, format: 'xlsx', sandbox: false } })
    const book = XLSX.read(toXlsx(resultsTable(journal, run)))
    const sheet = book.Sheets[book.SheetNames[0]!]!
    const cells = Object.entries(sheet).filter(([key]) => !key.startsWith('!')).map(([, cell]) => cell as XLSX.CellObject)
    expect(cells.length).toBeGreaterThan(40)
    expect(cells.every((cell) => cell.t === 's' && cell.f === undefined)).toBe(true)
    expect(sheet.B4?.v).toBe(`'=cmd|" /C calc"!A0`)
    expect(sheet.I4?.v).toBe(`'=HYPERLINK("http://evil.example","x")`)
    expect(sheet.D2?.v).toBe('1,500.00')
  })
})

describe('cellText', () => {
  it('shows cells as the user saw them', () => {
    expect(cellText(null)).toBe('')
    expect(cellText('Мария')).toBe('Мария')
    expect(cellText(0.1)).toBe('0.1')
    expect(cellText(false)).toBe('FALSE')
    expect(cellText({ v: 45000, z: 'yyyy-mm-dd', w: '2023-03-15', date: true })).toBe('2023-03-15')
  })
})

describe('stateLabel', () => {
  const ru = translatorFor('ru')
  const created = { state: 'succeeded', existed: false } as const

  it('keeps the English values', () => {
    expect(stateLabel(created, false, { status: 'paid', state: 'done', errorText: null })).toBe('created, marked paid')
    expect(stateLabel({ state: 'succeeded', existed: true }, false, { status: 'cancel', state: 'failed', errorText: null })).toBe('already existed, not marked cancelled')
    expect(stateLabel({ state: 'unknown', existed: false })).toBe('unknown')
    expect(stateLabel({ state: 'sending', existed: false })).toBe('sending')
  })

  it('words every state in Russian, the status step included', () => {
    expect(stateLabel(created, false, { status: 'paid', state: 'done', errorText: null }, ru)).toBe('создан, отмечен как «оплачен»')
    expect(stateLabel({ state: 'succeeded', existed: true }, false, { status: 'return', state: 'failed', errorText: null }, ru)).toBe('уже был в магазине, не отмечен как «возврат»')
    expect(stateLabel(created, true, null, ru)).toBe('удалён')
    expect((['pending', 'sending', 'failed', 'unknown', 'skipped'] as const).map((state) => stateLabel({ state, existed: false }, false, null, ru))).toEqual([
      'ещё не отправлен',
      'отправляется',
      'не принят',
      'исход неизвестен',
      'пропущен'
    ])
  })
})
