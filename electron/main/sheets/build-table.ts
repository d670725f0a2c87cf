// From the non-blank rows of a sheet to the table the pipeline works on: find the header, drop
// what sits above it, and square the rows to one width. Arrays only, never objects keyed by header
// text, so a header such as "__proto__" is just text. Row arrays are squared in place, not copied:
// a sheet can hold millions of them.
import type { Message } from '#shared/i18n/message'
import type { Cell, Detected, SheetTable } from '#shared/sheet/sheet'
import { detected } from './detected'
import { detectHeader } from './detect-header'
import { sheetReadError, why } from './sheet-error'
import { cellText, isBlankCell, type SheetRecords } from './sheet-record'

export interface BuildOptions {
  file: string
  /** 1-based row chosen by the user; absent means detect. */
  headerRow?: number
  /** What a missing cell becomes: '' for text files (all cells are strings), null for workbooks. */
  missing: Cell
  date1904: boolean
  maxRows: number
  /** "the file" or "sheet "Orders"", for messages. */
  where: string
  /** The sheet the table is read from, or null for a text file: `where` in the reader's language. */
  sheet: string | null
}

function whereWhy(options: BuildOptions): Message {
  return options.sheet === null ? why('sheet.where.file') : why('sheet.where.sheet', { name: options.sheet })
}

export interface BuiltTable {
  table: SheetTable
  headerRow: Detected<number>
}

/** Takes ownership of `records`: its row arrays become the table's rows. */
export function buildTable(records: SheetRecords, options: BuildOptions): BuiltTable {
  if (records.cells.length === 0) {
    throw sheetReadError('empty', options.file, `${options.where} has no filled cells. Choose the file or sheet that holds the orders.`, why('sheet.noCells', { where: whereWhy(options) }))
  }
  const { index, detected } = options.headerRow === undefined ? detectHeader(records) : chosenHeader(records, options)
  const dataCount = records.cells.length - index - 1
  if (dataCount === 0) {
    throw sheetReadError('no-data', options.file, `${options.where} has a header in row ${detected.value} but no rows of orders below it. Add the orders under the header, or choose another file or sheet.`, why('sheet.headerNoRows', { where: whereWhy(options), row: detected.value }))
  }
  if (dataCount > options.maxRows) {
    throw sheetReadError('too-large', options.file, `${options.where} has ${dataCount.toLocaleString('en-US')} rows, more than the ${options.maxRows.toLocaleString('en-US')} this app reads at once. Split it into smaller files and import them one by one.`, why('sheet.tooManyRowsIn', { where: whereWhy(options), count: dataCount, max: options.maxRows }))
  }
  const header = records.cells[index]!
  const rows = records.cells.slice(index + 1)
  const rowNumbers = records.rows.slice(index + 1)
  const [from, to] = usedColumns(header, rows)
  const headers: string[] = []
  for (let c = from; c < to; c++) headers.push(cellText(header[c]).trim())
  for (let r = 0; r < rows.length; r++) rows[r] = square(rows[r]!, from, to, options.missing)
  return { table: { headers, rows, rowNumbers, date1904: options.date1904 }, headerRow: detected }
}

/** The row cut to columns [from, to), padded with `missing`; only blank cells are ever cut.
 * Readers fill every position of a row they make, so only a short row needs padding. */
function square(cells: Cell[], from: number, to: number, missing: Cell): Cell[] {
  const row = from === 0 ? cells : cells.slice(from)
  const width = to - from
  if (row.length > width) row.length = width
  for (let c = row.length; c < width; c++) row[c] = missing
  return row
}

function chosenHeader(records: SheetRecords, options: BuildOptions): { index: number; detected: Detected<number> } {
  const wanted = options.headerRow!
  if (!Number.isInteger(wanted) || wanted < 1) {
    throw sheetReadError('no-data', options.file, `${wanted} is not a row number, so it cannot be the header row. Choose a header row of 1 or more.`, why('sheet.headerNotNumber', { value: String(wanted) }))
  }
  const index = records.rows.indexOf(wanted)
  if (index >= 0) return { index, detected: detected(wanted, 1, 'chosen by you', 'detect.chosen') }
  const last = records.rows[records.rows.length - 1]!
  if (wanted > last) {
    throw sheetReadError('no-data', options.file, `row ${wanted} cannot be the header row: the last filled row of ${options.where} is ${last}. Choose a header row between 1 and ${last}.`, why('sheet.headerPastEnd', { row: wanted, where: whereWhy(options), last }))
  }
  throw sheetReadError('no-data', options.file, `row ${wanted} of ${options.where} is blank, so it cannot be the header row. Choose the row that holds the column names.`, why('sheet.headerBlank', { row: wanted, where: whereWhy(options) }))
}

/** Columns from the first to the last one with anything in the header or the data: exports often
 * pad rows with empty columns ("a;b;;;;") or start the table a few columns in. */
function usedColumns(header: readonly Cell[], rows: readonly Cell[][]): [number, number] {
  const used = { from: Number.POSITIVE_INFINITY, to: 0 }
  widen(used, header)
  for (let r = 0; r < rows.length; r++) widen(used, rows[r] as Cell[])
  return [Number.isFinite(used.from) ? used.from : 0, used.to]
}

/** Only cells left of `from` or from `to` on can widen the span, so a row is read from its
 * ends inward: once the span covers the header, most rows cost two comparisons. */
function widen(used: { from: number; to: number }, cells: readonly Cell[]): void {
  const left = Math.min(cells.length, used.from)
  for (let c = 0; c < left; c++) {
    if (!isBlankCell(cells[c])) {
      used.from = c
      break
    }
  }
  for (let c = cells.length - 1; c >= used.to; c--) {
    if (!isBlankCell(cells[c])) {
      used.to = c + 1
      break
    }
  }
}
