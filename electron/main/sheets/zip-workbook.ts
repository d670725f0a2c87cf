// Checks a zip-based workbook (xlsx, xlsm, ods) before it is read: part count, declared sizes,
// compression ratios, encryption, and what kind of document it really is. An Excel workbook is
// then read as a stream (read-xlsx.ts), each part's unpacked size checked by the same inflate that
// reads it. SheetJS (ODS) inflates in plain JavaScript into buffers outside the worker's heap
// limit, so for it every part is first unpacked natively with a hard output cap, and the whole
// must fit the memory budget.
import { inflateRawSync } from 'node:zlib'
import { extensionOf, withExtension } from './file-name'
import { MAX_ZIP_ENTRIES, megabyteCount, megabytes, SHEETJS_BYTES_PER_UNPACKED_BYTE, type ReadLimits } from './limits'
import type { CatalogKey } from '#shared/i18n/catalog/index'
import { sheetReadError, why } from './sheet-error'
import { readLocalHeader, readZipDirectory, ZipFormatError, type LocalHeader, type ZipEntry } from './zip-directory'
import { entryText, isOverRatio } from './zip-stream'

export type ZipWorkbookFormat = 'xlsx' | 'xlsm' | 'ods'

const STORED = 0
const DEFLATE = 8
/** Traditional, strong and central-directory encryption bits, as SheetJS checks them. */
const ENCRYPTED_FLAGS = 0x2041
/** Sizes follow the data in a descriptor; the local header holds zeros. */
const DESCRIPTOR_FLAG = 0x0008
const ZIP64_MARKER = 0xffffffff
/** zlib's smallest output chunk, and a cap on one chunk so a huge declared size does not mean one
 * huge allocation up front. */
const MIN_CHUNK = 64
const MAX_CHUNK = 256 * 1024 * 1024

export interface ZipWorkbook {
  format: ZipWorkbookFormat
  entries: ZipEntry[]
  /** The text of [Content_Types].xml, when there is one. */
  contentTypes?: string
}

/** The directory and the declared sizes are checked; only the small part that says what the
 * document is gets unpacked (capped at its declared size). */
export function inspectZipWorkbook(bytes: Uint8Array, file: string, limits: ReadLimits): ZipWorkbook {
  const entries = readEntries(bytes, file)
  checkDeclaredSizes(entries, file, limits)
  const mimetype = entries.find((entry) => entry.name === 'mimetype')
  if (mimetype) return { format: classifyOpenDocument(entryText(bytes, mimetype, file).trim(), file), entries }
  const types = entries.find((entry) => entry.name === '[Content_Types].xml')
  if (types) {
    const contentTypes = entryText(bytes, types, file)
    return { format: classifyOfficeOpenXml(contentTypes, file), entries, contentTypes }
  }
  if (entries.some((entry) => entry.name === 'xl/workbook.xml')) return { format: 'xlsx', entries }
  throw sheetReadError('unsupported', file, 'the file is a ZIP archive, not a spreadsheet. Unzip it and choose the .xlsx, .ods or .csv file inside.', why('sheet.zip'))
}

/** Before SheetJS reads a zip: it unpacks every part and holds it, so the whole must fit the
 * memory budget, and each part is unpacked once here with its output capped. */
export function checkPartsForSheetJs(bytes: Uint8Array, entries: readonly ZipEntry[], file: string, limits: ReadLimits): void {
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0)
  if (total * SHEETJS_BYTES_PER_UNPACKED_BYTE > limits.maxHeapMb * 1024 * 1024) {
    throw sheetReadError('out-of-memory', file, `the workbook unpacks to ${megabytes(total)}, too large for memory: reading it would need more than the ${limits.maxHeapMb.toLocaleString('en-US')} MB this app may use. Save the sheet as .xlsx or CSV, or split it into smaller files.`, why('sheet.unpacksTooLarge', { size: megabyteCount(total), heap: limits.maxHeapMb }))
  }
  // SheetJS holds each part as one string; past V8's longest string it would see an empty part
  // and call the sheet empty.
  const tooLong = entries.find((entry) => entry.uncompressedSize > MAX_STRING_LENGTH)
  if (tooLong) {
    throw sheetReadError('out-of-memory', file, `a part of the workbook (${tooLong.name}) unpacks to ${megabytes(tooLong.uncompressedSize)}, too large for memory: it is more text than one piece of memory can hold. Save the sheet as .xlsx or CSV, or split it into smaller files.`, why('sheet.partTooLarge', { part: tooLong.name, size: megabyteCount(tooLong.uncompressedSize) }))
  }
  for (const entry of entries) unpackWithinDeclaredSize(bytes, entry, file)
}

/** V8's longest string (2^29 - 24 characters on 64-bit builds). */
const MAX_STRING_LENGTH = 0x1fffffe8

function readEntries(bytes: Uint8Array, file: string): ZipEntry[] {
  try {
    const entries = readZipDirectory(bytes)
    if (entries.length === 0) throw sheetReadError('unsupported', file, 'the file is an empty ZIP archive, not a spreadsheet. Choose the .xlsx, .ods or .csv file itself.', why('sheet.emptyZip'))
    return entries
  } catch (error) {
    if (error instanceof ZipFormatError) throw damaged(file)
    throw error
  }
}

function checkDeclaredSizes(entries: readonly ZipEntry[], file: string, limits: ReadLimits): void {
  if (entries.length > MAX_ZIP_ENTRIES) {
    throw sheetReadError('zip-bomb', file, `the workbook is packed with ${entries.length.toLocaleString('en-US')} parts, far more than a real spreadsheet has, so it was not opened. Re-save it from Excel as .xlsx, or export the sheet as CSV.`, why('sheet.tooManyParts', { count: entries.length }))
  }
  if (entries.some((entry) => (entry.flags & ENCRYPTED_FLAGS) !== 0)) {
    throw sheetReadError('unsupported', file, 'the file is an encrypted ZIP archive. Save an unencrypted copy of the workbook and try again.', why('sheet.encryptedZip'))
  }
  let total = 0
  for (const entry of entries) {
    total += entry.uncompressedSize
    if (total > limits.maxUncompressedBytes) {
      throw sheetReadError('zip-bomb', file, `the workbook would unpack to more than ${megabytes(limits.maxUncompressedBytes)}, which is more than this app reads safely. Split it into smaller files or export the sheet as CSV.`, why('sheet.unpacksBeyondLimit', { size: megabyteCount(limits.maxUncompressedBytes) }))
    }
    if (isOverRatio(entry, limits.maxCompressionRatio)) {
      throw sheetReadError('zip-bomb', file, `a part of the workbook (${entry.name}) is compressed more than ${limits.maxCompressionRatio} times, as in a "zip bomb", so it was not opened. If the file is genuine, open it in Excel, save it again as .xlsx and retry.`, why('sheet.zipBombRatio', { part: entry.name, ratio: limits.maxCompressionRatio }))
    }
  }
}

/** Unpacks one part with the output capped at its declared size: a part that lies about its
 * size (the trick of most zip bombs) fails here instead of exhausting memory later. */
function unpackWithinDeclaredSize(bytes: Uint8Array, entry: ZipEntry, file: string): Uint8Array {
  const local = localHeaderOf(bytes, entry, file)
  const start = local.dataStart
  const packed = bytes.subarray(start, start + entry.compressedSize)
  if (entry.method === STORED) {
    if (entry.compressedSize !== entry.uncompressedSize) throw damaged(file)
    return packed
  }
  if (entry.method !== DEFLATE) {
    throw sheetReadError('unsupported', file, `a part of the workbook (${entry.name}) uses a compression method Excel does not use. Open the file in Excel or LibreOffice, save it again as .xlsx and retry.`, why('sheet.compression', { part: entry.name }))
  }
  try {
    // One output chunk of the declared size (already checked against the limits) instead of
    // zlib's 16 KB chunks joined at the end: half the time for a sheet of 90 MB.
    const size = Math.max(1, entry.uncompressedSize)
    return inflateRawSync(packed, { maxOutputLength: size, chunkSize: Math.max(MIN_CHUNK, Math.min(size, MAX_CHUNK)) })
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw sheetReadError('zip-bomb', file, `a part of the workbook (${entry.name}) unpacks to more than it declares, as in a "zip bomb", so it was not opened. If the file is genuine, open it in Excel, save it again as .xlsx and retry.`, why('sheet.zipBombSize', { part: entry.name }))
    }
    throw damaged(file)
  }
}

function localHeaderOf(bytes: Uint8Array, entry: ZipEntry, file: string): LocalHeader {
  let local: LocalHeader
  try {
    local = readLocalHeader(bytes, entry)
  } catch (error) {
    if (error instanceof ZipFormatError) throw damaged(file)
    throw error
  }
  if ((local.flags & ENCRYPTED_FLAGS) !== 0) {
    throw sheetReadError('unsupported', file, 'the file is an encrypted ZIP archive. Save an unencrypted copy of the workbook and try again.', why('sheet.encryptedZip'))
  }
  if (local.name !== entry.name || local.method !== entry.method || !sameSizes(local, entry)) throw damaged(file)
  return local
}

function sameSizes(local: LocalHeader, entry: ZipEntry): boolean {
  if ((local.flags & DESCRIPTOR_FLAG) !== 0) return true
  const same = (a: number, b: number): boolean => a === b || a === ZIP64_MARKER
  return same(local.compressedSize, entry.compressedSize) && same(local.uncompressedSize, entry.uncompressedSize)
}

function classifyOpenDocument(mimetype: string, file: string): ZipWorkbookFormat {
  if (mimetype.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'ods'
  const [kind, kindKey]: [string, CatalogKey] = mimetype.includes('opendocument.text') ? ['a text document (.odt)', 'sheet.kind.odt']
    : mimetype.includes('opendocument.presentation') ? ['a presentation (.odp)', 'sheet.kind.odp']
      : ['an OpenDocument file that is not a spreadsheet', 'sheet.kind.otherOd']
  throw sheetReadError('unsupported', file, `the file is ${kind}, not a spreadsheet. Choose the spreadsheet (.ods, .xlsx or .csv) that holds the orders.`, why('sheet.notSheetOds', { what: why(kindKey) }))
}

/** By the content type of the main workbook part. The XML types are looked for first: writers
 * (SheetJS among them) list the binary-workbook type as a default for any .bin part. */
function classifyOfficeOpenXml(types: string, file: string): ZipWorkbookFormat {
  if (/ms-excel\.(sheet|template)\.macroEnabled\.main\+xml/.test(types)) return 'xlsm'
  if (/spreadsheetml\.(sheet|template)\.main\+xml/.test(types)) return 'xlsx'
  if (types.includes('ms-excel.sheet.binary.macroEnabled.main')) {
    throw sheetReadError('unsupported', file, `the file is an Excel binary workbook (.xlsb), which this app does not read. Open it in Excel and save it as ${withExtension(file, 'xlsx')}.`, why('sheet.xlsb', { name: withExtension(file, 'xlsx') }))
  }
  const [kind, kindKey]: [string, CatalogKey] = types.includes('wordprocessingml') ? ['a Word document', 'sheet.kind.word']
    : types.includes('presentationml') ? ['a PowerPoint presentation', 'sheet.kind.powerpoint']
      : ['an Office document that is not a spreadsheet', 'sheet.kind.otherOffice']
  throw sheetReadError('unsupported', file, `the file is ${kind}, not a spreadsheet. Choose the Excel workbook or CSV file that holds the orders.`, why('sheet.notSheet', { what: why(kindKey) }))
}

function damaged(file: string) {
  if (extensionOf(file) === 'ods') {
    return sheetReadError('malformed', file, 'the file is not a valid OpenDocument spreadsheet (it may be truncated or renamed). Re-save it from LibreOffice as .ods or .xlsx and try again.', why('sheet.badOds'))
  }
  return sheetReadError('malformed', file, 'the file is not a valid Excel workbook (it may be truncated or renamed). Re-save it from Excel as .xlsx and try again.', why('sheet.badXlsx'))
}
