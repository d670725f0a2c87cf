// The whole read, in-process: size checks, what the bytes really are, and the matching reader.
// Runs inside the sheet worker; benchmarks call it directly. Throws SheetReadError only.
import type { ReadResult, SheetReadOptions } from '#shared/sheet/sheet'
import { baseName, extensionOf, withExtension } from './file-name'
import { FILE_SHARE_OF_BUDGET, resolveLimits, type ReadLimits } from './limits'
import { readTextRecords, type RecordSink } from './read-text'
import { readWorkbook, type WorkbookFormat } from './read-workbook'
import { readXlsxStreaming } from './read-xlsx'
import type { CatalogKey } from '#shared/i18n/catalog/index'
import type { Message } from '#shared/i18n/message'
import { isSheetReadError, sheetReadError, type SheetReadError, why } from './sheet-error'
import { appendRecords, emptyRecords } from './sheet-record'
import { sniffBytes } from './sniff-content'
import { tableFromRecords, type StreamAbout } from './stream-about'
import { checkPartsForSheetJs, inspectZipWorkbook } from './zip-workbook'

export type ParseOptions = SheetReadOptions & { limits?: Partial<ReadLimits> }

const TEXT_EXTENSIONS = new Set(['csv', 'tsv', 'txt', 'tab'])
const ZIP_WORKBOOK_EXTENSIONS = new Set(['xlsx', 'xlsm', 'xltx', 'xltm', 'ods', 'ots', 'xlsb'])
/** Excel opens HTML tables and its 2003 XML format under these names, and so do we. */
const MARKUP_EXTENSIONS = new Set(['xls', 'xml'])

const FORMAT_LABELS: Record<WorkbookFormat, string> = {
  xlsx: 'an Excel workbook (.xlsx)',
  xlsm: 'a macro-enabled Excel workbook (.xlsm)',
  xls: 'an Excel 97-2003 workbook (.xls)',
  ods: 'an OpenDocument spreadsheet (.ods)'
}
const FORMAT_LABEL_KEYS: Record<WorkbookFormat, CatalogKey> = {
  xlsx: 'sheet.format.xlsx',
  xlsm: 'sheet.format.xlsm',
  xls: 'sheet.format.xls',
  ods: 'sheet.format.ods'
}

export function parseSheetBytes(bytes: Uint8Array, fileName: string, options: ParseOptions = {}): ReadResult {
  const records = emptyRecords()
  return guarded(fileName, options, (file, limits) => {
    const read = parseChecked(bytes, file, options, limits, (cells, rows) => appendRecords(records, cells, rows), true)
    return 'table' in read ? read : tableFromRecords(records, read, options, limits)
  })
}

/** As parseSheetBytes, except that the records of a text file or an Excel workbook go to `sink`
 * while they are read, and what comes back is then what tableFromRecords() needs to make the
 * table of them. XLS and ODS are read whole (SheetJS) either way. */
export function parseSheetStreaming(bytes: Uint8Array, fileName: string, options: ParseOptions, sink: RecordSink): ReadResult | StreamAbout {
  return guarded(fileName, options, (file, limits) => parseChecked(bytes, file, options, limits, sink))
}

function guarded<T>(fileName: string, options: ParseOptions, read: (file: string, limits: ReadLimits) => T): T {
  const file = baseName(fileName)
  const limits = resolveLimits(options.limits)
  try {
    return read(file, limits)
  } catch (error) {
    if (isSheetReadError(error)) throw error
    // A library failing in a way we did not foresee still gets a plain message, never a stack.
    throw unexpected(file, error)
  }
}

/** `keep`: the records stay in this thread (see readXlsxStreaming's `keep`). */
function parseChecked(bytes: Uint8Array, file: string, options: SheetReadOptions, limits: ReadLimits, sink: RecordSink, keep = false): ReadResult | StreamAbout {
  if (bytes.length === 0) throw sheetReadError('empty', file, 'the file is empty (0 bytes). Choose the file that holds the orders, or export it again.', why('sheet.zeroBytes'))
  if (bytes.length > limits.maxFileBytes) throw tooLarge(file, bytes.length, limits)
  if (bytes.length > limits.maxHeapMb * MB * FILE_SHARE_OF_BUDGET) throw tooBigForMemory(file, limits)
  const extension = extensionOf(file)
  const { kind, utf8 } = sniffBytes(bytes, file, (options.encoding ?? '').trim() === '')
  switch (kind) {
    case 'zip': {
      const zip = inspectZipWorkbook(bytes, file, limits)
      refuseTextName(file, zip.format)
      if (zip.format === 'ods') {
        checkPartsForSheetJs(bytes, zip.entries, file, limits)
        return readWorkbook(bytes, file, zip.format, options, limits)
      }
      return readXlsxStreaming(bytes, file, zip.format, zip.entries, zip.contentTypes, options, limits, sink, keep)
    }
    case 'cfb':
      refuseTextName(file, 'xls')
      return readWorkbook(bytes, file, 'xls', options, limits)
    case 'markup':
      if (MARKUP_EXTENSIONS.has(extension)) return readWorkbook(bytes, file, 'xls', options, limits, true)
      throw sheetReadError('unsupported', file, 'the file is a web page or XML document, not a spreadsheet. Open it in Excel, save it as .xlsx or CSV and try again.', why('sheet.markup'))
    case 'binary':
      throw binaryContent(file, extension)
    case 'text':
      if (ZIP_WORKBOOK_EXTENSIONS.has(extension)) {
        throw sheetReadError('unsupported', file, `the file is plain text (such as CSV), not ${extension === 'ods' ? 'a spreadsheet' : 'an Excel workbook'}, despite its .${extension} name. Rename it to ${withExtension(file, 'csv')} and open it again.`, why(extension === 'ods' ? 'sheet.textAsOds' : 'sheet.textAsExcel', { extension, name: withExtension(file, 'csv') }))
      }
      return readTextRecords(bytes, file, options, limits, utf8, sink)
  }
}

/** A workbook saved under a text name is refused rather than guessed at: the name is how people
 * tell their files apart, and Excel refuses it too. */
function refuseTextName(file: string, format: WorkbookFormat): void {
  const extension = extensionOf(file)
  if (TEXT_EXTENSIONS.has(extension)) {
    throw sheetReadError('unsupported', file, `the file is ${FORMAT_LABELS[format]}, not a .${extension} text file. Rename it to ${withExtension(file, format)} and open it again.`, why('sheet.workbookAsText', { what: why(FORMAT_LABEL_KEYS[format]), extension, name: withExtension(file, format) }))
  }
}

function binaryContent(file: string, extension: string): SheetReadError {
  if (ZIP_WORKBOOK_EXTENSIONS.has(extension) || extension === 'xls') {
    const resave = extension.startsWith('od') ? 'Re-save it from LibreOffice as .ods or .xlsx' : 'Re-save it from Excel as .xlsx'
    return sheetReadError('malformed', file, `the file is not a valid ${extension.startsWith('od') ? 'OpenDocument spreadsheet' : 'Excel workbook'} (it may be truncated or renamed). ${resave} and try again.`, why(extension.startsWith('od') ? 'sheet.badOds' : 'sheet.badXlsx'))
  }
  if (TEXT_EXTENSIONS.has(extension)) {
    return sheetReadError('malformed', file, 'the file does not look like text: much of it is binary data (such as zero bytes). Export the orders again as CSV, or choose the original workbook.', why('sheet.binary'))
  }
  return sheetReadError('unsupported', file, 'the file is neither a spreadsheet nor a CSV text file. Choose an .xlsx, .xls, .ods, .csv or .tsv file that holds the orders.', why('sheet.unknownKind'))
}

const MB = 1024 * 1024

/** A file may take up to a share of the reader's memory (FILE_SHARE_OF_BUDGET): a bigger one
 * would fail one huge allocation, which V8 cannot recover from (it ends the process, not just the
 * worker), so it is refused first. With the default limits the file size limit comes first. */
function tooBigForMemory(file: string, limits: ReadLimits): SheetReadError {
  return sheetReadError('out-of-memory', file, `the file is too large for memory: reading it needs more than the ${limits.maxHeapMb.toLocaleString('en-US')} MB this app may use. Split it into smaller files and import them one by one.`, why('sheet.tooLargeForMemory', { heap: limits.maxHeapMb }))
}

/** The limit follows from the memory the reader may use, and can be raised (`--max-file-size`
 * on the command line, "Largest file" in the app's settings). */
export function tooLarge(file: string, size: number, limits: ReadLimits): SheetReadError {
  return sheetReadError('too-large', file, `the file is ${humanSize(size)}, more than the ${humanSize(limits.maxFileBytes)} this app reads at once. Raise the limit (--max-file-size in the command line, "Largest file" in the settings) if the computer has the memory, or split the file into smaller ones.`, why('sheet.tooLarge', { size: sizeWhy(size), max: sizeWhy(limits.maxFileBytes) }))
}

/** humanSize as a message, its number in the reader's digits. */
function sizeWhy(bytes: number): Message {
  if (bytes < 1024) return why('size.bytes', { count: bytes })
  if (bytes < 1024 * 1024) return why('size.kb', { count: Math.round(bytes / 1024) })
  return why('size.mb', { count: Math.round((bytes / (1024 * 1024)) * 10) / 10 })
}

function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`
}

function unexpected(file: string, error: unknown): SheetReadError {
  if (error instanceof RangeError && /allocation|memory|array length|string length/i.test(error.message)) {
    return sheetReadError('out-of-memory', file, 'the file is too big to read in the memory available. Split it into smaller files and import them one by one.', why('sheet.outOfMemory'))
  }
  return sheetReadError('malformed', file, 'the file could not be read: its contents are damaged or in an unexpected layout. Open it in Excel or LibreOffice, save it again as .xlsx or CSV and retry.', why('sheet.damaged'))
}
