// XLSX, XLSM, XLS and ODS through SheetJS, read with everything that could run or bloat switched
// off (formulas, styles, VBA, HTML) and a row cap, into the same records a text file gives.
import { createRequire } from 'node:module'
import * as XLSX from 'xlsx'
import type { Cell, ReadResult, SheetReadOptions } from '#shared/sheet/sheet'
import { buildTable } from './build-table'
import { HEADER_MARGIN_ROWS, type ReadLimits } from './limits'
import type { CatalogKey } from '#shared/i18n/catalog/index'
import type { Message } from '#shared/i18n/message'
import { isSheetReadError, sheetReadError, type SheetReadError, why } from './sheet-error'
import { emptyRecords, isBlankRow, type SheetRecords } from './sheet-record'
import { toCell } from './workbook-cell'
import { collapseTwoLevelHeader, emailRows, fillMerges } from './orders-sheet'

export type WorkbookFormat = 'xlsx' | 'xlsm' | 'xls' | 'ods'

const FORMAT_NAME_KEYS: Record<WorkbookFormat, CatalogKey> = {
  xlsx: 'sheet.name.excel',
  xlsm: 'sheet.name.excel',
  xls: 'sheet.name.xls',
  ods: 'sheet.name.ods'
}

export const FORMAT_NAMES: Record<WorkbookFormat, string> = {
  xlsx: 'Excel workbook',
  xlsm: 'Excel workbook',
  xls: 'Excel 97-2003 workbook',
  ods: 'OpenDocument spreadsheet'
}

/** `markup`: an HTML table or XML saved under an .xls name. Its cells are text, kept as text as a
 * CSV file's are (SheetJS would guess numbers, and "+79161234567" would lose its "+"). */
export function readWorkbook(bytes: Uint8Array, file: string, format: WorkbookFormat, options: SheetReadOptions, limits: ReadLimits, markup = false): ReadResult {
  if (format === 'xls') loadCodePages()
  const sheetRows = limits.maxRows + HEADER_MARGIN_ROWS + 1
  const workbook = parseWorkbook(bytes, file, format, sheetRows, markup)
  const names = workbook.SheetNames
  if (names.length === 0) throw noSheets(file, format)
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904)
  const picked: { name: string; records: LazyRecords; reason?: string; sheetWhy?: Message } = options.sheet === undefined ? firstSheetWithData(workbook, file) : chosenSheet(workbook, options.sheet, file)
  const { name, records, reason, sheetWhy } = picked
  const sheet = workbook.Sheets[name]!
  if (wasCut(sheet, sheetRows)) throw tooManyRows(file, name, limits)
  const rows = records()
  const elsewhere = names.length > 1 && emailRows(rows) === 0 ? names.filter((n) => n !== name && emailRows(sheetRecords(workbook, n)) > 0) : []
  const { table, headerRow } = buildTable(rows, {
    file,
    headerRow: options.headerRow,
    missing: null,
    date1904,
    maxRows: limits.maxRows,
    where: `sheet "${name}"`,
    sheet: name
  })
  return {
    meta: { file, format, sheetNames: [...names], sheet: name, ...(reason ? { sheetReason: reason } : {}), ...(sheetWhy ? { sheetWhy } : {}), ...(elsewhere.length > 0 ? { sheetsWithEmails: elsewhere } : {}), headerRow, rowCount: table.rows.length, columnCount: table.headers.length },
    table
  }
}

let codePagesLoaded = false

/** Old .xls files store text in the code page of the Windows that saved them (1251 for Russian).
 * The tables are big and slow to load, so only .xls reads load them, synchronously, once. */
function loadCodePages(): void {
  if (codePagesLoaded) return
  XLSX.set_cptable(createRequire(import.meta.url)('xlsx/dist/cpexcel.js'))
  codePagesLoaded = true
}

function parseWorkbook(bytes: Uint8Array, file: string, format: WorkbookFormat, sheetRows: number, markup: boolean): XLSX.WorkBook {
  try {
    return XLSX.read(bytes, {
      raw: markup,
      type: 'array',
      dense: true,
      cellDates: false,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      cellNF: true,
      bookVBA: false,
      bookFiles: false,
      WTF: false,
      sheetRows
    })
  } catch (error) {
    if (isSheetReadError(error)) throw error
    const text = error instanceof Error ? error.message : String(error)
    if (/password|encrypt/i.test(text)) {
      throw sheetReadError('unsupported', file, 'the workbook is password-protected. Open it in Excel, remove the password (File > Info > Protect Workbook) and try again.', why('sheet.password'))
    }
    const resave = format === 'ods' ? 'Re-save it from LibreOffice as .ods or .xlsx' : 'Re-save it from Excel as .xlsx'
    throw sheetReadError('malformed', file, `the file is not a valid ${FORMAT_NAMES[format]} (it may be damaged, truncated or renamed). ${resave} and try again.`, why('sheet.invalidWorkbook', { what: why(FORMAT_NAME_KEYS[format]), resave: why(format === 'ods' ? 'sheet.resaveOds' : 'sheet.resaveExcel') }))
  }
}

type LazyRecords = () => SheetRecords

/** The visible sheet whose rows hold the most e-mail addresses (a summary sheet before the
 * orders has none); else the first visible sheet with a header and at least one row under it;
 * else the first with any content (which then fails with a precise "no data" message); else the
 * workbook is empty. */
function firstSheetWithData(workbook: XLSX.WorkBook, file: string): { name: string; records: LazyRecords; reason?: string; sheetWhy?: Message } {
  const hidden = new Set((workbook.Workbook?.Sheets ?? []).filter((s) => s.Hidden).map((s) => s.name))
  const ordered = [...workbook.SheetNames.filter((n) => !hidden.has(n)), ...workbook.SheetNames.filter((n) => hidden.has(n))]
  let firstFilled: { name: string; records: SheetRecords } | null = null
  let firstWithData: { name: string; records: SheetRecords } | null = null
  let withEmails: { name: string; records: SheetRecords; count: number } | null = null
  for (const name of ordered) {
    const records = sheetRecords(workbook, name)
    if (records.cells.length >= 2) {
      firstWithData ??= { name, records }
      if (ordered.length === 1 || hidden.has(name)) break
      const count = emailRows(records)
      if (count > 0 && (!withEmails || count > withEmails.count)) withEmails = { name, records, count }
    }
    if (records.cells.length === 1 && !firstFilled) firstFilled = { name, records }
  }
  const best = withEmails ?? firstWithData
  if (best) {
    const skipped = firstWithData && withEmails && firstWithData.name !== withEmails.name ? firstWithData.name : null
    const reason = skipped && withEmails ? `it has e-mail addresses in ${withEmails.count} ${withEmails.count === 1 ? 'row' : 'rows'} and "${skipped}", the first sheet, has none` : undefined
  const sheetWhy = skipped && withEmails ? why('sheet.pickedForEmails', { count: withEmails.count, skipped }) : undefined
    return { name: best.name, records: () => best.records, ...(reason ? { reason } : {}), ...(sheetWhy ? { sheetWhy } : {}) }
  }
  if (firstFilled) {
    const found = firstFilled
    return { name: found.name, records: () => found.records }
  }
  throw allSheetsEmpty(file, workbook.SheetNames.length)
}

export function noSheets(file: string, format: WorkbookFormat): SheetReadError {
  return sheetReadError('no-sheet', file, `the ${FORMAT_NAMES[format]} has no sheets. Open it in Excel, check it holds the orders, save it and try again.`, why('sheet.noSheets', { what: why(FORMAT_NAME_KEYS[format]) }))
}

export function tooManyRows(file: string, sheet: string, limits: ReadLimits): SheetReadError {
  return sheetReadError('too-large', file, `sheet "${sheet}" has more than ${limits.maxRows.toLocaleString('en-US')} rows, the most this app reads at once. Split it into smaller files and import them one by one.`, why('sheet.sheetTooManyRows', { sheet, max: limits.maxRows }))
}

export function allSheetsEmpty(file: string, count: number): SheetReadError {
  return sheetReadError('empty', file, `${count === 1 ? 'the only sheet' : `all ${count} sheets`} of the workbook ${count === 1 ? 'is' : 'are'} empty. Choose the file that holds the orders.`, why(count === 1 ? 'sheet.onlySheetEmpty' : 'sheet.allSheetsEmpty', { count }))
}

/** The sheet the user asked for, by number (1-based) or by name; refused with the list of sheets. */
export function sheetNameOf(names: readonly string[], wanted: string | number, file: string): string {
  const name = typeof wanted === 'number' ? names[wanted - 1] : findByName(names, wanted)
  if (name !== undefined) return name
  const list = names.map((n, i) => `${i + 1} "${n}"`).join(', ')
  const asked = typeof wanted === 'number' ? `sheet number ${wanted}` : `sheet named "${wanted}"`
  throw sheetReadError('no-sheet', file, `the workbook has no ${asked}. Its sheets are: ${list}. Choose one of these.`, why(typeof wanted === 'number' ? 'sheet.noSheetNumber' : 'sheet.noSheetNamed', typeof wanted === 'number' ? { number: wanted, list } : { name: wanted, list }))
}

function chosenSheet(workbook: XLSX.WorkBook, wanted: string | number, file: string): { name: string; records: LazyRecords } {
  const name = sheetNameOf(workbook.SheetNames, wanted, file)
  return { name, records: () => sheetRecords(workbook, name) }
}

/** Exact name first, then ignoring case and surrounding spaces, then a number given as text. */
function findByName(names: readonly string[], wanted: string): string | undefined {
  const exact = names.find((n) => n === wanted)
  if (exact !== undefined) return exact
  const loose = names.find((n) => n.trim().toLowerCase() === wanted.trim().toLowerCase())
  if (loose !== undefined) return loose
  return /^\d+$/.test(wanted.trim()) ? names[Number(wanted) - 1] : undefined
}

function sheetRecords(workbook: XLSX.WorkBook, name: string): SheetRecords {
  const records = emptyRecords()
  const sheet = workbook.Sheets[name]
  const data = sheet?.['!data']
  if (!sheet || !data) return records
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904)
  fillMerges(data, sheet['!merges'])
  // Dense rows are indexed by absolute sheet row, so row r is what Excel shows as r + 1.
  for (let r = 0; r < data.length; r++) {
    const source = data[r]
    if (!source) continue
    const cells: Cell[] = new Array(source.length)
    for (let c = 0; c < source.length; c++) cells[c] = toCell(source[c], date1904)
    if (isBlankRow(cells)) continue
    records.cells.push(cells)
    records.rows.push(r + 1)
  }
  collapseTwoLevelHeader(records, sheet['!merges'])
  return records
}

/** With sheetRows SheetJS stops early and keeps the real extent in !fullref. */
function wasCut(sheet: XLSX.WorkSheet, sheetRows: number): boolean {
  const full = sheet['!fullref']
  if (typeof full !== 'string') return false
  return XLSX.utils.decode_range(full).e.r + 1 > sheetRows
}
