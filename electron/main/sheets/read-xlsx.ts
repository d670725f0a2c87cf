// XLSX and XLSM read as a stream: the workbook's small parts first (sheets, styles, shared
// strings), then the sheet's XML inflated and parsed a piece at a time, its non-blank rows handed
// on in batches as they are read, as a text file's are. Memory holds the shared strings and one
// batch, not the sheet. Gives the table SheetJS gives (read-workbook.ts stays the reference and
// reads XLS and ODS; test/unit/sheets/xlsx-differential.test.ts compares the two).
import type { Message } from '#shared/i18n/message'
import type { Cell, FormattedNumber } from '#shared/sheet/sheet'
import { HEADER_MARGIN_ROWS, type ReadLimits } from './limits'
import type { RecordSink } from './read-text'
import { allSheetsEmpty, noSheets, sheetNameOf, tooManyRows } from './read-workbook'
import { sheetReadError, type SheetReadError, why } from './sheet-error'
import { appendRecords, emptyRecords, isBlankRow } from './sheet-record'
import { collapseTwoLevelHeader, emailRows, fillMergedRecords, type MergeRange } from './orders-sheet'
import type { WorkbookAbout } from './stream-about'
import { formatSafely, isDateFormat } from './workbook-cell'
import { readBook, scanPart, readSharedStrings, readStyles, RichTextCollector, excelText, xmlBool, type XlsxSheetInfo } from './xlsx-parts'
import { XmlScanner } from './xml-scanner'
import type { ZipEntry } from './zip-directory'

const BATCH_RECORDS = 4096

/** Merged ranges are listed after a sheet's rows, so a sheet that may need them (made by a person:
 * a two-level header, an order number merged down its lines) is held whole and handed on once
 * its merges are known. Larger sheets are machine exports, streamed as read, merges not applied. */
const HOLD_SHEET_BYTES = 32 * 1024 * 1024

export interface XlsxReadOptions {
  sheet?: string | number
}

export function readXlsxStreaming(
  bytes: Uint8Array,
  file: string,
  format: 'xlsx' | 'xlsm',
  entries: readonly ZipEntry[],
  contentTypes: string | undefined,
  options: XlsxReadOptions,
  limits: ReadLimits,
  sink: RecordSink,
  keep = false
): WorkbookAbout {
  const book = readBook(bytes, entries, contentTypes, file)
  if (book.sheets.length === 0) throw noSheets(file, format)
  const styles = readStyles(bytes, book.styles, file)
  const strings = readSharedStrings(bytes, book.sharedStrings, file, limits)
  const context: SheetContext = { bytes, file, strings, styles: styleFormats(styles, book.date1904), date1904: book.date1904, limits, keep }
  const sheetNames = book.sheets.map((s) => s.name)
  const about = (sheet: string): WorkbookAbout => ({ kind: 'workbook', file, format, sheetNames, sheet, date1904: book.date1904 })
  const read = (sheet: XlsxSheetInfo, to: RecordSink): number => {
    let emails = 0
    readSheet(context, sheet, (cells, rows) => {
      emails += emailRows({ cells: cells as Cell[][], rows: rows as number[] })
      to(cells, rows)
    })
    return emails
  }
  const stats = new Map<string, SheetStats>()
  const statsOf = (sheet: XlsxSheetInfo): SheetStats => {
    let known = stats.get(sheet.name)
    if (!known) {
      let records = 0
      known = { records: 0, emails: 0 }
      known.emails = read(sheet, (cells) => void (records += cells.length))
      known.records = records
      stats.set(sheet.name, known)
    }
    return known
  }
  /** The sheet read has no e-mail address: which others have, to say where the orders may be. */
  const finish = (sheet: XlsxSheetInfo, emails: number, reason?: string, sheetWhy?: Message): WorkbookAbout => {
    const elsewhere = book.sheets.length > 1 && emails === 0 ? book.sheets.filter((s) => s !== sheet && statsOf(s).emails > 0).map((s) => s.name) : []
    return { ...about(sheet.name), ...(reason ? { sheetReason: reason } : {}), ...(sheetWhy ? { sheetWhy } : {}), ...(elsewhere.length > 0 ? { sheetsWithEmails: elsewhere } : {}) }
  }
  if (options.sheet !== undefined) {
    const name = sheetNameOf(sheetNames, options.sheet, file)
    const sheet = book.sheets[sheetNames.indexOf(name)]!
    return finish(sheet, read(sheet, sink))
  }
  // As for SheetJS (read-workbook.ts): the visible sheet whose rows hold the most e-mail addresses
  // (a summary sheet before the orders has none); else the first visible sheet with a header and a
  // row under it; else the first with anything in it (which then fails with a precise "no data"
  // message). A workbook of several sheets is looked through once before the chosen one is read.
  const ordered = [...book.sheets.filter((s) => !s.hidden), ...book.sheets.filter((s) => s.hidden)]
  if (ordered.length === 1) {
    const only = ordered[0]!
    const held = emptyRecords()
    let passing = false
    const emails = read(only, (cells, rows) => {
      if (passing) return sink(cells, rows)
      appendRecords(held, cells, rows)
      if (held.cells.length >= 2) {
        passing = true
        sink(held.cells, held.rows)
      }
    })
    if (!passing && held.cells.length === 0) throw allSheetsEmpty(file, book.sheets.length)
    if (!passing) sink(held.cells, held.rows)
    return finish(only, emails)
  }
  let firstFilled: XlsxSheetInfo | null = null
  let firstWithData: XlsxSheetInfo | null = null
  let withEmails: { sheet: XlsxSheetInfo; count: number } | null = null
  for (const sheet of ordered) {
    const { records, emails } = statsOf(sheet)
    if (records >= 2) {
      firstWithData ??= sheet
      if (sheet.hidden) break
      if (emails > 0 && (!withEmails || emails > withEmails.count)) withEmails = { sheet, count: emails }
    }
    if (records === 1 && !firstFilled) firstFilled = sheet
  }
  const best = withEmails?.sheet ?? firstWithData ?? firstFilled
  if (!best) throw allSheetsEmpty(file, book.sheets.length)
  const skipped = firstWithData && withEmails && firstWithData !== withEmails.sheet ? firstWithData.name : null
  const reason = skipped && withEmails ? `it has e-mail addresses in ${withEmails.count} ${withEmails.count === 1 ? 'row' : 'rows'} and "${skipped}", the first sheet, has none` : undefined
  const sheetWhy = skipped && withEmails ? why('sheet.pickedForEmails', { count: withEmails.count, skipped }) : undefined
  return finish(best, read(best, sink), reason, sheetWhy)
}

interface SheetStats {
  records: number
  emails: number
}

/** One sheet's records to `sink`: held whole and completed by its merged ranges when small enough
 * (see HOLD_SHEET_BYTES), else streamed as read. */
function readSheet(context: SheetContext, sheet: XlsxSheetInfo, sink: RecordSink): void {
  if (!sheet.entry || sheet.entry.uncompressedSize > HOLD_SHEET_BYTES) {
    streamSheet(context, sheet, sink)
    return
  }
  const records = emptyRecords()
  const merges = streamSheet(context, sheet, (cells, rows) => appendRecords(records, cells, rows))
  if (merges.length > 0) {
    fillMergedRecords(records, merges)
    collapseTwoLevelHeader(records, merges)
  }
  for (let i = 0; i < records.cells.length; i += BATCH_RECORDS) {
    sink(records.cells.slice(i, i + BATCH_RECORDS), records.rows.slice(i, i + BATCH_RECORDS))
  }
}

interface StyleFormat {
  z: string | undefined
  date: boolean
}

interface SheetContext {
  bytes: Uint8Array
  file: string
  strings: readonly string[]
  styles: readonly StyleFormat[]
  date1904: boolean
  limits: ReadLimits
  /** The records stay in this thread. An inline or formula text is a slice of the XML it was
   * read from and would keep all of it alive, so a batch holding any is copied (a batch that
   * leaves the worker is copied by postMessage anyway). Shared strings are held regardless. */
  keep: boolean
}

function styleFormats(formats: readonly (string | undefined)[], date1904: boolean): StyleFormat[] {
  void date1904
  return formats.map((z) => ({ z, date: z !== undefined && z !== 'General' && z !== '' && isDateFormat(z) }))
}

/** Cell types as Excel writes them in the `t` attribute. */
const enum Kind { Number, Shared, FormulaText, Inline, Boolean, Error, IsoDate, Other }

function kindOf(t: string | undefined): Kind {
  switch (t) {
    case undefined:
    case 'n':
      return Kind.Number
    case 's':
      return Kind.Shared
    case 'str':
      return Kind.FormulaText
    case 'inlineStr':
      return Kind.Inline
    case 'b':
      return Kind.Boolean
    case 'e':
      return Kind.Error
    case 'd':
      return Kind.IsoDate
    default:
      return Kind.Other
  }
}

/** Streams one sheet's rows to `sink`, a batch at a time, in the order of the file; gives back the
 * sheet's merged ranges, which come after its rows. */
function streamSheet(context: SheetContext, sheet: XlsxSheetInfo, sink: RecordSink): MergeRange[] {
  const { file, limits } = context
  const merges: MergeRange[] = []
  if (!sheet.entry) return merges
  const lastRow = limits.maxRows + HEADER_MARGIN_ROWS + 1
  let batchCells: Cell[][] = []
  let batchRows: number[] = []
  let batchHasSlices = false
  let cellCount = 0
  const send = (): void => {
    sink(batchHasSlices && context.keep ? structuredClone(batchCells) : batchCells, batchRows)
    batchCells = []
    batchRows = []
    batchHasSlices = false
  }

  let rowNumber = 0
  // The row being read, reused from row to row: each row kept is one exact copy of its cells.
  const cells: Cell[] = []
  let width = 0
  let column = -1
  let cellRow = 0
  let kind = Kind.Number
  let hasType = false
  let style = -1
  let value: string | undefined
  let inValue = false
  let inInline = false
  const inline = new RichTextCollector()

  const flushRow = (): void => {
    if (width === 0) return
    const row = cells.slice(0, width)
    width = 0
    if (isBlankRow(row)) return
    if (rowNumber > lastRow) throw tooManyRows(file, sheet.name, limits)
    cellCount += row.length
    if (cellCount > limits.maxCells) throw tooManyCells(file, sheet.name, limits)
    batchCells.push(row)
    batchRows.push(rowNumber)
    if (batchCells.length === BATCH_RECORDS) send()
  }

  const finishCell = (): void => {
    const cell = cellValue(context, kind, hasType, value, style, inline)
    if (cell === undefined) return
    if (kind === Kind.Inline || kind === Kind.FormulaText) batchHasSlices = true
    // SheetJS files a cell by its own reference, so a cell that names another row goes there;
    // in the files Excel and others write, it always names its own row.
    if (cellRow !== rowNumber && cellRow > 0 && width === 0) rowNumber = cellRow
    if (column >= width) {
      for (let c = width; c < column; c++) cells[c] = null
      cells[column] = cell
      width = column + 1
    } else if (column >= 0) cells[column] = cell
  }

  const scanner: XmlScanner = new XmlScanner({
    open: (name) => {
      if (inInline) return inline.open(name)
      switch (name) {
        case 'c': {
          const ref = scanner.attribute('r')
          if (ref === undefined) {
            column++
            cellRow = rowNumber
          } else {
            decodeRef(ref)
            column = refColumn
            cellRow = refRow
          }
          const t = scanner.attribute('t')
          hasType = t !== undefined
          kind = kindOf(t)
          const s = scanner.attribute('s')
          style = s === undefined ? -1 : Number.parseInt(s, 10)
          value = undefined
          if (kind === Kind.Inline) inline.reset()
          return
        }
        case 'v':
          inValue = true
          scanner.wantText = true
          value = ''
          return
        case 'is':
          inInline = true
          scanner.wantText = true
          inline.reset()
          return
        case 'row': {
          const r = scanner.attribute('r')
          rowNumber = r === undefined ? rowNumber + 1 : Number.parseInt(r, 10)
          width = 0
          column = -1
          return
        }
        case 'dimension':
          checkDimension(scanner.attribute('ref'), file, sheet.name, limits)
          return
        case 'mergeCell': {
          const range = mergeRange(scanner.attribute('ref'))
          if (range) merges.push(range)
          return
        }
      }
    },
    text: (text) => {
      if (inValue) value += text
      else if (inInline) inline.onText(text)
    },
    close: (name) => {
      if (inInline) {
        if (name === 'is') {
          inInline = false
          scanner.wantText = inValue
        } else inline.close(name)
        return
      }
      if (name === 'v') {
        inValue = false
        scanner.wantText = false
      } else if (name === 'c') finishCell()
      else if (name === 'row') flushRow()
    }
  })
  scanPart(context.bytes, sheet.entry, file, scanner)
  if (batchCells.length > 0) send()
  return merges
}

/** "A1:C2" as 0-based rows and columns, as SheetJS gives !merges. */
function mergeRange(ref: string | undefined): MergeRange | null {
  const [from, to] = (ref ?? '').split(':')
  if (!from || !to) return null
  decodeRef(from)
  const s = { r: refRow - 1, c: refColumn }
  decodeRef(to)
  const e = { r: refRow - 1, c: refColumn }
  return s.r < 0 || e.r < s.r || e.c < s.c ? null : { s, e }
}

/** One cell as SheetJS reads it (see parse_ws_xml_data) and toCell() then keeps it; undefined
 * when SheetJS makes no cell at all. */
function cellValue(context: SheetContext, kind: Kind, hasType: boolean, raw: string | undefined, style: number, inline: RichTextCollector): Cell | undefined {
  const value = raw === '' ? undefined : raw
  if (!hasType && value === undefined) return undefined
  switch (kind) {
    case Kind.Number:
      return value === undefined ? undefined : numberCell(context, Number.parseFloat(value), style)
    case Kind.Shared: {
      if (value === undefined) return undefined
      const text = context.strings[Number.parseInt(value, 10)]
      if (text === undefined) throw sheetReadError('malformed', context.file, 'the workbook is damaged: a cell refers to a text that is not in the workbook. Open it in Excel or LibreOffice, save it again as .xlsx and retry.', why('sheet.missingText'))
      return text
    }
    case Kind.FormulaText:
      // SheetJS decodes a formula's cached text twice (entities, then _xHHHH_ and line ends).
      return value === undefined ? '' : excelText(decodeEntities(value))
    case Kind.Inline:
      return inline.value()
    case Kind.Boolean:
      return xmlBool(value)
    case Kind.IsoDate:
      return value === undefined ? null : numberCell(context, isoSerial(value, context.date1904), style)
    default:
      return null
  }
}

function numberCell(context: SheetContext, v: number, style: number): Cell {
  const format = style >= 0 ? context.styles[style] : undefined
  const z = format?.z
  if (z === undefined || z === 'General' || z === '') return v
  const w = flatText(formatSafely(z, v, context.date1904))
  // Made whole in one literal: a property added later would cost the object a second store.
  const formatted: FormattedNumber = format!.date ? { v, z, w, date: true } : { v, z, w }
  return formatted
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()
const scratch = new Uint8Array(256)

/** The formatter builds its text a piece at a time, and V8 keeps a text of 13 characters or more
 * so made as a tree of its pieces (a date such as "2026-11-03 12:28" takes several objects, about
 * three times the memory of its characters). Kept in the table for every formatted cell, it is
 * copied into one flat string first. */
function flatText(text: string): string {
  if (text.length < 13 || text.length > 80) return text
  const { read, written } = encoder.encodeInto(text, scratch)
  if (read !== text.length) return text
  const flat = decoder.decode(scratch.subarray(0, written))
  // A lone surrogate (from a format's character reference) would not survive the round trip.
  return flat === text ? flat : text
}

const ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi
const ENTITIES: Record<string, string> = { '&quot;': '"', '&apos;': "'", '&gt;': '>', '&lt;': '<', '&amp;': '&' }

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(ENTITY, (match, code: string | undefined) => ENTITIES[match] ?? (code === undefined ? match : String.fromCharCode(Number.parseInt(code, match.includes('x') ? 16 : 10))))
}

const DAY_MS = 86_400_000
const EPOCH_1900 = Date.UTC(1899, 11, 30)

/** An ISO date cell (t="d") as the serial SheetJS makes of it. */
function isoSerial(text: string, date1904: boolean): number {
  let time: number
  let m = /^(\d+):(\d+)(:\d+)?(\.\d+)?$/.exec(text)
  if (m) {
    const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 31)
    time = base + ((Number.parseInt(m[1]!, 10) * 60 + Number.parseInt(m[2]!, 10)) * 60 + (m[3] ? Number.parseInt(m[3].slice(1), 10) : 0)) * 1000 + (m[4] ? Number.parseInt(`${m[4]}000`.slice(1, 4), 10) : 0)
  } else if ((m = /^(\d+)-(\d+)-(\d+)$/.exec(text))) {
    time = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)
  } else if ((m = /^(\d+)-(\d+)-(\d+)[T ](\d+):(\d+)(:\d+)?(\.\d+)?$/.exec(text))) {
    time = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, (m[6] && Number.parseInt(m[6].slice(1), 10)) || 0, (m[7] && Number.parseInt(`${m[7]}0000`.slice(1, 4), 10)) || 0)
  } else {
    time = new Date(text).getTime()
  }
  const serial = (time - EPOCH_1900) / DAY_MS
  if (date1904) {
    const shifted = serial - 1462
    return shifted < -1402 ? shifted - 1 : shifted
  }
  return serial < 60 ? serial - 1 : serial
}

/** Where decodeRef() puts its answer: one object per cell would be ten million objects. */
let refColumn = 0
let refRow = 0

/** "BC12" as column 54 (0-based) and row 12, in refColumn and refRow. */
function decodeRef(ref: string): void {
  let column = 0
  let i = 0
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) - 64
    if (code < 1 || code > 26) break
    column = column * 26 + code
  }
  let row = 0
  for (; i < ref.length; i++) {
    const digit = ref.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) break
    row = row * 10 + digit
  }
  refColumn = column - 1
  refRow = row
}

/** The sheet's declared extent ("A1:T500001"), checked against the memory budget before a row is
 * read. A sheet that declares less than it holds is still stopped by the count as it is read. */
function checkDimension(ref: string | undefined, file: string, sheet: string, limits: ReadLimits): void {
  if (!ref) return
  const [from, to] = ref.split(':')
  if (!from || !to) return
  decodeRef(from)
  const firstRow = refRow
  decodeRef(to)
  const rows = refRow - firstRow + 1
  const columns = refColumn + 1
  if (rows <= 0 || columns <= 0) return
  if (rows * columns > limits.maxCells) throw tooManyCells(file, sheet, limits, rows, columns)
}

function tooManyCells(file: string, sheet: string, limits: ReadLimits, rows?: number, columns?: number): SheetReadError {
  const size = rows === undefined ? '' : ` (${rows.toLocaleString('en-US')} rows by ${columns!.toLocaleString('en-US')} columns)`
  return sheetReadError('out-of-memory', file, `sheet "${sheet}"${size} is too large for memory: it has more than the ${limits.maxCells.toLocaleString('en-US')} cells that fit in the ${limits.maxHeapMb.toLocaleString('en-US')} MB this app may use. Split it into smaller files, delete unused columns, or raise the limit on file size.`, why(rows === undefined ? 'sheet.sheetTooManyCells' : 'sheet.sheetTooManyCellsSized', rows === undefined ? { sheet, cells: limits.maxCells, heap: limits.maxHeapMb } : { sheet, rows, columns: columns!, cells: limits.maxCells, heap: limits.maxHeapMb }))
}
