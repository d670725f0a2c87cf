// Limits that follow from the reader's memory budget, and the messages of every refusal they
// cause: a sheet too big for memory is "too large for memory", never "empty", and it is refused
// before its rows are read whenever its declared size tells.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readBytes } from '../../../electron/main/service/sheet-sessions'
import { toPrepareOptions } from '../../../electron/main/cli/read-options'
import type { CliIo } from '../../../electron/main/cli/io'
import { BYTES_PER_CELL, limitsForMaxFileMb, resolveLimits } from '../../../electron/main/sheets/limits'
import { parseSheetStreaming } from '../../../electron/main/sheets/parse-bytes'
import { parseError, workbookBytes, XLSX_CONTENT_TYPES, zipBytes } from './helpers'

const MB = 1024 * 1024
const text = (value: string): Uint8Array => new TextEncoder().encode(value)

function workbook(sheetXml: string, sharedStrings?: string): Uint8Array {
  return zipBytes([
    { name: '[Content_Types].xml', data: sharedStrings === undefined ? XLSX_CONTENT_TYPES : CONTENT_TYPES_WITH_STRINGS },
    { name: 'xl/workbook.xml', data: text('<workbook><sheets><sheet name="Orders" sheetId="1"/></sheets></workbook>') },
    { name: 'xl/worksheets/sheet1.xml', data: text(`<worksheet>${sheetXml}</worksheet>`) },
    ...(sharedStrings === undefined ? [] : [{ name: 'xl/sharedStrings.xml', data: text(`<sst>${sharedStrings}</sst>`) }])
  ])
}

const CONTENT_TYPES_WITH_STRINGS = text(
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)

function rowsXml(count: number, width: number, from = 1): string {
  const columns = Array.from({ length: width }, (_, c) => String.fromCharCode(65 + c))
  let xml = ''
  for (let r = from; r < from + count; r++) xml += `<row r="${r}">${columns.map((col) => `<c r="${col}${r}"><v>${r}</v></c>`).join('')}</row>`
  return xml
}

describe('limits from the memory budget', () => {
  it('derives the file size limit and the cell budget from the memory the reader may use', () => {
    const limits = resolveLimits({ maxHeapMb: 400 })
    expect(limits.maxFileBytes).toBe(100 * MB)
    expect(limits.maxCells).toBe(Math.floor((400 * MB) / BYTES_PER_CELL))
    // Given sizes win over derived ones.
    expect(resolveLimits({ maxHeapMb: 400, maxFileBytes: 5 * MB }).maxFileBytes).toBe(5 * MB)
    // The default reads a 1,000,000-row CSV of 20 columns (about 222 MB) and its 20 million cells.
    const defaults = resolveLimits()
    expect(defaults.maxFileBytes).toBeGreaterThanOrEqual(250 * MB)
    expect(defaults.maxCells).toBeGreaterThan(20_000_000)
  })

  it('raises the memory budget with a larger file size limit, so the file is really read', () => {
    const limits = resolveLimits(limitsForMaxFileMb(3000))
    expect(limits.maxFileBytes).toBe(3000 * MB)
    expect(limits.maxHeapMb).toBeGreaterThanOrEqual(12_000)
    expect(limits.maxCells).toBe(Math.floor((limits.maxHeapMb * MB) / BYTES_PER_CELL))
    expect(limitsForMaxFileMb(Number.NaN)).toEqual({})
  })

  it('takes --max-file-size in MB or GB on the command line and refuses anything else', () => {
    const io = { cwd: '/tmp' } as CliIo
    expect(toPrepareOptions({ 'max-file-size': '500' }, io).limits?.maxFileBytes).toBe(500 * MB)
    expect(toPrepareOptions({ 'max-file-size': '2GB' }, io).limits?.maxFileBytes).toBe(2048 * MB)
    expect(toPrepareOptions({}, io).limits).toBeUndefined()
    for (const bad of ['lots', '-5', '0', '5TB']) expect(() => toPrepareOptions({ 'max-file-size': bad }, io)).toThrow(/--max-file-size must be a size in MB/)
  })

  it('reads a file in the app with the largest file size chosen there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orderbatch-limits-'))
    try {
      const bytes = text('a,b\n1,2\n'.repeat(50))
      await expect(readBytes(dir, 'orders.csv', bytes, { maxFileMb: 0.0001 })).rejects.toThrow('orders.csv: the file is 400 bytes, more than the 104 bytes this app reads at once.')
      await expect(readBytes(dir, 'orders.csv', bytes, { maxFileMb: 1 })).resolves.toMatchObject({ meta: { rowCount: 99 } })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('says how to raise the file size limit when a file is over it', () => {
    const error = parseError(text('a,b\n1,2\n'.repeat(50)), 'orders.csv', { limits: { maxFileBytes: 100 } })
    expect(error.code).toBe('too-large')
    expect(error.message).toBe('orders.csv: the file is 400 bytes, more than the 100 bytes this app reads at once. Raise the limit (--max-file-size in the command line, "Largest file" in the settings) if the computer has the memory, or split the file into smaller ones.')
  })
})

describe('workbooks too large for memory', () => {
  it('refuses a sheet whose declared size needs more cells than the budget, before a row is read', () => {
    const bytes = workbook(`<dimension ref="A1:T100000"/><sheetData>${rowsXml(3, 20)}</sheetData>`)
    let batches = 0
    let caught: unknown
    try {
      parseSheetStreaming(bytes, 'orders.xlsx', { limits: { maxCells: 1_000_000 } }, () => batches++)
    } catch (error) {
      caught = error
    }
    expect(batches).toBe(0)
    const heap = resolveLimits().maxHeapMb
    expect((caught as { error?: unknown }).error).toEqual({
      code: 'out-of-memory',
      file: 'orders.xlsx',
      message: `orders.xlsx: sheet "Orders" (100,000 rows by 20 columns) is too large for memory: it has more than the 1,000,000 cells that fit in the ${heap.toLocaleString('en-US')} MB this app may use. Split it into smaller files, delete unused columns, or raise the limit on file size.`,
      // The same refusal as a catalog key and values, worded in the reader's language.
      localized: {
        key: 'sheet.error',
        params: { file: 'orders.xlsx', problem: { key: 'sheet.sheetTooManyCellsSized', params: { sheet: 'Orders', rows: 100_000, columns: 20, cells: 1_000_000, heap } } }
      }
    })
  })

  it('stops a sheet that declares less than it holds as soon as its cells pass the budget', () => {
    const bytes = workbook(`<dimension ref="A1:B2"/><sheetData>${rowsXml(200, 5)}</sheetData>`)
    const error = parseError(bytes, 'orders.xlsx', { limits: { maxCells: 500 } })
    expect(error.code).toBe('out-of-memory')
    expect(error.message).toContain('sheet "Orders" is too large for memory: it has more than the 500 cells')
    // Within the budget the same sheet is read.
    expect(() => parseSheetBytesOk(bytes, { maxCells: 1000 })).not.toThrow()
  })

  it('counts a very wide sheet by its width on every row', () => {
    // One cell far to the right makes every row of the table that wide.
    const far = '<row r="2"><c r="XFD2"><v>1</v></c></row>'
    const bytes = workbook(`<sheetData>${rowsXml(1, 2)}${far}${rowsXml(10, 2, 3)}</sheetData>`)
    const error = parseError(bytes, 'wide.xlsx', { limits: { maxCells: 16_000 } })
    expect(error).toMatchObject({ code: 'out-of-memory', file: 'wide.xlsx' })
    expect(error.message).toContain('too large for memory')
    expect(() => parseSheetBytesOk(bytes, { maxCells: 50_000 })).not.toThrow()
  })

  it('refuses shared strings whose declared size does not fit the memory budget, never calling the sheet empty', () => {
    const strings = Array.from({ length: 20_000 }, (_, i) => `<si><t>buyer number ${i} at example.com</t></si>`).join('')
    const bytes = workbook(`<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row></sheetData>`, strings)
    const error = parseError(bytes, 'orders.xlsx', { limits: { maxHeapMb: 2 } })
    expect(error.code).toBe('out-of-memory')
    expect(error.message).toMatch(/^orders\.xlsx: the workbook's text \(xl\/sharedStrings\.xml, 1 MB unpacked\) is too large for memory: it needs more than the 2 MB this app may use\./)
    expect(error.message).not.toContain('empty')
  })

  it('refuses an OpenDocument workbook that would unpack to more than SheetJS can hold in the budget', () => {
    const rows = [['Order', 'Comment'], ...Array.from({ length: 3000 }, (_, i) => [i, `a comment long enough to take some room, number ${i}`])]
    const bytes = workbookBytes([{ name: 'Orders', rows }], 'ods')
    const error = parseError(bytes, 'orders.ods', { limits: { maxHeapMb: 4, maxFileBytes: 100 * MB } })
    expect(error.code).toBe('out-of-memory')
    expect(error.message).toMatch(/^orders\.ods: the workbook unpacks to \d+ MB, too large for memory: reading it would need more than the 4 MB this app may use\./)
  })

  it('calls a part of an OpenDocument workbook longer than any string "too large for memory", not empty', () => {
    const bytes = zipBytes([
      { name: 'mimetype', data: text('application/vnd.oasis.opendocument.spreadsheet'), method: 0 },
      { name: 'content.xml', data: text('<office:document-content/>'), declaredSize: 600 * MB }
    ])
    const error = parseError(bytes, 'orders.ods', { limits: { maxHeapMb: 100_000, maxCompressionRatio: 1e9 } })
    expect(error.code).toBe('out-of-memory')
    expect(error.message).toBe('orders.ods: a part of the workbook (content.xml) unpacks to 600 MB, too large for memory: it is more text than one piece of memory can hold. Save the sheet as .xlsx or CSV, or split it into smaller files.')
  })

  it('refuses a CSV with more cells than the budget, naming the row that passed it', () => {
    const wide = `${Array.from({ length: 300 }, (_, i) => `c${i}`).join(',')}\n`
    const error = parseError(text(wide.repeat(10)), 'wide.csv', { limits: { maxCells: 1000 } })
    expect(error.code).toBe('out-of-memory')
    expect(error.message).toBe(`wide.csv: the file is too large for memory: it has more than the 1,000 cells that fit in the ${resolveLimits().maxHeapMb.toLocaleString('en-US')} MB this app may use (row 4 alone has 300). Split it into smaller files, delete unused columns, or raise the limit on file size.`)
  })
})

function parseSheetBytesOk(bytes: Uint8Array, limits: { maxCells: number }): void {
  parseSheetStreaming(bytes, 'orders.xlsx', { limits }, () => undefined)
}
