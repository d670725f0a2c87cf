// CSV, TSV and TXT: decode, find the delimiter and split with Papa Parse (no dynamic typing: every
// cell stays the string in the file, so "00283762" keeps its zeros). Rows are numbered as Excel
// shows the file: one row per record (a quoted cell spanning lines is still one row), blank lines
// count, and an Excel `sep=` line is not a row.
import Papa from 'papaparse'
import type { Cell, Detected, ReadResult, SheetReadOptions } from '#shared/sheet/sheet'
import { buildTable } from './build-table'
import { decodeText } from './decode-text'
import { detected } from './detected'
import { describe, detectDelimiter, readSepLine } from './detect-delimiter'
import { extensionOf, stemOf } from './file-name'
import { HEADER_MARGIN_ROWS, type ReadLimits } from './limits'
import { sheetReadError, why } from './sheet-error'
import { emptyRecords, isBlankRow, type SheetRecords } from './sheet-record'

/** What reading the text found out, besides its records. */
export interface TextAbout {
  file: string
  encoding: Detected<string>
  delimiter: Detected<string>
}

/** Receives the records of a text file in reading order, a batch at a time. */
export type RecordSink = (cells: Cell[][], rows: number[]) => void

/** Decodes the text, finds its delimiter and hands its non-blank records to `sink` as Papa Parse
 * splits them (the sheet worker sends each batch to the app while it reads the next). `utf8`:
 * the bytes as strictUtf8() decoded them, if that was done already. */
export function readTextRecords(bytes: Uint8Array, file: string, options: SheetReadOptions, limits: ReadLimits, utf8: string | undefined, sink: RecordSink): TextAbout {
  const { text: decoded, encoding } = decodeText(bytes, file, options.encoding, utf8)
  if (decoded.trim() === '') {
    throw sheetReadError('empty', file, 'the file has no text in it. Choose the file that holds the orders.', why('sheet.noText'))
  }
  const sep = readSepLine(decoded)
  const text = sep ? decoded.slice(sep.length) : decoded
  const firstLine = sep ? 2 : 1
  const delimiter = chooseDelimiter(text, file, options.delimiter, sep?.delimiter)
  splitRecords(text, delimiter.value, firstLine, file, limits, sink)
  return { file, encoding, delimiter }
}

/** The table of a text file from all its records (see readTextRecords). */
export function textTable(records: SheetRecords, about: TextAbout, options: SheetReadOptions, limits: ReadLimits): ReadResult {
  const { file, encoding, delimiter } = about
  const { table, headerRow } = buildTable(records, {
    file,
    headerRow: options.headerRow,
    missing: '',
    date1904: false,
    maxRows: limits.maxRows,
    where: 'the file',
    sheet: null
  })
  const name = stemOf(file)
  return {
    meta: {
      file,
      format: delimiter.value === '\t' ? 'tsv' : 'csv',
      sheetNames: [name],
      sheet: name,
      encoding,
      delimiter,
      headerRow,
      rowCount: table.rows.length,
      columnCount: table.headers.length
    },
    table
  }
}

function chooseDelimiter(text: string, file: string, override: string | undefined, fromSepLine: string | undefined): Detected<string> {
  if (override !== undefined && override !== '') {
    const value = /^(tab|\\t)$/i.test(override) ? '\t' : override
    if (/["\r\n]/.test(value)) {
      throw sheetReadError('unsupported', file, `${describe(value)} cannot separate fields (quotes and line breaks have their own meaning in CSV). Choose , ; | or tab.`, why('sheet.badDelimiter', { delimiter: describe(value) }))
    }
    return detected(value, 1, 'chosen by you', 'detect.chosen')
  }
  if (fromSepLine !== undefined) return detected(fromSepLine, 1, `the file's first line says "sep=${fromSepLine}"`, 'detect.sepLine', { value: fromSepLine })
  return detectDelimiter(text, extensionOf(file) === 'tsv')
}

/** Records handed on at a time: big enough that a batch costs little to send, small enough that
 * the app takes the first ones while the rest are still being read. */
const BATCH_RECORDS = 4096

/** One record is one Excel row. Papa Parse reports where each record ends; the physical line a
 * record starts on is only needed to point at an unclosed quote. */
function splitRecords(text: string, delimiter: string, firstLine: number, file: string, limits: ReadLimits, sink: RecordSink): void {
  let records = emptyRecords()
  let count = 0
  const maxRecords = limits.maxRows + HEADER_MARGIN_ROWS
  let row = 0
  let start = 0
  let tooMany = false
  let cells = 0
  let unclosedQuoteAt = -1
  Papa.parse<string[]>(text, {
    delimiter,
    quoteChar: '"',
    dynamicTyping: false,
    skipEmptyLines: false,
    step: (result, parser) => {
      row += 1
      if (result.errors.length > 0 && result.errors.some(isUnclosedQuote)) unclosedQuoteAt = new LineCounter(text, firstLine).lineAt(start)
      start = result.meta.cursor
      if (isBlankRow(result.data)) return
      if (count >= maxRecords) {
        tooMany = true
        parser.abort()
        return
      }
      count++
      cells += result.data.length
      if (cells > limits.maxCells) {
        parser.abort()
        throw sheetReadError('out-of-memory', file, `the file is too large for memory: it has more than the ${limits.maxCells.toLocaleString('en-US')} cells that fit in the ${limits.maxHeapMb.toLocaleString('en-US')} MB this app may use (row ${row} alone has ${result.data.length.toLocaleString('en-US')}). Split it into smaller files, delete unused columns, or raise the limit on file size.`, why('sheet.tooManyCells', { cells: limits.maxCells, heap: limits.maxHeapMb, row, count: result.data.length }))
      }
      records.cells.push(result.data)
      records.rows.push(row)
      if (records.cells.length === BATCH_RECORDS) {
        sink(records.cells, records.rows)
        records = emptyRecords()
      }
    }
  })
  if (tooMany) {
    throw sheetReadError('too-large', file, `the file has more than ${limits.maxRows.toLocaleString('en-US')} rows, the most this app reads at once. Split it into smaller files and import them one by one.`, why('sheet.moreRowsThan', { max: limits.maxRows }))
  }
  if (unclosedQuoteAt > 0) {
    throw sheetReadError('malformed', file, `line ${unclosedQuoteAt} opens a quoted cell (") that is never closed, so everything after it would run into one cell. Fix the quotes on that line (or double a quote inside a cell: "") and try again.`, why('sheet.unclosedQuote', { line: unclosedQuoteAt }))
  }
  if (records.cells.length > 0) sink(records.cells, records.rows)
}

function isUnclosedQuote(error: Papa.ParseError): boolean {
  return error.code === 'MissingQuotes'
}

/** Line number of a character offset, for offsets that only ever move forward. Counts \r\n, \n
 * and a lone \r as one line break each, as text editors do. */
class LineCounter {
  private position = 0
  private line: number

  constructor(private readonly text: string, firstLine: number) {
    this.line = firstLine
  }

  lineAt(offset: number): number {
    const text = this.text
    for (let i = this.position; i < offset; i++) {
      const c = text.charCodeAt(i)
      if (c === 10) this.line++
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.line++
    }
    this.position = Math.max(this.position, offset)
    return this.line
  }
}
