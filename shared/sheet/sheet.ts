// What a sheet reader hands to the rest of the pipeline. Pure data, so it crosses the worker
// boundary by structured clone and the IPC boundary as JSON.
import type { Message } from '../i18n/message'

/** A numeric spreadsheet cell whose number format is not "General": the raw value, the format
 * code and the text Excel shows. `date` is set when the format is a date/time format. */
export interface FormattedNumber {
  v: number
  z: string
  w: string
  date?: true
}

/** One cell as read. CSV cells are always strings (never dynamically typed); spreadsheet cells
 * keep their raw type so our transforms, not the library, decide what a number means. */
export type Cell = string | number | boolean | null | FormattedNumber

export type SheetFormat = 'csv' | 'tsv' | 'xlsx' | 'xlsm' | 'xls' | 'ods'

export interface SheetTable {
  /** Header cells as text, in column order (empty string for a blank header cell). */
  headers: string[]
  /** Data rows only (the header row and fully blank rows are not included). */
  rows: Cell[][]
  /** 1-based row number in the sheet (as the user sees it in Excel) of each entry of `rows`. */
  rowNumbers: number[]
  /** Excel's 1904 date system (old Mac workbooks): serials count from 1904-01-01. */
  date1904: boolean
}

export interface Detected<T> {
  value: T
  /** How sure the detector is, 0..1. */
  confidence: number
  /** Why, in English words a user understands ("UTF-8 byte order mark", "`sep=;` first line"). */
  reason: string
  /** Why, as a catalog key and values, for the reader's language (absent in sessions saved before). */
  why?: Message
}

export interface SheetMeta {
  /** File name as given by the user (base name is enough for messages). */
  file: string
  format: SheetFormat
  /** Every sheet of a workbook, in workbook order; one synthetic name for CSV/TSV. */
  sheetNames: string[]
  sheet: string
  /** Why this sheet was read when the user did not choose one and it is not the first. (Added; optional.) */
  sheetReason?: string
  /** The same as a catalog key and values, for the reader's language. */
  sheetWhy?: Message
  /** Other sheets of the workbook with e-mail addresses, when this one has none. (Added; optional.) */
  sheetsWithEmails?: string[]
  /** Text files only. */
  encoding?: Detected<string>
  delimiter?: Detected<string>
  /** 1-based sheet row number of the header row. */
  headerRow: Detected<number>
  /** Number of data rows in `SheetTable.rows`. */
  rowCount: number
  columnCount: number
}

export interface ReadResult {
  meta: SheetMeta
  table: SheetTable
}

/** User overrides for detection. Everything optional: absent means "detect". */
export interface SheetReadOptions {
  sheet?: string | number
  encoding?: string
  delimiter?: string
  /** 1-based. */
  headerRow?: number
}
