// What a streamed read found out besides its records (a text file's encoding and delimiter, or a
// workbook's sheets), and the table made from both once every record is in: in the app, on the
// main thread from the batches the sheet worker sent; in-process, from records collected there.
import type { Message } from '#shared/i18n/message'
import type { ReadResult, SheetReadOptions } from '#shared/sheet/sheet'
import { buildTable } from './build-table'
import type { ReadLimits } from './limits'
import { textTable, type TextAbout } from './read-text'
import type { SheetRecords } from './sheet-record'

export interface WorkbookAbout {
  kind: 'workbook'
  file: string
  format: 'xlsx' | 'xlsm'
  sheetNames: string[]
  sheet: string
  /** Why this sheet was read when it is not the first (it has the e-mail addresses). */
  sheetReason?: string
  sheetWhy?: Message
  /** Other sheets with e-mail addresses, when the sheet read has none. */
  sheetsWithEmails?: string[]
  date1904: boolean
}

export type StreamAbout = TextAbout | WorkbookAbout

export function isWorkbookAbout(about: StreamAbout): about is WorkbookAbout {
  return (about as WorkbookAbout).kind === 'workbook'
}

/** Takes ownership of `records` (their rows become the table's). */
export function tableFromRecords(records: SheetRecords, about: StreamAbout, options: SheetReadOptions, limits: ReadLimits): ReadResult {
  if (!isWorkbookAbout(about)) return textTable(records, about, options, limits)
  const { file, format, sheetNames, sheet, sheetReason, sheetWhy, sheetsWithEmails, date1904 } = about
  const { table, headerRow } = buildTable(records, {
    file,
    headerRow: options.headerRow,
    missing: null,
    date1904,
    maxRows: limits.maxRows,
    where: `sheet "${sheet}"`,
    sheet
  })
  return {
    meta: {
      file,
      format,
      sheetNames: [...sheetNames],
      sheet,
      ...(sheetReason ? { sheetReason } : {}),
      ...(sheetWhy ? { sheetWhy } : {}),
      ...(sheetsWithEmails && sheetsWithEmails.length > 0 ? { sheetsWithEmails: [...sheetsWithEmails] } : {}),
      headerRow, rowCount: table.rows.length, columnCount: table.headers.length },
    table
  }
}
