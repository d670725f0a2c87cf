import { describe, expect, it } from 'vitest'
import type { SheetErrorCode } from '../../../electron/main/sheets/sheet-error'
import type { ParseOptions, ZipPart } from './helpers'
import { concat, parseError, workbookBytes, XLSX_CONTENT_TYPES, zipBytes } from './helpers'

const text = (value: string): Uint8Array => new TextEncoder().encode(value)

/** Deterministic noise: the same "random" file on every run. */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length)
  let state = seed >>> 0
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    out[i] = state >>> 24
  }
  return out
}

const MB = 1024 * 1024
const GOOD_XLSX = workbookBytes([{ name: 'Orders', rows: [['Email', 'Price'], ['a@b.c', 10]] }])
const GOOD_XLS = workbookBytes([{ name: 'Orders', rows: [['Email', 'Price'], ['a@b.c', 10]] }], 'biff8')
const PNG = concat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise(200, 1))
const sheetXml = (data: Uint8Array): ZipPart => ({ name: 'xl/worksheets/sheet1.xml', data })
/** A workbook part naming one sheet, which is then found at xl/worksheets/sheet1.xml. */
const workbookXml: ZipPart = { name: 'xl/workbook.xml', data: new TextEncoder().encode('<workbook><sheets><sheet name="Orders" sheetId="1"/></sheets></workbook>') }
const typesPart = (types: string): ZipPart => ({ name: '[Content_Types].xml', data: text(types) })

interface Case {
  name: string
  bytes: Uint8Array
  file: string
  options?: ParseOptions
  code: SheetErrorCode
  says: string
}

const CASES: Case[] = [
  { name: 'an empty file', bytes: new Uint8Array(0), file: 'orders.csv', code: 'empty', says: 'the file is empty (0 bytes)' },
  { name: 'a CSV with only blank lines', bytes: text('\r\n \r\n\t\r\n'), file: 'orders.csv', code: 'empty', says: 'has no text' },
  { name: 'a CSV with only a byte order mark', bytes: new Uint8Array([0xef, 0xbb, 0xbf]), file: 'orders.csv', code: 'empty', says: 'has no text' },
  { name: 'a file over the size limit', bytes: text('a,b\n1,2\n'.repeat(100)), file: 'orders.csv', options: { limits: { maxFileBytes: 100 } }, code: 'too-large', says: 'Raise the limit (--max-file-size' },
  { name: 'a truncated xlsx', bytes: GOOD_XLSX.subarray(0, Math.floor(GOOD_XLSX.length / 2)), file: 'orders.xlsx', code: 'malformed', says: 'the file is not a valid Excel workbook (it may be truncated or renamed). Re-save it from Excel as .xlsx and try again.' },
  { name: 'random binary named .xlsx', bytes: noise(4096, 7), file: 'orders.xlsx', code: 'malformed', says: 'not a valid Excel workbook (it may be truncated or renamed)' },
  { name: 'random binary named .csv', bytes: noise(4096, 7), file: 'orders.csv', code: 'malformed', says: 'does not look like text' },
  { name: 'random binary with no extension', bytes: noise(4096, 7), file: 'orders', code: 'unsupported', says: 'neither a spreadsheet nor a CSV' },
  { name: 'a PNG renamed .xlsx', bytes: PNG, file: 'orders.xlsx', code: 'unsupported', says: 'the file is a PNG image, not a spreadsheet' },
  { name: 'a PDF renamed .csv', bytes: text('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), file: 'orders.csv', code: 'unsupported', says: 'a PDF document' },
  { name: 'an xlsx renamed .csv', bytes: GOOD_XLSX, file: 'orders.csv', code: 'unsupported', says: 'the file is an Excel workbook (.xlsx), not a .csv text file. Rename it to orders.xlsx' },
  { name: 'an xls renamed .txt', bytes: GOOD_XLS, file: 'orders.txt', code: 'unsupported', says: 'Rename it to orders.xls' },
  { name: 'a CSV renamed .xlsx', bytes: text('Email,Price\na@b.c,10\n'), file: 'orders.xlsx', code: 'unsupported', says: 'Rename it to orders.csv' },
  { name: 'a CSV with a NUL-heavy binary body', bytes: concat(text('Email,Price\na@b.c,10\n'), new Uint8Array(5000), noise(3000, 3)), file: 'orders.csv', code: 'malformed', says: 'binary data' },
  { name: 'a web page named .csv', bytes: text('<!DOCTYPE html><html><body>Sign in</body></html>'), file: 'orders.csv', code: 'unsupported', says: 'web page' },
  { name: 'a damaged xls', bytes: concat(GOOD_XLS.subarray(0, 8), noise(2048, 5)), file: 'orders.xls', code: 'malformed', says: 'not a valid Excel 97-2003 workbook' },
  { name: 'a workbook with a header but no rows', bytes: workbookBytes([{ name: 'Orders', rows: [['Email', 'Price']] }]), file: 'orders.xlsx', code: 'no-data', says: 'sheet "Orders" has a header in row 1 but no rows of orders below it' },
  { name: 'a workbook whose sheets are all empty', bytes: workbookBytes([{ name: 'A', rows: [] }, { name: 'B', rows: [[null, '  ']] }]), file: 'orders.xlsx', code: 'empty', says: 'all 2 sheets of the workbook are empty' },
  { name: 'a zip bomb (one part compressed 1000 times)', bytes: zipBytes([{ name: '[Content_Types].xml', data: XLSX_CONTENT_TYPES }, sheetXml(new Uint8Array(5 * MB))]), file: 'orders.xlsx', code: 'zip-bomb', says: 'xl/worksheets/sheet1.xml' },
  { name: 'a zip part that unpacks to more than it declares', bytes: zipBytes([{ name: '[Content_Types].xml', data: XLSX_CONTENT_TYPES }, workbookXml, { ...sheetXml(new Uint8Array(200_000)), declaredSize: 1000 }]), file: 'orders.xlsx', code: 'zip-bomb', says: 'unpacks to more than it declares' },
  { name: 'a workbook over the unpacked-size limit', bytes: GOOD_XLSX, file: 'orders.xlsx', options: { limits: { maxUncompressedBytes: 1000 } }, code: 'zip-bomb', says: 'would unpack to more than' },
  { name: 'a zip with thousands of parts', bytes: zipBytes(Array.from({ length: 10_001 }, (_, i) => ({ name: `p${i}`, data: new Uint8Array(0), method: 0 as const }))), file: 'orders.xlsx', code: 'zip-bomb', says: '10,001 parts' },
  { name: 'a Word document', bytes: zipBytes([typesPart('<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')]), file: 'orders.docx', code: 'unsupported', says: 'a Word document' },
  { name: 'an Excel binary workbook', bytes: zipBytes([typesPart('<Types><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>')]), file: 'orders.xlsb', code: 'unsupported', says: 'save it as orders.xlsx' },
  { name: 'an OpenDocument text', bytes: zipBytes([{ name: 'mimetype', data: text('application/vnd.oasis.opendocument.text'), method: 0 }]), file: 'orders.ods', code: 'unsupported', says: 'a text document (.odt)' },
  { name: 'a plain zip archive', bytes: zipBytes([{ name: 'orders.csv', data: text('a,b\n1,2\n') }]), file: 'orders.zip', code: 'unsupported', says: 'Unzip it' },
  { name: 'an empty zip archive', bytes: zipBytes([]), file: 'orders.xlsx', code: 'unsupported', says: 'empty ZIP archive' },
  { name: 'an xlsx with no worksheet data', bytes: zipBytes([{ name: '[Content_Types].xml', data: XLSX_CONTENT_TYPES }, sheetXml(text('<worksheet/>'))]), file: 'orders.xlsx', code: 'malformed', says: 'not a valid Excel workbook' }
]

describe('hostile and broken files', () => {
  it.each(CASES)('$name -> $code', ({ bytes, file, options, code, says }) => {
    const error = parseError(bytes, file, options)
    expect(error.code).toBe(code)
    expect(error.file).toBe(file)
    expect(error.message.startsWith(`${file}: `)).toBe(true)
    expect(error.message).toContain(says)
    // One line for a person: no stack, no line breaks.
    expect(error.message).not.toMatch(/[\r\n]|\bat .+:\d+/)
  })

  it('refuses an encrypted zip before unpacking it', () => {
    const bytes = zipBytes([{ name: '[Content_Types].xml', data: XLSX_CONTENT_TYPES }])
    // Set bit 0 (encrypted) in the central directory entry's flags.
    const central = bytes.length - 22 - (46 + '[Content_Types].xml'.length)
    bytes[central + 8] = 1
    expect(parseError(bytes, 'orders.xlsx')).toMatchObject({ code: 'unsupported' })
  })

  it('refuses a zip whose local header disagrees with its directory (what SheetJS would trust)', () => {
    const bytes = zipBytes([{ name: '[Content_Types].xml', data: XLSX_CONTENT_TYPES }, sheetXml(text('<worksheet/>'))])
    // Local header of the first part: make its uncompressed size disagree.
    new DataView(bytes.buffer).setUint32(22, 999_999, true)
    expect(parseError(bytes, 'orders.xlsx')).toMatchObject({ code: 'malformed' })
  })
})
