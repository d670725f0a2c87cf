// Builders for the sheet tests: files in a temp folder, legacy-encoded text, workbooks written by
// SheetJS, and hand-made zips (for zip bombs and damaged archives SheetJS would never write).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateRawSync } from 'node:zlib'
import * as XLSX from 'xlsx'
import { parseSheetBytes } from '../../../electron/main/sheets/read-sheet'
import { SheetReadError, type SheetError } from '../../../electron/main/sheets/sheet-error'
import type { ReadResult, SheetReadOptions } from '#shared/sheet/sheet'
import type { ReadLimits } from '../../../electron/main/sheets/read-sheet'

export type ParseOptions = SheetReadOptions & { limits?: Partial<ReadLimits> }

export function parseText(text: string, file = 'orders.csv', options: ParseOptions = {}): ReadResult {
  return parseSheetBytes(new TextEncoder().encode(text), file, options)
}

/** The SheetError a parse fails with; fails the test when the parse succeeds or throws otherwise. */
export function parseError(bytes: Uint8Array, file: string, options: ParseOptions = {}): SheetError {
  try {
    parseSheetBytes(bytes, file, options)
  } catch (error) {
    if (error instanceof SheetReadError) return error.error
    throw new Error(`expected a SheetReadError, got ${String(error)}`)
  }
  throw new Error('expected the parse to fail')
}

/** Bytes of `text` in a single-byte Windows code page, built from TextDecoder's own table. */
export function encodeSingleByte(text: string, label: 'windows-1251' | 'windows-1252'): Uint8Array {
  const decoder = new TextDecoder(label)
  const table = new Map<string, number>()
  for (let byte = 0x80; byte <= 0xff; byte++) table.set(decoder.decode(new Uint8Array([byte])), byte)
  return Uint8Array.from(text, (char) => {
    const code = char.charCodeAt(0)
    const byte = code < 0x80 ? code : table.get(char)
    if (byte === undefined) throw new Error(`${char} is not in ${label}`)
    return byte
  })
}

export function encodeUtf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const full = (bom ? '\ufeff' : '') + text
  const out = new Uint8Array(full.length * 2)
  for (let i = 0; i < full.length; i++) {
    const code = full.charCodeAt(i)
    out[i * 2 + (endian === 'le' ? 0 : 1)] = code & 0xff
    out[i * 2 + (endian === 'le' ? 1 : 0)] = code >> 8
  }
  return out
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

export interface SheetSpec {
  name: string
  rows: unknown[][]
  /** A1 address -> number format. */
  formats?: Record<string, string>
}

export function workbookBytes(sheets: SheetSpec[], bookType: XLSX.BookType = 'xlsx', date1904 = false): Uint8Array {
  const workbook = XLSX.utils.book_new()
  for (const spec of sheets) {
    const sheet = XLSX.utils.aoa_to_sheet(spec.rows)
    for (const [address, format] of Object.entries(spec.formats ?? {})) {
      const cell = sheet[address] as XLSX.CellObject | undefined
      if (!cell) throw new Error(`no cell ${address} to format`)
      cell.z = format
    }
    XLSX.utils.book_append_sheet(workbook, sheet, spec.name)
  }
  if (date1904) workbook.Workbook = { ...workbook.Workbook, WBProps: { date1904: true } }
  return new Uint8Array(XLSX.write(workbook, { type: 'array', bookType, compression: true }) as ArrayBuffer)
}

export interface ZipPart {
  name: string
  data: Uint8Array
  /** Stored (0) or deflated (8); default 8. */
  method?: 0 | 8
  /** Lie about the unpacked size in both headers. */
  declaredSize?: number
}

/** A minimal zip writer (no CRC: neither the guard nor SheetJS checks it). */
export function zipBytes(parts: ZipPart[]): Uint8Array {
  const locals: Uint8Array[] = []
  const centrals: Uint8Array[] = []
  let offset = 0
  for (const part of parts) {
    const method = part.method ?? 8
    const packed = method === 8 ? new Uint8Array(deflateRawSync(part.data)) : part.data
    const name = new TextEncoder().encode(part.name)
    const size = part.declaredSize ?? part.data.length
    const local = new Uint8Array(30 + name.length)
    const lv = new DataView(local.buffer)
    lv.setUint32(0, 0x04034b50, true)
    lv.setUint16(4, 20, true)
    lv.setUint16(8, method, true)
    lv.setUint32(18, packed.length, true)
    lv.setUint32(22, size, true)
    lv.setUint16(26, name.length, true)
    local.set(name, 30)
    const central = new Uint8Array(46 + name.length)
    const cv = new DataView(central.buffer)
    cv.setUint32(0, 0x02014b50, true)
    cv.setUint16(4, 20, true)
    cv.setUint16(6, 20, true)
    cv.setUint16(10, method, true)
    cv.setUint32(20, packed.length, true)
    cv.setUint32(24, size, true)
    cv.setUint16(28, name.length, true)
    cv.setUint32(42, offset, true)
    central.set(name, 46)
    locals.push(local, packed)
    centrals.push(central)
    offset += local.length + packed.length
  }
  const directory = concat(...centrals)
  const end = new Uint8Array(22)
  const ev = new DataView(end.buffer)
  ev.setUint32(0, 0x06054b50, true)
  ev.setUint16(8, parts.length, true)
  ev.setUint16(10, parts.length, true)
  ev.setUint32(12, directory.length, true)
  ev.setUint32(16, offset, true)
  return concat(...locals, directory, end)
}

export const XLSX_CONTENT_TYPES = new TextEncoder().encode(
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
)

export interface TempFolder {
  path(name: string): string
  write(name: string, content: Uint8Array | string): string
  remove(): void
}

export function tempFolder(): TempFolder {
  const root = mkdtempSync(join(tmpdir(), 'orderbatch-sheets-'))
  return {
    path: (name) => join(root, name),
    write: (name, content) => {
      const path = join(root, name)
      writeFileSync(path, content)
      return path
    },
    remove: () => rmSync(root, { recursive: true, force: true })
  }
}
