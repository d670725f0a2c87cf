// The streamed export (keyset-paged from the journal, written as it goes) gives the same content
// as the table-at-once export it replaced: CSV byte for byte, XLSX cell for cell, formula-safe
// cells included, whatever the page size.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Journal } from '../../../electron/main/journal'
import type { RunRecord } from '../../../electron/main/journal'
import { formulaSafe } from '../../../electron/main/export/formula-safe'
import { resultsTable, type ExportFilter } from '../../../electron/main/export/results-table'
import { columnName, csvLine, resultPages, streamResults, xmlText } from '../../../electron/main/export/stream-results'
import { toCsv, toXlsx } from '../../../electron/main/export/write-results'
import { exportRun } from '../../../electron/main/service/export-results'
import { HEADERS, order, runInput } from './export-fixture'

let dir: string
let journal: Journal
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orderbatch-stream-export-'))
  journal = Journal.open(join(dir, 'j.sqlite'))
})
afterEach(() => {
  journal.close()
  rmSync(dir, { recursive: true, force: true })
})

const HOSTILE = ['=1+1', ' +7 916', '-', "'=x", '@SUM(A1)', '\tTab', 'a"b', 'x\u0001y', '_x0041_', '<b>&amp;</b>', ' both ', 'Мария', '']

/** Created, refused with a hostile API text, rejected by the sheet, created then deleted, a wide
 * row past the stored headers, skipped, and an order with hostile cells of every kind. */
function stagedRun(mapping: unknown): RunRecord {
  const { run } = journal.stageRun(runInput(mapping), [
    order(1, [
      { sheetRow: 2, cells: ['A-1', 'b1@example.com', 'course', { v: 1500, z: '#,##0.00', w: '1,500.00' }] },
      { sheetRow: 3, cells: ['A-1', 'b1@example.com', 'book', 990] }
    ]),
    order(2, [{ sheetRow: 4, cells: ['A-2', '=cmd|" /C calc"!A0', 'course', -5] }]),
    order(3, [{ sheetRow: 5, cells: ['A-3', 'bad@', null, true] }], { rejected: { code: 'row-errors', text: 'Row 5: "bad@" is not an e-mail.' } }),
    order(4, [{ sheetRow: 6, cells: ['A-4', 'b4@example.com', 'course'] }]),
    order(5, [{ sheetRow: 7, cells: ['A-5', 'b5@example.com', 'course', 1, 'extra', 'wider'] }]),
    order(6, [{ sheetRow: 8, cells: ['A-6', 'b6@example.com'] }]),
    order(7, [
      { sheetRow: 9, cells: HOSTILE.slice(0, 6) },
      { sheetRow: 10, cells: HOSTILE.slice(6) }
    ])
  ])
  const due = journal.nextDue(run.id, Date.now(), 10)
  const byOrdinal = (ordinal: number) => due.find((o) => o.ordinal === ordinal)!.id
  const first = journal.beginAttempt(byOrdinal(1))
  journal.recordCreated(byOrdinal(1), first.attemptId, { billId: 501, existed: false, raw: '{}', httpStatus: 200 })
  const second = journal.beginAttempt(byOrdinal(2))
  journal.recordFailed(byOrdinal(2), second.attemptId, { code: 604, text: '=HYPERLINK("http://evil.example","x")', raw: '{}' })
  const fourth = journal.beginAttempt(byOrdinal(4))
  journal.recordCreated(byOrdinal(4), fourth.attemptId, { billId: 504, existed: true, raw: '{}', httpStatus: 200 })
  journal.recordDeletion(byOrdinal(4))
  journal.skip(byOrdinal(6), '-skipped by you')
  return journal.getRun(run.id)!
}

const WITH_HEADERS = { version: 1, source: { headers: HEADERS, headerRow: 1, format: 'xlsx', sandbox: false } }
const FILTERS: Array<ExportFilter | undefined> = [undefined, 'failed', 'succeeded', 'unknown']
const PAGE_ALL = 1000

function sheetOf(bytes: Uint8Array): XLSX.WorkSheet {
  const book = XLSX.read(bytes)
  expect(book.SheetNames).toEqual(['Results'])
  return book.Sheets.Results!
}

describe('resultPages', () => {
  it.each([1, 2, 3, 1000])('gives the lines of resultsTable with pages of %i orders', (pageSize) => {
    for (const mapping of [WITH_HEADERS, { version: 1 }]) {
      const run = stagedRun(mapping)
      for (const only of FILTERS) {
        const table = resultsTable(journal, run, only)
        const source = resultPages(journal, run, only, pageSize)
        expect(source.headers).toEqual(table.headers)
        expect(source.rows).toBe(table.rows.length)
        const lines: string[][] = []
        const pages = source.pages()
        let next = pages.next()
        while (!next.done) {
          expect(next.value.length).toBeGreaterThan(0)
          lines.push(...next.value)
          next = pages.next()
        }
        expect(lines).toEqual(table.rows)
        expect(next.value).toEqual({ rows: table.rows.length, orders: new Set(table.rows.map((row) => row[table.headers.indexOf('Run order')])).size })
      }
      journal.close()
      journal = Journal.open(join(dir, `j-${pageSize}-${mapping === WITH_HEADERS ? 'h' : 'n'}.sqlite`))
    }
  })

  it.each([1, 2, 1000])('gives as CSV pages the csvLine text of its lines, pages of %i orders, either delimiter', (pageSize) => {
    for (const mapping of [WITH_HEADERS, { version: 1 }]) {
      const run = stagedRun(mapping)
      for (const only of FILTERS) {
        for (const delimiter of [',', ';'] as const) {
          const source = resultPages(journal, run, only, pageSize, 'ru')
          const lines: string[][] = []
          const pages = source.pages()
          for (let next = pages.next(); !next.done; next = pages.next()) lines.push(...next.value)
          let text = ''
          const csv = source.csvPages(delimiter)
          let next = csv.next()
          for (; !next.done; next = csv.next()) text += next.value
          expect(text).toBe(lines.map((line) => csvLine(line, delimiter)).join(''))
          expect(next.value.rows).toBe(lines.length)
        }
      }
      journal.close()
      journal = Journal.open(join(dir, `c-${pageSize}-${mapping === WITH_HEADERS ? 'h' : 'n'}.sqlite`))
    }
  })

  it('labels deleted, skipped and already-existing orders as the table does', () => {
    const run = stagedRun(WITH_HEADERS)
    const source = resultPages(journal, run)
    const pages = source.pages()
    const lines: string[][] = []
    for (let next = pages.next(); !next.done; next = pages.next()) lines.push(...next.value)
    const state = source.headers.indexOf('State')
    expect(lines.map((line) => line[state])).toEqual(['created', 'created', 'failed', 'failed', 'deleted', 'not sent yet', 'skipped', 'not sent yet', 'not sent yet'])
  })

  it('words the State column in the export language, as the table does', () => {
    const run = stagedRun(WITH_HEADERS)
    const source = resultPages(journal, run, undefined, PAGE_ALL, 'ru')
    const pages = source.pages()
    const lines: string[][] = []
    for (let next = pages.next(); !next.done; next = pages.next()) lines.push(...next.value)
    const state = source.headers.indexOf('Состояние')
    expect(state).toBeGreaterThan(0)
    expect(lines.map((line) => line[state])).toEqual(['создан', 'создан', 'не принят', 'не принят', 'удалён', 'ещё не отправлен', 'пропущен', 'ещё не отправлен', 'ещё не отправлен'])
    expect(lines).toEqual(resultsTable(journal, run, undefined, 'ru').rows)
  })
})

describe('streamResults', () => {
  it('writes CSV byte for byte as toCsv does, for every filter', async () => {
    const run = stagedRun(WITH_HEADERS)
    for (const only of FILTERS) {
      const path = join(dir, `out-${only ?? 'all'}.csv`)
      const counts = await streamResults(path, journal, run, 'csv', only)
      const table = resultsTable(journal, run, only)
      expect(readFileSync(path, 'utf8')).toBe(toCsv(table))
      expect(counts.rows).toBe(table.rows.length)
    }
  })

  it('writes XLSX whose cells read back as toXlsx gives them: all text, formula-safe, nothing lost', async () => {
    const run = stagedRun(WITH_HEADERS)
    for (const only of FILTERS) {
      const path = join(dir, `out-${only ?? 'all'}.xlsx`)
      await streamResults(path, journal, run, 'xlsx', only)
      const table = resultsTable(journal, run, only)
      const ours = sheetOf(readFileSync(path))
      const before = sheetOf(toXlsx(table))
      expect(ours['!ref']).toBe(before['!ref'])
      const cells = Object.keys(ours).filter((key) => !key.startsWith('!'))
      expect(cells.sort()).toEqual(Object.keys(before).filter((key) => !key.startsWith('!')).sort())
      for (const key of cells) {
        const cell = ours[key] as XLSX.CellObject
        expect(cell.t).toBe('s')
        expect(cell.f).toBeUndefined()
      }
      // Every cell reads back as the formula-safe text of the table. (SheetJS's own writer, used
      // before, lost a literal "_x0041_", control characters and "&amp;" in text; this one keeps them.)
      const back = XLSX.utils.sheet_to_json<string[]>(ours, { header: 1, raw: true, defval: '' })
      expect(back).toEqual([table.headers, ...table.rows].map((row) => row.map(formulaSafe)))
    }
    const all = sheetOf(readFileSync(join(dir, 'out-all.xlsx')))
    expect(all.B4?.v).toBe(`'=cmd|" /C calc"!A0`)
    expect(all.L4?.v).toBe(`'=HYPERLINK("http://evil.example","x")`)
    expect(all.D2?.v).toBe('1,500.00')
    const rows = XLSX.utils.sheet_to_json<string[]>(all, { header: 1, raw: true, defval: '' })
    expect(rows.slice(-2).map((row) => row.slice(0, 6))).toEqual([
      ["'=1+1", "' +7 916", "'-", "''=x", "'@SUM(A1)", "'\tTab"],
      ['a"b', 'x\u0001y', '_x0041_', '<b>&amp;</b>', ' both ', 'Мария']
    ])
  })

  it('writes only the header row for a filter that matches nothing', async () => {
    const run = stagedRun(WITH_HEADERS)
    const path = join(dir, 'none.xlsx')
    expect(await streamResults(path, journal, run, 'xlsx', 'unknown')).toEqual({ rows: 0, orders: 0 })
    const sheet = sheetOf(readFileSync(path))
    expect(XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })).toEqual([[...HEADERS, 'Run order', 'State', 'Bill ID', 'Error code', 'Error']])
  })

  it('fails with the file system error when the folder does not exist', async () => {
    const run = stagedRun(WITH_HEADERS)
    await expect(streamResults(join(dir, 'missing', 'x.csv'), journal, run, 'csv')).rejects.toMatchObject({ code: 'ENOENT' })
  })
})

describe('the app export (runs.export)', () => {
  it('gives the bytes of the streamed export and leaves no temporary file behind', async () => {
    const run = stagedRun(WITH_HEADERS)
    const temp = mkdtempSync(join(dir, 'temp-'))
    const csv = await exportRun(journal, run, 'csv', 'failed', temp)
    expect(csv.name).toBe(`orders-run-${run.id}-failed.csv`)
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes)).toBe(toCsv(resultsTable(journal, run, 'failed')))
    const xlsx = await exportRun(journal, run, 'xlsx', 'all', temp)
    expect(xlsx.bytes.constructor).toBe(Uint8Array)
    expect(sheetOf(xlsx.bytes).B4?.v).toBe(`'=cmd|" /C calc"!A0`)
    expect(readdirSync(temp)).toEqual([])
  })

  it("words the State column in the user's language, CSV and XLSX", async () => {
    const run = stagedRun(WITH_HEADERS)
    const temp = mkdtempSync(join(dir, 'temp-'))
    const csv = await exportRun(journal, run, 'csv', 'all', temp, { language: 'ru', delimiter: ';' })
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes)
    expect(text).toContain('"Состояние"')
    expect(text).toContain('"не принят"')
    expect(text).toContain('"ещё не отправлен"')
    expect(text).not.toMatch(/"(failed|not sent yet|created)"/)
    const xlsx = await exportRun(journal, run, 'xlsx', 'all', temp, { language: 'ru' })
    const rows = XLSX.utils.sheet_to_json<string[]>(sheetOf(xlsx.bytes), { header: 1, raw: true, defval: '' })
    const state = rows[0]!.indexOf('Состояние')
    expect(rows.slice(1).map((row) => row[state])).toEqual(['создан', 'создан', 'не принят', 'не принят', 'удалён', 'ещё не отправлен', 'пропущен', 'ещё не отправлен', 'ещё не отправлен'])
    const english = await exportRun(journal, run, 'xlsx', 'all', temp, { language: 'en' })
    const englishRows = XLSX.utils.sheet_to_json<string[]>(sheetOf(english.bytes), { header: 1, raw: true, defval: '' })
    expect(englishRows.slice(1).map((row) => row[englishRows[0]!.indexOf('State')])).toContain('not sent yet')
  })
})

describe('xmlText and columnName', () => {
  it('escapes markup, characters XML cannot hold, and literal _xHHHH_ sequences', () => {
    expect(xmlText('plain')).toBe('plain')
    expect(xmlText('a<b>&"c"')).toBe('a&lt;b&gt;&amp;&quot;c&quot;')
    expect(xmlText('x\u0000\u001fy')).toBe('x_x0000__x001F_y')
    expect(xmlText('_x0041_')).toBe('_x005F_x0041_')
  })

  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA'])
  })
})
